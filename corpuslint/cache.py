"""A content-keyed cache of lint results: per file (the map phase) and per corpus.

An entry is keyed by the file's display path and a digest of its bytes, inside
a namespace keyed by everything else that can change a result: corpuslint's
version and source files, the settings, the selected rules with their options
and severities, and the loaded plugins. A changed file misses; an unchanged
one returns its findings and its corpus-rule summaries without being linted.
A whole run's findings (its files' and its corpus phase's) are kept under a
digest of all its files' keys, so that a run over a corpus none of whose
files changed loads one record; the newest few such snapshots are kept.

A file's digest is remembered with its size, modification time and inode, so
that an unchanged file is not read again (as git's index and ruff's cache
do). A file modified within two seconds of being recorded is read again next
time, since some file systems keep coarse modification times.
The store is one SQLite file per namespace, safe for concurrent runs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpuslint.discovery import Source
from corpuslint.engine import FileResult

if TYPE_CHECKING:
    from corpuslint.runner import Snapshot

DEFAULT_DIR = ".corpuslint_cache"
#: Bump when the pickled layout of FileResult or the tables change.
FORMAT = "4"
#: A file recorded this soon after its last modification is hashed again next time.
RACY_NS = 2_000_000_000
#: Whole-run snapshots kept per store (one per set of files recently linted).
SNAPSHOTS_KEPT = 8
#: SQLite's bound-variable limit, with room to spare.
_BATCH = 900

#: Files that keep the directory out of git and, by the Cache Directory Tagging
#: Specification (https://bford.info/cachedir/), out of backups.
_MARKERS = {
    ".gitignore": "# created by corpuslint\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by corpuslint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n",
}

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS snapshots (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, display TEXT NOT NULL, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, key TEXT NOT NULL)",
)


def file_key(display: str, raw: bytes) -> str:
    digest = hashlib.blake2b(raw, digest_size=16)
    digest.update(display.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def run_key(keys: Iterable[str | None]) -> str:
    """The key of a run over some files: their keys, in any order."""
    digest = hashlib.blake2b(digest_size=16)
    for key in sorted(k or "" for k in keys):
        digest.update(key.encode("ascii"))
        digest.update(b",")
    return digest.hexdigest()


def _package_stamp() -> str:
    """Sizes and mtimes of corpuslint's own files: editing a rule invalidates."""
    root = Path(__file__).resolve().parent
    stamp = hashlib.blake2b(digest_size=16)
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".csv", ".gz", ".json") and "__pycache__" not in path.parts:
            info = path.stat()
            stamp.update(f"{path.relative_to(root)}:{info.st_size}:{info.st_mtime_ns};".encode())
    return stamp.hexdigest()


def namespace(parts: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=12)
    digest.update(FORMAT.encode())
    digest.update(_package_stamp().encode())
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _batches(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


class Cache:
    def __init__(self, directory: Path, space: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in _MARKERS.items():
            if not (directory / name).exists():
                (directory / name).write_text(text, encoding="utf-8")
        self.path = directory / f"{space}.sqlite"
        self._db = sqlite3.connect(self.path, timeout=30)
        with self._db:
            for statement in _SCHEMA:
                self._db.execute(statement)
        self._results: dict[str, bytes] = {}
        self._summaries: dict[str, bytes] = {}
        self._snapshots: dict[str, bytes] = {}
        self._files: dict[str, tuple[str, int, int, int, str]] = {}

    def _select(self, table: str, column: str, wanted: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        for batch in _batches(wanted):
            marks = ",".join("?" * len(batch))
            yield from self._db.execute(f"SELECT * FROM {table} WHERE {column} IN ({marks})", batch)

    def keys(self, sources: Sequence[Source]) -> list[str | None]:
        """Each source's key (``None`` if unreadable); unchanged files are not read."""
        # Rows are keyed by the working directory and the path as opened: no
        # normalising per file; another spelling of a path is only a miss.
        where = os.getcwd() + "\0"
        known = {row[0]: row[1:] for row in self._db.execute("SELECT * FROM files")}
        keys: list[str | None] = []
        stat, now = os.stat, time.time_ns()
        for source in sources:
            try:
                info = stat(source.path)
            except OSError:
                keys.append(None)
                continue
            stamp = (source.display, info.st_size, info.st_mtime_ns, info.st_ino)
            row = known.get(where + source.path)
            if row is not None and row[:4] == stamp:
                keys.append(row[4])
                continue
            key = read_key(source.display, source.path)
            keys.append(key)
            if key is not None and info.st_mtime_ns < now - RACY_NS:
                self._files[where + source.path] = (*stamp, key)
        return keys

    def get_many(self, keys: Iterable[str]) -> dict[str, FileResult]:
        """Cached file results, without their corpus-rule summaries (see :meth:`summaries`)."""
        rows = self._select("results", "key", list(dict.fromkeys(keys)))
        return {key: pickle.loads(value) for key, value in rows}

    def summaries(self, keys: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """Per file, its documents' corpus-rule summaries (in document order)."""
        rows = self._select("summaries", "key", list(dict.fromkeys(keys)))
        return {key: pickle.loads(value) for key, value in rows}

    def snapshot(self, key: str) -> Snapshot | None:
        row = self._db.execute("SELECT value FROM snapshots WHERE key = ?", (key,)).fetchone()
        return None if row is None else pickle.loads(row[0])

    def put(self, key: str, result: FileResult, summarized: bool = True) -> None:
        """Keep a file's result; its summaries too when the corpus rules made them."""
        # Timings describe the run that linted the file, not the file.
        bare = replace(result, docs=[replace(meta, summaries={}) for meta in result.docs], timing={})
        self._results[key] = pickle.dumps(bare, protocol=pickle.HIGHEST_PROTOCOL)
        if summarized:
            summaries = [meta.summaries for meta in result.docs]
            self._summaries[key] = pickle.dumps(summaries, protocol=pickle.HIGHEST_PROTOCOL)

    def put_snapshot(self, key: str, snapshot: Snapshot) -> None:
        self._snapshots[key] = pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        tables = (("results", self._results), ("summaries", self._summaries), ("snapshots", self._snapshots))
        if any(pending for _, pending in tables) or self._files:
            with self._db:
                for table, pending in tables:
                    self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", pending.items())
                    pending.clear()
                rows = [(path, *stamp) for path, stamp in self._files.items()]
                self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", rows)
                self._files.clear()
                # A replaced row gets a new rowid: the newest snapshots have the highest.
                self._db.execute(
                    "DELETE FROM snapshots WHERE rowid NOT IN"
                    " (SELECT rowid FROM snapshots ORDER BY rowid DESC LIMIT ?)",
                    (SNAPSHOTS_KEPT,),
                )
        self._db.close()


def clean(directory: Path) -> bool:
    """Delete a cache directory; True when there was one."""
    if not directory.is_dir():
        return False
    if not (directory / ".gitignore").exists():
        raise OSError(f"{directory} does not look like a corpuslint cache; not deleting it")
    shutil.rmtree(directory)
    return True


def settings_parts(values: Mapping[str, object]) -> list[str]:
    return [f"{key}={values[key]!r}" for key in sorted(values)]


def read_key(display: str, path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return file_key(display, handle.read())
    except OSError:
        return None


def default_dir() -> Path:
    return Path(os.environ.get("CORPUSLINT_CACHE_DIR", DEFAULT_DIR))
