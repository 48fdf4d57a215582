"""The fuzz harness: mutated user files through every entry point that reads them (FUZZ.md)."""
