"""Placeholder: rules defined as data in config (existence, substitution, occurrence)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpuslint import hookimpl
from corpuslint.rule import Rule


def rules_from_config(entries: Sequence[dict[str, Any]], source: str) -> list[type[Rule]]:
    return []


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return []
