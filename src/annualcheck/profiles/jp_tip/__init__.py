"""Profile of Japan's annual report "Measures to Combat Trafficking in Persons".

One module per concern; this file only assembles them.
"""

from __future__ import annotations

from annualcheck.profiles.base import Profile


def _build() -> Profile:
    parts = {}
    for name in ("meta", "figures", "tables", "checks", "diff", "trials"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["PROFILE_PART"])
        except ModuleNotFoundError as exc:  # a part not written yet
            if exc.name != f"{__name__}.{name}":
                raise
            parts[name] = None
            continue
        parts[name] = module.PROFILE_PART
    return Profile(
        name="jp-tip",
        title="Measures to Combat Trafficking in Persons (Annual Report), Japan",
        **parts,
    )


PROFILE = _build()
