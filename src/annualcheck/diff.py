"""The change report between two reports of a series: what moved, and whether the new
report says so itself.

Why a separate model (`ChangeReport`) and not rendered text: the same comparison feeds the
text, markdown, html and json renderers and the static site, and tooling reads the JSON.
Each part answers one question a reader of two consecutive years asks:

- figures: every key of either report side by side, with the change the numbers give and
  the change the new report states, and whether the two agree;
- trials: Table 2 summarised per year, and what became of each person the old report left
  awaiting trial (matched to a row of the new carry-over table by offense);
- text: which sections were added, removed or rewritten, and which sentences of the
  statistics section changed (numbers masked so a sentence whose numbers changed pairs up
  with its predecessor instead of showing as one removal and one addition);
- structure: a compact DeepDiff of everything the parts above do not already cover.

The trend series and the section that holds the statistics come from the profile
(`Profile.diff`, a `DiffSpec`); nothing here knows a phrase of one series.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .record import Figure, Record, TableRow

SCHEMA = "annualcheck/change@1"
AGREEMENTS = ("agrees", "contradicts", "not stated", "new key", "dropped key")
#: Below this offense similarity a pending person is not matched to a carry-over row.
MATCH_THRESHOLD = 0.5
#: Sentences at least this similar (numbers masked) count as one sentence changed.
SENTENCE_THRESHOLD = 0.6


# -- the profile's part ----------------------------------------------------------------------


@dataclass(frozen=True)
class TrendSeries:
    """One line of a trend chart: the sum of `keys`, or one line per key under `prefix`."""

    label: str
    keys: tuple[str, ...] = ()
    prefix: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrendChart:
    title: str
    series: tuple[TrendSeries, ...]


@dataclass(frozen=True)
class DiffSpec:
    """What the diff and the site need to know of a series (`Profile.diff`)."""

    narrative_section: str = "2"  # top-level section whose sentences are compared one by one
    charts: tuple[TrendChart, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    pending_tables: tuple[str, ...] = ("table2", "table3")
    carryover_table: str = "table3"
    prosecuted_table: str = "table2"


def default_spec() -> DiffSpec:
    """The jp-tip profile's part, or a neutral spec if that part is missing."""
    from .profiles import get_profile

    spec = get_profile().diff
    return spec if isinstance(spec, DiffSpec) else DiffSpec()


# -- the model -------------------------------------------------------------------------------


@dataclass
class FigureChange:
    key: str
    period: str | None  # the new report's period (the old one's for a dropped key)
    previous_period: str | None
    previous: float | None
    current: float | None
    change: float | None  # current - previous
    stated_change: float | None  # the delta the new report states
    stated_phrase: str | None
    reference_period: str | None
    agreement: str  # one of AGREEMENTS
    section: str | None
    unit: str | None
    previous_page: int | None
    page: int | None
    quote: str | None
    note: str | None = None


@dataclass
class TableSummary:
    """Table 2 of one report in numbers."""

    report_year: int
    prosecuted: int  # rows
    convicted: int
    pending: int
    suspended: int  # convictions with a suspended sentence
    fined: int  # convictions with a fine
    acquitted: int
    other: int


@dataclass
class CarriedOver:
    """One person the old report left awaiting trial, and what the new report says of them."""

    source_table: str  # where the old report listed them: "table2" or "table3"
    source_no: int
    offense: str
    matched_no: int | None  # row of the new carry-over table
    matched_offense: str | None
    status: str | None  # the new row's status
    result: str | None
    verdict: str  # "still pending", the result text, or "not found"
    confidence: float  # offense similarity, 0..1


@dataclass
class SectionChange:
    number: str
    title: str
    kind: str  # "added", "removed", "rewritten", "unchanged"
    similarity: float
    previous_title: str | None = None  # set when the old report titled the section otherwise


@dataclass
class SentenceChange:
    kind: str  # "changed", "added", "removed"
    old: str | None
    new: str | None
    similarity: float
    numbers_only: bool  # the sentences differ only in their numbers


@dataclass
class StructuralChange:
    kind: str  # DeepDiff's report type, e.g. "values_changed"
    path: str
    old: Any
    new: Any


@dataclass
class ChangeReport:
    old_year: int
    new_year: int
    old_data_year: int
    new_data_year: int
    old_file: str
    new_file: str
    figures: list[FigureChange]
    table_summaries: list[TableSummary]  # [old, new]
    carried_over: list[CarriedOver]
    unmatched_carryover_rows: list[int]  # rows of the new carry-over table no person matched
    sections: list[SectionChange]
    sentences: list[SentenceChange]
    structure: list[StructuralChange]
    labels: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Figures per agreement class (every class present, zero included)."""
        out = dict.fromkeys(AGREEMENTS, 0)
        for f in self.figures:
            out[f.agreement] += 1
        return out

    def table_change(self) -> dict[str, int]:
        """New Table 2 summary minus old, per column."""
        old, new = self.table_summaries
        return {
            k: getattr(new, k) - getattr(old, k)
            for k in (
                "prosecuted",
                "convicted",
                "pending",
                "suspended",
                "fined",
                "acquitted",
                "other",
            )
        }

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = self.counts()
        data["table_change"] = self.table_change()
        return {"schema": SCHEMA, **_jsonable(data)}


def _jsonable(obj: Any) -> Any:
    """Whole floats as ints, sets and tuples as lists: JSON that reads like the record's."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


# -- figures ---------------------------------------------------------------------------------


def period_order(period: str | None) -> tuple[int, str]:
    """Sort key of a period: its last four-digit year, then the text ("FY2019" > "2018")."""
    years = re.findall(r"\d{4}", period or "")
    return (int(years[-1]) if years else -1, period or "")


def latest_figures(record: Record) -> dict[str, Figure]:
    """Per key, the figure of the latest period (the year the report covers, normally);
    within one period the first given, as the report's main statement of it."""
    out: dict[str, Figure] = {}
    for fig in record.figures:
        best = out.get(fig.key)
        if best is None or period_order(fig.period) > period_order(best.period):
            out[fig.key] = fig
    return out


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _part_order(part: str) -> int:
    """ "3" -> 3, "iv" -> 4 (sub-sections are numbered in roman), "b" -> 2 (a letter)."""
    if part.isdigit():
        return int(part)
    if set(part) <= set(_ROMAN):
        values = [_ROMAN[c] for c in part]
        return sum(
            -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
        )
    return ord(part[0]) - ord("a") + 1


def _section_order(section: str | None) -> tuple:
    """Sort key of a section number such as "7 (1) ii) c)", in the document's own order."""
    if not section:
        return (999,)
    return tuple(_part_order(n) for n in re.findall(r"\d+|[a-z]+", section.lower()))


def compare_figure(
    key: str, old: Figure | None, new: Figure | None, old_record: Record
) -> FigureChange:
    """One key side by side, with the agreement of the stated change and the numbers."""
    fig = new or old
    assert fig is not None
    stated = new.stated_change if new is not None else None
    previous = old.value if old is not None else None
    current = new.value if new is not None else None
    change = current - previous if previous is not None and current is not None else None
    note = None
    if old is None:
        agreement = "new key"
    elif new is None:
        agreement = "dropped key"
    elif stated is None:
        agreement = "not stated"
    else:
        base = old
        if stated.reference_period and stated.reference_period != old.period:
            # The new report compares with another period than the old report's latest.
            base = old_record.figure(key, stated.reference_period)
        if base is None:
            agreement = "not stated"
            note = f"states a change against {stated.reference_period}, which the previous report does not give"
        else:
            agreement = (
                "agrees" if abs((current - base.value) - stated.delta) < 1e-9 else "contradicts"
            )
            if base is not old:
                note = f"compared with {base.period} ({base.value:g})"
    return FigureChange(
        key=key,
        period=fig.period,
        previous_period=old.period if old is not None else None,
        previous=previous,
        current=current,
        change=change,
        stated_change=stated.delta if stated is not None else None,
        stated_phrase=stated.phrase if stated is not None else None,
        reference_period=stated.reference_period if stated is not None else None,
        agreement=agreement,
        section=fig.section,
        unit=fig.unit,
        previous_page=old.page if old is not None else None,
        page=new.page if new is not None else None,
        quote=new.quote if new is not None else old.quote if old is not None else None,
        note=note,
    )


def compare_figures(old: Record, new: Record) -> list[FigureChange]:
    """Every key of either report, in the order of the report's sections, then by key."""
    olds, news = latest_figures(old), latest_figures(new)
    first_seen = {k: i for i, k in enumerate(dict.fromkeys([*news, *olds]))}
    changes = [compare_figure(k, olds.get(k), news.get(k), old) for k in first_seen]
    changes.sort(key=lambda c: (_section_order(c.section)[:1], first_seen[c.key]))
    return changes


# -- trial tables ----------------------------------------------------------------------------


def _rows(record: Record, table: str) -> list[TableRow]:
    t = record.tables.get(table)
    return [r for r in (t.rows if t else []) if isinstance(r, TableRow)]


def summarise_table(record: Record, table: str = "table2") -> TableSummary:
    rows = _rows(record, table)
    convicted = [r for r in rows if r.status == "convicted"]
    return TableSummary(
        report_year=record.report.report_year,
        prosecuted=len(rows),
        convicted=len(convicted),
        pending=sum(r.status == "pending" for r in rows),
        suspended=sum(bool(r.sentence and r.sentence.suspended_years) for r in convicted),
        fined=sum(bool(r.sentence and r.sentence.fine_yen) for r in convicted),
        acquitted=sum(r.status == "acquitted" for r in rows),
        other=sum(r.status == "other" for r in rows),
    )


_STOP = {"the", "of", "and", "a", "an", "on", "for", "to", "in", "etc", "act", "violation"}


def offense_charges(offense: str, charges: Iterable[str] = ()) -> list[str]:
    """The charges of an offense, each reduced to its distinctive words (the boilerplate
    "violation of the ... Act" would make any two offenses look alike), in printed order."""
    parts = list(charges) or re.split(r",\s*(?:and\s+)?|\s+and\s+(?=violation)", offense)
    out = []
    for part in parts:
        w = [x for x in re.sub(r"[^\w\s]", " ", part.lower()).split() if x not in _STOP]
        if w:
            out.append(" ".join(w))
    return out


def offense_similarity(a: TableRow, b: TableRow) -> float:
    """difflib ratio of the normalised offenses, the better of printed and sorted charge
    order, so that a reordered or slightly reworded offense stays close to the original."""
    ca, cb = offense_charges(a.offense), offense_charges(b.offense)
    printed = difflib.SequenceMatcher(None, " | ".join(ca), " | ".join(cb)).ratio()
    ordered = difflib.SequenceMatcher(None, " | ".join(sorted(ca)), " | ".join(sorted(cb))).ratio()
    return max(printed, ordered)


def align(sim: list[list[float]], threshold: float) -> dict[int, int]:
    """One-to-one, order-aware matching: first the in-order alignment that maximises total
    similarity (dynamic programming, like a sequence alignment with free gaps), then any
    left-over pairs by best similarity (a row that moved). Pairs below `threshold` never match."""
    n, m = len(sim), len(sim[0]) if sim else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= threshold else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= threshold and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    used = set(pairs.values())
    rest = sorted(
        ((sim[a][b], a, b) for a in range(n) if a not in pairs for b in range(m) if b not in used),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for s, a, b in rest:
        if s >= threshold and a not in pairs and b not in used:
            pairs[a] = b
            used.add(b)
    return pairs


def carried_over(old: Record, new: Record, spec: DiffSpec) -> tuple[list[CarriedOver], list[int]]:
    """Each person the old report left pending, matched to the new carry-over table."""
    pending = [
        (name, row)
        for name in spec.pending_tables
        for row in _rows(old, name)
        if row.status == "pending"
    ]
    targets = _rows(new, spec.carryover_table)
    sim = [[offense_similarity(row, t) for t in targets] for _, row in pending]
    pairs = align(sim, MATCH_THRESHOLD) if targets else {}
    out = []
    for i, (name, row) in enumerate(pending):
        j = pairs.get(i)
        t = targets[j] if j is not None else None
        if t is None:
            verdict = "not found"
        elif t.status == "pending":
            verdict = "still pending"
        else:
            verdict = t.result
        out.append(
            CarriedOver(
                source_table=name,
                source_no=row.no,
                offense=row.offense,
                matched_no=t.no if t else None,
                matched_offense=t.offense if t else None,
                status=t.status if t else None,
                result=t.result if t else None,
                verdict=verdict,
                confidence=round(sim[i][j], 3) if j is not None else 0.0,
            )
        )
    used = set(pairs.values())
    return out, [t.no for k, t in enumerate(targets) if k not in used]


# -- text ------------------------------------------------------------------------------------


def section_texts(record: Record) -> dict[str, str]:
    """Body text per section number, paragraphs joined in reading order."""
    out: dict[str, list[str]] = {}
    for p in record.paragraphs:
        out.setdefault(p.section or "", []).append(p.text)
    return {k: "\n".join(v) for k, v in out.items()}


def text_similarity(a: str, b: str) -> float:
    return round(difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio(), 3)


def compare_sections(
    old: Record, new: Record, rewritten_below: float = 0.98
) -> list[SectionChange]:
    """Sections of either report: added, removed, rewritten (similarity below the bar) or unchanged."""
    olds, news = section_texts(old), section_texts(new)
    old_titles = {s.number: s.title for s in old.sections}
    titles = old_titles | {s.number: s.title for s in new.sections}
    order = sorted({*news, *olds}, key=lambda n: (_section_order(n), n))
    out = []
    for number in order:
        if number not in olds and number not in news:
            continue
        if number not in olds:
            kind, score = "added", 0.0
        elif number not in news:
            kind, score = "removed", 0.0
        else:
            score = text_similarity(olds[number], news[number])
            kind = "unchanged" if score >= rewritten_below else "rewritten"
        title = titles.get(number, "")
        before = old_titles.get(number)
        renamed = before if kind != "removed" and before is not None and before != title else None
        out.append(SectionChange(number, title, kind, score, renamed))
    return out


_NUMBER_WORDS = (
    "zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety"
)
_NUMBER_RE = re.compile(rf"\b(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?)\b", re.I)


def mask_numbers(sentence: str) -> str:
    """Numbers (digits and number words) replaced by '#': "47 victims" == "38 victims"."""
    return " ".join(_NUMBER_RE.sub("#", sentence).split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph: a full stop, then space and a capital or an opening bracket."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(\[“\"○•-])", " ".join(text.split()))
    return [p.strip() for p in parts if p.strip()]


def narrative_sentences(record: Record, section: str) -> list[str]:
    top = re.compile(rf"^{re.escape(section)}(?:\s|$)")
    return [
        s
        for p in record.paragraphs
        if p.section and top.match(p.section)
        for s in split_sentences(p.text)
    ]


def compare_sentences(old: list[str], new: list[str]) -> list[SentenceChange]:
    """Changed, added and removed sentences; compared with numbers masked so that a sentence
    whose numbers alone changed is one change, not a removal and an addition."""
    mo, mn = [mask_numbers(s) for s in old], [mask_numbers(s) for s in new]
    out: list[SentenceChange] = []
    sm = difflib.SequenceMatcher(None, mo, mn, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.extend(
                SentenceChange("changed", old[i1 + k], new[j1 + k], 1.0, True)
                for k in range(i2 - i1)
                if old[i1 + k] != new[j1 + k]
            )
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        sim = [[difflib.SequenceMatcher(None, mo[a], mn[b]).ratio() for b in news] for a in olds]
        pairs = align(sim, SENTENCE_THRESHOLD) if olds and news else {}
        by_new = {news[b]: olds[a] for a, b in pairs.items()}
        paired_old = set(by_new.values())
        for a in olds:
            if a not in paired_old:
                out.append(SentenceChange("removed", old[a], None, 0.0, False))
        for b in news:
            a = by_new.get(b)
            if a is None:
                out.append(SentenceChange("added", None, new[b], 0.0, False))
            else:
                score = round(difflib.SequenceMatcher(None, mo[a], mn[b]).ratio(), 3)
                out.append(SentenceChange("changed", old[a], new[b], score, mo[a] == mn[b]))
    return out


# -- structure -------------------------------------------------------------------------------

#: Parts of the record the other sections of the change report already cover, and fields that
#: always differ between two reports (pages, quotes, boxes) and say nothing about the content.
_COVERED = ("figures", "paragraphs", "sections")
_EXCLUDE_RE = [
    r"\['(page|pages|printed_page|quote|bbox|toc_page|sha256|joined)'\]",
    # The header of every change report already names both years and files.
    r"root\['report'\]\['(report_year|data_year|published)'\]",
    r"root\['source'\]\['file'\]",
    r"root\['tables'\]\['[^']+'\]\['rows'\]",
]


def _keyed_by_text(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Captions or contents entries keyed by their text with numbers masked: a renumbered
    figure ("Figure 34" -> "Figure 28") or a changed count ("39 suspects" -> "36 suspects")
    is then one change of one entry, not a shift that touches every entry after it."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        key = mask_numbers(str(item.get("text", ""))) or str(item.get("label"))
        n, unique = 1, key
        while unique in out:
            n += 1
            unique = f"{key} ({n})"
        out[unique] = item
    return out


def structure_view(record: Record) -> dict[str, Any]:
    """The record as a dict for DeepDiff: covered parts dropped, captions and contents keyed
    by their masked text, tables by name with their row count."""
    data = record.to_dict()
    for name in _COVERED:
        data.pop(name, None)
    data["captions"] = _keyed_by_text(data.get("captions", []))
    data["toc"] = _keyed_by_text(data.get("toc", []))
    for table in data.get("tables", {}).values():
        table["row_count"] = len(table.get("rows", []))
    return data


def compare_structure(old: Record, new: Record) -> list[StructuralChange]:
    from deepdiff import DeepDiff

    diff = DeepDiff(
        structure_view(old), structure_view(new), exclude_regex_paths=_EXCLUDE_RE, view="tree"
    )
    out = []
    for kind, levels in diff.items():
        for level in levels:
            t1 = None if _is_missing(level.t1) else level.t1
            t2 = None if _is_missing(level.t2) else level.t2
            out.append(StructuralChange(kind, level.path(), t1, t2))
    out.sort(key=lambda c: c.path)
    return drop_toc_echoes(out)


def _gist(value: Any) -> Any:
    """A caption or contents entry reduced to what both share (label and text)."""
    if isinstance(value, dict):
        return (value.get("label"), value.get("text"))
    return value


def drop_toc_echoes(changes: list[StructuralChange]) -> list[StructuralChange]:
    """Leave out a change of the contents that only repeats the same change of the captions
    (a renumbered figure is renumbered in both): one line says it. A contents entry that
    changed otherwise than its caption stays, since that is news."""
    captions = {
        (c.kind, c.path[len("root['captions']") :], _gist(c.old), _gist(c.new))
        for c in changes
        if c.path.startswith("root['captions']")
    }
    return [
        c
        for c in changes
        if not (
            c.path.startswith("root['toc']")
            and (c.kind, c.path[len("root['toc']") :], _gist(c.old), _gist(c.new)) in captions
        )
    ]


def _is_missing(value: Any) -> bool:
    return type(value).__name__ == "NotPresent"


# -- the whole -------------------------------------------------------------------------------


def diff_records(old: Record, new: Record, spec: DiffSpec | None = None) -> ChangeReport:
    """The change report from `old` to `new` (normally consecutive years of one series)."""
    spec = spec or default_spec()
    persons, unmatched = carried_over(old, new, spec)
    return ChangeReport(
        old_year=old.report.report_year,
        new_year=new.report.report_year,
        old_data_year=old.report.data_year,
        new_data_year=new.report.data_year,
        old_file=old.source.file,
        new_file=new.source.file,
        figures=compare_figures(old, new),
        table_summaries=[
            summarise_table(old, spec.prosecuted_table),
            summarise_table(new, spec.prosecuted_table),
        ],
        carried_over=persons,
        unmatched_carryover_rows=unmatched,
        sections=compare_sections(old, new),
        sentences=compare_sentences(
            narrative_sentences(old, spec.narrative_section),
            narrative_sentences(new, spec.narrative_section),
        ),
        structure=compare_structure(old, new),
        labels=dict(spec.labels),
    )
