"""`make bench`: how the handbook scales, measured on a generated corpus
(corpus.py), with search timed in Chromium (search.py) and the study scripts'
page weight (weight.py). A benchmark reports numbers; benchmarks/README.md
holds the targets and the results.
"""
