"""Find the files to lint: walk directories, apply include/exclude globs.

Problems (a missing path, an unreadable directory, a symlink loop) are
returned alongside the files, one message each, so that every other file is
still linted.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Sequence
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


class Globs:
    """Include or exclude globs compiled into one pattern, tested against a
    file's name and its path below the walked directory (at any depth)."""

    def __init__(self, globs: Sequence[str]) -> None:
        parts = [fnmatch.translate(g) for g in globs]
        self._pattern = re.compile("|".join(f"(?:.*/)?{p}" for p in parts)) if parts else None

    def match(self, name: str, rel: str) -> bool:
        if self._pattern is None:
            return False
        return self._pattern.match(name) is not None or self._pattern.match(rel) is not None


def _matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    return Globs(globs).match(name, rel)


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
    included, excluded = Globs(include), Globs(exclude)

    # Paths are built by joining names, not by relpath per file: a corpus
    # directory can hold millions of files.
    def visit(directory: str, shown: str, rel_dir: str) -> None:
        real = os.path.realpath(directory)
        if real in seen:
            problems.append(Problem(shown, "symbolic link loop; directory skipped"))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(shown, f"cannot list directory: {exc.strerror or exc}"))
            return
        for entry in entries:
            name = entry.name
            rel = f"{rel_dir}{name}"
            if name.startswith(".") or excluded.match(name, rel):
                continue
            full = os.path.join(directory, name)
            display = name if shown == "." else os.path.join(shown, name)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:
                problems.append(Problem(display, f"cannot stat: {exc.strerror or exc}"))
                continue
            if is_dir:
                visit(full, display, f"{rel}/")
            elif is_file and included.match(name, rel):
                found.append(Source(display, full))
            elif entry.is_symlink() and not os.path.exists(full) and included.match(name, rel):
                problems.append(Problem(display, _broken_link_reason(full)))
        seen.discard(real)

    visit(root, _display(root), "")


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
    # By a key of plain tuples: the dataclass's own ordering costs a call per comparison.
    unique = sorted(set(found), key=lambda source: (source.display, source.path))
    return unique, problems
