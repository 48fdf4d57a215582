"""peakplan: optimal running training blocks with CP-SAT."""

__version__ = "0.1.0"
