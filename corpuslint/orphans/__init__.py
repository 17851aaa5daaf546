"""Orphaned sentences: references with no antecedent, and spliced material.

``lexicon`` loads the word lists, ``tokens`` turns a document into one set of
content words per sentence, ``references`` resolves a sentence's opening noun
phrase against the text before it, ``cohesion`` measures how much a sentence
shares with the rest of the article, and ``detector`` weighs the two signals.
"""
