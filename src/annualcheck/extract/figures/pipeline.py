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

Steps 1 and 2 (sentences, mentions) are in `figures_mentions`; merging and repeated passages
in `figures_merge`; this module holds the profile's part, keys, periods, quotes and the
pipeline that runs them.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

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

_FLAGS = re.IGNORECASE | re.DOTALL


@dataclass(frozen=True)
class Reading:
    """What a reader carries from one paragraph to the next within a section: the last
    sentence (for "Of these, ...") and who the section was last counting."""

    previous: str = ""
    population: str | None = None


# -- step 3: key -------------------------------------------------------------------------------


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


@functools.lru_cache(maxsize=4096)
def _holds(pattern: str, text: str) -> bool:
    """Whether `pattern` occurs in a sentence's text. Asked once per sentence and rule, not
    once per count of the sentence: a sentence listing 4,000 counts made the per-count search
    quadratic (69 s). str caches its hash, so a hit costs no rescan of the text."""
    return re.search(pattern, text, _FLAGS) is not None


def _apply(rule: KeyRule, mention: Mention, about_text: str, profile: FiguresProfile) -> str | None:
    seg, clause = mention.segment, mention.clause
    if rule.near and not re.search(rule.near, seg, _FLAGS):
        return None
    if rule.clause and not re.search(rule.clause, clause, _FLAGS):
        return None
    if rule.about and not _holds(rule.about, about_text):
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
    candidates.sort(key=lambda c: c[0])
    _LAST_CANDIDATES[:] = [numbers, key, candidates]
    return candidates


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
    "Reading",
    "RuleSet",
    "extract_figures",
    "figures_of_paragraph",
    "key_of",
    "period_of",
    "population_of",
    "quote_of",
    "rule_sets_for",
    "unkeyed_key",
]
