"""Tests of the independent plan validator (peakplan.validate)."""
