"""Mojibake detection: where ftfy's badness heuristic can match, and what its repair changed."""
