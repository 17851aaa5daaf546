"""Rules as data: ``existence``, ``substitution`` and ``occurrence`` rules from config.

- :mod:`.schema` validates one ``rules:`` entry, naming file, entry and key;
- :mod:`.kinds` holds the three rule types and turns an entry into a rule class.
"""
