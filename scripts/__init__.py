"""Docs tooling for the handbook: build hooks, content checks and benchmarks.

Entry point: ``python -m scripts.docs`` (see ``scripts/docs.py``).
"""
