"""Rules defined as data under ``rules:`` in a config file (see docs/plugins.md).

They are not built-ins: the session calls :func:`rules_from_config` on the
entries of the loaded config, and the registry lists the resulting classes
under plugin "config". The hook below therefore registers nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpuslint import hookimpl
from corpuslint.rule import Rule


def rules_from_config(entries: Sequence[dict[str, Any]], source: str) -> list[type[Rule]]:
    """One rule class per ``rules:`` entry; a bad entry raises ConfigError naming file, entry and key."""
    if not entries:
        return []  # most runs define no data rules: skip importing the machinery
    from corpuslint.declarative.kinds import make_rule
    from corpuslint.declarative.schema import parse_entry

    return [make_rule(parse_entry(entry, index, source), source) for index, entry in enumerate(entries)]


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return []
