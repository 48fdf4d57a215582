"""Resource limits on everything peakplan reads from the user (docs/hardening.md "Limits").

Each limit sits far above what a real scenario, model file or plan needs and far below what
would let one input take minutes or gigabytes. An input over a limit is bad input (exit 2)
with a message naming the file, the line when known, and the limit.
"""

from __future__ import annotations

MAX_YAML_BYTES = 256_000        # scenario and model files: the shipped ones are under 10 kB
MAX_PLAN_BYTES = 20_000_000     # a 60-week plan file is about 2 MB
MAX_NODES = 10_000              # YAML values after alias expansion (a scenario has about 150, a catalogue 200)
MAX_DEPTH = 32                  # nesting of mappings and lists (a scenario nests 5 deep)
MAX_SCALAR_CHARS = 10_000       # one YAML value or key (names and paths are far shorter)
MAX_NUMBER = 1e12               # magnitude of any number in a YAML file (the largest real one is a seed < 2^31)
MAX_INT_DIGITS = 20             # an integer written with more digits is a typo (and costly to convert)
MAX_MESSAGE_CHARS = 1_500       # an error message is one paragraph, never a dump of the input
MAX_SESSION_TYPES = 60          # a catalogue's session types (the shipped one has 12); the model grows with it
MAX_LIST_ITEMS = 1_000          # e.g. blackout dates: a block has at most 420 days
