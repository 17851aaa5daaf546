"""corpuslint-newsroom: rules for news archives.

- ``dateline-format`` (NR101): a malformed dateline opening a story;
- ``trailing-wire-credit`` (NR102): "(AP)", "Reuter" left at the end of a story;
- ``wire-transmission-marker`` (NR103): "MORE", "ENDS", "-30-" left as the last line.

corpuslint finds this module through the ``corpuslint`` entry point in
pyproject.toml; the rule modules are imported only when corpuslint asks for
the rules, so a run that blocks the plugin pays nothing for it.
"""

from __future__ import annotations

from corpuslint import hookimpl
from corpuslint.rule import Rule

__version__ = "0.1.0"


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    from corpuslint_newsroom.dateline import DatelineFormat
    from corpuslint_newsroom.wire_credit import TrailingWireCredit
    from corpuslint_newsroom.wire_marker import WireTransmissionMarker

    return [DatelineFormat, TrailingWireCredit, WireTransmissionMarker]
