"""The `rongcuo` command line: scripting, checks, benchmarks."""
