"""A content-keyed cache of per-file lint results (the map phase).

An entry is keyed by the file's display path and a digest of its bytes, inside
a namespace keyed by everything else that can change a result: corpuslint's
version and source files, the settings, the selected rules with their options
and severities, and the loaded plugins. A changed file misses; an unchanged
one returns its findings and its corpus-rule summaries without being linted.
The store is one SQLite file per namespace, safe for concurrent runs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from corpuslint.engine import FileResult

DEFAULT_DIR = ".corpuslint_cache"
#: Bump when the pickled layout of FileResult changes.
FORMAT = "1"


def file_key(display: str, raw: bytes) -> str:
    digest = hashlib.blake2b(raw, digest_size=16)
    digest.update(display.encode("utf-8", "surrogateescape"))
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


class Cache:
    def __init__(self, directory: Path, space: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        gitignore = directory / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# created by corpuslint\n*\n", encoding="utf-8")
        self.path = directory / f"{space}.sqlite"
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self._pending: dict[str, bytes] = {}

    def get_many(self, keys: Iterable[str]) -> dict[str, FileResult]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, FileResult] = {}
        for start in range(0, len(wanted), 900):  # SQLite's bound-variable limit
            batch = wanted[start : start + 900]
            marks = ",".join("?" * len(batch))
            for key, value in self._db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", batch):
                found[key] = pickle.loads(value)
        return found

    def put(self, key: str, result: FileResult) -> None:
        self._pending[key] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending.items())
            self._pending.clear()
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
