"""Developer tools: the preview server, scaffolding, figures, vendoring,
workflow linting, local servers, the benchmarks and Lighthouse.

Nothing in the site's build or outputs imports from here; tools here may
import every other stage (content, build, outputs, check).
"""
