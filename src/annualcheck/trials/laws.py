"""Charges to the laws they fall under, by the profile's list of laws and their aliases.

Why by folded words and not by exact names: the same Act is printed as "violation of the
Employment Security Act", "Employment Security Act violation" or with its long official name
in one year and a short one in the next; folding case, punctuation and hyphens and looking
for an alias anywhere in the charge makes all of these one law.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from annualcheck.profiles.spec.trials import TrialsSpec


def fold_words(text: str) -> str:
    """Lower case, every run of non-word characters one space ("Anti-Prostitution" -> "anti prostitution")."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


@lru_cache(maxsize=16)
def _folded_laws(spec: TrialsSpec) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each law's aliases folded once per profile (a spec is frozen, so it can be a key)."""
    return tuple((law.name, tuple(f" {fold_words(a)} " for a in law.aliases)) for law in spec.laws)


def law_of(charge: str, spec: TrialsSpec) -> str:
    """The law one charge falls under: the first law of the profile with an alias in the
    charge, else the law the charge names (the profile's `named_law` pattern), else the
    profile's `unclassified` label."""
    folded = f" {fold_words(charge)} "
    for name, aliases in _folded_laws(spec):
        if any(alias in folded for alias in aliases):
            return name
    if spec.named_law and (m := re.search(spec.named_law, charge)):
        return " ".join(m.group("law").split()).rstrip(",.")
    return spec.unclassified


def laws_of(charges: Iterable[str], spec: TrialsSpec) -> list[str]:
    """The distinct laws of a person's charges, in the order the charges are printed."""
    return list(dict.fromkeys(law_of(c, spec) for c in charges))
