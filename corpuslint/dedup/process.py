"""What this process has loaded and computes, which decides the cheapest way
to look at a document: numpy costs a tenth of a second to load, and once
``cross-document-duplicate`` hashes every document's words, other uses of
the hashes cost nothing more.
"""

from __future__ import annotations

import sys

_summarizing = False


def note_summarizing() -> None:
    """Record that cross-document summaries are computed in this process."""
    global _summarizing
    _summarizing = True


def summarizing() -> bool:
    """Whether this process computes cross-document summaries (hashing every
    document's words, which ``duplicate-paragraph`` may then use for free)."""
    return _summarizing


def numpy_loaded() -> bool:
    """Whether numpy is loaded already: its calls then cost nothing more to start."""
    return "numpy" in sys.modules
