"""The rules of `make check`, one module per check; each module's docstring
lists its rule ids, and CONTRIBUTING.md documents every id with how to fix it.

A rule module has `check(ctx)`, which yields Findings, and optionally
`start(ctx)`, which begins slow work in worker processes before any check
runs. It may import the content model (scripts/content/), the build's rules
it shares with the build (scripts/build/mathml.py, safety.py) and the engine
(scripts/check/context.py, cache.py); never another stage.
"""
