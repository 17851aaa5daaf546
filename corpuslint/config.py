"""Configuration: ``[tool.corpuslint]`` in pyproject.toml or corpuslint.yaml.

Files are searched from the current directory upward; ``--config`` names one.
Values are validated here (types, known keys); references to rules are
validated later, by :mod:`corpuslint.selection`, once plugins are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

CONFIG_NAMES = ("corpuslint.yaml", ".corpuslint.yaml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst")
LEVELS = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    source: str = "<defaults>"
    base_dir: str = "."
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    plugin_dirs: tuple[str, ...] = ()
    rules: tuple[dict[str, Any], ...] = ()
    jsonl: dict[str, str] = field(default_factory=lambda: {"text-field": "text", "id-field": "id"})
    fail_on: str = "warning"

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _strings(source: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: key '{key}': expected a list of strings, got {value!r}")
    return tuple(value)


def _mapping(source: str, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key '{key}': expected a mapping, got {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def _level(source: str, key: str, value: Any) -> str:
    if value not in LEVELS:
        raise ConfigError(f"{source}: key '{key}': {value!r} is not one of {', '.join(LEVELS)}")
    return str(value)


def _per_file(source: str, value: Any) -> dict[str, tuple[str, ...]]:
    table = _mapping(source, "per-file-ignores", value)
    return {glob: _strings(source, f"per-file-ignores.{glob}", codes) for glob, codes in table.items()}


def _options(source: str, value: Any) -> dict[str, dict[str, Any]]:
    table = _mapping(source, "options", value)
    return {rule: _mapping(source, f"options.{rule}", opts) for rule, opts in table.items()}


def _rules(source: str, value: Any) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{source}: key 'rules': expected a list of rule mappings")
    return tuple(value)


def _jsonl(source: str, value: Any) -> dict[str, str]:
    table = _mapping(source, "jsonl", value)
    allowed = {"text-field", "id-field"}
    for key, item in table.items():
        if key not in allowed or not isinstance(item, str):
            raise ConfigError(f"{source}: key 'jsonl.{key}': allowed keys are text-field, id-field (strings)")
    return {"text-field": "text", "id-field": "id", **table}


def parse(data: dict[str, Any], source: str, base_dir: str) -> Settings:
    """Validate a raw config table into :class:`Settings`."""
    values: dict[str, Any] = {"source": source, "base_dir": base_dir}
    for key, value in data.items():
        if key in ("select", "ignore", "extend-select", "include", "exclude", "plugins", "plugin-dirs"):
            values[key.replace("-", "_")] = _strings(source, key, value)
        elif key == "per-file-ignores":
            values["per_file_ignores"] = _per_file(source, value)
        elif key == "severity":
            table = _mapping(source, key, value)
            values["severity"] = {r: _level(source, f"severity.{r}", lvl) for r, lvl in table.items()}
        elif key == "options":
            values["options"] = _options(source, value)
        elif key == "rules":
            values["rules"] = _rules(source, value)
        elif key == "jsonl":
            values["jsonl"] = _jsonl(source, value)
        elif key == "fail-on":
            values["fail_on"] = _level(source, key, value)
        else:
            allowed = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(f"{source}: unknown key '{key}' (allowed: {allowed})")
    return Settings(**values)


KNOWN_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "options",
    "include",
    "exclude",
    "plugins",
    "plugin-dirs",
    "rules",
    "jsonl",
    "fail-on",
)


def _read_table(path: Path) -> dict[str, Any] | None:
    """The corpuslint table of a config file, or None for a pyproject without one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        import tomllib

        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
        table = doc.get("tool", {}).get("corpuslint")
        return None if table is None else _mapping(str(path), "tool.corpuslint", table)
    from corpuslint import yamlio

    try:
        doc = yamlio.safe_load(text)
    except yamlio.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc
    return {} if doc is None else _mapping(str(path), "(top level)", doc)


def _declares_corpuslint(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    return "[tool.corpuslint" in path.read_text(encoding="utf-8", errors="replace")


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and _declares_corpuslint(candidate):
                return candidate
    return None


def load(explicit: str | None = None, cwd: Path | None = None) -> Settings:
    """Load settings from ``explicit`` or the nearest config file."""
    if explicit is not None:
        path: Path | None = Path(explicit)
        if not path.is_file():  # type: ignore[union-attr]
            raise ConfigError(f"{explicit}: config file not found")
    else:
        path = find_config((cwd or Path.cwd()).resolve())
    if path is None:
        return Settings()
    table = _read_table(path)
    return parse(table or {}, str(path), str(path.parent))
