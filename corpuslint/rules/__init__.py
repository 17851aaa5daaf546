"""Built-in rules: one module per rule, each registered as a plugin."""
