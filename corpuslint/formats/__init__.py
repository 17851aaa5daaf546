"""Output formats, registered through the ``corpuslint_register_formats`` hook."""
