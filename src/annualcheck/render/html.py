"""The HTML page shell: the inline stylesheet, escaping, a standalone page and a table.

Why apart: a change report rendered alone (`annualcheck diff --format html`) and the pages of
the static site (`annualcheck.output.site`) share one look; they take the shell from here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

STYLESHEET = """
:root { color-scheme: light dark; --fg: #1d1f23; --bg: #ffffff; --muted: #5b6270; --line: #d0d4da;
  --head: #f1f3f6; --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --ok: #1e7a3c;
  --accent: #2456a6; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e8eb; --bg: #16181c; --muted: #a3aab5; --line: #3a3f47; --head: #22262c;
    --error: #ff8a80; --warning: #f2c14e; --info: #8ab4f8; --ok: #7bd88f; --accent: #8ab4f8; }
}
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 78rem; }
@media (max-width: 40rem) { body { padding: 0.6rem 0.8rem 2rem; } }
a { color: var(--accent); }
nav { margin-bottom: 1rem; font-size: 0.95em; }
h1 { font-size: 1.6rem; margin: 0.3rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.subtitle, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; width: 100%; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll > table { margin-top: 0; }
.scroll > table > caption { position: sticky; left: 0; max-width: calc(100vw - 2rem); }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: var(--head); }
td code, td a { overflow-wrap: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.agrees { color: var(--ok); } .contradicts { color: var(--error); font-weight: 600; }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; }
.sev-info { color: var(--info); }
blockquote { margin: 0.2rem 0 0.4rem 1rem; padding-left: 0.6rem; border-left: 3px solid var(--line);
  color: var(--muted); }
ul.findings { list-style: none; padding-left: 0; } ul.findings > li { margin-bottom: 0.7rem; }
del { color: var(--error); } ins { color: var(--ok); text-decoration: underline; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr));
  gap: 1rem; }
.chart-note { font-size: 0.9em; color: var(--muted); }
.wrong, .lead-changes { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 1rem;
  margin: 0.6rem 0; }
.wrong { border-left: 5px solid var(--error); }
.wrong li, .lead-changes li { margin: 0.3rem 0; }
.wrong h2, .lead-changes h2 { margin-top: 0.4rem; }
.lead-changes svg.changes { width: 100%; max-width: 30rem; height: auto; display: block; }
rect.bar-up { fill: #f97316; } rect.bar-down { fill: #3b82f6; }
main, li, p, blockquote { overflow-wrap: break-word; }
figure.chart { margin: 0; padding: 0.5rem; border: 1px solid var(--line); border-radius: 6px; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart svg * { stroke-linejoin: round; stroke-linecap: butt; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
code { font-size: 0.9em; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --head: #eee; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  a { text-decoration: none; }
  h2 { break-after: avoid; }
  table, figure.chart, li { break-inside: avoid; }
  .scroll { overflow: visible; }
  details > *:not(summary) { display: block; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"""


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def html_page(title: str, body: str, nav: str = "") -> str:
    """A standalone HTML page: inline stylesheet, no script, nothing fetched."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="annualcheck">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{nav}<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def html_table(
    caption: str,
    headers: list[str],
    rows: list[list[str]],
    numeric: Iterable[int] = (),
    classes: dict[int, Any] | None = None,
    links: dict[int, Any] | None = None,
) -> str:
    """A table with a caption; cells are escaped here. `classes` maps a column to a function
    of the cell giving its CSS class, `links` to one giving the cell's link (or None)."""
    numeric = set(numeric)
    classes = classes or {}
    links = links or {}
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, c in enumerate(row):
            cls = ["num"] if i in numeric else []
            if i in classes and (extra := classes[i](c)):
                cls.append(extra)
            attr = f' class="{" ".join(cls)}"' if cls else ""
            text = esc(c)
            if i in links and (href := links[i](c)):
                text = f'<a href="{esc(href)}">{text}</a>'
            cells.append(f"<td{attr}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<table>\n" + f"<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )
