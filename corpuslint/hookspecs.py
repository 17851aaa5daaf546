"""Hook specifications: the plugin API of corpuslint.

A plugin is a module or object with functions marked ``@corpuslint.hookimpl``
whose names are the hooks below. Built-in rules, readers and output formats
are registered through these same hooks. Every hook here is documented in the
plugin guide, docs/plugins.md (tests/test_docs.py checks this).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from corpuslint.formats.base import Formatter
    from corpuslint.readers.base import Reader
    from corpuslint.rule import Rule

hookspec = pluggy.HookspecMarker("corpuslint")


@hookspec
def corpuslint_register_rules() -> list[type[Rule]]:
    """Return the rule classes this plugin provides.

    Each class subclasses :class:`corpuslint.rule.DocumentRule` or
    :class:`corpuslint.rule.CorpusRule` and declares ``code``, ``name``,
    ``summary``, ``severity``, ``fixable``, ``options`` and a docstring with
    the sections What it does / Why is this bad? / Example / Options.
    """
    raise NotImplementedError  # a specification: plugins implement it


@hookspec
def corpuslint_register_readers() -> list[Reader]:
    """Return readers that turn files into documents.

    A reader declares the file-name suffixes it handles (``.jsonl``, ...) and
    yields :class:`corpuslint.document.Document` objects for one file.
    """
    raise NotImplementedError  # a specification: plugins implement it


@hookspec
def corpuslint_register_formats() -> dict[str, type[Formatter]]:
    """Return output formats by name (the values of ``--format``)."""
    raise NotImplementedError  # a specification: plugins implement it
