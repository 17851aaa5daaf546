"""Paragraph fingerprints for duplicate detection, as pure functions over arrays.

The pipeline, each step a function of its inputs only (so a distributed
engine can run the same steps over batches of documents):

1. :mod:`~corpuslint.dedup.words`: fold case and find words; quote style,
   punctuation and whitespace fall away because only words are kept.
2. :mod:`~corpuslint.dedup.hashing`: stable 64-bit hashes of words, of
   paragraphs (the word sequence) and of word shingles, vectorised with numpy.
3. :mod:`~corpuslint.dedup.minhash`: MinHash signatures of shingle sets and
   the LSH band keys that bring near-duplicates together.
4. :mod:`~corpuslint.dedup.paragraphs`: all of the above for one document's
   paragraphs, computed once and shared by the duplicate rules;
   :mod:`~corpuslint.dedup.similarity` finds near-duplicates among them
   (:mod:`~corpuslint.dedup.alignment`: the in-order word similarity).
   :mod:`~corpuslint.dedup.repeats` answers the same question for a short
   document from :mod:`~corpuslint.dedup.paragraph_words`, Python word counts
   and words without numpy; :mod:`~corpuslint.dedup.process` tells which way
   is cheaper in this process.
5. :mod:`~corpuslint.dedup.store`: a document's paragraphs as fixed-size
   records (the corpus rule's summary), concatenated for the whole corpus.
6. :mod:`~corpuslint.dedup.grouping`, :mod:`~corpuslint.dedup.copies` and
   :mod:`~corpuslint.dedup.documents`: sort, group and resolve first copies
   and whole-document copies; :mod:`~corpuslint.dedup.verify` re-reads the
   few documents that near-duplicate candidates need;
   :mod:`~corpuslint.dedup.report` turns them into findings.

Every hash is a fixed function of the text: no process-salted ``hash()``, no
random state, so results agree across runs, worker processes and machines.
The plain-Python paths compare the words themselves, so they agree too.
"""
