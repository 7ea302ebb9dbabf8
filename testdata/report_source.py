"""The report source dialect (reports/src/<year>.md, see reports/src/FORMAT.md) parsed into
blocks: headings, paragraphs, bullets, run-in headings, captioned figures and tables, page
breaks and footnotes.

Why apart from the renderer (`render_reports`): the dialect is read by more than one
producer (`render_reports` with reportlab, `render_other_producer` as HTML for Chromium) and
by the tests, none of which should need reportlab to know what a source says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CAPTION_RE = re.compile(r"^\[(Figure|Table) (\d+)\]\s*(.*?)(?:\s*\{toc:\s*(.*?)\})?\s*$")


HEADING_RE = re.compile(r"^(#{1,4}) (.*?)(?:\s*\{toc:\s*(.*?)\})?\s*$")


FOOTNOTE_DEF_RE = re.compile(r"^\[\^(\w+)\]:\s*(.*)$")


FOOTNOTE_REF_RE = re.compile(r"\[\^(\w+)\]")


CASE_RE = re.compile(r"^\[Case \d+\]$")


PAGEBREAK = "---pagebreak---"


@dataclass
class Heading:
    """A numbered section heading; levels 1-3 go into the contents."""

    level: int
    text: str
    toc: str | None = None


@dataclass
class Paragraph:
    """A plain paragraph (inline markup still in source form)."""

    text: str


@dataclass
class Bullet:
    """A bullet paragraph: marker is the source's own (○ or -), nested for '  - '."""

    marker: str
    text: str
    nested: bool = False


@dataclass
class RunInHeading:
    """`[Case 1]`: a bold run-in heading."""

    text: str


@dataclass
class Figure:
    """A figure caption with its placeholder box and the `>` lines printed inside it."""

    number: int
    caption: str
    toc: str | None = None
    lines: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table caption with its pipe table (first row is the header)."""

    number: int
    caption: str
    toc: str | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class PageBreak:
    """A forced page break."""


@dataclass
class Report:
    """A parsed source: front matter, body blocks and footnote texts by id."""

    meta: dict[str, str]
    blocks: list
    footnotes: dict[str, str]

    @property
    def reconstruction(self) -> bool:
        return self.meta.get("reconstruction", "false").strip().lower() == "true"


def split_front_matter(text: str) -> tuple[dict[str, str], list[str]]:
    """Split `---` front matter (key: value lines) from the body lines."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        for line in lines[1:end]:
            if ":" in line:
                key, value = line.split(":", 1)
                meta[key.strip()] = value.strip()
        lines = lines[end + 1 :]
    return meta, lines


def split_pipe_row(line: str) -> list[str]:
    """Cells of one `| a | b |` row."""
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip() for cell in inner.split("|")]


def is_separator_row(line: str) -> bool:
    """True for the `|---|---|` line under a table header."""
    return bool(re.fullmatch(r"\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*", line))


def parse_source(text: str) -> Report:
    """Parse the FORMAT.md dialect into blocks.

    Strict where a mistake would silently change the rendered text (a table without a
    caption, a `>` line without a figure are errors), lenient about blank lines.
    """
    meta, lines = split_front_matter(text)
    blocks: list = []
    footnotes: dict[str, str] = {}
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        line = raw.strip()
        i += 1
        if not line:
            continue
        if line == PAGEBREAK:
            blocks.append(PageBreak())
            continue
        m = FOOTNOTE_DEF_RE.match(line)
        if m:
            footnotes[m.group(1)] = m.group(2)
            continue
        m = HEADING_RE.match(line)
        if m:
            blocks.append(Heading(len(m.group(1)), m.group(2).strip(), m.group(3)))
            continue
        if line.startswith("#"):
            raise ValueError(f"heading deeper than level 4 or without a space: {line[:60]!r}")
        m = CAPTION_RE.match(line)
        if m:
            kind, num, words, toc = m.groups()
            if kind == "Figure":
                fig = Figure(int(num), words, toc)
                while i < len(lines) and (lines[i].strip().startswith(">") or not lines[i].strip()):
                    nxt = lines[i].strip()
                    if nxt.startswith(">"):
                        fig.lines.append(nxt[1:].strip())
                    elif not any(s.strip().startswith(">") for s in lines[i : i + 2]):
                        break
                    i += 1
                blocks.append(fig)
            else:
                table = Table(int(num), words, toc)
                while i < len(lines) and not lines[i].strip():
                    i += 1
                rows: list[list[str]] = []
                while i < len(lines) and lines[i].strip().startswith("|"):
                    if not is_separator_row(lines[i]):
                        rows.append(split_pipe_row(lines[i]))
                    i += 1
                if not rows:
                    raise ValueError(f"[Table {num}] has no pipe table after its caption")
                table.header, table.rows = rows[0], rows[1:]
                blocks.append(table)
            continue
        if line.startswith(">"):
            raise ValueError(f"'>' line outside a figure: {line[:60]!r}")
        if line.startswith("|"):
            raise ValueError(f"pipe table without a [Table N] caption: {line[:60]!r}")
        if CASE_RE.match(line):
            blocks.append(RunInHeading(line))
            continue
        if raw.startswith("  - ") or raw.startswith("  ○ "):
            blocks.append(Bullet(line[0], line[2:].strip(), nested=True))
            continue
        if line.startswith("- ") or line.startswith("○"):
            blocks.append(Bullet(line[0], line[1:].strip()))
            continue
        blocks.append(Paragraph(line))
    return Report(meta, blocks, footnotes)


def contents_entries(report: Report) -> list[tuple[int, str]]:
    """What the contents list, in order: (level, words) for headings of levels 1-3,
    then every figure and table caption as level 9 ("[Figure N] words")."""
    sections = [
        (b.level, b.toc or b.text) for b in report.blocks if isinstance(b, Heading) and b.level <= 3
    ]
    captions = [
        (9, f"[{'Figure' if isinstance(b, Figure) else 'Table'} {b.number}] {b.toc or b.caption}")
        for b in report.blocks
        if isinstance(b, (Figure, Table))
    ]
    return sections + captions
