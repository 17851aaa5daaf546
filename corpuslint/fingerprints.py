"""Content-based fingerprints of findings, for baselines and SARIF.

A fingerprint names a finding by what it flags, not where: the rule, the
file (and record), and the flagged text with whitespace and case normalised.
Line numbers are left out on purpose, so that an edit elsewhere in a file
does not make an old finding look new. Identical findings in one file are
told apart by an occurrence index (0 for the first, in reading order).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from corpuslint.models import Finding

_SPACE = re.compile(r"\s+")
#: Messages of findings without a snippet (corpus rules, read errors) often
#: name line numbers ("repeats line 3"); digits are masked for the same reason.
_DIGITS = re.compile(r"\d+")


def flagged_text(finding: Finding) -> str:
    """The normalised text a finding is about (its message when it has no snippet)."""
    if finding.snippet.strip():
        return _SPACE.sub(" ", finding.snippet).strip().casefold()
    return _DIGITS.sub("#", _SPACE.sub(" ", finding.message).strip())


def content_hash(code: str, path: str, record_id: str | None, text: str) -> str:
    key = "\x1f".join((code, path, record_id or "", text))
    return hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:32]


def fingerprint(finding: Finding, path: str | None = None) -> str:
    """The content hash of one finding; ``path`` overrides ``finding.path``."""
    return content_hash(finding.code, path or finding.path, finding.record_id, flagged_text(finding))


def with_occurrences(findings: Iterable[Finding], paths: Iterable[str] | None = None) -> list[tuple[Finding, str, int]]:
    """Each finding with its fingerprint and occurrence index, in the given order."""
    seen: Counter[str] = Counter()
    result = []
    path_list = list(paths) if paths is not None else None
    for index, finding in enumerate(findings):
        digest = fingerprint(finding, path_list[index] if path_list is not None else None)
        result.append((finding, digest, seen[digest]))
        seen[digest] += 1
    return result
