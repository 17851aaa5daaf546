"""The command line: ``corpuslint [check] PATHS``, ``rules``, ``rule NAME``, ``plugins``.

Imports are deferred into the functions that need them: the CLI runs on
every commit as a pre-commit hook, so start-up must stay fast.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from corpuslint.cache import Cache
    from corpuslint.config import Settings
    from corpuslint.session import Session

COMMANDS = ("check", "rules", "rule", "plugins", "clean")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuslint",
        description="Lint text corpora: duplicates, orphaned sentences, boilerplate, anachronisms, mojibake.",
        epilog="Other commands: `corpuslint rules`, `corpuslint rule NAME-OR-CODE`, `corpuslint plugins`, `corpuslint clean` (delete the cache).",
    )
    parser.add_argument("paths", nargs="*", help="files and directories to lint (default: .)")
    parser.add_argument(
        "--config", metavar="PATH", help="config file (default: nearest corpuslint.yaml or pyproject.toml)"
    )
    parser.add_argument(
        "--select", action="append", metavar="RULES", help="codes, prefixes or names to enable (only these)"
    )
    parser.add_argument("--ignore", action="append", metavar="RULES", help="codes, prefixes or names to disable")
    parser.add_argument("--extend-select", action="append", metavar="RULES", help="enable these in addition")
    parser.add_argument("--format", default="text", metavar="NAME", help="output format (text, json, ...)")
    parser.add_argument("--output-file", "-o", metavar="PATH", help="write findings to PATH instead of stdout")
    parser.add_argument(
        "--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: warning)"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the run (errors still exit 2)"
    )
    parser.add_argument(
        "--plugin", action="append", default=[], metavar="MODULE_OR_PATH", help="load a plugin module or .py file"
    )
    parser.add_argument(
        "-p", dest="plugin_flags", action="append", default=[], metavar="no:NAME", help="block a plugin by name"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour output (auto: on a terminal, unless NO_COLOR)",
    )
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only: no summary line or progress")
    parser.add_argument("--timing", action="store_true", help="print each rule's cumulative time to stderr")
    _add_cache_options(parser)
    return parser


def _add_cache_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("cache")
    group.add_argument("--cache-dir", metavar="DIR", help="cache directory (default: .corpuslint_cache)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _open_cache(args: argparse.Namespace, session: Session) -> Cache | None:
    """The run's cache, or None when disabled or the directory is not writable."""
    from pathlib import Path

    from corpuslint.cache import Cache, default_dir
    from corpuslint.session import cache_namespace

    if args.no_cache:
        return None
    directory = Path(args.cache_dir) if args.cache_dir else default_dir()
    try:
        return Cache(directory, cache_namespace(session))
    except (OSError, sqlite3.Error) as exc:
        sys.stderr.write(f"corpuslint: warning: cache disabled: {directory}: {exc}\n")
        return None


def _clean_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from corpuslint.cache import clean, default_dir

    directory = Path(args.cache_dir) if args.cache_dir else default_dir()
    try:
        removed = clean(directory)
    except OSError as exc:
        raise UsageError(str(exc)) from exc
    print(f"Removed {directory}" if removed else f"No cache at {directory}")
    return EXIT_OK


def _colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def _blocked(flags: Sequence[str]) -> tuple[str, ...]:
    blocked = []
    for flag in flags:
        if not flag.startswith("no:"):
            raise SystemExit(f"corpuslint: error: -p expects no:NAME, got {flag!r}")
        blocked.append(flag[3:])
    return tuple(blocked)


def _session(args: argparse.Namespace) -> Session:
    from corpuslint import config
    from corpuslint.selection import parse_cli_list
    from corpuslint.session import open_session, plugin_spec

    settings: Settings = config.load(args.config)
    cli_select, cli_ignore = parse_cli_list(args.select), parse_cli_list(args.ignore) or ()
    # As in ruff, a command-line --select starts a new layer: the config's
    # select and ignore are replaced, so `--select X` shows X even if ignored.
    ignore = cli_ignore if cli_select is not None else settings.ignore + cli_ignore
    settings = settings.with_overrides(
        select=cli_select,
        ignore=ignore,
        extend_select=settings.extend_select + (parse_cli_list(args.extend_select) or ()),
        fail_on=args.fail_on,
    )
    spec = plugin_spec(settings, tuple(args.plugin), _blocked(args.plugin_flags))
    return open_session(settings, spec)


def _check(args: argparse.Namespace) -> int:
    from corpuslint.discovery import discover
    from corpuslint.formats.base import Report
    from corpuslint.models import SEVERITY_RANK
    from corpuslint.runner import default_jobs, run
    from corpuslint.session import build_rules

    session = _session(args)
    formats = session.registry.formats
    if args.format not in formats:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(formats))})")
    rules = build_rules(session)
    sources, problems = discover(args.paths, session.settings.include, session.settings.exclude)
    jobs = args.jobs if args.jobs else default_jobs()
    cache = _open_cache(args, session)
    try:
        result = run(rules, sources, problems, session.settings, session.spec, jobs=jobs, cache=cache)
    finally:
        if cache is not None:
            cache.close()
    out: TextIO = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
    try:
        report = Report(result.findings, result.files, session.registry.rules, _colour(args.color, out))
        report.quiet = args.quiet
        formats[args.format](out).render(report)
    finally:
        if out is not sys.stdout:
            out.close()
    if args.timing:
        _print_timing(result.timing)
    if any(f.rule == "internal-error" for f in result.findings):
        return EXIT_ERROR
    threshold = SEVERITY_RANK[session.settings.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _print_timing(timing: dict[str, float]) -> None:
    total = sum(timing.values()) or 1.0
    sys.stderr.write(f"{'Rule':32} {'Time (s)':>10} {'Relative':>9}\n")
    for name, seconds in sorted(timing.items(), key=lambda item: -item[1]):
        sys.stderr.write(f"{name:32} {seconds:10.3f} {100 * seconds / total:8.1f}%\n")


class UsageError(Exception):
    pass


def _rules_command(args: argparse.Namespace) -> int:
    session = _session(args)
    active = {a.rule.code for a in session.active}
    print(f"{'code':7} {'name':28} {'plugin':34} {'severity':8} {'fix':3} {'on':3} summary")
    for code, rule in sorted(session.registry.rules.items()):
        fix = "yes" if rule.fixable else "-"
        on = "yes" if code in active else "-"
        print(f"{code:7} {rule.name:28} {rule.plugin:34} {rule.severity:8} {fix:3} {on:3} {rule.summary}")
    return EXIT_OK


def _rule_command(args: argparse.Namespace) -> int:
    if len(args.paths) != 1:
        raise UsageError("usage: corpuslint rule NAME-OR-CODE")
    session = _session(args)
    rule = session.registry.lookup(args.paths[0])
    if rule is None:
        raise UsageError(f"unknown rule {args.paths[0]!r} (see `corpuslint rules`)")
    fixable = "yes" if rule.fixable else "no"
    print(
        f"# {rule.name} ({rule.code})\n\n{rule.summary}.\n\nSeverity: {rule.severity}. Fixable: {fixable}. Plugin: {rule.plugin}.\n"
    )
    print(rule.docs())
    if rule.options:
        print("\nOption defaults:")
        for key, option in rule.options.items():
            print(f"  {key} = {option.default!r}: {option.description}")
    return EXIT_OK


def _plugins_command(args: argparse.Namespace) -> int:
    from corpuslint.plugins import hooks_of, iter_plugins, plugin_version

    session = _session(args)
    for name, plugin in iter_plugins(session.pm):
        hooks = ", ".join(hooks_of(session.pm, plugin))
        print(f"{name:44} {plugin_version(session.pm, plugin):10} {hooks}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = "check"
    if argv and argv[0] in COMMANDS and not os.path.exists(argv[0]):
        command = argv.pop(0)
    args = build_parser().parse_args(argv)
    from corpuslint.config import ConfigError
    from corpuslint.plugins import PluginError

    handlers = {
        "check": _check,
        "rules": _rules_command,
        "rule": _rule_command,
        "plugins": _plugins_command,
        "clean": _clean_command,
    }
    try:
        return handlers[command](args)
    except (ConfigError, PluginError, UsageError) as exc:
        sys.stderr.write(f"corpuslint: error: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
