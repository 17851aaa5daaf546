"""Invisible characters: which ones, their names, and where they are legitimate."""
