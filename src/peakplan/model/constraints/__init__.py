"""One module per constraint family; each exposes ``NAME`` and ``add(ctx)`` (docs/rules.md)."""
