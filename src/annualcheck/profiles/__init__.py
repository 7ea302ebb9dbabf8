"""Report-series profiles: everything specific to one series (phrases, keys, table shapes).

The pipeline takes a `Profile` (`annualcheck.profiles.spec`) as an argument and knows nothing
of any series; the CLI resolves `--profile NAME` here, once. A second series is a new
sub-package with a builder registered in `PROFILES` (or, for a profile defined outside the
package, a `register(profile)` call), not a fork of the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

from annualcheck.profiles.spec import Profile

DEFAULT_PROFILE = "jp-tip"


def _jp_tip() -> Profile:
    from annualcheck.profiles.jp_tip import build

    return build()


#: Profile name -> a function that builds it (imported only when asked for).
PROFILES: dict[str, Callable[[], Profile]] = {"jp-tip": _jp_tip}
_BUILT: dict[str, Profile] = {}


class UnknownProfileError(KeyError):
    """A profile name no builder is registered for; `str()` lists the known names."""

    def __str__(self) -> str:
        return str(self.args[0])


def register(profile: Profile | Callable[[], Profile], name: str | None = None) -> str:
    """Make a profile (or a builder of one) known under its name; returns the name.

    A profile given as an instance is registered under `profile.name`; a builder needs `name`.
    Registering a name again replaces it (tests register and re-register their own series).
    """
    if isinstance(profile, Profile):
        key = name or profile.name
        PROFILES[key] = lambda: profile
        _BUILT[key] = profile
        return key
    if not name:
        raise ValueError("register(builder) needs the profile's name")
    PROFILES[name] = profile
    _BUILT.pop(name, None)
    return name


def get_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """The profile registered under `name`, built once per process."""
    if name not in PROFILES:
        known = ", ".join(sorted(PROFILES))
        raise UnknownProfileError(f"unknown profile {name!r} (known: {known})")
    if name not in _BUILT:
        profile = PROFILES[name]()
        if not isinstance(profile, Profile):
            raise TypeError(f"the builder of profile {name!r} returned {type(profile).__name__}")
        _BUILT[name] = profile
    return _BUILT[name]


def resolve_profile(profile: str | Profile | None = None) -> Profile:
    """What an entry point (the CLI, the Python API) was given, as a profile: None -> the
    default one, a name -> that one from the registry, a profile object -> itself."""
    if profile is None:
        return get_profile(DEFAULT_PROFILE)
    if isinstance(profile, str):
        return get_profile(profile)
    if not isinstance(profile, Profile):
        raise TypeError(f"a profile is a name or a Profile, not {type(profile).__name__}")
    return profile


__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "UnknownProfileError",
    "get_profile",
    "register",
    "resolve_profile",
]
