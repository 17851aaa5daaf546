"""Find the files to lint: walk directories, apply include/exclude globs.

Problems (a missing path, an unreadable directory, a symlink loop) are
returned alongside the files, one message each, so that every other file is
still linted.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Source:
    """A file to lint: ``display`` as the user named it, ``path`` to open."""

    display: str
    path: str


@dataclass(frozen=True)
class Problem:
    display: str
    message: str


def _matches(name: str, rel: str, globs: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(rel, f"*/{g}") for g in globs)


def _display(path: str) -> str:
    """Relative to the working directory where possible, as ruff prints paths."""
    if not os.path.isabs(path):
        return os.path.normpath(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _walk(
    root: str, include: Sequence[str], exclude: Sequence[str], found: list[Source], problems: list[Problem]
) -> None:
    seen: set[str] = set()

    def visit(directory: str) -> None:
        real = os.path.realpath(directory)
        if real in seen:
            problems.append(Problem(_display(directory), "symbolic link loop; directory skipped"))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(_display(directory), f"cannot list directory: {exc.strerror or exc}"))
            return
        for entry in entries:
            full = os.path.join(directory, entry.name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if entry.name.startswith(".") or _matches(entry.name, rel, exclude):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:
                problems.append(Problem(_display(full), f"cannot stat: {exc.strerror or exc}"))
                continue
            if is_dir:
                visit(full)
            elif is_file and _matches(entry.name, rel, include):
                found.append(Source(_display(full), full))
            elif entry.is_symlink() and not os.path.exists(full) and _matches(entry.name, rel, include):
                problems.append(Problem(_display(full), _broken_link_reason(full)))
        seen.discard(real)

    visit(root)


def _broken_link_reason(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop; not linted"
    return "broken symbolic link; not linted"


def discover(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]
) -> tuple[list[Source], list[Problem]]:
    """Files named directly are linted whatever their suffix, as in ruff."""
    found: list[Source] = []
    problems: list[Problem] = []
    for arg in paths or ["."]:
        if os.path.isdir(arg):
            _walk(arg, include, exclude, found, problems)
        elif os.path.isfile(arg):
            if not _matches(Path(arg).name, arg, exclude):
                found.append(Source(_display(arg), arg))
        elif os.path.islink(arg):
            problems.append(Problem(_display(arg), _broken_link_reason(arg)))
        else:
            problems.append(Problem(_display(arg), "no such file or directory"))
    unique = sorted(set(found))
    return unique, problems
