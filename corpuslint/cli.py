"""The command line: ``corpuslint [check] PATHS``, ``rules``, ``rule NAME``, ``plugins``.

Imports are deferred into the functions that need them: the CLI runs on
every commit as a pre-commit hook, so start-up must stay fast.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from corpuslint.baseline import BaselineFilter
    from corpuslint.cache import Cache
    from corpuslint.config import Settings
    from corpuslint.discovery import Source
    from corpuslint.fix_loop import FixOutcome
    from corpuslint.models import Finding
    from corpuslint.progress import Progress
    from corpuslint.runner import RunResult
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
    parser.add_argument(
        "--format", default="text", metavar="NAME", help="output format: text, full, json, jsonl, sarif, github, junit"
    )
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
    _add_workflow_options(parser)
    return parser


def _add_cache_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("cache")
    group.add_argument("--cache-dir", metavar="DIR", help="cache directory (default: .corpuslint_cache)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _open_cache(args: argparse.Namespace, session: Session) -> Cache | None:
    """The run's cache, or None when disabled or the directory is not writable."""
    if args.no_cache:
        return None
    from pathlib import Path

    from corpuslint.cache import Cache, default_dir
    from corpuslint.session import cache_namespace

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
            raise UsageError(f"-p expects no:NAME, got {flag!r}")
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
    from corpuslint.runner import default_jobs, run
    from corpuslint.session import build_rules

    _check_workflow_options(args)
    session = _restrict_rule_kind(_session(args), args.rule_kind)
    formats = session.registry.formats
    if args.format not in formats:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(formats))})")
    rules = build_rules(session)
    sources, problems = discover(args.paths, session.settings.include, session.settings.exclude)
    jobs = args.jobs if args.jobs else default_jobs()
    cache = _open_cache(args, session)

    def lint_once() -> RunResult:
        progress = _progress(args, sources)
        on_file = progress.advance if progress is not None else None
        try:
            return run(
                rules, sources, problems, session.settings, session.spec, jobs=jobs, cache=cache, on_file=on_file
            )
        finally:
            if progress is not None:
                progress.close()

    try:
        outcome, baseline = _lint_fix_and_filter(args, session, lint_once, sources)
    finally:
        if cache is not None:
            cache.close()
    if args.timing:
        _print_timing(outcome.result.timing)
    crashed = any(f.rule == "internal-error" for f in outcome.result.findings)
    if args.write_baseline:
        _write_baseline(args, outcome.result.findings)
        return EXIT_ERROR if crashed else EXIT_OK
    _report_side_notes(args, outcome, baseline)
    _emit(args, session, outcome, [s.display for s in sources])
    return _exit_code(args, session, outcome, crashed)


# --- fixes, baselines, output formats, progress --------------------------------


def _add_workflow_options(parser: argparse.ArgumentParser) -> None:
    fixes = parser.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes (exit 1 when a file changed)")
    fixes.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: also apply unsafe fixes (deletions)"
    )
    fixes.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    baseline = parser.add_argument_group("baselines")
    baseline.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    baseline.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    output = parser.add_argument_group("output and scope")
    output.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    output.add_argument(
        "--rule-kind",
        choices=("document", "corpus"),
        help="run only document rules (for partial file lists, e.g. pre-commit) or only corpus rules",
    )


def _check_workflow_options(args: argparse.Namespace) -> None:
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.baseline and args.write_baseline:
        raise UsageError("--baseline and --write-baseline exclude each other")


def _restrict_rule_kind(session: Session, kind: str | None) -> Session:
    """Ignore the rules of the other kind by name (a name outranks any select, so they stay off)."""
    if kind is None:
        return session
    from dataclasses import replace

    from corpuslint.rule import CorpusRule
    from corpuslint.selection import ALWAYS_ON, active_rules

    names = tuple(
        rule.name
        for rule in session.registry.rules.values()
        if issubclass(rule, CorpusRule) == (kind == "document") and rule.name not in ALWAYS_ON
    )
    settings = session.settings.with_overrides(ignore=session.settings.ignore + names)
    return replace(session, settings=settings, active=active_rules(settings, session.registry))


def _progress(args: argparse.Namespace, sources: Sequence[Source]) -> Progress | None:
    from corpuslint.progress import progress_for

    return progress_for(sources, sys.stderr, args.quiet)


def _lint_fix_and_filter(
    args: argparse.Namespace, session: Session, lint_once: Callable[[], RunResult], sources: Sequence[Source]
) -> tuple[FixOutcome, BaselineFilter | None]:
    from corpuslint.fix_loop import FixOutcome, lint_and_fix

    baseline = None
    if args.baseline:
        from corpuslint.baseline import BaselineError, BaselineFilter  # hashlib: only for a baseline

        try:
            codes = {a.rule.code for a in session.active}
            baseline = BaselineFilter(args.baseline, [s.display for s in sources], codes)
        except BaselineError as exc:
            raise UsageError(str(exc)) from exc

    def keep(result: RunResult) -> list[Finding]:
        return baseline(result.findings) if baseline is not None else list(result.findings)

    if args.fix or args.diff:
        return lint_and_fix(lint_once, keep, sources, args.unsafe_fixes, args.diff), baseline
    result = lint_once()
    return FixOutcome(result, keep(result)), baseline


def _write_baseline(args: argparse.Namespace, findings: Sequence[Finding]) -> None:
    from corpuslint.baseline import write_baseline

    try:
        count = write_baseline(args.write_baseline, findings)
    except OSError as exc:
        raise UsageError(f"{args.write_baseline}: cannot write baseline: {exc.strerror or exc}") from exc
    if not args.quiet:
        sys.stderr.write(f"Wrote {count} baseline entr{'y' if count == 1 else 'ies'} to {args.write_baseline}.\n")


def _open_output(path: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write output file: {exc.strerror or exc}") from exc


def _emit(args: argparse.Namespace, session: Session, outcome: FixOutcome, paths: list[str]) -> None:
    from corpuslint.formats.base import Report
    from corpuslint.formats.statistics import render_statistics

    out = _open_output(args.output_file)
    try:
        if args.diff:
            out.write(outcome.diff)
            return
        report = Report(outcome.findings, outcome.result.files, session.registry.rules, _colour(args.color, out))
        report.quiet, report.paths = args.quiet, paths
        if args.statistics:
            render_statistics(report, out, as_json=args.format in ("json", "jsonl"))
        else:
            session.registry.formats[args.format](out).render(report)
    finally:
        if out is not sys.stdout:
            out.close()


def _report_side_notes(args: argparse.Namespace, outcome: FixOutcome, baseline: BaselineFilter | None) -> None:
    """Stale baseline entries, fix counts and fix problems, on stderr (stdout stays parseable)."""
    write = sys.stderr.write
    if baseline is not None and baseline.stale:
        count = len(baseline.stale)
        write(f"corpuslint: {count} stale baseline entr{'y' if count == 1 else 'ies'} in {args.baseline} ")
        write("(no longer found; rewrite it with --write-baseline to drop them):\n")
        for entry in baseline.stale:
            write(f"  {entry.path}: {entry.code} {entry.message}\n")
    for error in outcome.errors:
        write(f"corpuslint: error: {error}\n")
    if args.quiet or not (args.fix or args.diff):
        return
    for note in outcome.notes:
        write(f"corpuslint: note: {note}\n")
    if not outcome.fixed:
        write("No fixes to apply.\n")
        return
    verb = "Would fix" if args.diff else "Fixed"
    files = len(outcome.files)
    write(
        f"{verb} {outcome.fixed} finding{'s' if outcome.fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}.\n"
    )


def _exit_code(args: argparse.Namespace, session: Session, outcome: FixOutcome, crashed: bool) -> int:
    from corpuslint.models import SEVERITY_RANK

    if crashed or outcome.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[session.settings.fail_on]
    failing = not args.diff and any(SEVERITY_RANK[f.severity] >= threshold for f in outcome.findings)
    # A changed file fails the run, as fixing pre-commit hooks do, so the commit is re-staged.
    changed = bool(outcome.files)
    return EXIT_FINDINGS if (failing or changed) and not args.exit_zero else EXIT_OK


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
    rules = sorted(session.registry.rules.items())
    rows = [("code", "name", "plugin", "severity", "fix", "on", "summary")]
    for code, rule in rules:
        fix = "yes" if rule.fixable else "-"
        rows.append((code, rule.name, rule.plugin, rule.severity, fix, "yes" if code in active else "-", rule.summary))
    widths = [max(len(row[column]) for row in rows) for column in range(6)]
    for row in rows:
        print(" ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + " " + row[6])
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
    if argv and argv[0] in COMMANDS:  # a command wins; lint a folder named "rules" with `check rules`
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


def run() -> None:
    """The command-line entry point: :func:`main`, then a quick exit.

    Once the output is flushed and the exit handlers (``atexit``, plugins'
    included) have run, the process ends without tearing the interpreter
    down: freeing every object of a large run one by one (the parsed
    patterns, the knowledge base, numpy) took 50-100 ms, more than a whole
    run over one file spends on linting. mypy ends its runs the same way.
    """
    import atexit

    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # a reader that stopped early (| head) is no error
        pass
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":
    run()
