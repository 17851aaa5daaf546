"""Typed registries of rules, readers and formats, collected from plugins.

Each hook implementation is called separately so that every rule knows the
plugin that registered it (for ``corpuslint rules`` and crash reports), and
so that a clash of codes or names can name both plugins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, cast

import pluggy
from pluggy import HookImpl

from corpuslint.formats.base import Formatter
from corpuslint.plugins import PluginError
from corpuslint.readers.base import Reader
from corpuslint.rule import CorpusRule, DocumentRule, Rule

CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)  # by code
    readers: list[Reader] = field(default_factory=list)
    formats: dict[str, type[Formatter]] = field(default_factory=dict)

    def by_name(self) -> dict[str, type[Rule]]:
        return {rule.name: rule for rule in self.rules.values()}

    def lookup(self, name_or_code: str) -> type[Rule] | None:
        return self.rules.get(name_or_code.upper()) or self.by_name().get(name_or_code.lower())


def _validate(rule: type[Rule], plugin: str) -> None:
    if not (isinstance(rule, type) and issubclass(rule, (DocumentRule, CorpusRule))):
        raise PluginError(f"plugin {plugin!r} registered {rule!r}, which is not a DocumentRule or CorpusRule")
    for attr in ("code", "name", "summary"):
        if not getattr(rule, attr, None):
            raise PluginError(f"plugin {plugin!r}: rule {rule.__name__} declares no {attr}")
    if not CODE_PATTERN.match(rule.code):
        raise PluginError(f"plugin {plugin!r}: rule code {rule.code!r} must look like ABC123")
    if not NAME_PATTERN.match(rule.name):
        raise PluginError(f"plugin {plugin!r}: rule name {rule.name!r} must be kebab-case")
    if rule.severity not in ("error", "warning", "info"):
        raise PluginError(f"plugin {plugin!r}: rule {rule.name} has severity {rule.severity!r}")


def _origin(rule: type[Rule], plugin: str) -> str:
    # Rules written as data in a config file name that file, not just "config".
    source = getattr(rule, "config_source", None)
    return f"plugin {plugin!r} ({source})" if source else f"plugin {plugin!r}"


def _add_rule(registry: Registry, rule: type[Rule], plugin: str) -> None:
    _validate(rule, plugin)
    clash = registry.rules.get(rule.code) or registry.by_name().get(rule.name)
    if clash is not None and clash is not rule:
        what = "code" if clash.code == rule.code else "name"
        raise PluginError(
            f"rule {rule.code} {rule.name} from {_origin(rule, plugin)} clashes with "
            f"{clash.code} {clash.name} from {_origin(clash, clash.plugin)} (same {what})"
        )
    rule.plugin = plugin
    registry.rules[rule.code] = rule


def _call(impl: HookImpl, expected: type) -> Any:
    """Call one plugin's hook; a crash or a wrong return type names the plugin."""
    hook = impl.function.__name__
    try:
        value = impl.function()
    except Exception as exc:
        raise PluginError(f"plugin {impl.plugin_name!r} failed in {hook}: {type(exc).__name__}: {exc}") from exc
    value = expected() if value is None else value
    if not isinstance(value, expected) and not (expected is list and isinstance(value, tuple)):
        raise PluginError(
            f"plugin {impl.plugin_name!r}: {hook} must return a {expected.__name__}, got {type(value).__name__}"
        )
    return value


def build_registry(pm: pluggy.PluginManager, extra_rules: list[type[Rule]] | None = None) -> Registry:
    registry = Registry()
    for impl in pm.hook.corpuslint_register_rules.get_hookimpls():
        for rule in cast(list[type[Rule]], _call(impl, list)):
            _add_rule(registry, rule, impl.plugin_name)
    for rule in extra_rules or ():
        _add_rule(registry, rule, "config")
    for impl in pm.hook.corpuslint_register_readers.get_hookimpls():
        registry.readers.extend(cast(list[Reader], _call(impl, list)))
    for impl in pm.hook.corpuslint_register_formats.get_hookimpls():
        registry.formats.update(cast(dict[str, type[Formatter]], _call(impl, dict)))
    return registry
