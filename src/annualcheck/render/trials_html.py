"""The Trials page of the site: every person with their history, filterable by final status
and by law, each step linked to its page of the PDF (`FILE.pdf#page=N`).

Why filtering with radio buttons and CSS, no script: the site runs no script (it is opened
from the file system, archived and mailed); a `:checked` radio button hides, through a
sibling selector, every row without its class, and the two groups (status, law) combine
because each hides rows on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from annualcheck.render.html import esc, html_table
from annualcheck.render.trials import (
    SENTENCING_HEADERS,
    sentence_text,
    sentencing_table,
    summary_line,
)
from annualcheck.trials.history import Person, TrialEvent
from annualcheck.trials.series import Trials


def slug(text: str) -> str:
    """A CSS class of a law or status: "Anti-Prostitution Act" -> "anti-prostitution-act"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _filter_group(name: str, values: list[tuple[str, int]]) -> tuple[str, str, list[str]]:
    """Radio buttons of one filter group (direct children of the page's filter container, so
    that sibling selectors reach the table), their labels, and the CSS rules that hide the
    other rows and mark the chosen label."""
    idents = [(f"{name}-all", "all")] + [(f"{name}-{slug(v)}", f"{v} ({n})") for v, n in values]
    inputs = "".join(
        f'<input class="choice" type="radio" name="{name}" id="{ident}"'
        + (" checked" if i == 0 else "") + ">"
        for i, (ident, _) in enumerate(idents)
    )  # fmt: skip
    labels = " · ".join(f'<label for="{ident}">{esc(text)}</label>' for ident, text in idents)
    css = [f'#{ident}:checked ~ .filters label[for="{ident}"] {{ font-weight: 700; }}\n'
           f'#{ident}:focus-visible ~ .filters label[for="{ident}"] '
           "{ outline: 2px solid var(--accent); }"
           for ident, _ in idents]  # fmt: skip
    css += [f"#{ident}:checked ~ .persons tbody tr:not(.{ident}) {{ display: none; }}"
            for ident, _ in idents[1:]]  # fmt: skip
    return inputs, f'<p class="filters"><span class="muted">{esc(name)}:</span> {labels}</p>', css


def _step_html(e: TrialEvent, href: Callable[[str], str | None]) -> str:
    what = sentence_text(e.sentence) if e.status == "convicted" else e.status
    sim = f", match {e.confidence:.2f}" if e.confidence is not None and e.confidence < 1 else ""
    text = f"{e.report_year} {e.label} row {e.row}: {what}"
    base = href(e.file)
    page = f"p. {e.page}" if e.page else "p. ?"
    link = f'<a href="{esc(base)}#page={e.page}">{esc(page)}</a>' if base and e.page else esc(page)
    return f'<li>{esc(text)} <span class="muted">({link}{esc(sim)})</span></li>'


def _person_row(p: Person, href: Callable[[str], str | None]) -> str:
    classes = [f"status-{slug(p.final_status)}", *(f"law-{slug(law)}" for law in p.laws)]
    steps = "".join(_step_html(e, href) for e in p.history)
    note = f'<br><span class="muted">{esc(p.note)}</span>' if p.note else ""
    return (
        f'<tr id="person-{esc(p.id)}" class="{" ".join(classes)}"><td>{esc(p.id)}</td>'
        f"<td>{esc(p.offense)}</td><td>{esc('; '.join(p.laws))}</td>"
        f"<td><ol>{steps}</ol></td><td>{esc(p.final_status)}{note}</td>"
        f'<td class="num">{p.reports_pending}</td></tr>'
    )


def trials_body(trials: Trials, href: Callable[[str], str | None] = lambda f: f) -> str:
    """The page body; `href` turns a PDF file name into the link to it (None: no link)."""
    statuses = Counter(p.final_status for p in trials.persons)
    laws = Counter(law for p in trials.persons for law in p.laws)
    status_in, status_html, status_css = _filter_group("status", sorted(statuses.items()))
    law_in, law_html, law_css = _filter_group(
        "law", sorted(laws.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    style = "\n".join([
        ".choice { position: absolute; opacity: 0; width: 1px; height: 1px; }",
        ".filters label { cursor: pointer; text-decoration: underline dotted; }",
        ".persons ol { margin: 0; padding-left: 1.2em; }",
        *status_css, *law_css,
    ])  # fmt: skip
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("id", "offense", "laws", "history", "final status", "reports pending")
    )
    rows = "\n".join(_person_row(p, href) for p in trials.persons)
    return "\n".join([
        "<h1>Trials</h1>",
        f'<p class="subtitle">{esc(summary_line(trials))}. A person is identified by the report '
        "and row where they first appear; a person pending in one report is followed into the "
        "next report's table of carried-over persons.</p>",
        f"<style>{style}</style>",
        "<h2>Sentencing</h2>",
        html_table("Persons by sentence, per report and table (the carry-over table's verdicts "
                   "apart)", SENTENCING_HEADERS, sentencing_table(trials),
                   numeric=(0, 1, *range(3, 11))),
        "<h2>Persons</h2>",
        '<div class="trials">', status_in, law_in, status_html, law_html,
        '<table class="persons">\n<caption>Every person with their history</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>",
        "</div>",
    ])  # fmt: skip
