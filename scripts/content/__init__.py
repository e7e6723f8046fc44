"""The content model: where pages live and how they are served (layout), what a
page is (page, markdown), their order (catalog), the UI strings, the figures'
sources, git history and findings. Imports nothing else from scripts/.
"""
