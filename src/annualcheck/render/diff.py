"""Change reports (`diff.ChangeReport`) as text, markdown, HTML and JSON.

Why the shared pieces first: the text, markdown and HTML forms show the same tables (figures,
the summary trial table, carried-over trials, sections, sentences, other changes) built from
the same rows, so
the forms differ only in markup. The HTML body is also a part of the static site's pages.
JSON is the change report's own schema (`annualcheck/change@1`).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from typing import Any

from annualcheck.diff.compare import ChangeReport, FigureChange
from annualcheck.model.json_text import indented_json
from annualcheck.render.common import (
    clip,
    md_code,
    md_escape,
    number,
    page_ref,
    plural,
    signed,
)
from annualcheck.render.html import esc, html_page, html_table

DIFF_FORMATS = ("text", "markdown", "html", "json")


# -- shared pieces --------------------------------------------------------------------------------


def diff_title(change: ChangeReport) -> str:
    return f"Changes from report {change.old_year} to report {change.new_year}"


def diff_subtitle(change: ChangeReport) -> str:
    return (
        f"{change.old_file} (covering {change.old_data_year}) → "
        f"{change.new_file} (covering {change.new_data_year})"
    )


def agreement_summary(change: ChangeReport) -> str:
    counts = change.counts()
    return f"{plural(len(change.figures), 'key')}: " + ", ".join(
        f"{n} {name}{'s' if name.endswith('key') and n != 1 else ''}" for name, n in counts.items()
    )


def top_section(section: str | None) -> str:
    return (section or "").split(" ")[0] or "unknown"


def figure_cells(f: FigureChange, labels: dict[str, str]) -> list[str]:
    stated = signed(f.stated_change)
    if (
        f.stated_change is not None
        and f.previous_period
        and f.reference_period not in (None, f.previous_period)
    ):
        stated += f" vs {f.reference_period}"
    return [
        f.key + (f" ({labels[f.key]})" if f.key in labels else ""),
        f.period or "-",
        number(f.previous),
        number(f.current),
        signed(f.change),
        stated,
        f.agreement,
        page_ref(f.page) if f.page else page_ref(f.previous_page) + " (old)",
    ]


FIGURE_HEADERS = ["key", "period", "previous", "current", "change", "stated", "agreement", "page"]


def table_columns(change: ChangeReport) -> list[str]:
    """The summary's columns: the profile's name for all rows, then the statuses."""
    return change.table_summaries[-1].columns() if change.table_summaries else []


def table_rows(change: ChangeReport) -> list[list[str]]:
    columns = table_columns(change)
    rows = [
        [str(s.report_year)] + [str(s.counts.get(c, 0)) for c in columns]
        for s in change.table_summaries
    ]
    delta = change.table_change()
    rows.append(["change"] + [signed(delta[c]) for c in columns])
    return rows


def summary_heading(change: ChangeReport) -> tuple[str, str]:
    """(label, subject) of the summary table: the printed label and what its rows are."""
    return change.table_label(change.summary_table), change.summary_subject


def carried_rows(change: ChangeReport, limit: int | None = None) -> list[list[str]]:
    """Rows of the carried-over table; `limit` clips offense and verdict (for a terminal)."""
    out = []
    for p in change.carried_over:
        src = f"{change.table_label(p.source_table)} no. {p.source_no}"
        dst = (
            f"{change.table_label(change.carryover_table)} no. {p.matched_no}"
            if p.matched_no is not None
            else "-"
        )
        offense, verdict = (
            (clip(p.offense, limit), clip(p.verdict, limit)) if limit else (p.offense, p.verdict)
        )
        out.append([src, offense, dst, verdict, f"{p.confidence:.2f}"])
    return out


CARRIED_HEADERS = ["old report", "offense", "new report", "verdict", "match"]


def section_title(s: Any) -> str:
    """The section's title, and the old number or title when the new report changed them."""
    was = [w for w in (getattr(s, "previous_number", None), s.previous_title) if w]
    return s.title + (f" (was: {'; '.join(was)})" if was else "")


SECTION_HEADERS = ["section", "title", "change", "similarity"]


def moved_sections(change: ChangeReport) -> list[Any]:
    """The sections added, removed or rewritten (an unchanged section is not news)."""
    return [s for s in change.sections if s.kind != "unchanged"]


def section_rows(change: ChangeReport) -> list[list[str]]:
    """Number, title, kind and similarity of each section added, removed, moved or rewritten."""
    return [
        [s.number, section_title(s), s.kind, f"{s.similarity:.2f}"] for s in moved_sections(change)
    ]


def sentence_label(kind: str, numbers_only: bool) -> str:
    return "numbers changed" if numbers_only else kind


_KINDS = {
    "values_changed": "changed",
    "type_changes": "changed",
    "dictionary_item_added": "added",
    "iterable_item_added": "added",
    "dictionary_item_removed": "removed",
    "iterable_item_removed": "removed",
}


def structure_kind(kind: str) -> str:
    """DeepDiff's report type in one word."""
    return _KINDS.get(kind, kind.replace("_", " "))


def structure_value(value: Any) -> str:
    """A value of the structural diff in a few words (a caption as "Figure 7: its text")."""
    if value is None:
        return "-"
    if isinstance(value, dict) and "text" in value:
        label = f"{value['label']}: " if value.get("label") else ""
        return clip(f"{label}{value['text']}", 120)
    return clip(json.dumps(value, ensure_ascii=False, default=str), 120)


STRUCTURE_HEADERS = ["change", "path", "old", "new"]


def structure_rows(change: ChangeReport, limit: int = 100) -> list[list[str]]:
    """Kind, path, old and new of each structural change, in a few words each."""
    return [
        [
            structure_kind(c.kind),
            clip(c.path, limit),
            structure_value(c.old),
            structure_value(c.new),
        ]
        for c in change.structure
    ]


# -- text and markdown ----------------------------------------------------------------------------


def aligned(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def diff_text(change: ChangeReport) -> str:
    lines = [diff_title(change), diff_subtitle(change), "", "FIGURES  " + agreement_summary(change)]
    rows = aligned([FIGURE_HEADERS] + [figure_cells(f, change.labels) for f in change.figures])
    lines.append(rows[0])
    section = None
    for f, row in zip(change.figures, rows[1:], strict=True):
        if top_section(f.section) != section:
            section = top_section(f.section)
            lines.append(f" section {section}")
        lines.append(row)
        if f.agreement == "contradicts" and f.quote:
            lines.append(f'      "{clip(f.quote, 200)}"')
    if change.summary_table:  # a series without trial tables has no summary to show
        label, subject = summary_heading(change)
        lines += ["", f"{label.upper()} ({subject})"]
        lines += aligned([["year", *table_columns(change)], *table_rows(change)])
    if change.carryover_table:
        lines += [
            "",
            f"CARRIED-OVER TRIALS ({len(change.carried_over)} persons report {change.old_year} "
            "left pending)",
        ]
        if change.carried_over:
            lines += aligned([CARRIED_HEADERS, *carried_rows(change, limit=60)])
        if change.unmatched_carryover_rows:
            lines.append(
                f"  new {change.table_label(change.carryover_table)} rows matched to no one: "
                + ", ".join(map(str, change.unmatched_carryover_rows))
            )
    lines += ["", "SECTIONS"]
    moved = moved_sections(change)
    for s in moved:
        lines.append(
            f"  {s.kind:<9} {s.number} {section_title(s)}".rstrip()
            + (f"  (similarity {s.similarity:.2f})" if s.kind == "rewritten" else "")
        )
    if not moved:
        lines.append("  no section added, removed or rewritten")
    lines += [
        "",
        f"SENTENCES OF SECTION {change.narrative_section} "
        f"({len(change.sentences)} changed, added or removed)",
    ]
    for s in change.sentences:
        lines.append(f"  {sentence_label(s.kind, s.numbers_only)}:")
        if s.old:
            lines.append(f"    - {clip(s.old, 300)}")
        if s.new:
            lines.append(f"    + {clip(s.new, 300)}")
    lines += ["", "OTHER CHANGES (structure)"]
    for kind, path, before, after in structure_rows(change):
        lines.append(f"  {kind:<8} {path}: {before} → {after}")
    if not change.structure:
        lines.append("  none")
    return "\n".join(lines)


def md_table(
    headers: list[str], rows: list[list[str]], code_columns: frozenset[int] = frozenset()
) -> list[str]:
    """A GFM table of plain-text cells, every cell escaped (md_escape), or shown as a code
    span for the columns in `code_columns` (md_code)."""

    def cell(index: int, text: str) -> str:
        return md_code(text) if index in code_columns else md_escape(str(text), line_start=False)

    out = [
        "| " + " | ".join(md_escape(h, line_start=False) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    out += ["| " + " | ".join(cell(i, c) for i, c in enumerate(r)) + " |" for r in rows]
    return out


def diff_markdown(change: ChangeReport) -> str:
    lines = [f"# {md_escape(diff_title(change))}", "", md_escape(diff_subtitle(change)), ""]
    lines += ["## Figures", "", agreement_summary(change), ""]
    lines += md_table(FIGURE_HEADERS, [figure_cells(f, change.labels) for f in change.figures])
    if change.summary_table:  # a series without trial tables has no summary to show
        label, subject = summary_heading(change)
        lines += ["", f"## {label} ({subject})", ""]
        lines += md_table(["year", *table_columns(change)], table_rows(change))
    if change.carryover_table:
        lines += ["", f"## Carried-over trials (persons report {change.old_year} left pending)", ""]
        lines += (
            md_table(CARRIED_HEADERS, carried_rows(change)) if change.carried_over else ["None."]
        )
    if change.carryover_table and change.unmatched_carryover_rows:
        lines += [
            "",
            f"New {change.table_label(change.carryover_table)} rows matched to no one: "
            + ", ".join(map(str, change.unmatched_carryover_rows)),
        ]
    lines += ["", "## Sections", ""]
    lines += md_table(SECTION_HEADERS, section_rows(change))
    lines += ["", f"## Sentences of section {change.narrative_section}", ""]
    for s in change.sentences:
        lines.append(f"- **{sentence_label(s.kind, s.numbers_only)}**")
        if s.old:
            lines.append(f"  - old: {md_escape(clip(s.old, 300))}")
        if s.new:
            lines.append(f"  - new: {md_escape(clip(s.new, 300))}")
    lines += ["", "## Other changes", ""]
    lines += md_table(
        STRUCTURE_HEADERS,
        [[k, p, a, b] for k, p, a, b in structure_rows(change)],
        code_columns=frozenset({1}),
    )
    return "\n".join(lines) + "\n"


# -- HTML -----------------------------------------------------------------------------------------


def inline_diff(old: str, new: str) -> str:
    """One sentence with the words the new report dropped struck and the words it added
    marked, so "47 (20 more than in 2018)" -> "38 (nine less than in 2019)" reads at a glance."""
    a, b = old.split(), new.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(esc(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{esc(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{esc(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def carried_html(change: ChangeReport, h2: str) -> list[str]:
    """The carried-over trials: who the old report left pending and what became of them."""
    parts = [f'<{h2} id="carryover">Carried-over trials</{h2}>']
    if change.carried_over:
        parts.append(
            scroll(
                html_table(
                    f"Persons report {change.old_year} left awaiting trial, and their results in report {change.new_year}",
                    CARRIED_HEADERS,
                    carried_rows(change),
                    numeric=(4,),
                )
            )
        )
    else:
        parts.append(f"<p>Report {change.old_year} left no one awaiting trial.</p>")
    if change.unmatched_carryover_rows:
        nos = ", ".join(map(str, change.unmatched_carryover_rows))
        carry = esc(change.table_label(change.carryover_table))
        parts.append(f"<p>Rows of the new {carry} matched to no one: {esc(nos)}</p>")
    return parts


#: A function giving the link to a page of a report's PDF ("2020.pdf#page=9"), or None.
PdfHref = Callable[[str, int | None], str | None]


def no_pdf(_file: str, _page: int | None) -> str | None:
    return None


def figure_label(f: FigureChange, labels: dict[str, str]) -> str:
    """What a reader calls the figure: the profile's label, else the key's last words."""
    return labels.get(f.key) or f.key.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def largest_changes(change: ChangeReport, limit: int = 5) -> list[FigureChange]:
    """The figures that moved most from one report to the next, of those both reports give:
    contradictions first, then the profile's main figures (those it names), then the rest,
    each by the size of the change. Why the main figures before a larger number: a million
    leaflets fewer is not the news that nine persons fewer is."""
    moved = [f for f in change.figures if f.change not in (None, 0) and f.previous is not None]
    moved.sort(
        key=lambda f: (
            f.agreement != "contradicts",
            f.key not in change.labels,
            -abs(f.change or 0),
            f.key,
        )
    )
    return moved[:limit]


def unit_word(f: FigureChange) -> str:
    return f" {f.unit}" if f.unit else ""


def change_sentence(f: FigureChange, labels: dict[str, str]) -> str:
    """ "Persons protected: 47 in 2019, 38 in 2020 (−9 persons); the report states −9,
    which agrees." """
    before = f"{number(f.previous)} in {f.previous_period or '?'}"
    after = f"{number(f.current)} in {f.period or '?'}"
    text = f"{figure_label(f, labels)}: {before}, {after} ({signed(f.change)}{unit_word(f)})"
    if f.stated_change is None:
        return text + "; the report does not state the change."
    verdict = {"agrees": "which agrees", "contradicts": "which contradicts the numbers"}.get(
        f.agreement, f.agreement
    )
    return text + f"; the report states {signed(f.stated_change)}, {verdict}."


def changes_chart_svg(items: list[FigureChange], labels: dict[str, str]) -> str:
    """A small bar chart of changes: one row a figure, its label above a bar from zero
    (right for a rise, left for a fall) with the change at its end. Drawn by hand, with the
    text on its own line, so that no label can collide with a bar at any width."""
    if not items:
        return ""
    width, row = 320, 34
    top = max(abs(f.change or 0) for f in items) or 1
    mid, half = width / 2, width / 2 - 8
    out = [
        f'<svg class="changes" viewBox="0 0 {width} {row * len(items) + 4}" role="img" '
        f'aria-label="Largest changes"><title>Largest changes</title>'
    ]
    for i, f in enumerate(items):
        y = i * row
        length = half * abs(f.change or 0) / top
        x = mid if (f.change or 0) > 0 else mid - length
        cls = "bar-up" if (f.change or 0) > 0 else "bar-down"
        label = f"{clip(figure_label(f, labels), 40)}: {signed(f.change)}{unit_word(f)}"
        out.append(
            f'<text x="4" y="{y + 11}" font-size="11" fill="currentColor">{esc(label)}</text>'
            f'<rect class="{cls}" x="{x:.1f}" y="{y + 15}" width="{max(length, 1):.1f}" '
            f'height="12"/>'
            f'<line x1="{mid}" y1="{y + 13}" x2="{mid}" y2="{y + 29}" stroke="currentColor" '
            f'stroke-opacity="0.5"/>'
        )
    out.append("</svg>")
    return "".join(out)


def html_figure_rows(change: ChangeReport, pdf_href: PdfHref) -> list[list[str]]:
    """The figure table of a change page: label and key, unit, both periods with their
    values, the change, the stated change, the agreement and the page (a link to the PDF)."""
    rows = []
    for f in change.figures:
        label = f.key + (f" ({change.labels[f.key]})" if f.key in change.labels else "")
        before = f"{number(f.previous)} ({f.previous_period})" if f.previous_period else "-"
        after = f"{number(f.current)} ({f.period})" if f.current is not None else "-"
        cells = figure_cells(f, change.labels)
        rows.append([label, f.unit or "-", before, after, cells[4], cells[5], cells[6], cells[7]])
    return rows


HTML_FIGURE_HEADERS = ["figure", "unit", "previous (period)", "current (period)", "change",
                       "stated", "agreement", "page"]  # fmt: skip


def figure_page_link(change: ChangeReport, pdf_href: PdfHref) -> Callable[[str], str | None]:
    """The link of a figure row's page cell: "p. 9" to the new PDF, "p. 8 (old)" to the old."""

    def link(cell: str) -> str | None:
        m = re.match(r"p\. (\d+)", cell)
        if not m:
            return None
        file = change.old_file if cell.endswith("(old)") else change.new_file
        return pdf_href(file, int(m.group(1)))

    return link


def diff_summary_html(change: ChangeReport) -> str:
    """The lead of a change page: what moved most, whether the report says so, and the
    count of everything else, before any table."""
    counts = change.counts()
    moved = [f for f in change.figures if f.change not in (None, 0)]
    top = largest_changes(change)
    parts = [
        f"<p>{plural(len(change.figures), 'figure')} compared: {len(moved)} changed, "
        f"{counts['agrees']} stated changes agree with the numbers, "
        f"<strong>{counts['contradicts']} contradict them</strong>, "
        f"{counts['new key']} figures are new and {counts['dropped key']} no longer given.</p>"
    ]
    if top:
        parts.append('<div class="lead-changes"><ul>')
        parts += [f"<li>{esc(change_sentence(f, change.labels))}</li>" for f in top]
        parts.append("</ul>")
        parts.append(changes_chart_svg(top, change.labels) + "</div>")
    news = [s for s in change.sections if s.kind in ("added", "removed")]
    moved = [s for s in change.sections if s.kind == "moved"]
    words = [f"{s.kind} {s.number} {s.title}".strip() for s in news[:6]]
    if moved:
        words.append(f"{plural(len(moved), 'section')} renumbered (moved)")
    if words:
        parts.append(f"<p>Sections: {esc(clip(', '.join(words), 500))}.</p>")
    return "\n".join(parts)


def scroll(table: str) -> str:
    """A wide table in a box that scrolls sideways, so a narrow screen never cuts it off."""
    return f'<div class="scroll">{table}</div>'


def diff_html_body(change: ChangeReport, heading_level: int = 1, pdf_href: PdfHref = no_pdf) -> str:
    """The change report as an HTML fragment (the site puts it on each pair's page); page
    references link to the PDFs where `pdf_href` gives a link."""
    h1, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    label, subject = summary_heading(change)
    columns = table_columns(change)
    parts = [
        f"<{h1}>{esc(diff_title(change))}</{h1}>",
        f'<p class="subtitle">{esc(diff_subtitle(change))}</p>',
        f'<{h2} id="summary">Summary</{h2}>',
        diff_summary_html(change),
        f'<{h2} id="figures">Figures</{h2}>',
        f"<p>{esc(agreement_summary(change))}</p>",
        scroll(
            html_table(
                f"Every figure of reports {change.old_year} and {change.new_year}, side by side",
                HTML_FIGURE_HEADERS,
                html_figure_rows(change, pdf_href),
                numeric=(4, 5),
                classes={6: lambda c: c if c in ("agrees", "contradicts") else ""},
                links={7: figure_page_link(change, pdf_href)},
            )
        ),
    ]
    if change.summary_table:  # a series without trial tables has no summary to show
        parts += [
            f'<{h2} id="{esc(change.summary_table)}">{esc(label)}: {esc(subject)}</{h2}>',
            scroll(
                html_table(
                    f"{subject[:1].upper()}{subject[1:]} and trial results ({label}) per report",
                    ["year", *columns],
                    table_rows(change),
                    numeric=range(1, len(columns) + 1),
                )
            ),
        ]
    if change.carryover_table:
        parts += carried_html(change, h2)
    moved = section_rows(change)
    parts.append(f'<{h2} id="sections">Sections</{h2}>')
    parts.append(
        scroll(
            html_table(
                "Sections added, removed, moved or rewritten", SECTION_HEADERS, moved, numeric=(3,)
            )
        )  # fmt: skip
        if moved
        else "<p>No section added, removed or rewritten.</p>"
    )
    section = esc(change.narrative_section)
    parts.append(f'<{h2} id="sentences">Sentences of section {section}</{h2}>')
    items = []
    for s in change.sentences:
        if s.old and s.new:
            body = inline_diff(s.old, s.new)
        else:
            body = f"<del>{esc(s.old)}</del>" if s.old else f"<ins>{esc(s.new)}</ins>"
        label = esc(sentence_label(s.kind, s.numbers_only))
        items.append(f"<li><strong>{label}</strong><br>{body}</li>")
    parts.append("<ul>" + "\n".join(items) + "</ul>" if items else "<p>No sentence changed.</p>")
    parts.append(f'<{h2} id="structure">Other changes</{h2}>')
    parts.append(
        f"<details><summary>{plural(len(change.structure), 'structural difference')} "
        "(captions, contents, tables, metadata), as paths in the two records</summary>\n"
        + scroll(
            html_table(
                "Other differences between the two records (captions, contents, tables, metadata)",
                STRUCTURE_HEADERS,
                structure_rows(change, limit=200),
            )
        )
        + "\n</details>"
        if change.structure
        else "<p>None.</p>"
    )
    return "\n".join(parts)


def render_diff(change: ChangeReport, fmt: str = "text") -> str:
    """A change report as "text", "markdown", "html" (a standalone page) or "json"."""
    if fmt == "json":
        return indented_json(change.to_dict())
    if fmt == "markdown":
        return diff_markdown(change)
    if fmt == "html":
        return html_page(diff_title(change), diff_html_body(change))
    if fmt == "text":
        return diff_text(change)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(DIFF_FORMATS)}")
