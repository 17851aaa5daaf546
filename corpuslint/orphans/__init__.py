"""Orphaned sentences: references with no antecedent, and spliced material.

``lexicon`` loads the word lists, ``tokens`` holds the cheap sentence tests
(prose, quoted speech, ties to the context), ``references`` resolves a
sentence's opening noun phrase against the text before it, ``article`` reads
a sentence's content words on demand and asks whether they recur,
``cohesion`` holds the whole article's word frequencies for the rare finding
that needs them, and ``detector`` weighs the two signals.
"""
