"""Which rules run, at what severity, with which options.

Selectors are codes, code prefixes ("CL1") or rule names; ``ALL`` selects
everything. When a rule matches both select and ignore, the longest match
wins (a name counts as the most specific match); a tie goes to ignore.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from corpuslint.config import ConfigError, Settings
from corpuslint.models import Severity
from corpuslint.registry import Registry
from corpuslint.rule import Rule

#: Rules that report on the run itself and stay on unless ignored by name or code.
ALWAYS_ON = frozenset({"read-error", "internal-error"})


def match_length(selector: str, rule: type[Rule]) -> int:
    """How specifically ``selector`` names ``rule``; 0 when it does not."""
    if selector.lower() == rule.name:
        return 100
    upper = selector.upper()
    if upper == "ALL":
        return 1
    if rule.code.startswith(upper):
        return 1 + len(upper)
    return 0


def _best(selectors: Iterable[str], rule: type[Rule]) -> int:
    return max((match_length(s, rule) for s in selectors), default=0)


def check_selectors(selectors: Iterable[str], registry: Registry, where: str) -> None:
    for selector in selectors:
        if not any(match_length(selector, rule) for rule in registry.rules.values()):
            known = ", ".join(sorted(f"{r.code} ({r.name})" for r in registry.rules.values()))
            raise ConfigError(f"{where}: unknown rule or code prefix '{selector}' (known rules: {known})")


@dataclass(frozen=True)
class ActiveRule:
    rule: type[Rule]
    severity: Severity
    options: dict[str, Any]


def _options_for(rule: type[Rule], settings: Settings) -> dict[str, Any]:
    given = settings.options.get(rule.name) or settings.options.get(rule.code) or {}
    for key, value in given.items():
        option = rule.options.get(key)
        if option is None:
            allowed = ", ".join(sorted(rule.options)) or "none"
            raise ConfigError(
                f"{settings.source}: key 'options.{rule.name}.{key}': unknown option (allowed: {allowed})"
            )
        if not option.accepts(value):
            raise ConfigError(
                f"{settings.source}: key 'options.{rule.name}.{key}': bad value {value!r} ({option.description})"
            )
    return dict(given)


def _check_references(settings: Settings, registry: Registry) -> None:
    for key, selectors in (
        ("select", settings.select or ()),
        ("ignore", settings.ignore),
        ("extend-select", settings.extend_select),
    ):
        check_selectors(selectors, registry, f"{settings.source}: key '{key}'")
    for glob, codes in settings.per_file_ignores.items():
        check_selectors(codes, registry, f"{settings.source}: key 'per-file-ignores.{glob}'")
    for table_key, table in (("severity", settings.severity), ("options", settings.options)):
        for ref in table:
            if registry.lookup(ref) is None:
                raise ConfigError(f"{settings.source}: key '{table_key}.{ref}': unknown rule (see `corpuslint rules`)")


def active_rules(settings: Settings, registry: Registry) -> list[ActiveRule]:
    _check_references(settings, registry)
    chosen: list[ActiveRule] = []
    for rule in sorted(registry.rules.values(), key=lambda r: r.code):
        if settings.select is None:
            selected = 1 if rule.default_enabled or rule.name in ALWAYS_ON else 0
        else:
            selected = _best(settings.select, rule) or (100 if rule.name in ALWAYS_ON else 0)
        selected = max(selected, _best(settings.extend_select, rule))
        ignored = _best(settings.ignore, rule)
        if selected and selected > ignored:
            level = settings.severity.get(rule.name) or settings.severity.get(rule.code) or rule.severity
            chosen.append(ActiveRule(rule, level, _options_for(rule, settings)))  # type: ignore[arg-type]
    return chosen


def ignored_for_path(path: str, per_file: dict[str, tuple[str, ...]], rule: type[Rule]) -> bool:
    """Whether ``per-file-ignores`` silences ``rule`` in ``path``."""
    posix = PurePath(path).as_posix()
    name = PurePath(path).name
    for glob, selectors in per_file.items():
        matched = fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(posix, f"*/{glob}")
        if matched and _best(selectors, rule):
            return True
    return False


def parse_cli_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())
