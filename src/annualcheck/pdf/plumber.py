"""pdfplumber's page objects (characters, lines, rectangles as dicts), built faster.

Why: pdfplumber turns each object pdfminer lays out into a dict by passing every attribute
through `resolve_all` (which follows PDF references inside lists and dicts) with a function
call per attribute: ~25 calls per character, ~40% of what a table page costs. Almost every
value is already a plain number, string or tuple of them, for which `resolve_all` returns
the value itself (or an equal tuple). `process_object` here is pdfplumber's `Page.
process_object` with that fast path and the class names' kinds cached: the same dict, key
for key. It is written against pdfplumber 0.11; under any other version the page keeps
pdfplumber's own (tests/test_plumber_objects.py compares the two on real pages).
"""

from __future__ import annotations

import re
import types
from typing import Any
from unicodedata import normalize as normalize_unicode

#: The pdfplumber versions whose Page.process_object this one copies.
SUPPORTED = ("0.11.",)

_SCALARS = frozenset([float, int, str, bool, type(None)])
_KINDS: dict[type, str] = {}


def _plain(value: Any, resolve_all: Any) -> Any:
    """`resolve_all(value)`, without the walk where nothing in it can be a reference."""
    if type(value) is tuple and all(type(v) in _SCALARS for v in value):
        return value
    return resolve_all(value)


def process_object(self: Any, obj: Any) -> dict[str, Any]:
    """pdfplumber's `Page.process_object` (0.11) with plain values taken as they are."""
    from pdfminer.layout import LTChar, LTCurve, LTTextContainer
    from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes, lt_pat
    from pdfplumber.utils import resolve_all, resolve_and_decode

    cls = obj.__class__
    kind = _KINDS.get(cls)
    if kind is None:
        kind = _KINDS[cls] = re.sub(lt_pat, "", cls.__name__).lower()
    scalars = _SCALARS
    attr = {
        k: (v if type(v) in scalars else _plain(v, resolve_all))
        for k, v in obj.__dict__.items()
        if k in ALL_ATTRS
    }
    attr["object_type"] = kind
    attr["page_number"] = self.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = resolve_and_decode(getattr(obj, cs).name)
    if isinstance(obj, LTChar | LTTextContainer):
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in obj.original_path]
        attr["dash"] = obj.dashing_style
    mb_x0, mb_top = self.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (self.height - attr["y1"]) + mb_top
        attr["bottom"] = (self.height - attr["y0"]) + mb_top
        attr["doctop"] = self.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def supported(version: str) -> bool:
    return version.startswith(SUPPORTED)


def lean(page: Any) -> Any:
    """The pdfplumber page, its objects to be built by `process_object` where the installed
    pdfplumber is one it copies (else untouched). Returns the page."""
    import pdfplumber

    if supported(pdfplumber.__version__) and "process_object" not in vars(page):
        page.process_object = types.MethodType(process_object, page)
    return page
