"""Plugin loading: built-ins, entry points, config modules and ``--plugin``.

This module (with :mod:`corpuslint.registry`) is the only code that calls
``pm.hook.*``; everything else works with typed registries.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
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
    sys.modules[name] = module  # dataclasses and pickling look rule classes up here
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _is_path(ref: str) -> bool:
    return ref.endswith(".py") or "/" in ref or os.sep in ref


def _resolve(ref: str, base_dir: str) -> Path:
    return Path(ref) if Path(ref).is_absolute() else Path(base_dir) / ref


def import_plugin(ref: str, base_dir: str) -> ModuleType:
    """Import a plugin by module name or by file path (relative to the config)."""
    try:
        if _is_path(ref):
            path = _resolve(ref, base_dir)
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


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering each external plugin's version for ``corpuslint plugins``."""

    def __init__(self) -> None:
        super().__init__("corpuslint")
        self.versions: dict[str, str] = {}


def _register(pm: PluginManager, plugin: object, name: str) -> None:
    """Register one plugin; a hook with arguments its spec lacks is an error naming the plugin."""
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        detail = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
        raise PluginError(f"plugin {name!r} breaks the plugin API: {detail}") from exc


def _may_declare_plugins(blocked: set[str]) -> bool:
    """Whether an installed distribution may declare a plugin that is not blocked.

    A quick look at the ``entry_points.txt`` of the distributions on ``sys.path``
    (read as :mod:`importlib.metadata` reads them), so that a run with no plugin
    installed does not import :mod:`importlib.metadata`, which costs about 25 ms,
    a tenth of a run over one file. It may answer yes wrongly (a plugin blocked
    by its distribution's name; a zip archive on the path, which it does not
    open), never no: then the full lookup decides.
    """
    for entry in sys.path:
        directory = entry or "."
        try:
            names = os.listdir(directory)
        except NotADirectoryError:
            return True  # a zip archive
        except OSError:
            continue  # missing, or the name of a path hook
        for name in names:
            if not name.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(directory, name, "entry_points.txt"), encoding="utf-8") as stream:
                    text = stream.read()
            except (FileNotFoundError, NotADirectoryError):  # no entry points; an old single-file egg-info
                continue
            except (OSError, UnicodeDecodeError):
                return True
            if any(plugin not in blocked for plugin in _declared_plugins(text)):
                return True
    return False


def _declared_plugins(entry_points_txt: str) -> Iterator[str]:
    """The names in the ``[corpuslint]`` section, parsed as ``importlib.metadata`` parses them."""
    section = None
    for line in map(str.strip, entry_points_txt.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == ENTRY_POINT_GROUP:
            yield line.split("=", 1)[0].strip()


def _load_entry_points(pm: PluginManager, blocked: set[str]) -> None:
    """Installed plugins; blocked by entry-point name or by distribution name."""
    if not _may_declare_plugins(blocked):
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist.name if ep.dist is not None else ""
        if ep.name in blocked or dist in blocked or pm.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken install must name the plugin, not crash
            raise PluginError(
                f"plugin {ep.name!r} (entry point {ep.value} of {dist or 'an unknown distribution'}) "
                f"failed to import: {type(exc).__name__}: {exc}"
            ) from exc
        if not pm.is_registered(plugin):
            _register(pm, plugin, ep.name)
            pm.versions[ep.name] = ep.dist.version if ep.dist is not None else ""


def _load_extra(pm: PluginManager, ref: str, base_dir: str, blocked: set[str]) -> None:
    """A plugin named in config or on the command line, by module name or file path."""
    name = Path(ref).stem if _is_path(ref) else ref
    if name in blocked or ref in blocked:
        return
    existing = pm.get_plugin(name)
    if existing is not None:
        # Listing a plugin twice is harmless; two different files with one name are not.
        theirs = getattr(existing, "__file__", None)
        if _is_path(ref) and theirs and Path(theirs).resolve() != _resolve(ref, base_dir).resolve():
            raise PluginError(f"two plugins are named {name!r}: {theirs} and {_resolve(ref, base_dir)}")
        return
    module = import_plugin(ref, base_dir)
    if not pm.is_registered(module):  # e.g. also installed under an entry-point name
        _register(pm, module, name)
        pm.versions[name] = str(getattr(module, "__version__", "") or ("local" if _is_path(ref) else ""))


def _check_hooks(pm: PluginManager) -> None:
    """Reject implementations of hooks that do not exist (typos), naming plugin and hook."""
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        known = sorted(n for n, caller in vars(pm.hook).items() if not n.startswith("_") and caller.has_spec())
        unknown = [n for n in vars(pm.hook) if n not in known and not n.startswith("_")]
        hook = next((n for n in unknown if f"{n!r}" in str(exc)), unknown[0] if unknown else "?")
        close = difflib.get_close_matches(hook, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (hooks: {', '.join(known)})"
        name = plugin_name(pm, exc.plugin)
        raise PluginError(f"plugin {name!r} implements a hook that does not exist: {hook!r}{hint}") from exc


def plugin_manager(spec: PluginSpec) -> PluginManager:
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    blocked = _blocked(spec)
    for name in blocked:
        pm.set_blocked(name)
    for module_name in BUILTIN_PLUGINS:
        if module_name not in blocked:
            pm.register(importlib.import_module(module_name), name=module_name)
    if spec.use_entry_points:
        _load_entry_points(pm, blocked)
    for ref in spec.extra:
        _load_extra(pm, ref, spec.base_dir, blocked)
    _check_hooks(pm)
    return pm


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    return str(pm.get_name(plugin) or getattr(plugin, "__name__", repr(plugin)))


def plugin_version(pm: pluggy.PluginManager, plugin: object) -> str:
    name = plugin_name(pm, plugin)
    if name.startswith("corpuslint.") and name in BUILTIN_PLUGINS:
        return "builtin"
    versions: dict[str, str] = getattr(pm, "versions", {})
    return versions.get(name) or str(getattr(plugin, "__version__", "") or "")


def hooks_of(pm: pluggy.PluginManager, plugin: object) -> Sequence[str]:
    return sorted(caller.name for caller in pm.get_hookcallers(plugin) or ())


def iter_plugins(pm: pluggy.PluginManager) -> Iterable[tuple[str, object]]:
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        if plugin is not None:
            yield name, plugin
