"""Plugin loading: built-ins, entry points, config modules and ``--plugin``.

This module (with :mod:`corpuslint.registry`) is the only code that calls
``pm.hook.*``; everything else works with typed registries.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pluggy

from corpuslint import hookspecs

#: Built-in features are plugins like any other (as in pytest's default_plugins).
BUILTIN_PLUGINS: tuple[str, ...] = (
    "corpuslint.readers.text",
    "corpuslint.readers.jsonl",
    "corpuslint.formats.builtin",
    "corpuslint.rules.system",
    "corpuslint.rules.duplicate_paragraph",
    "corpuslint.rules.cross_document_duplicate",
    "corpuslint.rules.boilerplate",
    "corpuslint.rules.mojibake",
    "corpuslint.rules.invisible_characters",
    "corpuslint.rules.orphaned_sentence",
    "corpuslint.rules.anachronism",
    "corpuslint.rules.declarative",
)
ENTRY_POINT_GROUP = "corpuslint"
#: Comma-separated plugin names to block, like ``-p no:NAME``.
BLOCK_ENV = "CORPUSLINT_DISABLE_PLUGINS"


class PluginError(Exception):
    """A plugin cannot be loaded or breaks the plugin API."""


@dataclass(frozen=True)
class PluginSpec:
    """What to load: picklable, so worker processes can rebuild the same set."""

    extra: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    base_dir: str = "."
    use_entry_points: bool = True


def _import_path(path: Path) -> ModuleType:
    name = f"corpuslint_local_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def import_plugin(ref: str, base_dir: str) -> ModuleType:
    """Import a plugin by module name or by file path (relative to the config)."""
    looks_like_path = ref.endswith(".py") or "/" in ref or os.sep in ref
    try:
        if looks_like_path:
            path = Path(ref) if Path(ref).is_absolute() else Path(base_dir) / ref
            if not path.is_file():
                raise PluginError(f"plugin {ref!r}: no such file {path}")
            return _import_path(path)
        return importlib.import_module(ref)
    except PluginError:
        raise
    except Exception as exc:  # a plugin's import error must name the plugin
        raise PluginError(f"plugin {ref!r} failed to import: {type(exc).__name__}: {exc}") from exc


def _blocked(spec: PluginSpec) -> set[str]:
    names = set(spec.blocked)
    names.update(n.strip() for n in os.environ.get(BLOCK_ENV, "").split(",") if n.strip())
    return names


def plugin_manager(spec: PluginSpec) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("corpuslint")
    pm.add_hookspecs(hookspecs)
    blocked = _blocked(spec)
    for name in blocked:
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        if module_name not in blocked:
            pm.register(importlib.import_module(module_name), name=module_name)
    if spec.use_entry_points:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:
            raise PluginError(f"an entry-point plugin failed to load: {type(exc).__name__}: {exc}") from exc
    for ref in spec.extra:
        name = Path(ref).stem if ref.endswith(".py") else ref
        if name in blocked or ref in blocked or pm.has_plugin(name):
            continue
        pm.register(import_plugin(ref, spec.base_dir), name=name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {exc.plugin!r} implements a hook that does not exist: {exc}") from exc
    return pm


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    return str(pm.get_name(plugin) or getattr(plugin, "__name__", repr(plugin)))


def plugin_version(pm: pluggy.PluginManager, plugin: object) -> str:
    for dist_plugin, dist in pm.list_plugin_distinfo():
        if dist_plugin is plugin:
            return str(dist.version)
    return str(
        getattr(plugin, "__version__", "") or ("builtin" if plugin_name(pm, plugin).startswith("corpuslint.") else "")
    )


def hooks_of(pm: pluggy.PluginManager, plugin: object) -> Sequence[str]:
    return sorted(caller.name for caller in pm.get_hookcallers(plugin) or ())


def iter_plugins(pm: pluggy.PluginManager) -> Iterable[tuple[str, object]]:
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        if plugin is not None:
            yield name, plugin
