"""The Python API: lint paths in-process and get findings back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corpuslint.config import Settings, load, parse
from corpuslint.discovery import discover
from corpuslint.models import Finding
from corpuslint.runner import RunResult, run
from corpuslint.session import build_rules, open_session, plugin_spec


def settings_from(
    config: Mapping[str, Any] | None = None, base_dir: str = ".", config_file: str | None = None
) -> Settings:
    """Settings from a config mapping (as in corpuslint.yaml), or a file."""
    if config is not None:
        return parse(dict(config), "<api>", base_dir)
    return load(config_file)


def lint_paths(
    paths: Sequence[str | Path],
    *,
    select: Sequence[str] | None = None,
    config: Mapping[str, Any] | None = None,
    plugins: Sequence[str] = (),
    jobs: int = 1,
) -> RunResult:
    """Lint files and directories with the given config; returns every finding."""
    settings = settings_from(config)
    if select is not None:
        settings = settings.with_overrides(select=tuple(select))
    spec = plugin_spec(settings, tuple(plugins), ())
    session = open_session(settings, spec)
    rules = build_rules(session)
    sources, problems = discover([str(p) for p in paths], settings.include, settings.exclude)
    return run(rules, sources, problems, settings, spec, jobs=jobs)


def lint(paths: Sequence[str | Path], **kwargs: Any) -> list[Finding]:
    return lint_paths(paths, **kwargs).findings
