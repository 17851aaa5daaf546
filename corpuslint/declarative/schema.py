"""Validate one ``rules:`` entry of a config file into a :class:`RuleSpec`.

Every error names the config file, the entry (``rules[2]`` and its name) and
the key, because the user has to find the line to fix in a long file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from corpuslint.config import LEVELS, ConfigError

KINDS = ("existence", "substitution", "occurrence")
COMMON_KEYS = ("name", "code", "extends", "message", "summary", "description", "severity", "ignorecase")
KIND_KEYS = {
    "existence": ("tokens", "patterns"),
    "substitution": ("swap",),
    "occurrence": ("tokens", "patterns", "max"),
}
# The same shapes the plugin registry accepts, checked here to name the config key.
CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleSpec:
    """A validated data rule: what it matches and what it says."""

    name: str
    code: str
    kind: str
    regex: str
    ignorecase: bool
    severity: str
    message: str | None
    summary: str | None
    description: str | None
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    swap: dict[str, str] = field(default_factory=dict)
    max: int = 0


class EntryChecker:
    """Checks the keys of entry ``index`` of ``source``'s ``rules:`` list."""

    def __init__(self, entry: dict[str, Any], index: int, source: str) -> None:
        self.entry, self.index, self.source = entry, index, source
        name = entry.get("name")
        self.where = f"rules[{index}]" + (f" ({name})" if isinstance(name, str) else "")

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: key 'rules[{self.index}].{key}' in {self.where}: {problem}")

    def string(self, key: str, required: bool = False, pattern: re.Pattern[str] | None = None) -> str | None:
        value = self.entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            raise self.fail(
                key, "required, a non-empty string" if value is None else f"expected a string, got {value!r}"
            )
        if pattern is not None and not pattern.match(value):
            raise self.fail(key, f"{value!r} does not look like {'ABC123' if key == 'code' else 'kebab-case-name'}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, f"expected a list of non-empty strings, got {value!r}")
        return tuple(value)

    def regexes(self, key: str, flags: int) -> tuple[str, ...]:
        patterns = self.strings(key)
        for position, pattern in enumerate(patterns):
            try:
                compiled = re.compile(pattern, flags)
            except re.error as exc:
                raise self.fail(f"{key}[{position}]", f"invalid regular expression {pattern!r}: {exc}") from exc
            if compiled.fullmatch(""):
                raise self.fail(f"{key}[{position}]", f"{pattern!r} matches the empty string")
        return patterns

    def swap(self) -> dict[str, str]:
        value = self.entry.get("swap")
        if not isinstance(value, dict) or not value:
            raise self.fail("swap", f"expected a non-empty mapping of phrase: replacement, got {value!r}")
        for key, replacement in value.items():
            if not isinstance(key, str) or not key.strip() or not isinstance(replacement, str):
                raise self.fail("swap", f"entry {key!r}: {replacement!r} must map a phrase to a string")
        return {str(k): str(v) for k, v in value.items()}

    def maximum(self) -> int:
        value = self.entry.get("max")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail("max", f"required, a whole number >= 0, got {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {value!r}")
        return value

    def unknown_keys(self, kind: str) -> None:
        allowed = COMMON_KEYS + KIND_KEYS[kind]
        for key in self.entry:
            if key not in allowed:
                raise self.fail(str(key), f"unknown key for extends: {kind} (allowed: {', '.join(allowed)})")


def token_regex(token: str) -> str:
    """A literal phrase as a regex: whole words only, any whitespace between words."""
    body = r"\s+".join(re.escape(word) for word in token.split())
    start = r"(?<!\w)" if re.match(r"\w", token.strip()) else ""
    end = r"(?!\w)" if re.search(r"\w$", token.strip()) else ""
    return f"{start}{body}{end}"


def parse_entry(entry: dict[str, Any], index: int, source: str) -> RuleSpec:
    check = EntryChecker(entry, index, source)
    kind = entry.get("extends")
    if kind not in KINDS:
        raise check.fail("extends", f"{kind!r} is not one of {', '.join(KINDS)}")
    check.unknown_keys(kind)
    name = check.string("name", required=True, pattern=NAME_PATTERN)
    code = check.string("code", required=True, pattern=CODE_PATTERN)
    severity = entry.get("severity", "warning")
    if severity not in LEVELS:
        raise check.fail("severity", f"{severity!r} is not one of {', '.join(LEVELS)}")
    ignorecase = check.flag("ignorecase")
    flags = re.IGNORECASE if ignorecase else 0
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    swap: dict[str, str] = {}
    if kind == "substitution":
        swap = check.swap()
        tokens = tuple(swap)
    else:
        tokens, patterns = check.strings("tokens"), check.regexes("patterns", flags)
        if not tokens and not patterns:
            raise check.fail("tokens", f"extends: {kind} needs tokens or patterns (a non-empty list)")
    # Longest phrases first, so that "per cent" wins over "per" at the same place.
    alternatives = [token_regex(t) for t in sorted(tokens, key=len, reverse=True)] + list(patterns)
    return RuleSpec(
        name=str(name),
        code=str(code),
        kind=kind,
        regex="|".join(f"(?:{a})" for a in alternatives),
        ignorecase=ignorecase,
        severity=str(severity),
        message=check.string("message"),
        summary=check.string("summary"),
        description=check.string("description"),
        tokens=tokens,
        patterns=patterns,
        swap=swap,
        max=check.maximum() if kind == "occurrence" else 0,
    )
