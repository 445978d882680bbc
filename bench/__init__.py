"""Benchmarks for innohub's public pages (not tests): `python -m bench --help`."""
