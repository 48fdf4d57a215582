"""Reading and writing the user's files: YAML with line numbers, atomic writes."""
