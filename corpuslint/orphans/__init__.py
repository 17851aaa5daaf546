"""Orphaned sentences: references with no antecedent, and spliced material.

``lexicon`` loads the word lists (``wordforms`` spells out their forms and the
patterns that find them), ``tokens`` holds the cheap sentence tests (prose,
quoted speech, ties to the context, paragraphs), ``references`` finds a
sentence's referring phrase and resolves it against the text before it (read
once per document by ``antecedents``), ``article`` reads a sentence's content
words on demand and asks whether they recur (first as written, by
``recurrence``), ``cohesion`` holds the whole article's word frequencies for
the rare finding that needs them, ``splices`` judges spliced material, and
``detector`` weighs the signals.
"""
