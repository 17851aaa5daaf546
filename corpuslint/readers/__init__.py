"""Readers turn files into documents (one per file, or one per record)."""
