"""Render the real 2020 text by several producers, so the extractor is never tuned to one.

Each case of PRODUCERS is the same words (reports/src/2020.md) printed with another paper,
font, hyphenation, justification, table style, running head, footnote style and contents style,
by another program: WeasyPrint (HTML/CSS with page-foot footnotes, hyphenation and
target-counter page numbers), LibreOffice Writer (HTML import), Ghostscript (re-distilling a
rendering) and an OCR'd scan (rasterised, slightly rotated, noisy, read by tesseract). The PDFs
go to tests/fixtures/2020-<case>.pdf and are committed: the tests read them in every run, and
this script is only needed to make them again.

    python -m testdata.render_producers            # every case whose program is installed
    python -m testdata.render_producers ocr-scan   # one case

A case whose program is missing is skipped with a line on stderr.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from testdata.render_other_producer import entry_pages
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
SOURCE = ROOT / "reports" / "src" / "2020.md"
FIXTURES = ROOT / "tests" / "fixtures"
RUNNING_TITLE = "Measures to Combat Trafficking in Persons"


@dataclass(frozen=True)
class Style:
    """How one producer prints the words (every choice a real typesetter might make)."""

    paper: str = "A4"
    font: str = "'DejaVu Serif', serif"
    size: str = "10.5pt"
    justify: bool = True
    hyphens: str = "manual"  # "auto": line-end hyphens; with hyphen_char "\\ad": soft hyphens
    hyphen_char: str = ""
    ligatures_in_text: bool = False  # write U+FB00-FB06 into the text itself
    table: str = "grid"  # grid | hrules | cells | none
    table_size: str = "9pt"  # "1em": tables at body size
    caption: str = "above"  # above | inside (first header row) | below
    repeat_header: bool = True
    bullet: dict | None = None  # source marker -> printed marker
    running_head: str = ""  # "" | "title" | "section"
    footer: str = "N"  # "N" | "Page N of M"
    footnotes: str = "after"  # after (under the paragraph) | page (page foot, CSS float)
    toc: str = "text-dots"  # text-dots | drawn | none
    front: str = "unnumbered"  # unnumbered | roman | continuous (body numbered on from the title)


LIGATURES = [
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
]


def with_ligatures(text: str) -> str:
    """The text as a producer that writes ligature code points into the text layer has it."""
    for letters, lig in LIGATURES:
        text = text.replace(letters, lig)
    return text


def inline_html(text: str, style: Style, fn_numbers: dict[str, int], footnotes: dict) -> str:
    """Dialect inline markup to HTML; footnotes become CSS footnotes when printed at the page foot."""
    out = escape(text, quote=False)
    if style.ligatures_in_text:
        out = with_ligatures(out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])", r"<i>\1</i>", out)

    def ref(m: re.Match) -> str:
        fid = m.group(1)
        if style.footnotes == "page":
            note = escape(footnotes.get(fid, ""), quote=False)
            return f'<span class="fn">{note}</span>'
        return f"<sup>{fn_numbers.get(fid, fid)}</sup>"

    return FOOTNOTE_REF_RE.sub(ref, out)


def css(style: Style) -> str:
    """The stylesheet of one case."""
    head = {
        "": "",
        "title": f'@top-center {{ content: "{RUNNING_TITLE}"; font-size: 8pt; }}',
        "section": "@top-right { content: string(section); font-size: 8pt; }",
    }[style.running_head]
    foot = (
        'content: "Page " counter(page) " of " counter(pages);'
        if style.footer == "Page N of M"
        else "content: counter(page);"
    )
    front_foot = (
        "@bottom-center { content: counter(front, lower-roman); font-size: 9pt; }"
        if style.front == "roman"
        else ""
    )
    front_count = (
        "counter-increment: page 1;"
        if style.front == "continuous"
        else "counter-increment: page 0 front 1;"
    )
    rule = "0.6pt solid #333"
    table = {
        "grid": f"table.data {{ border-collapse: collapse; }} table.data td, table.data th {{ border: {rule}; }}",
        "hrules": (
            f"table.data {{ border-collapse: collapse; border-top: 1.2pt solid #000; border-bottom: 1.2pt solid #000; }}"
            f" table.data thead th {{ border-bottom: {rule}; }}"
        ),
        "cells": (
            "table.data { border-collapse: separate; border-spacing: 2pt; }"
            " table.data td, table.data th { border: 0.5pt solid #555; }"
        ),
        "none": "table.data { border-collapse: collapse; } table.data th { font-weight: bold; }",
    }[style.table]
    return f"""
@page {{ size: {style.paper}; margin: 18mm 16mm 20mm 16mm;
  {head} @bottom-center {{ {foot} font-size: 9pt; }} }}
@page front {{ {front_count}
  @top-center {{ content: none; }} @top-right {{ content: none; }}
  @bottom-center {{ content: none; }} {front_foot} }}
html {{ font-family: {style.font}; font-size: {style.size}; line-height: 1.3; }}
body {{ margin: 0; }}
.title, .contents {{ page: front; }}
.title {{ text-align: center; padding-top: 5cm; break-after: page; }}
.title h1 {{ font-size: 18pt; }}
.contents {{ break-after: page; }}
p {{ margin: 0 0 5pt; text-align: {"justify" if style.justify else "left"};
  hyphens: {style.hyphens}; {f'hyphenate-character: "{style.hyphen_char}";' if style.hyphen_char else ""} }}
h1 {{ font-size: 1.35em; string-set: section content(); }} h2 {{ font-size: 1.2em; }}
h3 {{ font-size: 1.05em; }} h4 {{ font-size: 1em; font-style: italic; }}
h1, h2, h3, h4, .caption {{ break-after: avoid; }}
p.bullet {{ padding-left: 1.4em; text-indent: -1.1em; }}
p.nested {{ padding-left: 2.8em; text-indent: -1.1em; }}
p.runin {{ font-weight: bold; }}
.caption {{ font-weight: bold; margin: 8pt 0 3pt; }}
.figure {{ border: 1pt solid #444; min-height: 2.5cm; padding: 5pt 8pt; margin-bottom: 8pt; }}
.figure p {{ text-align: left; margin: 0 0 2pt; }}
table.data {{ width: 100%; font-size: {style.table_size}; margin-bottom: 8pt; }}
table.data td, table.data th {{ padding: 3pt 5pt; vertical-align: top; text-align: left; }}
table.data thead {{ display: {"table-header-group" if style.repeat_header else "table-row-group"}; }}
table.data caption {{ caption-side: bottom; font-weight: bold; text-align: left; padding-top: 3pt; }}
{table}
.fn {{ float: footnote; font-size: 8pt; }}
::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: 70%; }}
::footnote-marker {{ content: counter(footnote) ". "; }}
.fnrule {{ width: 25%; border-top: 0.6pt solid #000; margin: 2pt 0; }}
.footnote {{ font-size: 8pt; }}
.toc {{ display: flex; align-items: flex-end; font-size: 0.95em; margin: 0 0 2pt; }}
.toc .words {{ flex: 0 1 auto; }} .toc .num {{ flex: 0 0 auto; padding-left: 3pt; }}
.toc .fill {{ flex: 1 1 2em; {"border-bottom: 1.2pt dotted #000; margin-bottom: 3pt;" if style.toc == "drawn" else ""} }}
.toc.l1 {{ font-weight: bold; margin-top: 4pt; }} .toc.l2 {{ padding-left: 1.2em; }}
.toc.l3 {{ padding-left: 2.4em; }}
.toc .num a::after {{ content: target-counter(attr(href url), page); }}
.toc .num a {{ color: inherit; text-decoration: none; }}
.toc .fill a::after {{ content: leader('.'); }}
"""


def front_html(report: Report, style: Style, pages: list | None) -> str:
    """Title page and contents; page numbers from target-counter, or the given list."""
    meta = report.meta
    out = [
        '<div class="title">',
        f"<h1>{escape(meta.get('title', ''))}</h1>",
        f"<p>{escape(meta.get('date', ''))}</p><p>{escape(meta.get('council', ''))}</p></div>",
        '<div class="contents"><h1 style="string-set: none">Contents</h1>',
    ]
    for n, (level, words) in enumerate(contents_entries(report)):
        text = escape(words, quote=False)
        if style.ligatures_in_text:
            text = with_ligatures(text)
        if pages is None:
            num = f'<a href="#e{n}"></a>'
            fill = f'<a href="#e{n}"></a>' if style.toc == "text-dots" else ""
        else:
            num = str(pages[n] or "")
            fill = "." * 40 if style.toc == "text-dots" else ""
        out.append(
            f'<div class="toc l{level}"><span class="words">{text}</span>'
            f'<span class="fill">{fill}</span><span class="num">{num}</span></div>'
        )
    out.append("</div>")
    return "\n".join(out)


def body_html(report: Report, style: Style) -> str:
    """The body, every block with the id its contents entry points at."""
    fn_numbers = {fid: n for n, fid in enumerate(report.footnotes, start=1)}
    entries = contents_entries(report)
    ids = iter(range(len(entries)))
    n_sections = sum(1 for level, _ in entries if level != 9)
    section_ids = iter(range(n_sections))
    caption_ids = iter(range(n_sections, len(entries)))
    del ids

    def inline(text: str) -> str:
        return inline_html(text, style, fn_numbers, report.footnotes)

    parts: list[str] = []
    for block in report.blocks:
        refs: list[str] = []
        if isinstance(block, Heading):
            anchor = f' id="e{next(section_ids)}"' if block.level <= 3 else ""
            parts.append(f"<h{block.level}{anchor}>{inline(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{inline(block.text)}</p>")
            refs = FOOTNOTE_REF_RE.findall(block.text)
        elif isinstance(block, Bullet):
            marker = (style.bullet or {}).get(block.marker, block.marker)
            cls = "nested" if block.nested else "bullet"
            parts.append(f'<p class="{cls}">{escape(marker)}&#160;{inline(block.text)}</p>')
            refs = FOOTNOTE_REF_RE.findall(block.text)
        elif isinstance(block, RunInHeading):
            parts.append(f'<p class="runin">{escape(block.text)}</p>')
        elif isinstance(block, Figure):
            cap = inline(f"[Figure {block.number}] {block.caption}")
            inner = "".join(f"<p>{inline(line)}</p>" for line in block.lines)
            parts.append(
                f'<div class="caption" id="e{next(caption_ids)}">{cap}</div>'
                f'<div class="figure">{inner}</div>'
            )
        elif isinstance(block, Table):
            parts.append(table_html(block, style, inline, f"e{next(caption_ids)}"))
        elif isinstance(block, PageBreak):
            parts.append('<div style="break-after: page"></div>')
        if refs and style.footnotes == "after":
            parts.append('<div class="fnrule"></div>')
            for fid in refs:
                text = inline(report.footnotes.get(fid, ""))
                parts.append(
                    f'<p class="footnote"><sup>{fn_numbers.get(fid, fid)}</sup> {text}</p>'
                )
    return "\n".join(parts)


def table_html(block: Table, style: Style, inline, anchor: str) -> str:
    """A table with its caption above it, inside its first header row, or below it."""
    cap = inline(f"[Table {block.number}] {block.caption}")
    head = "".join(f"<th>{inline(c)}</th>" for c in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in block.rows
    )
    widths = {3: (7, 55, 38), 2: (22, 78)}.get(len(block.header), ())
    cols = "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths) + "</colgroup>"
    if style.caption == "inside":
        span = len(block.header)
        thead = f'<tr><th colspan="{span}" id="{anchor}">{cap}</th></tr><tr>{head}</tr>'
        return f'<table class="data">{cols}<thead>{thead}</thead><tbody>{rows}</tbody></table>'
    if style.caption == "below":
        return (
            f'<table class="data"><caption id="{anchor}">{cap}</caption>{cols}'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    return (
        f'<div class="caption" id="{anchor}">{cap}</div><table class="data">{cols}'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def document_html(report: Report, style: Style, pages: list | None = None) -> str:
    title = escape(report.meta.get("title", ""))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{css(style)}</style></head><body>{front_html(report, style, pages)}\n"
        f"{body_html(report, style)}</body></html>"
    )


# ---- producers ---------------------------------------------------------------------------


def weasyprint(style: Style):
    def produce(report: Report, out: Path, work: Path) -> None:
        import weasyprint as wp

        wp.HTML(string=document_html(report, style), base_url=str(work)).write_pdf(str(out))

    return produce


def libreoffice(style: Style):
    """LibreOffice Writer's HTML import and PDF export; contents numbers from a first print."""

    def produce(report: Report, out: Path, work: Path) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        pages: list = [88] * len(contents_entries(report))
        for _ in range(3):
            src = work / "report.html"
            src.write_text(document_html(report, style, pages), encoding="utf-8")
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={(work / 'lo').as_uri()}",
                    "--headless",
                    "--infilter=HTML (StarWriter)",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    str(work),
                    str(src),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            found = entry_pages(report, work / "report.pdf")
            if found == pages:
                break
            pages = found
        shutil.copyfile(work / "report.pdf", out)

    return produce


def ghostscript(source: str):
    """Re-distil another case's PDF through Ghostscript's pdfwrite."""
    return redistil(FIXTURES / f"2020-{source}.pdf")


def redistil(source: Path):
    """Re-distil a PDF through Ghostscript's pdfwrite."""

    def produce(report: Report, out: Path, work: Path) -> None:
        subprocess.run(
            [
                "gs",
                "-q",
                "-dBATCH",
                "-dNOPAUSE",
                "-dSAFER",
                "-sDEVICE=pdfwrite",
                "-dPDFSETTINGS=/ebook",
                f"-sOutputFile={out}",
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )

    return produce


def scan_images(pdf_path: Path, work: Path, dpi: int = 200, seed: int = 2020) -> list[Path]:
    """Each page as a grey scan: rasterised, rotated by under a degree, speckled."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(str(pdf_path))
    paths = []
    for i, page in enumerate(pdf):
        img = page.render(scale=dpi / 72).to_pil().convert("L")
        img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(0.5))
        px = img.load()
        w, h = img.size
        for _ in range(w * h // 400):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.choice((0, 90, 255))
        img = img.point(lambda v: 0 if v < 150 else 255, mode="1")
        path = work / f"page-{i:03d}.png"
        img.save(path, dpi=(dpi, dpi))
        paths.append(path)
    pdf.close()
    return paths


def ocr_scan(source: Path):
    """Scan a rendering (rasterise at 200 dpi, rotate by under a degree, speckle, threshold)
    and OCR it page by page with tesseract; only the OCR text layer is kept (drop_images)."""

    def produce(report: Report, out: Path, work: Path) -> None:
        import pikepdf

        images = scan_images(source, work)
        merged = pikepdf.Pdf.new()
        for img in images:
            base = img.with_suffix("")
            subprocess.run(
                ["tesseract", str(img), str(base), "--dpi", "200", "-l", "eng", "pdf"],
                check=True,
                capture_output=True,
                timeout=300,
            )
            with pikepdf.open(str(base) + ".pdf") as page_pdf:
                merged.pages.extend(page_pdf.pages)
                producer = str(page_pdf.docinfo.get("/Producer", "Tesseract"))
        merged.docinfo["/Producer"] = producer  # as tesseract wrote it on each page
        drop_images(merged)
        merged.save(
            out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )

    return produce


def drop_images(pdf) -> None:
    """Keep only the OCR text layer of each page (the invisible text tesseract lays over the
    scan): the page images make the fixture megabytes, and the tool reads only the text."""
    import pikepdf

    for page in pdf.pages:
        ops = [(o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) != "Do"]
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        if "/XObject" in page.Resources:
            del page.Resources["/XObject"]
    pdf.remove_unreferenced_resources()


def image_only(source: Path, pages: int = 1):
    """The first page of a rendering as a scan with no text layer (for --ocr)."""

    def produce(report: Report, out: Path, work: Path) -> None:
        from PIL import Image

        images = scan_images(source, work, dpi=150)[:pages]
        frames = [Image.open(p).convert("1") for p in images]  # bilevel: a small fixture
        frames[0].save(out, save_all=True, append_images=frames[1:], resolution=150)

    return produce


PRODUCERS = {
    "weasyprint-a5-sans": (
        "python",
        weasyprint(
            Style(
                paper="A5",
                font="'DejaVu Sans', sans-serif",
                size="9pt",
                hyphens="auto",
                table="hrules",
                table_size="1em",
                running_head="title",
                footer="Page N of M",
                footnotes="page",
                toc="drawn",
                front="continuous",
                bullet={"○": "\u25e6", "-": "\u25aa"},
            )
        ),
    ),
    "weasyprint-b5-mono": (
        "python",
        weasyprint(
            Style(
                paper="B5",
                font="'DejaVu Sans Mono', monospace",
                size="8.5pt",
                justify=False,
                table="cells",
                caption="inside",
                repeat_header=False,
                running_head="section",
                toc="none",
                front="roman",
                bullet={"○": "\u2022", "-": "*"},
            )
        ),
    ),
    "weasyprint-letter-serif": (
        "python",
        weasyprint(
            Style(
                paper="Letter",
                font="'Liberation Serif', serif",
                size="11pt",
                hyphens="auto",
                hyphen_char="\\2010",
                ligatures_in_text=True,
                table="none",
                table_size="1em",
                caption="below",
                footnotes="page",
                toc="text-dots",
            )
        ),
    ),
    "libreoffice-a4-serif": (
        "soffice",
        libreoffice(Style(bullet={"○": "\uf0b7", "-": "\u2013"})),
    ),
    "ghostscript": ("gs", ghostscript("libreoffice-a4-serif")),
    "ocr-scan": ("tesseract", ocr_scan(ROOT / "reports" / "2020.pdf")),
    "image-only": ("python", image_only(ROOT / "reports" / "2020.pdf")),
}


def render_case(name: str, report: Report) -> Path | None:
    """Render one case to tests/fixtures/2020-<name>.pdf, or None when its program is missing."""
    program, produce = PRODUCERS[name]
    if program != "python" and not shutil.which(program):
        print(f"skipped {name}: {program} is not installed", file=sys.stderr)
        return None
    out = FIXTURES / f"2020-{name}.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        produce(report, out, Path(tmp))
    return out


def main(argv: list[str] | None = None) -> int:
    """Render the cases named (default: all) from reports/src/2020.md."""
    names = argv or list(PRODUCERS)
    unknown = [n for n in names if n not in PRODUCERS]
    if unknown:
        print(
            f"unknown case(s): {', '.join(unknown)}; known: {', '.join(PRODUCERS)}", file=sys.stderr
        )
        return 2
    report = parse_source(SOURCE.read_text(encoding="utf-8"))
    for name in names:
        out = render_case(name, report)
        if out is not None:
            print(f"{name}: {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
