"""Placeholder: the rule is being written in this module."""

from __future__ import annotations

from corpuslint import hookimpl
from corpuslint.rule import Rule


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return []
