"""Ruled tables: the pieces a finder of ruled tables sees, followed across page breaks.

Why apart: finding rules is the costly part of reading a table, so it runs only on the
caption's page and the pages the table continues onto; whether the next page continues the
table is decided by structure (the table ends its page, the next page begins with a table
of the same columns and nothing but page furniture above it), never by positions of one
rendering. The rules and the cells' characters come from PDFium where the document reads
them itself (`reads_rules`), else from pdfplumber's page; the finder is the lattice
strategy (`RULED_FINDERS`), the same on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annualcheck.extract.tables.cells import CharIndex, plain_text, table_text
from annualcheck.extract.tables.edges import (
    EDGE_BUDGET,
    census_over_budget,
    closing_lines,
    over_budget_note,
    rule_edges,
    rule_edges_of,
)
from annualcheck.extract.tables.lattice import find_tables
from annualcheck.extract.tables.page import (
    caption_pattern,
    caption_top,
    head_and_foot_texts,
    is_furniture,
    is_header_row,
    lines_of_page,
    page_count,
)
from annualcheck.model.record import BBox, Caption


@dataclass
class DocumentWithFragments:
    """The document plus the tables found per page during one `extract_tables` call (the
    finder is the slow part; a page is searched once)."""

    doc: Any
    found: dict[int, list[Fragment]] = field(default_factory=dict)
    over_budget: dict[int, str] = field(default_factory=dict)  # page → why it was not searched

    @property
    def pages(self) -> list[Any]:
        return self.doc.pages

    def plumber_page(self, n: int) -> Any:
        return self.doc.plumber_page(n)

    def vector_census(self, n: int) -> Any:
        """PDFium's count of what page n draws; None for a document that cannot say."""
        census = getattr(self.doc, "vector_census", None)
        return census(n) if census is not None else None

    def page_words(self, n: int) -> list[dict]:
        """Words of page n: PDFium's for a page over budget, else pdfplumber's."""
        words = getattr(self.doc, "page_words", None)
        if n in self.over_budget and words is not None:
            return words(n)
        return self.doc.plumber_page(n).extract_words()


@dataclass
class Fragment:
    """One ruled table as found on one page."""

    page: int
    bbox: BBox
    rows: list[list[str]]
    boxes: list[BBox]
    columns: tuple[float, ...]  # inner column boundaries as shares of the table's width
    open_bottom: bool = False  # its rules run on past its last row: that row goes on overleaf


def _plumber_finder(page: Any) -> Any:
    """pdfplumber's own finder on a page's explicit edges: the reference the lattice
    strategy is compared with (tests), kept under the same signature."""

    def find(verticals: list[dict], horizontals: list[dict]) -> list[Any]:
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": verticals,
            "explicit_horizontal_lines": horizontals,
        }
        return page.find_tables(table_settings=settings)

    return find


#: The finders of ruled tables by strategy name (the name a table's parse report gives):
#: explicit vertical and horizontal rule edges → tables with `.bbox` and `.rows`.
RULED_FINDERS = {"lattice": find_tables}


def _reads_rules(doc: Any) -> bool:
    """Whether the document reads its own rules and table characters through PDFium (the
    project's PdfDocument on a page frame pdfplumber would share), so that pdfplumber is
    neither imported nor run for the ruled tables."""
    return isinstance(doc, DocumentWithFragments) and bool(getattr(doc.doc, "reads_rules", False))


def page_rule_edges(doc: Any, n: int) -> list[dict]:
    """Page n's rule edges (pdfplumber's edge dicts): from PDFium's path objects where the
    document reads its own rules, else from pdfplumber's page. The one source of rules for
    the ruled finder and for the row bands of tables read from their words."""
    if _reads_rules(doc):
        return rule_edges_of(doc.doc.rule_objects(n), doc.doc.page_box(n))
    return rule_edges(doc.plumber_page(n))


def _fragments_on(doc: Any, n: int) -> list[Fragment]:
    """Ruled tables on page n, top to bottom (memoised on the document: the finder is slow)."""
    if not isinstance(doc, DocumentWithFragments):
        return _find_fragments(doc, n)
    if n not in doc.found:
        doc.found[n] = _find_fragments(doc, n)
    return doc.found[n]


def _find_fragments(doc: Any, n: int) -> list[Fragment]:
    """The finder on page n, on its rule edges only; nothing when PDFium sees no rule on the
    page, or the page is over budget (noted on the document: its tables go by their words)."""
    census = doc.vector_census(n) if isinstance(doc, DocumentWithFragments) else None
    if census is not None and census.rules == 0:
        return []
    note = census_over_budget(census, n)
    own = _reads_rules(doc)
    if note is None:
        edges = page_rule_edges(doc, n)
        if len(edges) > EDGE_BUDGET:
            note = over_budget_note(n, "rule edges", len(edges), EDGE_BUDGET)
    if note is not None:
        if isinstance(doc, DocumentWithFragments):
            doc.over_budget[n] = note
        return []
    closing = closing_lines(edges)
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"] + closing
    if len(verticals) < 2 or len(horizontals) < 2:
        return []  # no cell without two rules each way
    out = []
    index: CharIndex | None = None
    for table in RULED_FINDERS["lattice"](verticals, horizontals):
        if own:
            index = index or CharIndex(doc.doc.table_chars(n))
            texts = table_text(table, index, plain_text)
        else:
            index = index or CharIndex(doc.plumber_page(n).chars)
            texts = table_text(table, index)
        rows = [[c or "" for c in row] for row in texts]
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        width = max(x1 - x0, 1.0)
        first = next((r.cells for r in table.rows if all(c is not None for c in r.cells)), [])
        columns = tuple(round((c[0] - x0) / width, 3) for c in first[1:])
        boxes = [BBox(*r.bbox) for r in table.rows]
        open_bottom = any(abs(line["top"] - bottom) <= 1.5 for line in closing)
        out.append(Fragment(n, BBox(x0, top, x1, bottom), rows, boxes, columns, open_bottom))
    return sorted(out, key=lambda f: f.bbox.top)


def _same_columns(a: Fragment, b: Fragment, part: Any) -> bool:
    if len(a.rows[0]) != len(b.rows[0]):
        return False
    if is_header_row(b.rows[0], part):
        return True
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= 0.05 for x, y in zip(a.columns, b.columns, strict=True)
    )


def _continuation(doc: Any, prev: Fragment, n: int, part: Any) -> Fragment | None:
    """The table that page n begins with, if it continues `prev`: `prev` ends its page (no
    other table and no caption after it) and page n begins with a table of the same columns."""
    if n > page_count(doc):
        return None
    if any(f.bbox.top > prev.bbox.top for f in _fragments_on(doc, prev.page)):
        return None
    pattern = caption_pattern(part)
    below = [
        line for line in lines_of_page(doc, prev.page) if line.bbox.top >= prev.bbox.bottom - 1
    ]
    if any(pattern.match(line.text) for line in below):
        return None
    fragments = _fragments_on(doc, n)
    if not fragments:
        return None
    first = fragments[0]
    prev_texts = head_and_foot_texts(doc, n - 1)
    above = [line for line in lines_of_page(doc, n) if line.bbox.bottom <= first.bbox.top + 1]
    if any(not is_furniture(line.text, prev_texts) for line in above):
        return None
    return first if _same_columns(prev, first, part) else None


def _text_below(doc: Any, fragment: Fragment) -> bool:
    """Body text (not a page number) follows the table on its page."""
    return any(
        line.bbox.top >= fragment.bbox.bottom - 1 and not is_furniture(line.text, set())
        for line in lines_of_page(doc, fragment.page)
    )


def layout_table_pages(layout: Any, label: str) -> set[int] | None:
    """Pages on which the layout analysis saw the lines of this table, if it says. A hint only:
    the next page is left unsearched (the finder parses a whole page) when the layout did not
    see the table there *and* text follows the table on its own page."""
    lines = (getattr(layout, "table_lines", None) or {}).get(label)
    return {line.page for line in lines} if lines else None


def _holds_caption(fragment: Fragment, top: float) -> bool:
    """The caption is the first row of a ruled box (a producer that draws it inside the
    table's rules): the box begins above the caption, its first row holds the caption's
    top and spans the whole table."""
    if not (fragment.bbox.top < top < fragment.bbox.bottom) or len(fragment.rows) < 2:
        return False
    first = fragment.boxes[0]
    return first.top <= top < first.bottom and sum(1 for c in fragment.rows[0] if c) == 1


def _without_first_row(fragment: Fragment) -> Fragment:
    """The fragment with its caption row taken off (the caption is read apart)."""
    rows, boxes = fragment.rows[1:], fragment.boxes[1:]
    bbox = BBox(fragment.bbox.x0, boxes[0].top, fragment.bbox.x1, fragment.bbox.bottom)
    return Fragment(fragment.page, bbox, rows, boxes, fragment.columns, fragment.open_bottom)


def ruled_fragments(
    doc: Any, caption: Caption, part: Any, hint: set[int] | None = None
) -> list[Fragment]:
    """The ruled table after a caption and its continuations on the following pages."""
    top = caption_top(doc, caption, part)
    start = next((f for f in _fragments_on(doc, caption.page) if f.bbox.top >= top), None)
    boxed = next((f for f in _fragments_on(doc, caption.page) if _holds_caption(f, top)), None)
    if boxed is not None and (start is None or boxed.bbox.top < start.bbox.top):
        start = _without_first_row(boxed)
    if start is None:  # caption at the foot of a page, table on the next one
        nxt = caption.page + 1
        if nxt <= page_count(doc):
            start = next(iter(_fragments_on(doc, nxt)), None)
    if start is None:
        return []
    fragments = [start]
    while True:
        last = fragments[-1]
        if hint is not None and last.page + 1 not in hint and _text_below(doc, last):
            break  # the layout saw it end here, and text follows it: no need to search on
        more = _continuation(doc, last, last.page + 1, part)
        if more is None:
            break
        fragments.append(more)
    return fragments
