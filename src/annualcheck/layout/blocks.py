"""Document structure from text lines: contents, sections, captions, paragraphs, page numbers.

The caption and repeated-passage grammar is the series' (`Profile.layout`); the examples
below are one series' wording. Why words and numbering, not geometry: the same report printed by another producer has other
fonts, page size and line breaks, but the same contents, the same "2 (1) i)" numbering and the
same "[Figure 4]" captions. So a heading is a line that starts with the *next* number of the
numbering sequence and names the title the contents give for it; a caption is a line that
starts with "[Figure N]"; a printed page number is a bare number that stands as the last (or
first) line of a page and keeps a constant offset to the file page. Geometry is used only where
text has nothing to say: a paragraph break between two plain paragraphs (a vertical gap wider
than the line pitch) and the smaller print of footnotes and tables as a supporting signal.

Decisions (documented here because other modules rely on them):

- Footnotes are kept as their own paragraphs with ``section == "footnote"``; a footnote that
  runs over to the next page is joined. Footnote reference numbers are taken out of body text
  by pdf.py (``Line.footnote_refs``).
- "[Repeated from X]" markers: a marker standing as its own line covers the block before it,
  back to (and including) the most recent bullet-started paragraph, but never past a heading,
  caption or earlier marker; a marker at the end of a paragraph covers that paragraph only.
  The marker's words are removed from the text; ``repeated_from`` holds the section number in
  canonical form ("2 (1) i" and "4(5)" become "2 (1) i)" and "4 (5)").
- Bullet glyphs ("○", "■", "-", "•" …) start a new paragraph and are removed from its text
  (producers print the same bullet with different glyphs).
- Text printed inside a figure's box (smaller print right after a "[Figure N]" caption) is
  not body text: it is kept in ``Layout.figure_lines``, not in the paragraphs.
- Table regions (from a "[Table N]" caption to the next heading or caption, or the first
  full-size single-cell line after the rows) and the contents pages give no body paragraphs.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from annualcheck.compiled_patterns import compiled
from annualcheck.layout.contents import (
    PAGE_NUMBER_RE,
    canonical_section,
    find_contents,
    format_number,
    next_numbers,
    number_readings,
    parse_contents,
    parse_number,
    reading_after,
)
from annualcheck.layout.contents import norm_words as _norm
from annualcheck.layout.contents import norm_words_nodigits as _norm_nodigits
from annualcheck.model.record import BBox, Caption, Paragraph, Section, TocEntry
from annualcheck.pdf.document import Line, PdfDocument, is_cjk
from annualcheck.pdf.ocr import is_ocr_output
from annualcheck.pdf.text import join_hyphenated, vocabulary
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.extract import LayoutGrammar


@dataclass
class Layout:
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    printed_pages: dict[int, int | None] = field(default_factory=dict)
    body_size: float = 0.0
    table_lines: dict[str, list[Line]] = field(default_factory=dict)  # table label -> its lines
    figure_lines: dict[str, list[Line]] = field(default_factory=dict)  # text in a figure's box
    title_lines: list[Line] = field(default_factory=list)  # lines before the contents
    #: The running heads of each page that name its section (in small print atop the page
    #: before or after too), as compared words (`norm_words`): they change with the section,
    #: so a table read from its words cannot tell them by repetition and must skip them, not
    #: take one for the rest of a row.
    running_texts: dict[int, set[str]] = field(default_factory=dict)
    #: What gave the sections: "contents" (headings matched to the contents' entries) or
    #: "headings" (the body's numbered headings alone: contents unreadable or disagreeing).
    sections_from: str = "contents"

    def printed(self, page: int) -> int | None:
        return self.printed_pages.get(page)


BULLET_RE = compiled(r"^([○◯●■□◆◇▪•・\-–—✓※*])\s+")

# -- helpers -------------------------------------------------------------------------------


def join_lines(texts: list[str], words: set[str] | None = None) -> str:
    """Lines of one paragraph → one string: a line-final hyphen inside a word joins without
    a space; the hyphen is dropped when it is a typesetter's break (the joined word is one of
    `words`, those printed whole elsewhere in the document: "prose-" + "cuted") and kept for
    a compound ("Anti-" + "Prostitution"); a soft hyphen (U+00AD) or a hyphenation break
    printed as U+2010 is dropped."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith(("\u00ad", "\u2010")) and text[:1].isalpha():
            out = out[:-1] + text  # a renderer's hyphenation break (Chromium prints U+2010)
        elif re.search(r"[A-Za-z]-$", out) and text[:1].isalpha():
            joined = join_hyphenated(out, text, words.__contains__) if words else None
            out = joined if joined is not None else out + text
        elif out.endswith("/") and text[:1].isalnum():
            out = out + text
        elif is_cjk(out[-1]) and is_cjk(text[0]):
            out = out + text
        else:
            out = out + " " + text
    return out.replace("\u00ad", "")


def _ends_sentence(text: str, grammar: LayoutGrammar) -> bool:
    return bool(compiled(r"[.:;!?)”\"]\s*$").search(text)) or bool(
        grammar.repeated_re.search(text[-60:])
    )


# -- page numbers and running lines ---------------------------------------------------------


#: Share of a document's pages that must print a number at one offset to the file page for
#: those numbers to be taken as printed page numbers.
PRINTED_SHARE = 0.4


def read_printed_pages(doc: PdfDocument) -> tuple[dict[int, int | None], set[tuple[int, int]]]:
    """File page → printed page from a bare number standing as the last or first line of a
    page; candidates that break the dominant file-to-printed offset are ignored.
    Returns the mapping and the (page, line index) of the number lines to drop."""
    candidates: dict[int, tuple[int, int]] = {}
    for page in doc.pages:
        if not page.lines:
            continue
        order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].bbox.bottom)
        for idx in (order[-1], order[0]):
            line = page.lines[idx]
            # the whole line ("- 9 -"), or the outer cell of a running footer ("Title    9")
            texts = [line.text] + ([line.cells[-1], line.cells[0]] if len(line.cells) > 1 else [])
            m = next((m for t in texts if (m := PAGE_NUMBER_RE.match(t.strip()))), None)
            if m and len(page.lines) > 1:
                candidates[page.number] = (int(m.group(1)), idx)
                break
    offsets = [page - value for page, (value, _) in candidates.items()]
    printed: dict[int, int | None] = {p.number: None for p in doc.pages}
    drop: set[tuple[int, int]] = set()
    if not offsets:
        return printed, drop
    # statistics.mode's own arithmetic (the first of the most common), without importing
    # statistics (and fractions and decimal with it) into every extract
    offset = Counter(offsets).most_common(1)[0][0]
    if offsets.count(offset) < max(1, round(PRINTED_SHARE * len(doc.pages))):
        # a few bare numbers at page ends (table row numbers) in a PDF that prints no page
        # numbers: no printed pages rather than wrong ones
        return printed, drop
    for page, (value, idx) in candidates.items():
        if page - value == offset:
            printed[page] = value
            drop.add((page, idx))
    return printed, drop


def find_running_lines(
    doc: PdfDocument, *, body_size: float
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Lines repeated at the top or bottom of many pages (running headers/footers), and of
    them the section running heads that head a neighbouring page in small print (whose
    words `Layout.running_texts` keeps): both from one look at each page's top line."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for page in doc.pages:
        if len(page.lines) < 2:
            continue
        order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].bbox.top)
        for idx in {order[0], order[-1]}:
            key = re.sub(r"\d+", "#", page.lines[idx].text.strip().lower())
            if key and key != "#" and not PAGE_NUMBER_RE.match(page.lines[idx].text.strip()):
                seen.setdefault(key, []).append((page.number, idx))
    limit = max(3, len(doc.pages) // 3)
    running = {pos for hits in seen.values() if len(hits) >= limit for pos in hits}
    again, neighbours = _section_running_heads(doc, body_size=body_size)
    return running | again | neighbours, neighbours


def _section_running_heads(
    doc: PdfDocument, *, body_size: float
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Running heads that name the current section (they change from section to section, so
    they repeat on too few pages for the test above), as two sets: the top lines whose words
    are printed again lower on the same page (the heading they name stands there), and those
    that head the page before or after too in smaller print than the body's."""
    tops: dict[int, tuple[int, str]] = {}
    again: set[tuple[int, int]] = set()
    neighbours: set[tuple[int, int]] = set()
    for page in doc.pages:
        if len(page.lines) < 2:
            continue
        idx = min(range(len(page.lines)), key=lambda i: page.lines[i].bbox.top)
        words = _norm(page.lines[idx].text)
        if len(words) < 8:
            continue
        tops[page.number] = (idx, words)
        # A line whose compared words are these holds their longest word in its lower-cased
        # text (the words are that text's letters and digits): only such lines are compared,
        # not every line of every page (a fifth of the layout's time on 2020's report).
        longest = max(words.split(), key=len)
        if any(
            _norm(ln.text) == words
            for i, ln in enumerate(page.lines)
            if i != idx and longest in ln.text.lower()
        ):
            again.add((page.number, idx))
    for number, (idx, words) in tops.items():
        small = doc.pages[number - 1].lines[idx].size < body_size - 0.25  # not a heading's print
        for other in (number - 1, number + 1):
            if small and other in tops and tops[other][1] == words:
                neighbours.add((number, idx))
    return again, neighbours


# -- the walk over body lines ---------------------------------------------------------------


@dataclass
class _Block:
    kind: str  # "para", "footnote"
    lines: list[Line]
    section: str | None
    bullet: bool = False
    repeated: str | None = None
    seq: tuple[int, float] = (0, 0.0)  # (page, baseline) of its first line: reading order

    def __post_init__(self) -> None:
        if self.lines:
            self.seq = (self.lines[0].page, self.lines[0].baseline)


def _body_size(doc: PdfDocument) -> float:
    sizes: dict[float, int] = {}
    for page in doc.pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] = sizes.get(round(line.size * 2) / 2, 0) + len(
                line.text
            )
    return max(sizes, key=sizes.get) if sizes else 10.0


def _line_pitch(doc: PdfDocument, body_size: float) -> float:
    """The usual baseline-to-baseline step of body lines (the mode over the document)."""
    steps: dict[float, int] = {}
    for page in doc.pages:
        for a, b in zip(page.lines, page.lines[1:], strict=False):
            if abs(a.size - body_size) < 0.3 and abs(b.size - body_size) < 0.3:
                step = round(b.baseline - a.baseline, 1)
                if step > 0:
                    steps[step] = steps.get(step, 0) + 1
    return max(steps, key=steps.get) if steps else body_size * 1.2


def _toc_titles(toc: list[TocEntry]) -> dict[str, str]:
    return {e.label: e.text for e in toc}


def _match_heading(text: str, title: str | None) -> bool:
    """A line starts the heading whose contents title is `title` (or its first words).

    Tolerant of small differences between the contents and the heading (a typo, a word
    changed): the line's words must match the start of the title closely, not exactly."""
    if title is None:
        return False
    a, b = _norm(text), _norm(title)
    if not a or not b:
        return False
    if b.startswith(a) or a.startswith(b):
        return True
    n = min(len(a), len(b))
    return n >= 12 and difflib.SequenceMatcher(a=a[:n], b=b[:n], autojunk=False).ratio() >= 0.85


class _Walker:
    """Walks body lines in reading order, emitting sections, captions and paragraphs."""

    def __init__(
        self,
        doc: PdfDocument,
        toc: list[TocEntry],
        printed: dict[int, int | None],
        body_size: float,
        grammar: LayoutGrammar,
    ):
        self.doc = doc
        self.grammar = grammar
        self.toc = toc
        self.titles = _toc_titles(toc)
        self.toc_levels = {e.level for e in toc if e.level > 0}
        self.printed = printed
        self.body_size = body_size
        self.current: list[int] = []
        self.sections: list[Section] = []
        self.captions: list[Caption] = []
        self.blocks: list[_Block] = []
        self.table_lines: dict[str, list[Line]] = {}
        self.figure_lines: dict[str, list[Line]] = {}
        self.figure: str | None = None
        self.open: _Block | None = None
        self.footnote: _Block | None = None
        self.next_footnote = 1
        self.table: str | None = None
        self.table_seen_rows = False
        self.table_size: float | None = None
        self.table_box: tuple[float, float] | None = None  # x0, x1 of the rows seen
        self.pitch = _line_pitch(doc, body_size)

    # sections ------------------------------------------------------------------------

    def heading(self, lines: list[Line], i: int) -> tuple[list[int], str, int] | None:
        """If lines[i] starts the next heading: (number parts, title, lines used)."""
        line = lines[i]
        parsed = reading_after(number_readings(line.text), self.current)
        if parsed is None:
            return None
        parts, title = parsed
        level = len(parts) - 1
        candidates = next_numbers(self.current)
        want = candidates.get(level)
        if want is None or want[-1] != parts[-1]:
            # out of sequence (a number skipped in print): only when the contents list it
            if level > len(self.current) or (level > 0 and not self.current):
                return None
            want = tuple(self.current[:level] + [parts[-1]])
            if format_number(want) not in self.titles or want <= tuple(self.current[: level + 1]):
                return None
        label = format_number(want)
        toc_title = self.titles.get(label)
        if toc_title is not None:
            if not _match_heading(title, toc_title):
                return None
            used = 1
            text = title
            while _norm(text) != _norm(toc_title) and i + used < len(lines):
                cont = lines[i + used].text
                joined = join_lines([text, cont])
                if _norm(toc_title).startswith(_norm(joined)) or _norm(joined) == _norm(toc_title):
                    text = joined
                    used += 1
                else:
                    break
            return list(want), text, used
        if (level + 1) in self.toc_levels:
            return None  # the contents list this level, and not this title
        # Levels the contents do not list: a short stand-alone block after a finished one.
        if not title or title.endswith((",", ";")):
            return None
        if (
            self.open is not None
            and self.open.lines
            and not _ends_sentence(self.open.lines[-1].text, self.grammar)
        ):
            return None
        if line.size < self.body_size - 0.25:
            return None
        used = 1
        text = title
        while i + used < len(lines) and used < 3:
            nxt = lines[i + used]
            prev_line = lines[i + used - 1]
            if (
                nxt.page != line.page
                or BULLET_RE.match(nxt.text)
                or self.grammar.caption_re.match(nxt.text)
                or self.grammar.repeated_re.match(nxt.text)
                or parse_number(nxt.text) is not None
                # a heading printed large wraps at its own line pitch, not the body's
                or nxt.baseline - prev_line.baseline
                > max(self.pitch * 1.2, prev_line.size * 1.4) + 0.5
            ):
                break
            text = join_lines([text, nxt.text])
            used += 1
        if len(text) > 200 or (
            used == 3 and i + used < len(lines) and not BULLET_RE.match(lines[i + used].text)
        ):
            return None
        return list(want), text, used

    # paragraphs ----------------------------------------------------------------------

    def close(self) -> None:
        if self.open is not None and self.open.lines:
            self.blocks.append(self.open)
        self.open = None

    def close_footnote(self) -> None:
        if self.footnote is not None and self.footnote.lines:
            self.blocks.append(self.footnote)
        self.footnote = None

    def section_label(self) -> str | None:
        return format_number(self.current) if self.current else None

    def add_body_line(self, line: Line, prev: Line | None) -> None:
        text = line.text
        # a dash at a line's start inside an open quotation or bracket, the sentence going
        # on, is the text's own ('titled “To all … Trainees' / '- About the … Laws -” in
        # five languages'), no item
        bullet = bool(BULLET_RE.match(text)) and not (
            text[:1] in _DASHES
            and self.open is not None
            and line.page == self.open.lines[-1].page
            and _left_open(self.open.lines)
            and not _ends_sentence(self.open.lines[-1].text, self.grammar)
        )
        standalone_marker = self.grammar.repeated_re.fullmatch(text.strip())
        if standalone_marker:
            self.close()
            self.blocks.append(
                _Block(
                    "marker",
                    [line],
                    self.section_label(),
                    repeated=canonical_section(standalone_marker.group(1)),
                )
            )
            return
        if self.open is None or bullet or self._breaks(prev, line):
            self.close()
            self.open = _Block("para", [line], self.section_label(), bullet=bullet)
        else:
            self.open.lines.append(line)

    def _breaks(self, prev: Line | None, line: Line) -> bool:
        """Whether `line` starts a new paragraph after `prev` (the open paragraph's last line)."""
        if prev is None:
            return True
        last = self.open.lines[-1] if self.open else prev
        if last.page != line.page:
            # across a page break: a sentence that does not end continues
            return _ends_sentence(last.text, self.grammar) and not line.text[:1].islower()
        step = line.baseline - last.baseline
        if step > self.pitch * 1.2 + 0.5:
            return True
        # a first-line indent after a finished sentence (paragraphs printed without a gap);
        # not inside a bullet, whose own first line hangs out to the left
        indented = line.bbox.x0 > last.bbox.x0 + 0.8 * line.size
        return indented and not self.open.bullet and _ends_sentence(last.text, self.grammar)


#: Bullets that are also the text's own punctuation (a dash); a round bullet is never text.
_DASHES = "-\u2013\u2014"


def _left_open(lines: list[Line]) -> bool:
    """Whether the lines leave a quotation or a bracket open (more openers than closers)."""
    text = " ".join(line.text for line in lines[-4:])  # a quoted title runs over a few lines
    return text.count("\u201c") > text.count("\u201d") or text.count("(") > text.count(")")


def _split_refs(blocks: list[_Block]) -> None:
    """Apply "[Repeated from X]" markers to the paragraphs they cover (see module doc)."""
    for i, block in enumerate(blocks):
        if block.kind == "marker":
            for j in range(i - 1, -1, -1):
                prev = blocks[j]
                if prev.kind in ("marker", "heading", "caption"):
                    break
                if prev.kind != "para":
                    continue
                if prev.repeated is None:
                    prev.repeated = block.repeated
                if prev.bullet:
                    break


def analyse_layout(doc: PdfDocument, *, profile: Profile) -> Layout:
    """Sections, paragraphs, captions, contents and printed page numbers of a document,
    by the profile's caption and repeated-passage grammar (`Profile.layout`)."""
    grammar = profile.layout
    printed, page_number_lines = read_printed_pages(doc)
    body_size = _body_size(doc)
    running, running_heads = find_running_lines(doc, body_size=body_size)
    drop = page_number_lines | running
    contents = find_contents(doc, grammar)
    toc: list[TocEntry] = []
    title_lines: list[Line] = []
    body_start = (1, 0)
    if contents:
        cpage, cidx, bpage, bidx = contents
        toc_lines: list[Line] = []
        for page in doc.pages[cpage - 1 : bpage]:
            for idx, line in enumerate(page.lines):
                if (page.number, idx) in drop:
                    continue
                if (page.number, idx) <= (cpage, cidx) or (page.number, idx) >= (bpage, bidx):
                    continue
                toc_lines.append(line)
        toc = parse_contents(toc_lines, grammar)
        body_start = (bpage, bidx)
        for page in doc.pages[:cpage]:
            for idx, line in enumerate(page.lines):
                if (page.number, idx) < (cpage, cidx) and (page.number, idx) not in drop:
                    title_lines.append(line)
    else:
        body_start = (2, 0) if len(doc.pages) > 1 else (1, 0)
        title_lines = [ln for ln in doc.pages[0].lines] if doc.pages else []

    lines: list[Line] = []
    for page in doc.pages:
        for idx, line in enumerate(page.lines):
            if (page.number, idx) in drop or (page.number, idx) < body_start:
                continue
            lines.append(line)

    w = _Walker(doc, toc, printed, body_size, grammar)
    _walk(w, lines)
    # no contents (none printed, or none read): the body's numbered headings gave the sections
    sections_from = "contents" if toc else "headings"
    if toc and (not _contents_agree(toc, w.sections) or is_ocr_output(doc.metadata or {})):
        # Contents unreadable or incomplete (OCR garbles leaders and numbers and drops
        # entries, so an OCR'd text's contents are never taken alone) or disagreeing with
        # the body: the body's numbered headings alone give the sections, if they give more.
        alone = _Walker(doc, [], printed, body_size, grammar)
        _walk(alone, _after_contents_pages(lines))
        if len(alone.sections) > len(w.sections):
            w, sections_from = alone, "headings"
    w.close()
    w.close_footnote()
    w.blocks.sort(key=lambda b: b.seq)
    _split_refs(w.blocks)
    words = vocabulary(line.text for line in lines)
    paragraphs = _paragraphs(w.blocks, printed, grammar, words)
    for sec in w.sections:
        sec.printed_page = printed.get(sec.page)
    for cap in w.captions:
        cap.printed_page = printed.get(cap.page)
    return Layout(
        sections=w.sections,
        paragraphs=paragraphs,
        captions=w.captions,
        toc=toc,
        printed_pages=printed,
        body_size=body_size,
        table_lines=w.table_lines,
        figure_lines=w.figure_lines,
        title_lines=title_lines,
        sections_from=sections_from,
        running_texts=_texts_at(doc, running_heads),
    )


def _texts_at(doc: PdfDocument, positions: set[tuple[int, int]]) -> dict[int, set[str]]:
    """The compared words of the lines at (page, line index) positions, by page."""
    out: dict[int, set[str]] = {}
    for page, idx in positions:
        out.setdefault(page, set()).add(_norm(doc.pages[page - 1].lines[idx].text))
    return out


#: Share of a page's lines that end in a page number or hold leader dots for the page to
#: be a contents page.
CONTENTS_PAGE_SHARE = 0.3
_CONTENTS_LINE_RE = compiled(r"(?:\.\s*){2,}|…|\s\d{1,3}\.?\s*$")


def _after_contents_pages(lines: list[Line]) -> list[Line]:
    """The lines from the first page on that is not a contents page: when the contents
    could not be read (OCR garbles leaders and page numbers), their pages were not told
    apart from the body, and their entries would read as headings and paragraphs. A
    contents page is one where many lines hold leader dots or end in a page number."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for number, page_lines in pages.items():
        hits = sum(1 for ln in page_lines if _CONTENTS_LINE_RE.search(ln.text))
        if hits < CONTENTS_PAGE_SHARE * len(page_lines):
            return [ln for ln in lines if ln.page >= number]
    return lines


#: Share of the contents' section entries the body must print as headings for the contents
#: to be trusted to find the headings.
CONTENTS_AGREE = 0.6


def _contents_agree(toc: list[TocEntry], sections: list[Section]) -> bool:
    """Whether the walk guided by the contents found most of the sections they list; when
    they list hardly any (OCR lost the entries), whether the body found no more than that."""
    listed = {e.label for e in toc if e.level > 0 and not e.label.startswith(("Figure", "Table"))}
    found = {s.number for s in sections}
    if len(listed) < 3:  # hardly any section entry read: agree if the body has no more
        return len(found) <= len(listed)
    return len(listed & found) >= CONTENTS_AGREE * len(listed)


def _is_footnote_start(w: _Walker, line: Line, nxt: Line | None) -> bool:
    if line.size >= w.body_size * 0.92 or len(line.cells) > 1:
        return False
    m = re.match(r"^(\d{1,3})(?:\s+|$)", line.text)
    if not m:
        return False
    n = int(m.group(1))
    if not (w.next_footnote <= n <= w.next_footnote + 3):
        return False
    if line.text.strip() == m.group(1):
        return nxt is not None and nxt.page == line.page and nxt.size < w.body_size * 0.92
    return True


def _walk(w: _Walker, lines: list[Line]) -> None:
    i = 0
    prev: Line | None = None
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        new_page = prev is not None and prev.page != line.page
        if new_page and w.footnote is not None:
            # a footnote running over: small lines at the top of the next page
            if line.size < w.body_size * 0.92 and not w.grammar.caption_re.match(line.text):
                w.footnote.lines.append(line)
                i += 1
                continue
            w.close_footnote()
        if w.footnote is not None and line.page == w.footnote.lines[-1].page:
            if line.size < w.body_size * 0.92:
                w.footnote.lines.append(line)
                i += 1
                continue
            w.close_footnote()
        # tables (a footnote at the foot of a table page is not a row)
        in_table_footnote = w.table is not None and (
            line.raised_start or (w.table_size is not None and line.size < w.table_size - 0.3)
        )
        if w.table is not None and not (in_table_footnote and _is_footnote_start(w, line, nxt)):
            multi = len(line.cells) > 1
            if multi:
                w.table_size = line.size if w.table_size is None else min(w.table_size, line.size)
                w.table_seen_rows = True
                w.table_box = _widen(w.table_box, line)
            if not _ends_table(w, lines, i):
                w.table_lines[w.table].append(line)
                i += 1
                prev = line
                continue
            w.table = None
        # footnotes
        if _is_footnote_start(w, line, nxt):
            w.close_footnote()
            m = re.match(r"^(\d{1,3})", line.text)
            w.next_footnote = int(m.group(1)) + 1
            w.footnote = _Block("footnote", [line], "footnote")
            i += 1
            continue
        # text printed inside a figure's box (smaller print right after its caption)
        if w.figure is not None:
            if line.size < w.body_size * 0.95 and not w.grammar.caption_re.match(line.text):
                w.figure_lines[w.figure].append(line)
                i += 1
                prev = line
                continue
            w.figure = None
        # captions
        cap = w.grammar.caption_re.match(line.text)
        if cap:
            w.close()
            used, text = _caption_text(w, lines, i, cap)
            label = f"{cap.group('kind')} {cap.group('number')}"
            w.captions.append(Caption(label, text, line.page, None, _union(lines[i : i + used])))
            w.blocks.append(_Block("caption", [line], w.section_label()))
            w.table = label if cap.group("kind") == w.grammar.table_kind else None
            w.figure = label if cap.group("kind") == w.grammar.figure_kind else None
            if w.figure:
                w.figure_lines[label] = []
            w.table_seen_rows = False
            w.table_size = None
            w.table_box = None
            if w.table:
                w.table_lines[label] = []
                if _rows_precede(w):
                    _take_rows_above(w, label)  # a caption printed under its table
                    w.table = None
            i += used
            prev = lines[i - 1]
            continue
        # headings
        head = w.heading(lines, i)
        if head is not None:
            parts, title, used = head
            w.close()
            w.table = w.figure = None
            w.current = parts
            w.sections.append(Section(format_number(parts), title, len(parts), line.page))
            w.blocks.append(_Block("heading", [line], w.section_label()))
            i += used
            prev = lines[i - 1]
            continue
        w.add_body_line(line, prev)
        prev = line
        i += 1


def _widen(box: tuple[float, float] | None, line: Line) -> tuple[float, float]:
    if box is None:
        return (line.bbox.x0, line.bbox.x1)
    return (min(box[0], line.bbox.x0), max(box[1], line.bbox.x1))


def _ends_table(w: _Walker, lines: list[Line], i: int) -> bool:
    """Whether lines[i] is past the table region: the next caption, a heading the contents
    name (any heading that continues the numbering, when there are no contents), or (once rows were seen) a line of prose at body size: one cell from the table's
    left edge across most of its width. Small print never ends a table; a one-cell line at
    body size inside the table (a cell's text wrapped onto its own line, in any column but
    the first, or a short one in the first) does not either, so tables printed at body
    size keep their rows."""
    line = lines[i]
    if w.grammar.caption_re.match(line.text):
        return True
    multi = len(line.cells) > 1
    if multi or not w.table_seen_rows:
        return False
    if line.size < w.body_size - 0.25:
        return False
    head = w.heading(lines, i)
    if head is not None and (not w.titles or format_number(head[0]) in w.titles):
        # without contents the heading that continues the numbering is all there is to go by
        return True
    if w.table_box is None:
        return True
    left, right = w.table_box
    at_left = line.bbox.x0 <= left + line.size
    wide = line.bbox.x1 - line.bbox.x0 >= 0.6 * (right - left)
    return at_left and wide


def _rows_precede(w: _Walker) -> bool:
    """Whether the block right before the caption just appended (footnotes aside) is lines
    of several cells: a table without its caption above it, so the caption names it. A
    caption above its table follows prose, a heading or another table's region."""
    for block in reversed(w.blocks[:-1]):
        if block.kind == "footnote":
            continue
        return block.kind == "para" and any(len(ln.cells) > 1 for ln in block.lines)
    return False


def _take_rows_above(w: _Walker, label: str) -> None:
    """A caption with no rows under it names the table just above it: the paragraphs
    walked since the last heading or caption that hold lines of several cells, or that do
    not end a sentence (a cell wrapped onto its own line), become that table's lines, in
    reading order, and are no longer body text; the prose before the table ends a sentence."""

    def table_like(block: _Block) -> bool:
        return block.kind == "para" and any(len(ln.cells) > 1 for ln in block.lines)

    caption = w.blocks.pop()  # the caption itself, appended just before
    taken: list[_Block] = []
    kept: list[_Block] = []  # footnotes of those pages stay footnotes
    while w.blocks and w.blocks[-1].kind in ("para", "footnote"):
        block = w.blocks[-1]
        if block.kind == "footnote":
            kept.append(w.blocks.pop())
            continue
        if not (table_like(block) or not _ends_sentence(block.lines[-1].text, w.grammar)):
            break
        taken.append(w.blocks.pop())
    w.blocks.extend(reversed(kept))
    w.blocks.append(caption)
    w.table_lines[label] = [ln for block in reversed(taken) for ln in block.lines]


def _caption_text(w: _Walker, lines: list[Line], i: int, cap: re.Match) -> tuple[int, str]:
    """A caption and the lines it wraps onto: joined while brackets are open, or while the
    contents entry for the same label goes on with the next line's words."""
    # a stop or colon before the words is the label's punctuation (or an OCR speck), never
    # the caption's: "[Figure 32].An example", "Figure 3: Number of ..."
    text = cap.group("text").strip().lstrip(".:;,").strip()
    label = f"{cap.group('kind')} {cap.group('number')}"
    toc_text = _norm_nodigits(w.titles.get(label, ""))
    used = 1
    while i + used < len(lines):
        nxt = lines[i + used]
        if (
            nxt.page != lines[i].page
            or w.grammar.caption_re.match(nxt.text)
            or BULLET_RE.match(nxt.text)
        ):
            break
        joined = join_lines([text, nxt.text])
        open_bracket = text.count("(") > text.count(")")
        continues = (
            bool(toc_text)
            and toc_text.startswith(_norm_nodigits(joined))
            and len(_norm(nxt.text)) > 0
        )
        if open_bracket or continues:
            text = joined
            used += 1
        else:
            break
    return used, text


def _union(lines: list[Line]) -> BBox:
    """The box around lines (those on the first line's page)."""
    boxes = [ln.bbox for ln in lines if ln.page == lines[0].page]
    return BBox(
        min(b.x0 for b in boxes),
        min(b.top for b in boxes),
        max(b.x1 for b in boxes),
        max(b.bottom for b in boxes),
    )


def _paragraphs(
    blocks: list[_Block],
    printed: dict[int, int | None],
    grammar: LayoutGrammar,
    words: set[str] | None = None,
) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in blocks:
        if block.kind not in ("para", "footnote"):
            continue
        text = join_lines([ln.text for ln in block.lines], words)
        inline = grammar.repeated_re.search(text)
        repeated = block.repeated
        if inline and text[inline.end() :].strip() in ("", "."):
            repeated = repeated or canonical_section(inline.group(1))
            text = (text[: inline.start()] + text[inline.end() :]).strip()
        if block.bullet:
            text = BULLET_RE.sub("", text, count=1)
        first = block.lines[0]
        bbox = _union(block.lines)
        out.append(
            Paragraph(
                text=text,
                page=first.page,
                printed_page=printed.get(first.page),
                section=block.section,
                repeated_from=repeated,
                bbox=bbox,
            )
        )
    return out


__all__ = [
    "Layout",
    "analyse_layout",
    "join_lines",
    "read_printed_pages",
]
