"""Peak memory of one solve, measured in a fresh subprocess (its peak resident set size).

The peak is the kernel's high-water mark of the child's own memory (``VmHWM`` in
/proc/self/status). ``getrusage().ru_maxrss`` is not used on Linux: a child started by fork +
exec inherits the parent's maximum, so a large benchmark process would inflate it. The child
first records its peak after the imports, then builds and solves the case, so the report can
tell what the solve adds to the interpreter, ortools and numpy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CODE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks.cases import Case
from peakplan.planner import solve
def peak_mb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024  # kB
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
distance, weeks, days, limit = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
after_imports = peak_mb()
started = time.perf_counter()
result = solve(Case(distance, weeks, days).scenario(limit))
print(json.dumps({"status": result.status, "solve_s": result.solve_time_s, "wall_s": time.perf_counter() - started,
                  "peak_mb": peak_mb(), "after_imports_mb": after_imports}))
"""


def peak_memory(distance: str, weeks: int, days: int, time_limit_s: float = 60.0) -> dict:
    out = subprocess.run([sys.executable, "-c", _CODE, str(ROOT), distance, str(weeks), str(days), str(time_limit_s)],
                         check=True, capture_output=True, text=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["case"] = f"{distance}-{weeks}w-{days}d"
    return data
