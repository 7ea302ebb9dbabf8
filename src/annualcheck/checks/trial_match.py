"""When two rows of trial tables of two reports are the same person: the one matcher of the tool.

Why one module: the `carryover` rule, the person histories of `annualcheck trials` and the
change report's carried-over section all ask whether a row of a report's carry-over table is
a person the previous report left pending. The tables carry no names, courts or dates, only
the offense as printed and the result, so the offense is all there is to go on; if each stage
measured it its own way (they did: two measures, thresholds 0.5 and 0.75), `diff` could call
"still pending" a person `check` reports as not carried over. Here is the measure, the
threshold and the pairing, and every stage takes them from here.

Why in `checks/`: the rule is the first of the three stages in the pipeline, and a module may
import only from its own stage and the ones above it; `trials/` and `diff/` stand below it.

The measure: each offense folded to its words (case, punctuation, hyphens and quotation marks away)
without the profile's filler words (`ChecksSpec.offense_filler`: the boilerplate of a charge,
"violation of the ... Act", which would make any two offenses look alike, so that
"Employment Security Act violation" is "violation of the Employment Security Act"), then the
better of two character ratios: the charges in printed order, and the charges sorted (a list
of charges printed in another order is the same list). The result never depends on which
row comes first, and a row matches itself at 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from annualcheck.checks._assign import max_assignment

#: Least offense similarity for two rows to be one person. Why 0.75: in the three reports of
#: the first series every person carried over scores 1.0 against their own row, and at most
#: 0.68 against any other row of the same carry-over table ("Extortion, extortion attempt,
#: violation of the Employment Security Act" against "Extortion attempt, violation of the
#: Anti-Prostitution Act"); a list of charges reordered and one of them reworded ("accessory
#: to extortion attempt" for "accessory to attempted extortion") scores 0.82. Below it the
#: `carryover` rule reports the pair as not the person left pending, and neither the
#: histories nor the change report follow a person through it.
MATCH_THRESHOLD = 0.75

#: Nearly nothing: among rows of equal offenses, the pairing that keeps positions closest
#: wins, so identical offenses never look reordered (it never outweighs a real difference).
ORDER_BONUS = 1e-4


def offense_words(offense: str, filler: Sequence[str] = ()) -> list[str]:
    """The distinctive words of an offense, in printed order: folded, the filler words away;
    all its words when nothing but filler is left (so such an offense still compares)."""
    words = re.sub(r"[^\w\s]|_", " ", offense.lower()).split()
    drop = set(filler)
    return [w for w in words if w not in drop] or words


def offense_charges(offense: str, filler: Sequence[str] = ()) -> list[str]:
    """The charges of an offense (the parts of its list, at commas), each as its distinctive
    words in printed order; a part of filler words only (", etc.") is no charge. An offense
    of filler words only keeps them all, charge by charge (so their order still does not
    count)."""
    drop = set(filler)
    parts = [offense_words(part) for part in offense.split(",")]
    out = [" ".join(w for w in words if w not in drop) for words in parts]
    out = [charge for charge in out if charge]
    return out or [" ".join(words) for words in parts if words] or [""]


def _ratio(x: str, y: str) -> float:
    """difflib's ratio, the two in a fixed order: its matching blocks depend on which comes
    first, and a similarity must not."""
    if x == y:
        return 1.0
    x, y = sorted((x, y))
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def _unordered(charges: list[str]) -> str:
    """The charges with their order and the order of their words taken away."""
    return " | ".join(sorted(charges))


def offense_similarity(a: str, b: str, filler: Sequence[str] = ()) -> float:
    """How alike two offenses are, 0..1: symmetric, 1 for two offenses of the same words."""
    return _similarity(offense_charges(a, filler), offense_charges(b, filler), _ratio)


def _similarity(ca: list[str], cb: list[str], ratio: Callable[[str, str], float]) -> float:
    """`offense_similarity` of two offenses' charges, by `ratio` (`_ratio`, or a memo of it)."""
    printed = ratio(" ".join(ca), " ".join(cb))
    return max(printed, ratio(_unordered(ca), _unordered(cb)))


def _memo_ratio() -> Callable[[str, str], float]:
    """`_ratio` remembering its answers, for one table against another: a table's offenses
    recur (the same charge in several rows; a single charge is its own unordered form), and
    of a carry-over table's ratios more than half are asked again."""
    known: dict[tuple[str, str], float] = {}

    def ratio(x: str, y: str) -> float:
        key = (x, y) if x <= y else (y, x)
        if key not in known:
            known[key] = _ratio(*key)
        return known[key]

    return ratio


@dataclass(frozen=True)
class RowMatch:
    """The persons of one report (`old`) paired with the rows of the next (`new`).

    `assignment` pairs every old row with a new row (or every new row, whichever are fewer)
    so that the total similarity is the greatest; `sims[i][j]` is old row i against new
    row j. A pair is the same person only at `MATCH_THRESHOLD` or above (`same`): the rule
    reports the others, and nothing else follows a person through them."""

    assignment: dict[int, int]
    sims: list[list[float]]

    def same(self, i: int) -> int | None:
        """The new row that is old row i's person, or None."""
        j = self.assignment.get(i)
        return j if j is not None and self.sims[i][j] >= MATCH_THRESHOLD else None

    def pairs(self) -> dict[int, int]:
        """Old row -> new row, for the pairs that are the same person."""
        return {i: j for i in sorted(self.assignment) if (j := self.same(i)) is not None}


def match_offenses(old: Sequence[str], new: Sequence[str], filler: Sequence[str] = ()) -> RowMatch:
    """Old offenses paired one to one with new ones, maximising the total similarity; among
    equal offenses the pairing that keeps positions closest (`ORDER_BONUS`)."""
    if not old or not new:
        return RowMatch({}, [[0.0] * len(new) for _ in old])
    scale = max(len(old), len(new))
    old_charges = [offense_charges(a, filler) for a in old]
    new_charges = [offense_charges(b, filler) for b in new]
    ratio = _memo_ratio()
    sims = [[_similarity(ca, cb, ratio) for cb in new_charges] for ca in old_charges]
    weight = [[s + ORDER_BONUS * (1 - abs(i - j) / scale) for j, s in enumerate(row)]
              for i, row in enumerate(sims)]  # fmt: skip
    return RowMatch(max_assignment(weight), sims)
