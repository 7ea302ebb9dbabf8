"""The tool's version: one place, read by the package, the CLI and the cache key."""

__version__ = "0.1.0"
