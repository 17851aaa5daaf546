"""YAML loading: always safe, and through libyaml when PyYAML was built with it.

The C loader parses the shipped vocabularies and knowledge files several
times faster than the pure-Python one, which matters on every start-up.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: What a malformed document raises, for callers that report it.
YAMLError = yaml.YAMLError


def safe_load(text: str) -> Any:
    """Parse one YAML document with a safe loader (never constructs objects)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - the loader is a safe one
