"""How this series writes captions ("[Figure 8] Occupations of 40 suspects"), repeated
passages ("[Repeated from 2 (1) i)]") and its contents page (consumed by `annualcheck.layout`)."""

from __future__ import annotations

from annualcheck.profiles.spec.extract import LayoutGrammar

#: A passage repeated from another section; group 1 is that section.
REPEATED_MARKER = r"\[\s*Repeated from\s+([^\]]+?)\s*\]"

PROFILE_PART = LayoutGrammar(
    figure_kind="Figure",
    table_kind="Table",
    caption=r"^\[\s*(?P<kind>Figure|Table)\s*(?P<number>\d+)\s*\]\s*(?P<text>.*)$",
    repeated_marker=REPEATED_MARKER,
    contents_heading=r"^(?:table of\s+)?contents$",
)
