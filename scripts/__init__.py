"""The handbook's docs toolchain, laid out by stage; data flows one way:

    content/  the content model: page layout and URLs, pages, catalog, UI strings  (imports nothing here)
    build/    page-time work of the MkDocs build: generated lists, cram sheet, math,
              safety, dates, sharing tags                                            (imports content)
    outputs/  files made from the catalog and the built site: merge, search, practice
              data, Anki, preview cards, feeds, llms.txt, offline, PDF and EPUB books (imports content, build)
    check/    `make check`: the engine and its rules                                (imports content, build)
    dev/      developer tools: serve, scaffold, figures, vendor, benchmarks          (imports anything)

Two entry points wire the stages: `docs.py` (the command line behind the
Makefile) and `hooks.py` (MkDocs hooks, one language per build process).
"""
