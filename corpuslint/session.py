"""Assemble a run: plugins -> registry -> selected rules -> instantiated rules.

Worker processes call :func:`build_rules` with the same picklable inputs as
the parent, so every process runs the same rules with the same options.
"""

from __future__ import annotations

from dataclasses import dataclass

import pluggy

from corpuslint.config import Settings
from corpuslint.engine import RuleSet
from corpuslint.plugins import PluginSpec, plugin_manager
from corpuslint.registry import Registry, build_registry
from corpuslint.selection import ActiveRule, active_rules


@dataclass
class Session:
    settings: Settings
    spec: PluginSpec
    pm: pluggy.PluginManager
    registry: Registry
    active: list[ActiveRule]


def plugin_spec(settings: Settings, cli_plugins: tuple[str, ...], blocked: tuple[str, ...]) -> PluginSpec:
    from pathlib import Path

    from corpuslint.config import ConfigError

    # Config paths are relative to the config file, command-line paths to the current directory.
    extra = list(settings.plugins) + [str(Path(r).resolve()) if r.endswith(".py") else r for r in cli_plugins]
    for directory in settings.plugin_dirs:
        base = Path(directory) if Path(directory).is_absolute() else Path(settings.base_dir) / directory
        if not base.is_dir():
            raise ConfigError(f"{settings.source}: key 'plugin-dirs': {directory!r} is not a directory ({base})")
        extra.extend(str(p) for p in sorted(base.glob("*.py")) if not p.name.startswith("_"))
    return PluginSpec(tuple(extra), blocked, settings.base_dir)


def open_session(settings: Settings, spec: PluginSpec) -> Session:
    pm = plugin_manager(spec)
    from corpuslint.rules.declarative import rules_from_config

    registry = build_registry(pm, rules_from_config(settings.rules, settings.source))
    return Session(settings, spec, pm, registry, active_rules(settings, registry))


def build_rules(session: Session) -> RuleSet:
    return RuleSet(session.active, session.registry.readers, {"jsonl": session.settings.jsonl})


def cache_namespace(session: Session) -> str:
    """Everything besides a file's bytes that can change its lint result."""
    from corpuslint import __version__
    from corpuslint.cache import namespace
    from corpuslint.plugins import iter_plugins, plugin_version

    parts = [__version__, repr(session.settings), repr(session.spec)]
    parts += [
        f"{a.rule.code}:{a.rule.name}:{a.rule.plugin}:{a.severity}:{sorted(a.options.items())!r}"
        for a in session.active
    ]
    # Files named in options (knowledge bases, vocabularies) change results too.
    for active in session.active:
        parts += [_file_digest(path) for path in _named_files(active.options)]
    for name, plugin in iter_plugins(session.pm):
        parts.append(f"{name}={plugin_version(session.pm, plugin)}")
        source = getattr(plugin, "__file__", None)
        if source and not name.startswith("corpuslint."):
            parts.append(_file_digest(source))
    return namespace(parts)


def _file_digest(path: str) -> str:
    import hashlib

    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=12).hexdigest()
    except OSError:
        return "missing"


def _named_files(value: object) -> list[str]:
    """Existing files named anywhere in an option value, in a stable order."""
    import os

    if isinstance(value, str):
        return [value] if len(value) < 4096 and os.path.isfile(value) else []
    if isinstance(value, dict):
        return [path for key in sorted(value, key=str) for path in _named_files(value[key])]
    if isinstance(value, (list, tuple)):
        return [path for item in value for path in _named_files(item)]
    return []
