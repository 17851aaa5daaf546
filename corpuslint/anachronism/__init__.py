"""Anachronism checking: document dates, the officeholder knowledge base, mentions and reasoning.

``dates`` finds the date a document claims; ``kb`` loads the officeholder
terms; ``matching`` finds title + name mentions with one compiled pattern;
``reasoning`` decides which mentions contradict the date (or each other).
"""
