#!/usr/bin/env python3
"""Write ``corpuslint/data/orphans.json`` from ``corpuslint/data/orphans.yaml``.

The YAML file is the lexicon people read and edit; the orphaned-sentence
rule loads the same document as JSON, which needs no YAML parser at
start-up (importing PyYAML alone costs about 20 ms). Run after editing the
YAML:

    python scripts/build_orphans.py
"""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint import yamlio

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpuslint" / "data" / "orphans.yaml"
TARGET = ROOT / "corpuslint" / "data" / "orphans.json"


def build(source: Path = SOURCE) -> str:
    """The JSON text for the YAML lexicon."""
    data = yamlio.safe_load(source.read_text(encoding="utf-8"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
