"""Report-series profiles: everything specific to one series (phrases, keys, table shapes).

The extractor, tables, checks and renderers take a `Profile` and know nothing of any series;
a second series is a new sub-package here, not a fork of the pipeline.
"""

from __future__ import annotations

from annualcheck.profiles.base import Profile


def get_profile(name: str = "jp-tip") -> Profile:
    if name == "jp-tip":
        from annualcheck.profiles.jp_tip import PROFILE

        return PROFILE
    raise KeyError(f"unknown profile {name!r}")


__all__ = ["Profile", "get_profile"]
