"""Render the 2020 source by a second producer: own HTML, printed by headless Chromium.

The extractor must not be tuned to one layout, so this producer differs from
testdata/render_reports.py in everything but the words: US Letter pages, a serif family,
thin grey table grids with a shaded header row that repeats on continuation pages (thead),
other paddings, contents dots as text, and a PDF made by Skia/Chromium.

One HTML document: the title and contents pages are a named page ("front") that does not
count (`counter-increment: page 0`) and has no footer; body pages print their number from 1
in a CSS margin box. The contents' page numbers come from a first print: each heading and
caption is searched, in order, in the page texts; then the document is printed again.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from testdata.fonts import SERIF_METRICS, chromium
from testdata.render_reports import RECONSTRUCTION_NOTE
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
DEFAULT_SOURCE = ROOT / "reports" / "src" / "2020.md"
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "2020-other-producer.pdf"

CSS = """
@page { size: letter; margin: 20mm 19mm 22mm 19mm; }
@page body { @bottom-center { content: counter(page); font-family: 'Liberation Serif', serif;
  font-size: 10pt; } }
html { font-family: 'Liberation Serif', 'DejaVu Serif', 'IPAMincho', serif; font-size: 11pt; line-height: 1.35; }
@page front { counter-increment: page 0; }
body { margin: 0; page: body; }
.title, .contents { page: front; }
.contents { break-after: page; }
h1 { font-size: 15pt; margin: 16pt 0 6pt; } h2 { font-size: 13pt; margin: 12pt 0 5pt; }
h3 { font-size: 11.5pt; margin: 10pt 0 4pt; } h4 { font-size: 11pt; margin: 8pt 0 3pt; font-style: italic; }
h1, h2, h3, h4, .caption { break-after: avoid; }
p { margin: 0 0 6pt; text-align: justify; }
p.bullet { padding-left: 1.6em; text-indent: -1.2em; }
p.nested { padding-left: 3.0em; text-indent: -1.2em; }
p.runin { font-weight: bold; margin-bottom: 2pt; }
.caption { font-weight: bold; margin: 10pt 0 4pt; }
.figure { border: 1.2pt solid #444; min-height: 3.4cm; padding: 6pt 10pt; margin-bottom: 10pt;
  font-size: 9.5pt; }
.figure p { margin: 0 0 2pt; text-align: left; }
table.data { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 10pt; }
table.data th, table.data td { border: 0.5pt solid #999; padding: 4pt 7pt; vertical-align: top;
  text-align: left; }
table.data thead { display: table-header-group; }
table.data th { background: #d9d9d9; }
.fnrule { width: 25%; border-top: 0.6pt solid #000; margin: 2pt 0 2pt; }
.footnote { font-size: 8.5pt; margin-bottom: 6pt; }
.title { text-align: center; padding-top: 7cm; break-after: page; }
.title h1 { font-size: 24pt; margin-bottom: 1.4cm; } .title p { text-align: center; font-size: 14pt; }
.title .note { font-style: italic; margin-top: 2cm; font-size: 11pt; }
.contents h1 { font-size: 16pt; }
.toc { display: flex; align-items: flex-end; font-size: 10pt; margin: 0 0 3pt; }
.toc .words { flex: 0 1 auto; } .toc .num { flex: 0 0 auto; padding-left: 3pt; }
.toc .dots { flex: 1 1 2em; overflow: hidden; white-space: nowrap; padding-left: 3pt; direction: rtl; }
.toc.l1 { font-weight: bold; margin-top: 5pt; } .toc.l2 { padding-left: 1.2em; }
.toc.l3 { padding-left: 2.4em; } .toc.l9 { padding-left: 0; }
.figlist { margin-top: 14pt; }
"""


def inline_to_html(text: str, fn_numbers: dict[str, int]) -> str:
    """Dialect inline markup to HTML."""
    out = escape(text, quote=False)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])", r"<i>\1</i>", out)
    return FOOTNOTE_REF_RE.sub(
        lambda m: f"<sup>{fn_numbers.get(m.group(1), m.group(1))}</sup>", out
    )


def document_html(report: Report, pages: list[int | None]) -> str:
    """The whole report: title page, contents with the given page numbers, body."""
    return _page(front_html(report, pages) + "\n" + body_html(report), report)


def body_html(report: Report) -> str:
    """The body (from section 1 on) as one HTML document."""
    fn_numbers = {fid: n for n, fid in enumerate(report.footnotes, start=1)}
    parts: list[str] = []
    for block in report.blocks:
        refs: list[str] = []
        if isinstance(block, Heading):
            parts.append(
                f"<h{block.level}>{inline_to_html(block.text, fn_numbers)}</h{block.level}>"
            )
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{inline_to_html(block.text, fn_numbers)}</p>")
            refs = FOOTNOTE_REF_RE.findall(block.text)
        elif isinstance(block, Bullet):
            cls = "nested" if block.nested else "bullet"
            parts.append(
                f'<p class="{cls}">{escape(block.marker)}&#160;{inline_to_html(block.text, fn_numbers)}</p>'
            )
            refs = FOOTNOTE_REF_RE.findall(block.text)
        elif isinstance(block, RunInHeading):
            parts.append(f'<p class="runin">{escape(block.text)}</p>')
        elif isinstance(block, Figure):
            cap = inline_to_html(f"[Figure {block.number}] {block.caption}", fn_numbers)
            inner = "".join(f"<p>{inline_to_html(line, fn_numbers)}</p>" for line in block.lines)
            parts.append(f'<div class="caption">{cap}</div><div class="figure">{inner}</div>')
        elif isinstance(block, Table):
            cap = inline_to_html(f"[Table {block.number}] {block.caption}", fn_numbers)
            head = "".join(f"<th>{inline_to_html(c, fn_numbers)}</th>" for c in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{inline_to_html(c, fn_numbers)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            widths = {3: (7, 55, 38), 2: (22, 78)}.get(len(block.header), ())
            cols = "".join(f'<col style="width:{w}%">' for w in widths)
            parts.append(
                f'<div class="caption">{cap}</div><table class="data"><colgroup>{cols}</colgroup>'
                f"<thead><tr>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
        elif isinstance(block, PageBreak):
            parts.append('<div style="break-after: page"></div>')
        if refs:
            parts.append('<div class="fnrule"></div>')
            for fid in refs:
                text = inline_to_html(report.footnotes.get(fid, ""), fn_numbers)
                parts.append(
                    f'<p class="footnote"><sup>{fn_numbers.get(fid, fid)}</sup> {text}</p>'
                )
    return "\n".join(parts)


def front_html(report: Report, pages: list[int | None]) -> str:
    """Title page and contents (sections, then figures and tables) with page numbers."""
    meta = report.meta
    title = [
        '<div class="title">',
        f"<h1>{escape(meta.get('title', ''))}</h1>",
        f"<p>{escape(meta.get('date', ''))}</p>",
        f"<p>{escape(meta.get('council', ''))}</p>",
    ]
    if report.reconstruction:
        title.append(f'<p class="note">{escape(RECONSTRUCTION_NOTE)}</p>')
    title.append("</div>")
    rows = ['<div class="contents"><h1>Contents</h1>']
    in_figs = False
    for (level, words), page in zip(contents_entries(report), pages, strict=True):
        if level == 9 and not in_figs:
            rows.append('<div class="figlist"></div>')
            in_figs = True
        rows.append(
            f'<div class="toc l{level}"><span class="words">{escape(words)}</span>'
            f'<span class="dots">{"." * leader_dots(words, level)}</span>'
            f'<span class="num">{page if page else ""}</span></div>'
        )
    rows.append("</div>")
    return "\n".join(title + rows)


TOC_WIDTH_PT = 612 - 2 * 19 * 72 / 25.4  # US Letter minus the side margins
TOC_INDENT_PT = {1: 0.0, 2: 12.0, 3: 24.0, 9: 0.0}


def leader_dots(words: str, level: int, size: float = 10.0) -> int:
    """How many dots fill the rest of the entry's last line (so the text layer holds a
    plausible leader, not hundreds of clipped dots); CSS clips any small excess."""
    from reportlab.pdfbase import pdfmetrics

    font = SERIF_METRICS[level == 1]  # built-in metrics: no font file needed
    avail = TOC_WIDTH_PT - TOC_INDENT_PT[level] - pdfmetrics.stringWidth("000", font, size) - 6
    line = 0.0
    space = pdfmetrics.stringWidth(" ", font, size)
    for word in words.split():
        w = pdfmetrics.stringWidth(word, font, size)
        if line and line + space + w > avail - 2 * size:
            line = w
        else:
            line = line + space + w if line else w
    dot = pdfmetrics.stringWidth(".", font, size)
    # generous: the dots span is right-aligned (rtl) and clips the excess on its left
    return max(3, int(1.5 * (avail - line) / dot))


def _page(content: str, report: Report) -> str:
    title = escape(report.meta.get("title", ""))
    subject = RECONSTRUCTION_NOTE if report.reconstruction else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="subject" content="{escape(subject)}"><meta name="keywords" content="{escape(subject)}">'
        f"<style>{CSS}</style></head><body>{content}</body></html>"
    )


def print_html(html: str, out_pdf: Path, workdir: Path) -> Path:
    """Print an HTML string to PDF with headless Chromium."""
    exe = chromium()
    if exe is None:
        raise SystemExit("render_other_producer: headless Chromium is not installed")
    src = workdir / (out_pdf.stem + ".html")
    src.write_text(html, encoding="utf-8")
    profile = workdir / "profile"
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out_pdf}",
        src.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    return out_pdf


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def printed_needles(report: Report) -> list[str]:
    """For each contents entry, the words as printed in the body (the caption or heading,
    not its {toc:} words), squashed for a whitespace-blind search."""
    sections = [b.text for b in report.blocks if isinstance(b, Heading) and b.level <= 3]
    captions = [
        f"[{'Figure' if isinstance(b, Figure) else 'Table'} {b.number}] {b.caption}"
        for b in report.blocks
        if isinstance(b, (Figure, Table))
    ]
    return [_squash(words)[:60] for words in sections + captions]


def entry_pages(report: Report, pdf_path: Path) -> list[int | None]:
    """Printed page number of every contents entry, searched in document order from the
    first body page (the page holding the first body paragraph's words)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    texts = [_squash(page.get_textpage().get_text_range()) for page in pdf]
    pdf.close()
    first_para = next(b.text for b in report.blocks if isinstance(b, Paragraph))
    body_start = next(i for i, t in enumerate(texts) if _squash(first_para)[:60] in t)
    texts = texts[body_start:]
    entries = contents_entries(report)
    found: list[int | None] = []
    start = 0
    for (level, _words), needle in zip(entries, printed_needles(report), strict=True):
        if level == 9 and (not found or entries[len(found) - 1][0] != 9):
            start = 0  # the figure list starts again from the first body page
        page_no = next((i for i in range(start, len(texts)) if needle in texts[i]), None)
        if page_no is not None:
            start = page_no
        found.append(None if page_no is None else page_no + 1)
    return found


def render_other(text: str, out_path: Path) -> Path:
    """Render a source through HTML and Chromium to out_path: print with placeholder
    contents numbers, find the pages, print again (until the numbers stop moving)."""
    report = parse_source(text)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pages: list[int | None] = [88] * len(contents_entries(report))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(3):
            pdf = print_html(document_html(report, pages), work / "report.pdf", work)
            found = entry_pages(report, pdf)
            if found == pages:
                break
            pages = found
        out_path.write_bytes(pdf.read_bytes())
    missing = [w for (_, w), p in zip(contents_entries(report), pages, strict=True) if p is None]
    if missing:
        print(
            f"warning: page not found for {len(missing)} contents entries: {missing[:3]}",
            file=sys.stderr,
        )
    return out_path


def main(argv: list[str] | None = None) -> int:
    """Render reports/src/2020.md to tests/fixtures/2020-other-producer.pdf."""
    argv = argv or []
    src = Path(argv[0]) if argv else DEFAULT_SOURCE
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    render_other(src.read_text(encoding="utf-8"), out)
    print(f"{src} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
