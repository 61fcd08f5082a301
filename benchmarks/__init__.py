"""Benchmarks of SPEC §11: scripts that print a figure and the baseline measured in the same run."""
