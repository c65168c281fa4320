"""Benchmarks of vnsearch: scripts that print figures with a baseline beside them (not tests)."""
