"""The one compiled part of the package: the page-reading character loop (pdf/_chars.c).

Optional: where no C compiler is found the build goes on without it and the same loop runs in
Python (pdf/document.py, `_page_chars_python`), with the same result, only slower. Everything
else about the package is declared in pyproject.toml.
"""

import sys

from setuptools import Extension, setup

# No fused multiply-add: the loop's arithmetic must round as Python's does, step by step.
_FLAGS = [] if sys.platform == "win32" else ["-ffp-contract=off"]

setup(
    ext_modules=[
        Extension(
            "annualcheck.pdf._chars",
            ["src/annualcheck/pdf/_chars.c"],
            extra_compile_args=_FLAGS,
            optional=True,
        )
    ]
)
