"""Performance benchmark for the dashboard: `make bench` (see docs/performance.md)."""
