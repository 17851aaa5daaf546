"""corpuslint: a linter for text corpora."""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

#: Marker for plugin hook implementations: ``@corpuslint.hookimpl``.
hookimpl = pluggy.HookimplMarker("corpuslint")

__all__ = ["__version__", "hookimpl"]
