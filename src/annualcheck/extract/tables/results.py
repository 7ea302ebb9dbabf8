"""Pure parsers for the cells of a trial table: a result cell to a status and sentence, an
offense cell to its list of charges.

Why separate from the PDF reading: these are where the meaning of a row is decided, and they
must be testable on every real cell without rendering anything. All words come from the
profile's tables part (`Profile.tables`): the public parsers take the whole profile, the
`*_of` forms the part (what the table reader holds while it reads).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from annualcheck.compiled_patterns import compiled
from annualcheck.model.record import TrialSentence
from annualcheck.model.safety import bounded_int, plausible_number
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.extract import TablesProfile


def normalize_space(text: str) -> str:
    """One space between words, none at the ends (cells carry line breaks from the layout)."""
    return re.sub(r"\s+", " ", text or "").strip()


def _alternation(phrases: tuple[str, ...]) -> str:
    """Longest first, so "imprisonment with work" wins over "imprisonment". No phrases (a
    series without, say, probation) is a pattern that never matches, not the empty one."""
    if not phrases:
        return r"(?!)"
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )


def _number(token: str, part: Any) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return bounded_int(token)
    return part.number_words.get(token)


def _number_pattern(part: Any) -> str:
    # a digit run is entered at its first digit and read possessively: searched from every
    # digit of an 8,000-digit cell, `\d[\d,]*` was quadratic (6.8 s)
    digits = r"(?<![\d,])\d[\d,]*+"
    words = "|".join(sorted(part.number_words, key=len, reverse=True))
    return rf"({digits}|{words})" if words else rf"({digits})"


def parse_sentence(text: str, *, profile: Profile) -> TrialSentence | None:
    """The prison term, suspension, probation and fine a result states; None if it states none."""
    return sentence_of(text, profile.tables)


def sentence_of(text: str, part: TablesProfile) -> TrialSentence | None:
    """`parse_sentence` by the tables part."""
    t = normalize_space(text)
    num = _number_pattern(part)
    years = _alternation(part.year_words)
    months = _alternation(part.month_words)
    sentence = TrialSentence()
    found = False

    prison = compiled(
        rf"(?:\b{num}\s+(?:{years})\b)?\s*(?:\b{num}\s+(?:{months})\b)?\s*(?:of\s+)?"
        rf"(?:{_alternation(part.prison_words)})",
        re.IGNORECASE,
    ).search(t)
    if prison and (prison.group(1) or prison.group(2)):
        y = _number(prison.group(1), part) if prison.group(1) else 0
        m = _number(prison.group(2), part) if prison.group(2) else 0
        sentence.prison_months = (y or 0) * 12 + (m or 0)
        found = True

    for pattern in part.suspension_patterns:
        susp = compiled(pattern.format(n=num) + rf"\s+(?:{years})\b", re.IGNORECASE).search(t)
        if susp:
            sentence.suspended_years = _number(susp.group(1), part)
            found = True
            break

    if compiled(rf"\b(?:{_alternation(part.probation_words)})\b", re.IGNORECASE).search(t):
        sentence.probation = True

    fine = compiled(
        rf"((?<![\d,.;:])\d[\d,]*+(?:\.\d++)?)[\s-]*+(million|thousand)?[\s-]*+"
        rf"(?:{_alternation(part.fine_words)})",
        re.IGNORECASE,
    ).search(t)
    amount = plausible_number(float(fine.group(1).replace(",", ""))) if fine else None
    if fine and amount is not None:  # a fine of 8,000 digits is no fine
        scale = {"million": 1_000_000, "thousand": 1_000}.get((fine.group(2) or "").lower(), 1)
        sentence.fine_yen = int(round(amount * scale))
        found = True

    return sentence if found else None


def parse_result(text: str, *, profile: Profile) -> tuple[str, TrialSentence | None]:
    """(status, sentence) of a result cell; see `result_of`."""
    return result_of(text, profile.tables)


def result_of(text: str, part: TablesProfile) -> tuple[str, TrialSentence | None]:
    """A "Results of trial" cell to (status, sentence).

    Pending and acquitted are recognised by their phrases; a cell that states a prison term or
    a fine is a conviction; anything else is "other" so that a checker can count it and say so
    instead of guessing.
    """
    t = normalize_space(text)
    if not t:
        return "other", None
    lowered = t.lower()
    if re.fullmatch(rf"(?:{_alternation(part.acquitted_phrases)})\.?", lowered):
        return "acquitted", None
    if re.fullmatch(rf"(?:{_alternation(part.pending_phrases)})\.?", lowered):
        return "pending", None
    sentence = sentence_of(t, part)
    if sentence is not None:
        return "convicted", sentence
    if re.search(rf"\b(?:{_alternation(part.acquitted_phrases)})\b", lowered):
        return "acquitted", None
    if re.search(rf"\b(?:{_alternation(part.pending_phrases)})\b", lowered):
        return "pending", None
    return "other", None


# --------------------------------------------------------------------------- charges


def _protect_acts(text: str, part: Any) -> tuple[str, list[str]]:
    """Replace each known Act name by a placeholder so its commas and "and"s are not split on."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(normalize_space(match.group(0)))
        return f"\x00{len(kept) - 1}\x00"

    for name in sorted(part.act_names, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(w) for w in name.split())
        text = compiled(pattern, re.IGNORECASE).sub(keep, text)
    return text, kept


def without_specks_in_acts(text: str, part: Any) -> str:
    """OCR'd text: the profile's Act names with the specks OCR put after their words taken
    out ("Relating to Child. Prostitution and Child Pornography" -> "... Child Prostitution
    ..."): a stop inside a known name ends no sentence. Only the specks go; the text's own
    words and case stay."""
    for pattern in _speckled_acts(tuple(part.act_names)):
        text = pattern.sub(lambda m: _SPECK_RE.sub("", m.group(0)), text)
    return text


#: A stop, colon or semicolon right after a word, before a space: where OCR puts specks.
_SPECK_RE = compiled(r"(?<=\w)[.:;](?=\s)")


@functools.lru_cache(maxsize=8)
def _speckled_acts(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each Act name as a pattern that allows a speck after any of its words."""
    return tuple(
        compiled(r"[.:;]?\s+".join(re.escape(w) for w in name.split()), re.IGNORECASE)
        for name in sorted(names, key=len, reverse=True)
    )


def _restore_acts(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _lower_first(charge: str) -> str:
    """Lower-case the first letter of a common noun ("Extortion attempt" -> "extortion attempt")
    but keep a proper name ("Anti-Prostitution Act violation", an Act at the start)."""
    words = charge.split(" ")
    first = words[0]
    if not first[:1].isupper() or first.startswith("\x00"):
        return charge
    if len(first) > 1 and not first[1:].replace("-", "").islower():
        return charge  # an acronym or a hyphenated name such as "Anti-Prostitution"
    if len(words) > 1 and words[1][:1].isupper():
        return charge  # a proper noun phrase ("Chiba Prefectural Ordinance ...")
    return first[:1].lower() + charge[1:]


def split_charges(offense: str, *, profile: Profile) -> list[str]:
    """The charges of an offense cell; see `charges_of`."""
    return charges_of(offense, profile.tables)


def charges_of(offense: str, part: TablesProfile) -> list[str]:
    """An offense cell to its charges, in order.

    Charges are separated by commas or semicolons (", and" before the last); a bare "and" separates charges
    only when the next words start a charge ("and violation of ..."), because a single charge
    may itself contain "and" ("False recording and use of ..."). Act names that contain commas
    or "and" are one unit; "etc." stays with what it qualifies.
    """
    text, kept = _protect_acts(normalize_space(offense), part)
    pieces = re.split(r"[,;]\s*(?:and\s+)?", text)
    if part.charge_starts:
        starts = _alternation(part.charge_starts)
        pieces = [p for piece in pieces for p in re.split(rf"\s+and\s+(?=(?:{starts})\b)", piece)]
    charges: list[str] = []
    for piece in pieces:
        piece = piece.strip(" .;") if piece.strip().lower() != "etc." else piece.strip()
        if not piece:
            continue
        if piece.lower() == "etc." and charges:
            charges[-1] = f"{charges[-1]}, etc."
            continue
        charges.append(_restore_acts(_lower_first(piece), kept))
    return charges


__all__ = [
    "without_specks_in_acts",
    "normalize_space",
    "parse_result",
    "parse_sentence",
    "split_charges",
    "result_of",
    "charges_of",
    "sentence_of",
]
