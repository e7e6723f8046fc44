"""Figure sources: one module per figure, rendered by scripts/figures.py (`make figures`)."""
