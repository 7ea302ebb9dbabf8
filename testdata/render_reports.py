"""Render report sources (reports/src/<year>.md, see reports/src/FORMAT.md) to A4 PDFs.

A development tool, not part of the package: it builds the test series from the real
2020 text and the reconstructions, and the mutation tests import `render_source` to render
changed sources. reportlab lays the document out twice or more (`multiBuild`) so that the
contents can print the page numbers the body ends up on; invariant mode makes the bytes
reproducible. The source dialect itself is parsed in `report_source` (import its names from there).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from testdata.fonts import DEJAVU_SANS, bundled_font, system_font
from testdata.report_source import (
    FOOTNOTE_REF_RE,
    Bullet,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    RunInHeading,
    Table,
    contents_entries,
    parse_source,
)

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "reports" / "src"
OUT_DIR = ROOT / "reports"

RECONSTRUCTION_NOTE = "Reconstruction for testing \u2014 not an official publication"


# --------------------------------------------------------------------------- inline markup


def cjk_font_name() -> str:
    """The font for Japanese runs: embedded IPA Mincho, or reportlab's CID fallback."""
    return "IPAMincho" if system_font("IPAMincho") else "HeiseiMin-W3"


CJK_RE = re.compile(r"([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+)")


def inline_to_markup(text: str, footnote_numbers: dict[str, int] | None = None) -> str:
    """Turn dialect inline markup into reportlab paragraph markup (escaped XML)."""
    out = escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])", r"<i>\1</i>", out)

    def ref(m: re.Match) -> str:
        label = m.group(1)
        if footnote_numbers is not None:
            label = str(footnote_numbers.get(label, label))
        # the onDraw callback tells the doc on which page the reference is printed
        return f'<super>{label}</super><onDraw name="fnref" label="{m.group(1)}"/>'

    out = FOOTNOTE_REF_RE.sub(ref, out)
    font = cjk_font_name()
    out = CJK_RE.sub(lambda m: f'<font name="{font}">{m.group(1)}</font>', out)
    return out


# --------------------------------------------------------------------------- rendering


def _fonts() -> None:
    """Register embedded Unicode fonts (the text has ○ ① ✘ → and typographic quotes)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if "Body" in pdfmetrics.getRegisteredFontNames():
        return
    # DejaVu Sans as matplotlib ships it: same advance widths as Debian's fonts-dejavu,
    # so the layout does not depend on what the machine has installed
    for name, file in DEJAVU_SANS.items():
        pdfmetrics.registerFont(TTFont(name, str(bundled_font(file))))
    addMapping("Body", 0, 0, "Body")
    addMapping("Body", 1, 0, "Body-Bold")
    addMapping("Body", 0, 1, "Body-Italic")
    addMapping("Body", 1, 1, "Body-BoldItalic")
    # Japanese words occur in the text: embed IPA Mincho where installed
    # (Debian fonts-ipafont-mincho); otherwise a non-embedded CID font still gives the
    # right text layer, only viewers without Japanese fonts show boxes.
    ipa = system_font("IPAMincho")
    if ipa:
        pdfmetrics.registerFont(TTFont(cjk_font_name(), str(ipa)))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(cjk_font_name()))


def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body", fontName="Body", bulletFontName="Body", fontSize=9.5, leading=13.5, spaceAfter=5
    )
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2),
        "nested": ParagraphStyle("nested", parent=body, leftIndent=28, bulletIndent=16),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName="Body-Bold",
            fontSize=14,
            leading=18,
            spaceBefore=14,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName="Body-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName="Body-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h4": ParagraphStyle(
            "h4",
            parent=body,
            fontName="Body-Bold",
            fontSize=9.5,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "runin": ParagraphStyle(
            "runin", parent=body, fontName="Body-Bold", spaceAfter=2, keepWithNext=1
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontName="Body-Bold",
            fontSize=9.5,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle(
            "cell",
            parent=body,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            allowOrphans=1,
            allowWidows=1,
        ),
        "cellhead": ParagraphStyle(
            "cellhead", parent=body, fontName="Body-Bold", fontSize=8.5, leading=11, spaceAfter=0
        ),
        "figtext": ParagraphStyle("figtext", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "footnote": ParagraphStyle("footnote", parent=body, fontSize=7.5, leading=10, spaceAfter=2),
        "title": ParagraphStyle(
            "title", parent=body, fontName="Body-Bold", fontSize=22, leading=30, alignment=TA_CENTER
        ),
        "titlesub": ParagraphStyle(
            "titlesub", parent=body, fontSize=13, leading=18, alignment=TA_CENTER
        ),
        "note": ParagraphStyle(
            "note",
            parent=body,
            fontName="Body-Italic",
            fontSize=10,
            leading=14,
            alignment=TA_CENTER,
        ),
        "contents": ParagraphStyle(
            "contents", parent=body, fontName="Body-Bold", fontSize=14, leading=18, spaceAfter=10
        ),
    }


def _toc_styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle(
        "toc", fontName="Body", fontSize=8.5, leading=11, spaceAfter=1, rightIndent=30
    )
    return [
        ParagraphStyle(
            "toc0",
            parent=base,
            fontName="Body-Bold",
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=3,
        ),
        ParagraphStyle("toc1", parent=base, leftIndent=12, firstLineIndent=0),
        ParagraphStyle("toc2", parent=base, leftIndent=24, firstLineIndent=0),
    ]


def _make_doc(out_path: Path, report: Report, styles):
    """A doc template that numbers body pages from 1, feeds the two contents lists and
    prints footnotes at the foot of the page that holds their reference.

    Footnotes need the layout to know itself: a pass records on which page each reference
    was drawn; the next pass shortens those pages' frames by the footnotes' height and
    draws them below. A `FootnoteTracker` in the story keeps multiBuild going until the
    pages of the references stop moving.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
    from reportlab.platypus import Paragraph as P

    fn_numbers = {fid: n for n, fid in enumerate(report.footnotes, start=1)}
    rule_gap = 10.0

    class ReportDoc(BaseDocTemplate):
        fn_prev: dict[int, list[str]] = {}

        def beforeDocument(self):
            self.body_start = None
            self.fn_now: dict[int, list[str]] = {}

        def note_ref(self, fid: str) -> None:
            refs = self.fn_now.setdefault(self.page, [])
            if fid not in refs:
                refs.append(fid)

        def footnote_paragraphs(self, fids: list[str]) -> list:
            return [
                P(
                    f"<super>{fn_numbers.get(fid, fid)}</super> "
                    + inline_to_markup(report.footnotes.get(fid, "")),
                    styles["footnote"],
                )
                for fid in fids
            ]

        def footnote_height(self, fids: list[str]) -> float:
            paras = self.footnote_paragraphs(fids)
            return (
                sum(p.wrap(self.width, self.height)[1] + 2 for p in paras) + rule_gap
                if paras
                else 0.0
            )

        def handle_frameBegin(self, *args, **kwargs):
            super().handle_frameBegin(*args, **kwargs)
            frame = self.frame
            frame._geom()
            reserve = self.footnote_height(self.fn_prev.get(self.page, []))
            if reserve:
                frame._y1p += reserve
                frame._aH -= reserve

        def afterFlowable(self, flowable):
            entry = getattr(flowable, "toc_entry", None)
            if entry is None:
                return
            level, words = entry
            page = self.page - (self.body_start or self.page) + 1
            if level == 9:
                self.notify("FigEntry", (0, words, page))
            else:
                self.notify("TOCEntry", (level - 1, words, page))

    width, height = A4
    doc = ReportDoc(
        str(out_path),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=report.meta.get("title", ""),
        author=report.meta.get("council", ""),
        subject=RECONSTRUCTION_NOTE if report.reconstruction else report.meta.get("title", ""),
        keywords=RECONSTRUCTION_NOTE if report.reconstruction else "",
        creator="annualcheck testdata/render_reports.py",
        invariant=1,
    )
    doc.fn_prev = {}
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main")

    def body_page(canvas, d):
        if d.body_start is None:
            d.body_start = d.page
        canvas.setNamedCB("fnref", lambda _canvas, _kind, label: d.note_ref(label))

    def body_page_end(canvas, d):
        """Footnotes, then the printed page number: last in the page's text, as usual."""
        draw_footnotes(canvas, d)
        canvas.saveState()
        canvas.setFont("Body", 9)
        canvas.drawCentredString(width / 2, 12 * mm, str(d.page - d.body_start + 1))
        canvas.restoreState()

    def draw_footnotes(canvas, d):
        fids = d.fn_now.get(d.page, [])
        if not fids:
            return
        paras = d.footnote_paragraphs(fids)
        heights = [p.wrap(d.width, d.height)[1] for p in paras]
        y = d.bottomMargin + sum(h + 2 for h in heights)
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(d.leftMargin, y + rule_gap / 2, d.leftMargin + 0.3 * d.width, y + rule_gap / 2)
        canvas.restoreState()
        for para, h in zip(paras, heights, strict=True):
            y -= h + 2
            para.drawOn(canvas, d.leftMargin, y)

    doc.addPageTemplates(
        [
            PageTemplate(id="front", frames=[frame]),
            PageTemplate(id="body", frames=[frame], onPage=body_page, onPageEnd=body_page_end),
        ]
    )
    return doc


def _footnote_tracker(doc):
    """An invisible indexing flowable: multiBuild passes until footnote pages are stable."""
    from reportlab.platypus import Flowable

    class FootnoteTracker(Flowable):
        satisfied = False

        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            pass

        def isIndexing(self):
            return 1

        def beforeBuild(self):
            pass

        passes = 0

        def afterBuild(self):
            # satisfied when every printed footnote had its space reserved on its page
            self.passes += 1
            now, prev = doc.fn_now, doc.fn_prev
            self.satisfied = all(set(f) <= set(prev.get(page, [])) for page, f in now.items())
            if self.passes < 4:
                doc.fn_prev = {page: list(f) for page, f in now.items()}
            else:
                # a reference that keeps hopping between two pages (the reserved space
                # pushes it over): keep both reservations, which always converges
                merged = {page: list(f) for page, f in prev.items()}
                for page, f in now.items():
                    merged.setdefault(page, []).extend(x for x in f if x not in merged[page])
                doc.fn_prev = merged

        def isSatisfied(self):
            return self.satisfied

        def notify(self, kind, stuff):
            pass

    return FootnoteTracker()


def _toc_classes():
    from reportlab.platypus.tableofcontents import TableOfContents

    class Contents(TableOfContents):
        """One contents list (sections, or figures and tables) with dot leaders; listens
        to its own kind of notification. Empty lists print nothing (no placeholder)."""

        def __init__(self, kind: str, **kw):
            super().__init__(**kw)
            self.kind = kind

        def notify(self, kind, stuff):
            if kind == self.kind:
                self.addEntry(*stuff)

        def wrap(self, availWidth, availHeight):
            if not self._lastEntries and not self._entries:
                self._empty = True
                return 0, 0
            self._empty = False
            return super().wrap(availWidth, availHeight)

        def drawOn(self, canvas, x, y, _sW=0):
            if not getattr(self, "_empty", False):
                super().drawOn(canvas, x, y, _sW)

        def split(self, availWidth, availHeight):
            if getattr(self, "_empty", False):
                return []
            return super().split(availWidth, availHeight)

    return Contents


def _figure_flowables(fig: Figure, styles, width):
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Spacer
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import Table as T

    cap = P(inline_to_markup(f"[Figure {fig.number}] {fig.caption}"), styles["caption"])
    cap.toc_entry = (9, f"[Figure {fig.number}] {fig.toc or fig.caption}")
    if not fig.lines:
        box = T([[""]], colWidths=[width], rowHeights=[3.2 * cm])
        box.setStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)])
        return [KeepTogether([cap, box]), Spacer(1, 8)]
    rows = [[P(inline_to_markup(line), styles["figtext"])] for line in fig.lines]
    box = T(rows, colWidths=[width], splitByRow=1)
    box.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ]
    )
    return [cap, box, Spacer(1, 8)]


def _table_flowables(table: Table, styles, width, fn_numbers):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table as T

    cap = P(inline_to_markup(f"[Table {table.number}] {table.caption}"), styles["caption"])
    cap.toc_entry = (9, f"[Table {table.number}] {table.toc or table.caption}")
    ncols = len(table.header)
    if ncols == 3:
        widths = [0.07 * width, 0.55 * width, 0.38 * width]
    elif ncols == 2:
        widths = [0.2 * width, 0.8 * width]
    else:
        widths = [width / ncols] * ncols
    data = [[P(inline_to_markup(c, fn_numbers), styles["cellhead"]) for c in table.header]]
    for row in table.rows:
        cells = (row + [""] * ncols)[:ncols]
        data.append([P(inline_to_markup(c, fn_numbers), styles["cell"]) for c in cells])
    t = T(data, colWidths=widths, repeatRows=0, splitByRow=1, splitInRow=1)
    t.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return [cap, t, Spacer(1, 8)]


def build_story(report: Report, width: float) -> list:
    """Flowables for title page, contents and body."""
    from reportlab.lib.units import cm
    from reportlab.platypus import NextPageTemplate, Spacer
    from reportlab.platypus import PageBreak as PB
    from reportlab.platypus import Paragraph as P

    styles = _styles()
    contents_cls = _toc_classes()
    fn_numbers = {fid: n for n, fid in enumerate(report.footnotes, start=1)}
    story: list = [NextPageTemplate("front"), Spacer(1, 6 * cm)]
    story.append(P(escape(report.meta.get("title", "")), styles["title"]))
    story.append(Spacer(1, 1.2 * cm))
    story.append(P(escape(report.meta.get("date", "")), styles["titlesub"]))
    story.append(Spacer(1, 1.2 * cm))
    story.append(P(escape(report.meta.get("council", "")), styles["titlesub"]))
    if report.reconstruction:
        story.append(Spacer(1, 2 * cm))
        story.append(P(escape(RECONSTRUCTION_NOTE), styles["note"]))
    story.append(PB())
    story.append(P("Contents", styles["contents"]))
    # both lists start filled with placeholder page numbers: the first pass then lays the
    # contents out at their final length, which saves the passes a growing contents costs
    entries = contents_entries(report)
    sections = contents_cls("TOCEntry", levelStyles=_toc_styles(), dotsMinLevel=0)
    for level, words in entries:
        if level != 9:
            sections.addEntry(level - 1, words, 88)
    story.append(sections)
    story.append(Spacer(1, 0.4 * cm))
    fig_styles = _toc_styles()[1:2]
    figures = contents_cls("FigEntry", levelStyles=fig_styles, dotsMinLevel=0)
    for level, words in entries:
        if level == 9:
            figures.addEntry(0, words, 88)
    story.append(figures)
    story.append(NextPageTemplate("body"))
    story.append(PB())

    for block in report.blocks:
        if isinstance(block, Heading):
            para = P(inline_to_markup(block.text), styles[f"h{block.level}"])
            if block.level <= 3:
                para.toc_entry = (block.level, block.toc or block.text)
            story.append(para)
        elif isinstance(block, Paragraph):
            story.append(P(inline_to_markup(block.text, fn_numbers), styles["body"]))
        elif isinstance(block, Bullet):
            style = styles["nested" if block.nested else "bullet"]
            story.append(
                P(inline_to_markup(block.text, fn_numbers), style, bulletText=block.marker)
            )
        elif isinstance(block, RunInHeading):
            story.append(P(escape(block.text), styles["runin"]))
        elif isinstance(block, Figure):
            story.extend(_figure_flowables(block, styles, width))
        elif isinstance(block, Table):
            story.extend(_table_flowables(block, styles, width, fn_numbers))
        elif isinstance(block, PageBreak):
            story.append(PB())
    return story


def render_source(text: str, out_path: Path) -> Path:
    """Render one source text to a PDF at out_path (deterministic bytes)."""
    _fonts()
    report = parse_source(text)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    doc = _make_doc(out_path, report, _styles())
    story = build_story(report, doc.width)
    story.insert(0, _footnote_tracker(doc))
    doc.multiBuild(story, maxPasses=8)
    return out_path


def main(argv: list[str] | None = None) -> int:
    """Render every reports/src/<year>.md to reports/<year>.pdf."""
    sources = sorted(p for p in SRC_DIR.glob("*.md") if re.fullmatch(r"\d{4}", p.stem))
    for src in sources:
        out = render_source(src.read_text(encoding="utf-8"), OUT_DIR / f"{src.stem}.pdf")
        print(f"{src.relative_to(ROOT)} -> {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
