"""Anachronism checking: a document's date against the officeholders it names.

- ``dates`` and ``docdate``: the date a document claims, and where it says so;
- ``terms``, ``kb``, ``kbfile``, ``kbyaml``: the officeholder knowledge base;
- ``names``, ``titles`` and ``labels``: the written forms of people and offices;
- ``scan``, ``qualifiers``, ``matching``: title + name mentions in a text;
- ``evidence`` and ``context``: what the rest of the text says about them;
- ``reasoning``, ``verdicts`` and ``checker``: which mentions contradict the date or each other.
"""
