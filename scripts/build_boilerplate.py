#!/usr/bin/env python3
"""Write ``corpuslint/data/boilerplate.json`` from ``corpuslint/data/boilerplate.yaml``.

The YAML file is the vocabulary people read and edit; the rule loads the
same document as JSON, which json's C parser reads in a fraction of the time
YAML takes. The whole file is validated first (patterns compile, keys are
known), so the rule can trust it at start-up. Run after editing the YAML:

    python scripts/build_boilerplate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from corpuslint.boilerplate.vocabulary import BUILTIN, Vocabulary, read_yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpuslint" / "data" / "boilerplate.yaml"
TARGET = ROOT / "corpuslint" / "data" / "boilerplate.json"


def build(source: Path = SOURCE) -> str:
    """The JSON text for a YAML vocabulary (raises ``VocabularyError`` if it is malformed)."""
    data = read_yaml(source.read_text(encoding="utf-8"), BUILTIN)
    Vocabulary().add_document(data, BUILTIN)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
