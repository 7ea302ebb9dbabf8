"""Body paragraphs -> keyed figures with their stated changes.

A pipeline of small pure functions, each turning one thing into the next:

    paragraph --split_sentences--> sentences
    sentence  --find_mentions-->    mentions (a count, the words around it, its stated change)
    mention   --key_of-->           key and unit (by the profile's rules and vocabularies)
    mention   --period_of-->        period ("2019", "FY2017", "2014")
    mentions  --merge_figures-->    one Figure per key and period; restatements in
                                    "[Repeated from X]" passages become its occurrences

Between sentences a `Reading` carries what a reader remembers: the previous sentence (for
"Of these, ...") and who the section is counting (the profile's populations), so "With regard to
gender, 45 were female" keys without naming who. `repeated_sources` confirms the layout's
repeated-passage marks against the words of the section they name.

Why rules over words and not positions: the same sentence shapes recur every year with other
numbers and small rewordings ("26 were female (19 less than in 2017) and one was male"), and
the tool must read PDFs from other producers. All series-specific words (topics, subjects,
key names) live in the profile (`Profile.figures`); this module only knows English
sentence structure: clauses, anaphora ("Of these, ..."), "respectively", stated changes.

A stated change is never dropped: if its subject cannot be keyed, it is returned under
`unkeyed.<slug>` so the checks can report it.

Steps 1 and 2 (sentences, mentions) are in `figures_mentions`; merging and repeated passages
in `figures_merge`; this module holds the profile's part, keys, periods, quotes and the
pipeline that runs them.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from annualcheck.compiled_patterns import compiled
from annualcheck.extract.figures.mentions import (
    PLACEHOLDER,
    Mention,
    find_mentions,
    split_sentences,
)
from annualcheck.extract.figures.merge import (
    merge_figures,
    repeated_sources,
    section_parts,
    strip_repeated_marker,
)
from annualcheck.model.record import Figure, Paragraph, StatedChange
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.base import PATTERN_FLAGS
from annualcheck.profiles.spec.extract import FiguresProfile, KeyRule, RuleSet
from annualcheck.prose.comparisons import ChangeToken, compile_grammar
from annualcheck.prose.gates import GatedPattern, gated
from annualcheck.prose.quotes import mark_cut

# -- data passed between the steps -------------------------------------------------------------

_FLAGS = PATTERN_FLAGS  # the flags the profile check compiled the patterns with


@functools.lru_cache(maxsize=2048)
def _pattern(source: str) -> re.Pattern[str]:
    """A profile pattern compiled with the profile's flags (the one the profile's check
    compiled), looked up once a process. The stage searches ~10,000 times a report; through
    `re.search` each call looked the pattern up in re's own cache (with its checks of the
    flags), which cost as much as searching a short segment."""
    return compiled(source, _FLAGS)


@functools.lru_cache(maxsize=512)
def _gated_pattern(source: str) -> GatedPattern:
    """A profile pattern searched in whole paragraphs and sentences (topics, `about`), gated
    by the words its matches need (prose/gates.py): most such searches find nothing, and a
    substring test tells most of them so. The short segments and clauses are searched
    ungated: there the search costs little more than the test, and reading each pattern's
    words costs a parse of it."""
    return gated(source, _FLAGS)


@dataclass(frozen=True)
class Reading:
    """What a reader carries from one paragraph to the next within a section: the last
    sentence (for "Of these, ...") and who the section was last counting."""

    previous: str = ""
    population: str | None = None


# -- step 3: key -------------------------------------------------------------------------------


def topic_sections(
    paragraphs: list[Paragraph], profile: FiguresProfile
) -> dict[str, frozenset[str]]:
    """Rule-set name -> the sections that have its topic (see `RuleSet`). Repeated passages
    do not count: a section is about what it says first-hand."""
    out: dict[str, frozenset[str]] = {}
    for rs in profile.rule_sets:
        if not rs.topic:
            continue
        hits: dict[str, set[int]] = {}
        skipped: set[str] = set()
        for p in paragraphs:
            if p.repeated_from or not p.section:
                continue
            if rs.skip_topic and _gated_pattern(rs.skip_topic).search(p.text):
                skipped.add(p.section)
            found = hits.setdefault(p.section, set())
            found.update(k for k, pat in enumerate(rs.topic) if _gated_pattern(pat).search(p.text))
        chosen = {sec for sec, h in hits.items() if len(h) >= rs.topic_min} - skipped
        if chosen:
            out[rs.name] = frozenset(chosen)
    return out


def rule_sets_for(
    section: str | None,
    profile: FiguresProfile,
    topics: dict[str, frozenset[str]] | None = None,
) -> list[RuleSet]:
    """The rule sets that apply in `section`: by topic where the document has it (`topics`,
    from `topic_sections`), else by section number."""
    parts = section_parts(section)
    topics = topics or {}

    def under(prefixes: tuple[str, ...]) -> bool:
        return any(parts[: len(section_parts(p))] == section_parts(p) for p in prefixes)

    def in_topic(name: str) -> bool:
        return any(section_parts(s) == parts for s in topics.get(name, ()))

    if not parts:
        return list(profile.rule_sets)
    out = []
    for rs in profile.rule_sets:
        if rs.topic and rs.name in topics:
            applies = in_topic(rs.name)
        else:
            applies = not rs.sections or under(rs.sections)
        resolved = [name for name in rs.outside if name in topics]
        if resolved:
            applies = applies and not any(in_topic(name) for name in resolved)
        else:
            applies = applies and not under(rs.skip_sections)
        if applies:
            out.append(rs)
    return out


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


@functools.lru_cache(maxsize=4096)
def _holds(pattern: str, text: str) -> bool:
    """Whether `pattern` occurs in a sentence's text. Asked once per sentence and rule, not
    once per count of the sentence: a sentence listing 4,000 counts made the per-count search
    quadratic (69 s). str caches its hash, so a hit costs no rescan of the text."""
    return _gated_pattern(pattern).search(text) is not None


def _apply(rule: KeyRule, mention: Mention, about_text: str, profile: FiguresProfile) -> str | None:
    seg, clause = mention.segment, mention.clause
    if rule.near and not _pattern(rule.near).search(seg):
        return None
    if rule.clause and not _pattern(rule.clause).search(clause):
        return None
    if rule.about and not _holds(rule.about, about_text):
        return None
    if rule.unless and (_pattern(rule.unless).search(seg) or _pattern(rule.unless).search(clause)):
        return None
    if rule.slot is None:
        return rule.key
    for pattern, name in profile.vocabularies.get(rule.slot, ()):
        if _pattern(pattern).search(seg):
            return rule.key.format(**{rule.slot: name})
    return None


def population_of(sentence: str, profile: FiguresProfile) -> str | None:
    """The population a sentence names last, by the profile's (pattern, name) pairs ("the
    gender of the members" -> members; "... cases pertaining to the vessels ... and 39
    members were fined" -> members): the subject a sentence ends on is the one the next
    sentence goes on about."""
    found = [
        (m.start(), name)
        for pattern, name in _compiled_populations(profile.populations)
        for m in pattern.finditer(sentence)
    ]
    return max(found)[1] if found else None


@functools.lru_cache(maxsize=8)
def _compiled_populations(
    populations: tuple[tuple[str, str], ...],
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The profile's population patterns compiled once (this runs for every sentence)."""
    return tuple((compiled(pattern, re.IGNORECASE), name) for pattern, name in populations)


def unkeyed_key(mention: Mention, profile: FiguresProfile) -> str:
    """ "unkeyed.<slug>" from the words around a count whose subject has no key."""
    words = re.findall(r"[a-z]+", mention.segment.replace(PLACEHOLDER, " ").lower())
    stop = {"the", "a", "an", "of", "in", "and", "were", "was", "with", "to", "for", "on",
            "by", "who", "which", "that", "these", "those", "than", "as", "at", "is", "are"}  # fmt: skip
    slug = "_".join([w for w in words if w not in stop][:5]) or "figure"
    return f"{profile.unkeyed_prefix}.{slug}"


# -- step 4: period ----------------------------------------------------------------------------


_PERIOD_BEFORE = compiled(
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
    candidates = _period_candidates(mention.masked or sentence, mention.numbers, data_year, profile)
    if not candidates:
        return str(data_year)
    starts = [s for s, _ in candidates]
    first_inside = bisect.bisect_left(starts, mention.seg_start)
    if first_inside < len(starts) and starts[first_inside] < mention.seg_end:
        return candidates[first_inside][1]
    last_before = bisect.bisect_left(starts, mention.token.start) - 1
    if last_before >= 0:
        return candidates[last_before][1]
    return candidates[0][1]


#: The last sentence's period candidates: every count of a sentence asks for the same list,
#: so it is computed once per sentence (per count, a sentence of 4,000 counts was quadratic).
_LAST_CANDIDATES: list = [None, None, None]


def _period_candidates(
    masked: str, numbers: tuple, data_year: int, profile: FiguresProfile
) -> list[tuple[int, str]]:
    """(position, period) of every year the sentence names as a period, in order."""
    key = (masked, data_year, profile.period_excluded_before)
    if _LAST_CANDIDATES[0] is numbers and _LAST_CANDIDATES[1] == key:
        return _LAST_CANDIDATES[2]
    candidates = []
    for t in numbers:
        if t.kind not in ("year", "fiscal_year", "date"):
            continue
        year = compiled(r"(\d{4})$").search(t.text)
        if year is None or int(year.group(1)) > data_year:
            continue
        before = masked[max(0, t.start - 40) : t.start]
        excluded = compiled(profile.period_excluded_before, re.IGNORECASE)
        if not _PERIOD_BEFORE.search(before) or excluded.search(before):
            continue
        prefix = "FY" if t.kind == "fiscal_year" else ""
        candidates.append((t.start, prefix + year.group(1)))
    candidates.sort(key=lambda c: c[0])
    _LAST_CANDIDATES[:] = [numbers, key, candidates]
    return candidates


# -- step 5: quote -----------------------------------------------------------------------------


def quote_of(sentence: str, mention: Mention, limit: int = 200) -> str:
    """The sentence, or the part of it around the count, as printed (so Ctrl-F finds it once
    the marks of its cuts are stripped).

    A long sentence is cut to `limit` characters around the count's own words (its segment
    and stated change), widened evenly on both sides, at word boundaries; where words of the
    sentence stand before or after the part, "… " or " …" says so (`prose.quotes.mark_cut`),
    so a reader quoting it on knows it is not the whole sentence."""
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
    return mark_cut(sentence[lo:hi].strip(" ,;:"), sentence[:lo], sentence[hi:])


# -- the pipeline ------------------------------------------------------------------------------


def figures_of_paragraph(
    paragraph: Paragraph,
    data_year: int,
    profile: FiguresProfile,
    reading: Reading | None = None,
    repeated_from: str | None = "",
    topics: dict[str, frozenset[str]] | None = None,
) -> tuple[list[Figure], Reading]:
    """Keyed figures of one paragraph, and what the next paragraph may continue from.

    `reading` carries the last sentence of the previous paragraph of the same section (used
    only by a sentence that continues it, "Of these, ...") and the population the section
    last named. `repeated_from` overrides the paragraph's own mark (see `repeated_sources`);
    "" keeps it. `topics` are the sections found by topic (`topic_sections`)."""
    reading = reading or Reading()
    text, marked = strip_repeated_marker(paragraph, profile)
    repeated_from = marked if repeated_from == "" else repeated_from
    rule_sets = rule_sets_for(repeated_from or paragraph.section, profile, topics)
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
    return bool(compiled(profile.anaphora, re.IGNORECASE).match(sentence.strip()))


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
        stated_change=stated_change_of(change) if change else None,
        printed_page=paragraph.printed_page,
        bbox=paragraph.bbox,
        section=paragraph.section,
        approximate=mention.token.approximate,
        preliminary=mention.token.preliminary,
        repeated_from=repeated_from,
        bound=mention.token.bound,
    )


def stated_change_of(change: ChangeToken) -> StatedChange:
    """The record's form of a comparison the grammar read."""
    return StatedChange(
        delta=change.delta,
        reference_period=change.reference_period,
        phrase=change.phrase,
        kind=change.kind,
        prior_value=change.prior_value,
        relative=change.relative,
        relative_decimals=change.decimals,
        bound=change.bound,
        derived=change.derived,
    )


@dataclass(frozen=True)
class FiguresPlan:
    """What reading any one section's figures needs from the whole report: the sections
    found by topic (`topic_sections`), each paragraph's confirmed repeated-passage source
    (`repeated_sources`), and where the sections start. With it the sections can be read in
    any order, or in two processes at once (extract/pipeline.py), and give the figures of
    reading them in turn: a section starts from a fresh `Reading`."""

    topics: dict[str, frozenset[str]]
    sources: list[str | None]
    starts: list[int]  # index of each section's first paragraph, and len(paragraphs) last


def prepare_figures(profile: Profile) -> None:
    """Compile what reading figures needs of the profile (the comparison grammar for its
    counted nouns) before the first paragraph: for a process with time to spare."""
    compile_grammar(profile.figures.counted_nouns)


def section_starts(paragraphs: list[Paragraph]) -> list[int]:
    """Where each section's paragraphs start (a paragraph whose section is not the one
    before's), and len(paragraphs) last: section k is paragraphs[starts[k]:starts[k + 1]]."""
    starts = [
        i for i, p in enumerate(paragraphs) if i == 0 or p.section != paragraphs[i - 1].section
    ]
    return [*starts, len(paragraphs)]


def plan_figures(paragraphs: list[Paragraph], *, profile: Profile) -> FiguresPlan:
    """The plan of a report's body paragraphs, by the profile's `figures` part."""
    vocab: FiguresProfile = profile.figures
    return FiguresPlan(
        topics=topic_sections(paragraphs, vocab),
        sources=repeated_sources(paragraphs, vocab),
        starts=section_starts(paragraphs),
    )


def figures_of_section(
    paragraphs: list[Paragraph], number: int, data_year: int, *, profile: Profile, plan: FiguresPlan
) -> list[Figure]:
    """The figures (not yet merged) of the plan's section `number` (its place in the report),
    paragraph by paragraph, each continuing the `Reading` of the one before."""
    vocab: FiguresProfile = profile.figures
    found: list[Figure] = []
    reading = Reading()
    for index in range(plan.starts[number], plan.starts[number + 1]):
        figures, reading = figures_of_paragraph(
            paragraphs[index], data_year, vocab, reading, plan.sources[index], topics=plan.topics
        )
        found.extend(figures)
    return found


def extract_figures(
    paragraphs: list[Paragraph], data_year: int, *, profile: Profile
) -> list[Figure]:
    """Keyed figures of a report's body paragraphs (see the module docstring), by the
    profile's `figures` part: each section's figures in turn, merged."""
    plan = plan_figures(paragraphs, profile=profile)
    found: list[Figure] = []
    for number in range(len(plan.starts) - 1):
        found.extend(figures_of_section(paragraphs, number, data_year, profile=profile, plan=plan))
    return merge_figures(found)


__all__ = [
    "FiguresPlan",
    "Reading",
    "extract_figures",
    "figures_of_paragraph",
    "figures_of_section",
    "key_of",
    "period_of",
    "plan_figures",
    "population_of",
    "prepare_figures",
    "quote_of",
    "rule_sets_for",
    "section_starts",
    "topic_sections",
    "unkeyed_key",
]
