"""Page chrome detection for the ``boilerplate`` rule.

- :mod:`.vocabulary` loads the phrase and pattern data (shipped YAML plus the
  user's additions);
- :mod:`.trie` and :mod:`.matcher` compile that data once into a single
  expression and find the known lines of a document with it;
- :mod:`.layout` gives each line a shape (prose, link-like, metadata);
- :mod:`.body` finds the article among the page's blocks of prose;
- :mod:`.detector` combines all of it into per-line verdicts.
"""
