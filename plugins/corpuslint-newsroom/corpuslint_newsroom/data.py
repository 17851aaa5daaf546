"""The shipped wire vocabulary (data/wire.yaml), loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def wire_vocabulary() -> dict[str, Any]:
    import yaml

    text = resources.files("corpuslint_newsroom").joinpath("data/wire.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def credits() -> list[str]:
    return [str(name) for name in wire_vocabulary()["credits"]]


def markers() -> dict[str, list[str]]:
    return {kind: [str(m) for m in names] for kind, names in wire_vocabulary()["markers"].items()}
