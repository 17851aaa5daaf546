"""Page chrome detection for the ``boilerplate`` rule.

- :mod:`.vocabulary` loads the phrase and pattern data (shipped YAML plus the
  user's additions);
- :mod:`.matcher` compiles that data once into a single line matcher;
- :mod:`.layout` finds the article body and the runs of navigation-like
  lines around it;
- :mod:`.detector` combines both into per-line verdicts.
"""
