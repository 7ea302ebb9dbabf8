"""Body paragraphs -> keyed figures with their stated changes.

A pipeline of small pure functions, each turning one thing into the next:

    paragraph --split_sentences--> sentences
    sentence  --find_mentions-->    mentions (a count, the words around it, its stated change)
    mention   --key_of-->           key and unit (by the profile's rules and vocabularies)
    mention   --period_of-->        period ("2019", "FY2017", "2014")
    mentions  --merge_figures-->    one Figure per key and period; restatements in
                                    "[Repeated from X]" passages become its occurrences

Between sentences a `Reading` carries what a reader remembers: the previous sentence (for
"Of these, ...") and who the section is counting (victims or suspects), so "With regard to
gender, 45 were female" keys without naming who. `repeated_sources` confirms the layout's
repeated-passage marks against the words of the section they name.

Why rules over words and not positions: the same sentence shapes recur every year with other
numbers and small rewordings ("26 were female (19 less than in 2017) and one was male"), and
the tool must read PDFs from other producers. All series-specific words (topics, subjects,
key names) live in the profile (`profiles/jp_tip/figures.py`); this module only knows English
sentence structure: clauses, anaphora ("Of these, ..."), "respectively", stated changes.

A stated change is never dropped: if its subject cannot be keyed, it is returned under
`unkeyed.<slug>` so the checks can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .numbers import ChangeToken, NumberToken, find_numbers, find_stated_changes
from .record import Figure, Occurrence, Paragraph, StatedChange

# -- the profile part this module consumes -----------------------------------------------------


@dataclass(frozen=True)
class KeyRule:
    """One way a count gets a key. All given conditions must hold; the first rule that holds
    wins, so a profile lists specific rules before general ones.

    near:   regex on the count's own words (its segment, the count written as `#N#`)
    clause: regex on the clause holding the count (split at "; ", ", while", ...)
    about:  regex on the sentence plus its context (the previous sentence when the sentence
            continues it, e.g. "Of these, ...")
    unless: regex that, found in the segment or the clause, rules this key out
    slot:   name of a vocabulary; its first entry matching the segment fills `{slot}` in key
    population: who is counted ("victims", "suspects"): the population the sentence names,
            else the one the section last named (see `FiguresProfile.populations`)
    """

    key: str
    near: str | None = None
    clause: str | None = None
    about: str | None = None
    unless: str | None = None
    slot: str | None = None
    unit: str = "persons"
    population: str | None = None


@dataclass(frozen=True)
class RuleSet:
    """Rules that apply in some sections only (section-number prefixes such as "2 (1)");
    `sections=()` means every section not listed in `skip_sections`."""

    name: str
    rules: tuple[KeyRule, ...]
    sections: tuple[str, ...] = ()
    skip_sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiguresProfile:
    rule_sets: tuple[RuleSet, ...]
    vocabularies: dict[str, tuple[tuple[str, str], ...]]
    #: a sentence that continues the previous one ("Of these, ...", "All of these ...")
    anaphora: str
    #: subjects that stand for a count when a stated change follows and no number precedes
    #: it: (regex, value), e.g. "The Brazilian national was ..." -> 1, "No victims were" -> 0
    implied_counts: tuple[tuple[str, float], ...]
    #: who a sentence counts, (regex, name): the last one named in the sentence, else the
    #: one carried from the section's previous sentences ("With regard to gender, ...")
    populations: tuple[tuple[str, str], ...] = ()
    #: the marker of a repeated passage; group 1 is the section it repeats
    repeated_marker: str = r"\[\s*Repeated from\s+([^\]]+?)\s*\]"
    #: words ending in "." that do not end a sentence
    abbreviations: tuple[str, ...] = (
        "e.g", "i.e", "etc", "no", "nos", "mt", "inc", "co", "ltd", "corp", "approx", "vs",
        "dr", "mr", "mrs", "ms", "st", "u.s", "d.c", "u.k", "art", "para", "fig", "p", "pp",
    )  # fmt: skip
    #: words before a year that make it not the period of a count ("approved in May 2019")
    period_excluded_before: str = (
        r"(?:approved|published|adopted|released|report(?:ed)?|launched|established|enforced"
        r"|introduced|started|begun|began|founded|created|signed|concluded|added|revised"
        r"|amended)\s+(?:in|on)\s+(?:\w+\s+)?(?:\d{1,2},\s+)?$"
    )
    unkeyed_prefix: str = "unkeyed"


# -- data passed between the steps -------------------------------------------------------------

PLACEHOLDER = "#N#"
_FLAGS = re.IGNORECASE | re.DOTALL


@dataclass(frozen=True)
class Mention:
    """A count in a sentence with the words that say what it counts."""

    token: NumberToken
    segment: str  # the count's own words, the count replaced by PLACEHOLDER
    clause: str
    seg_start: int
    seg_end: int
    change: ChangeToken | None = None
    period_hint: str | None = None  # set by "respectively"
    #: every number of the sentence, stated changes masked (years and dates for the period)
    numbers: tuple[NumberToken, ...] = ()
    masked: str = ""


@dataclass(frozen=True)
class Reading:
    """What a reader carries from one paragraph to the next within a section: the last
    sentence (for "Of these, ...") and who the section was last counting."""

    previous: str = ""
    population: str | None = None


# -- step 1: sentences -------------------------------------------------------------------------


def split_sentences(text: str, profile: FiguresProfile) -> list[tuple[int, int]]:
    """Spans of the sentences of `text`. A full stop ends a sentence when the next word starts
    with a capital or digit, unless it closes an abbreviation ("e.g.", "Mt.", but "etc." may
    end one); stops inside quotes or parentheses do not count."""
    spans: list[tuple[int, int]] = []
    start, paren, quote = 0, 0, False
    abbrevs = {a.lower() for a in profile.abbreviations}
    n = len(text)
    for m in _SENTENCE_MARKS.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "(":
            paren += 1
        elif ch == ")":
            paren = max(0, paren - 1)
        elif ch == "\u201c":
            quote = True
        elif ch == "\u201d":
            quote = False
        elif paren == 0 and not quote and i >= start:
            j = i + 1
            while j < n and text[j] in "\"'\u2019)":
                j += 1
            if j < n and not text[j].isspace():
                continue
            k = j
            while k < n and text[k].isspace():
                k += 1
            nxt = text[k + 1] if k + 1 < n and text[k] in '\u201c"([' else text[k] if k < n else ""
            if k < n and not (nxt.isupper() or (nxt.isdigit() and text[k] != "(")):
                continue
            word = re.search(r"([\w.]+)$", text[max(start, i - 12) : i])
            w = word.group(1).lower() if word else ""
            if ch == "." and w and w != "etc" and (w in abbrevs or len(w) == 1):
                continue
            spans.append((start, j))
            start = k
    if start < n and text[start:].strip():
        spans.append((start, n))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_SENTENCE_MARKS = re.compile("[().!?\u201c\u201d]")


# -- step 2: mentions --------------------------------------------------------------------------

_BOUNDARY = re.compile(r",\s+(?:and|while|whereas|but|or)\s+|;\s*|:\s+|,\s+|\s+and\s+|\s+while\s+")
_STRONG = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


def _depth_zero_matches(pattern: re.Pattern[str], text: str, blocked: list[bool]) -> list[tuple]:
    """Matches of `pattern` outside parentheses, quotes and number tokens."""
    events = []
    d, q = 0, False
    for m in _NESTING.finditer(text):
        ch = m.group(0)
        if ch == "(":
            d += 1
        elif ch == ")":
            d = max(0, d - 1)
        elif ch == "\u201c":
            q = True
        else:
            q = False
        events.append((m.start(), d + (1 if q else 0)))
    out = []
    for m in pattern.finditer(text):
        if any(blocked[m.start() : m.end()]):
            continue
        depth = 0
        for pos, dep in events:
            if pos >= m.start():
                break
            depth = dep
        if depth == 0:
            out.append(m.span())
    return out


_NESTING = re.compile("[()\u201c\u201d]")


def find_mentions(sentence: str, data_year: int, profile: FiguresProfile) -> list[Mention]:
    """The counts of one sentence, each with its segment, clause and stated change.

    Stated changes are found first and masked, so their numbers are not taken for counts.
    A change belongs to the count before it (or, as in "16 (four more than in 2018) engaged
    in ...", right after it). A change with no count before it gets an implied one when the
    subject is singular ("The Brazilian national was ...").
    """
    changes = find_stated_changes(sentence, data_year)
    masked = list(sentence)
    for c in changes:
        masked[c.start : c.end] = " " * (c.end - c.start)
    masked_text = "".join(masked)
    numbers = tuple(find_numbers(masked_text))
    tokens = [t for t in numbers if t.kind in ("count", "money")]
    tokens += _implied_counts(masked_text, tokens, changes, profile)
    tokens.sort(key=lambda t: t.start)
    if not tokens:
        return []
    blocked = [False] * len(sentence)
    for t in numbers:
        for k in range(t.start, t.end):
            blocked[k] = True
    for c in changes:
        for k in range(c.start, c.end):
            blocked[k] = True
    bounds = _depth_zero_matches(_BOUNDARY, masked_text, blocked)
    strong = _depth_zero_matches(_STRONG, masked_text, blocked)
    first = [b for b in bounds if b[1] <= tokens[0].start]
    cuts = [first[-1][1] if first else 0]
    ends = []
    for a, b in zip(tokens, tokens[1:], strict=False):
        between = [x for x in bounds if x[0] >= a.end and x[1] <= b.start]
        ends.append(between[-1][0] if between else b.start)
        cuts.append(between[-1][1] if between else b.start)
    ends.append(len(sentence))
    mentions = []
    for k, tok in enumerate(tokens):
        seg_start, seg_end = cuts[k], ends[k]
        change = next((c for c in changes if tok.end <= c.start < seg_end), None)
        if change is not None:
            seg_end = max(seg_end, change.end)
        segment = masked_text[seg_start : tok.start] + PLACEHOLDER + masked_text[tok.end : seg_end]
        mentions.append(
            Mention(
                token=tok,
                segment=" ".join(segment.split()),
                clause=_clause_of(masked_text, tok.start, strong),
                seg_start=seg_start,
                seg_end=seg_end,
                change=change,
                numbers=numbers,
                masked=masked_text,
            )
        )
    return _coordinate(mentions, masked_text)


def _implied_counts(
    text: str, tokens: list[NumberToken], changes: list[ChangeToken], profile: FiguresProfile
) -> list[NumberToken]:
    """Counts a subject stands for ("The Brazilian national was ... (one more than in 2018)"),
    looked for only before a stated change that has no number before it."""
    out = []
    prev_end = 0
    for c in changes:
        lo, hi = prev_end, c.start
        if not any(lo <= t.start < hi for t in tokens):
            found = [
                (m, value)
                for pattern, value in profile.implied_counts
                for m in re.finditer(pattern, text[lo:hi])
            ]
            if found:
                m, value = max(found, key=lambda f: f[0].start())
                s, e = lo + m.start(), lo + m.end()
                out.append(NumberToken(s, e, text[s:e], float(value), "count"))
        prev_end = c.end
    return out


def _clause_of(text: str, pos: int, strong: list[tuple[int, int]]) -> str:
    start = max((e for s, e in strong if e <= pos), default=0)
    end = min((s for s, e in strong if s >= pos), default=len(text))
    return " ".join(text[start:end].split())


def _coordinate(mentions: list[Mention], text: str) -> list[Mention]:
    """ "433 and 285 reports ... in FY2017 and FY2018 respectively": coordinated counts share
    the words of the last one, and "respectively" hands out the periods in order."""
    out = list(mentions)
    k = 0
    while k < len(out):
        j = k
        while (
            j + 1 < len(out)
            and out[j].change is None
            and _COORDINATED.fullmatch(text[out[j].token.end : out[j + 1].token.start])
        ):
            j += 1
        if j > k:
            last = out[j]
            tail = text[last.token.end : last.seg_end]
            periods = []
            if re.search(r"\brespectively\b", tail):
                periods = [
                    _period_text(t) for t in find_numbers(tail) if t.kind in ("year", "fiscal_year")
                ]
            for idx in range(k, j + 1):
                hint = periods[idx - k] if len(periods) == j - k + 1 else None
                out[idx] = replace(out[idx], segment=last.segment, period_hint=hint)
        k = j + 1
    return out


# -- step 3: key -------------------------------------------------------------------------------


def section_parts(section: str | None) -> tuple[str, ...]:
    """ "2 (1) i)" -> ("2", "1", "i"); tolerant of missing parentheses ("2 (1) i")."""
    if not section:
        return ()
    return tuple(re.findall(r"\d+|[a-z]+", section.lower()))


def rule_sets_for(section: str | None, profile: FiguresProfile) -> list[RuleSet]:
    parts = section_parts(section)

    def under(prefixes: tuple[str, ...]) -> bool:
        return any(parts[: len(section_parts(p))] == section_parts(p) for p in prefixes)

    if not parts:
        return list(profile.rule_sets)
    return [
        rs
        for rs in profile.rule_sets
        if (not rs.sections or under(rs.sections)) and not under(rs.skip_sections)
    ]


def key_of(
    mention: Mention,
    about_text: str,
    rule_sets: list[RuleSet],
    profile: FiguresProfile,
    population: str | None = None,
) -> tuple[str, str] | None:
    """(key, unit) of the first rule that holds for this mention, or None."""
    for rule_set in rule_sets:
        for rule in rule_set.rules:
            if rule.population is not None and rule.population != population:
                continue
            key = _apply(rule, mention, about_text, profile)
            if key is not None:
                return key, rule.unit
    return None


def _apply(rule: KeyRule, mention: Mention, about_text: str, profile: FiguresProfile) -> str | None:
    seg, clause = mention.segment, mention.clause
    if rule.near and not re.search(rule.near, seg, _FLAGS):
        return None
    if rule.clause and not re.search(rule.clause, clause, _FLAGS):
        return None
    if rule.about and not re.search(rule.about, about_text, _FLAGS):
        return None
    if rule.unless and (
        re.search(rule.unless, seg, _FLAGS) or re.search(rule.unless, clause, _FLAGS)
    ):
        return None
    if rule.slot is None:
        return rule.key
    for pattern, name in profile.vocabularies.get(rule.slot, ()):
        if re.search(pattern, seg, _FLAGS):
            return rule.key.format(**{rule.slot: name})
    return None


def population_of(sentence: str, profile: FiguresProfile) -> str | None:
    """The population a sentence names last ("the gender of the suspects" -> suspects; "...
    cases pertaining to victims ... were cleared and 39 persons were arrested" -> suspects):
    the subject a sentence ends on is the one the next sentence goes on about."""
    found = [
        (m.start(), name)
        for pattern, name in profile.populations
        for m in re.finditer(pattern, sentence, re.IGNORECASE)
    ]
    return max(found)[1] if found else None


def unkeyed_key(mention: Mention, profile: FiguresProfile) -> str:
    """ "unkeyed.<slug>" from the words around a count whose subject has no key."""
    words = re.findall(r"[a-z]+", mention.segment.replace(PLACEHOLDER, " ").lower())
    stop = {"the", "a", "an", "of", "in", "and", "were", "was", "with", "to", "for", "on",
            "by", "who", "which", "that", "these", "those", "than", "as", "at", "is", "are"}  # fmt: skip
    slug = "_".join([w for w in words if w not in stop][:5]) or "figure"
    return f"{profile.unkeyed_prefix}.{slug}"


# -- step 4: period ----------------------------------------------------------------------------


def _period_text(token: NumberToken) -> str:
    digits = re.sub(r"\D", "", token.text)[-4:]
    return ("FY" if token.kind == "fiscal_year" else "") + digits


_PERIOD_BEFORE = re.compile(
    r"\b(?:in|during|for)\s+(?:the\s+(?:year|period)\s+)?(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?:\d{1,2},\s+)?)?$",
    re.IGNORECASE,
)


def period_of(sentence: str, mention: Mention, data_year: int, profile: FiguresProfile) -> str:
    """The period a count is for: the year or fiscal year the sentence names for it ("In
    FY2016, 182 ...", "in 2015 five were ..."), else the data year. Only "in/during/for YEAR"
    names a period; "since 2005", "as of March 2020", "approved in May 2019" do not."""
    if mention.period_hint:
        return mention.period_hint
    masked = mention.masked or sentence
    candidates = []
    for t in mention.numbers:
        if t.kind not in ("year", "fiscal_year", "date"):
            continue
        year = re.search(r"(\d{4})$", t.text)
        if year is None or int(year.group(1)) > data_year:
            continue
        before = masked[max(0, t.start - 40) : t.start]
        if not _PERIOD_BEFORE.search(before) or re.search(
            profile.period_excluded_before, before, re.IGNORECASE
        ):
            continue
        prefix = "FY" if t.kind == "fiscal_year" else ""
        candidates.append((t.start, prefix + year.group(1)))
    if not candidates:
        return str(data_year)
    inside = [p for s, p in candidates if mention.seg_start <= s < mention.seg_end]
    if inside:
        return inside[0]
    before_tok = [p for s, p in candidates if s < mention.token.start]
    if before_tok:
        return before_tok[-1]
    return candidates[0][1]


# -- step 5: quote -----------------------------------------------------------------------------


def quote_of(sentence: str, mention: Mention, limit: int = 200) -> str:
    """The sentence, or the part of it around the count, as printed (so Ctrl-F finds it).

    A long sentence is cut to `limit` characters around the count's own words (its segment
    and stated change), widened evenly on both sides, at word boundaries."""
    s = sentence.strip()
    if len(s) <= limit:
        return s
    lo, hi = mention.seg_start, mention.seg_end
    if hi - lo > limit:
        lo = max(lo, mention.token.start - limit // 3)
        hi = min(hi, lo + limit)
    else:
        spare = limit - (hi - lo)
        grow_left = min(lo, spare // 2)
        grow_right = min(len(sentence) - hi, spare - grow_left)
        lo, hi = lo - grow_left, hi + grow_right
        lo = max(0, lo - (limit - (hi - lo)))
    while 0 < lo < mention.token.start and sentence[lo - 1].isalnum() and sentence[lo].isalnum():
        lo += 1
    while (
        mention.token.end < hi < len(sentence)
        and sentence[hi - 1].isalnum()
        and sentence[hi].isalnum()
    ):
        hi -= 1
    return sentence[lo:hi].strip(" ,;:")


# -- the pipeline ------------------------------------------------------------------------------


def figures_of_paragraph(
    paragraph: Paragraph,
    data_year: int,
    profile: FiguresProfile,
    reading: Reading | None = None,
    repeated_from: str | None = "",
) -> tuple[list[Figure], Reading]:
    """Keyed figures of one paragraph, and what the next paragraph may continue from.

    `reading` carries the last sentence of the previous paragraph of the same section (used
    only by a sentence that continues it, "Of these, ...") and the population the section
    last named. `repeated_from` overrides the paragraph's own mark (see `repeated_sources`);
    "" keeps it."""
    reading = reading or Reading()
    text, marked = strip_repeated_marker(paragraph, profile)
    repeated_from = marked if repeated_from == "" else repeated_from
    rule_sets = rule_sets_for(repeated_from or paragraph.section, profile)
    out: list[Figure] = []
    previous, previous_context, population = reading.previous, "", reading.population
    for k, (s, e) in enumerate(split_sentences(text, profile)):
        sentence = text[s:e]
        continues = _continues(sentence, profile)
        if k == 0 and not continues:
            ctx = ""
        else:
            ctx = previous + (" " + previous_context if _continues(previous, profile) else "")
        about_text = sentence + " \u2016 " + ctx
        population = population_of(sentence, profile) or population
        for mention in find_mentions(sentence, data_year, profile):
            keyed = key_of(mention, about_text, rule_sets, profile, population)
            if keyed is None and mention.change is None:
                continue
            key, unit = keyed if keyed else (unkeyed_key(mention, profile), "")
            out.append(_figure(paragraph, sentence, mention, key, unit, data_year, profile,
                               repeated_from))  # fmt: skip
        previous_context = ctx
        previous = sentence
    return out, Reading(previous, population)


def _continues(sentence: str, profile: FiguresProfile) -> bool:
    return bool(re.match(profile.anaphora, sentence.strip(), re.IGNORECASE))


def _figure(
    paragraph: Paragraph,
    sentence: str,
    mention: Mention,
    key: str,
    unit: str,
    data_year: int,
    profile: FiguresProfile,
    repeated_from: str | None,
) -> Figure:
    change = mention.change
    return Figure(
        key=key,
        value=float(mention.token.value) if mention.token.value is not None else 0.0,
        unit=("usd" if mention.token.currency == "USD" else "yen")
        if mention.token.kind == "money"
        else unit,
        period=period_of(sentence, mention, data_year, profile),
        page=paragraph.page,
        quote=quote_of(sentence, mention),
        stated_change=StatedChange(change.delta, change.reference_period, change.phrase)
        if change
        else None,
        printed_page=paragraph.printed_page,
        bbox=paragraph.bbox,
        section=paragraph.section,
        approximate=mention.token.approximate,
        preliminary=mention.token.preliminary,
        repeated_from=repeated_from,
    )


def strip_repeated_marker(paragraph: Paragraph, profile: FiguresProfile) -> tuple[str, str | None]:
    """The paragraph text with any "[Repeated from X]" blanked out (positions kept), and the
    section it repeats: the layout's `repeated_from`, else a marker inside the text."""
    repeated_from = paragraph.repeated_from
    text = paragraph.text
    for m in re.finditer(profile.repeated_marker, text, re.IGNORECASE):
        repeated_from = repeated_from or m.group(1)
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text, repeated_from


def merge_figures(found: list[Figure]) -> list[Figure]:
    """One Figure per key and period.

    Figures outside repeated passages come first, in reading order; a later one with the same
    key, period and value is a reference to it ("the 13 non-Japanese victims") and is
    dropped, one with another value is kept as an occurrence so the disagreement can be
    checked. A figure inside a "[Repeated from X]" passage becomes an occurrence of the
    original; with no original it stands as the Figure, `repeated_from` set.
    """
    by_key: dict[tuple[str, str], Figure] = {}
    order: list[tuple[str, str]] = []
    originals = [f for f in found if f.repeated_from is None]
    repeats = [f for f in found if f.repeated_from is not None]
    for fig in originals + repeats:
        kp = (fig.key, fig.period)
        first = by_key.get(kp)
        if first is None:
            by_key[kp] = replace(fig, occurrences=list(fig.occurrences))
            order.append(kp)
            continue
        if fig.repeated_from is None and fig.value == first.value:
            if first.stated_change is None and fig.stated_change is not None:
                first.stated_change = fig.stated_change
            continue
        first.occurrences.append(
            Occurrence(
                value=fig.value,
                page=fig.page,
                quote=fig.quote,
                section=fig.section,
                repeated_from=fig.repeated_from,
                printed_page=fig.printed_page,
                bbox=fig.bbox,
            )
        )
    return [by_key[kp] for kp in order]


def repeated_sources(
    paragraphs: list[Paragraph], profile: FiguresProfile, share: float = 0.6
) -> list[str | None]:
    """For each paragraph, the section it repeats, or None.

    A paragraph counts as repeated when the layout (or a marker in its text) says so and its
    words are mostly found in the section it names: a passage marker stands after the
    passage, and a layout that takes one paragraph too many into it must not turn that
    paragraph's own figures into occurrences of another section's."""
    marked = [strip_repeated_marker(p, profile)[1] for p in paragraphs]
    words_of: dict[tuple[str, ...], set[str]] = {}
    for p, ref in zip(paragraphs, marked, strict=True):
        if ref is None:
            words_of.setdefault(section_parts(p.section), set()).update(_words(p.text))
    out: list[str | None] = []
    sources: dict[tuple[str, ...], set[str]] = {}
    for p, ref in zip(paragraphs, marked, strict=True):
        if ref is None:
            out.append(None)
            continue
        want = section_parts(ref)
        if want not in sources:
            sources[want] = set().union(
                *(w for parts, w in words_of.items() if parts[: len(want)] == want)
            )
        source = sources[want]
        own = _words(strip_repeated_marker(p, profile)[0])
        confirmed = not source or not own or len(own & source) / len(own) >= share
        out.append(ref if confirmed else None)
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower()))


def extract_figures(paragraphs: list[Paragraph], data_year: int, profile) -> list[Figure]:
    """Keyed figures of a report's body paragraphs (see the module docstring).

    `profile` is a `Profile` (its `figures` part is used) or a `FiguresProfile`."""
    vocab: FiguresProfile = getattr(profile, "figures", None) or profile
    found: list[Figure] = []
    reading, section = Reading(), None
    for paragraph, source in zip(paragraphs, repeated_sources(paragraphs, vocab), strict=True):
        if paragraph.section != section:
            reading, section = Reading(), paragraph.section
        figures, reading = figures_of_paragraph(paragraph, data_year, vocab, reading, source)
        found.extend(figures)
    return merge_figures(found)


__all__ = [
    "FiguresProfile",
    "KeyRule",
    "Mention",
    "Reading",
    "RuleSet",
    "extract_figures",
    "figures_of_paragraph",
    "find_mentions",
    "key_of",
    "merge_figures",
    "period_of",
    "population_of",
    "quote_of",
    "repeated_sources",
    "rule_sets_for",
    "section_parts",
    "split_sentences",
    "strip_repeated_marker",
    "unkeyed_key",
]
