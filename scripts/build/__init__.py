"""Page-time work of the site build: the Markdown the build generates, math to
MathML, the content-safety rule, page dates, and how the engine is run.
Imports only scripts/content/.
"""
