"""``python -m corpuslint``."""

from corpuslint.cli import run

run()
