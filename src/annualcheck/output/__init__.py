"""Outputs: atomic writes, one record for `extract`, the tidy export, the static site."""
