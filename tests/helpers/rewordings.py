"""A figure's stated change in the form testdata/rewordings.py writes its expectations in.

Shared by tests/test_rewordings.py (each rewording alone) and tests/test_variant_reports.py
(the whole reworded report), so both compare a reading with the corpus the same way.
"""

from __future__ import annotations


def reading_of(fig) -> dict | None:
    c = fig.stated_change
    if c is None:
        return None
    return {"delta": c.delta, "ref": c.reference_period, "kind": c.kind, "prior": c.prior_value,
            "relative": c.relative, "bound": c.bound}  # fmt: skip
