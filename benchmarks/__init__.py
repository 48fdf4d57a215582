"""peakplan benchmarks: `python -m benchmarks` (see README.md)."""
