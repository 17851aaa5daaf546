"""Page chrome detection for the ``boilerplate`` rule.

- :mod:`.vocabulary` loads the phrase and pattern data (the shipped
  vocabulary, read from its JSON twin, plus the user's additions);
- :mod:`.trie` writes that data as one expression for whole lines, and
  :mod:`.expressions` compiles it: whole for long runs, or only the entries
  a document could match (found by :mod:`.relevance`) for its first files;
- :mod:`.matcher` finds the known lines of a document with it, and
  :mod:`.classify` tells their kind;
- :mod:`.layout` gives each line a shape (prose, link-like, metadata);
- :mod:`.body` finds the article among the page's blocks of prose;
- :mod:`.detector` combines all of it into per-line verdicts.
"""
