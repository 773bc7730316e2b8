"""Benchmark scripts that measure the bars of shared/SPEC.md section 6. Run on purpose, never in
the test suite: ``python -m benchmarks [NAME ...] [--record]``."""
