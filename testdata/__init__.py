"""Test-data generation: renders the report series and the fixtures the tests read.

Not part of the package (it is not in the wheel): run from the repository root, e.g.
`python -m testdata.render_reports`; the tests import it through pytest's `pythonpath`.
"""
