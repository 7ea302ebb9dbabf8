"""The variant corpus: every rewording of a section-2 sentence of the real 2020 text reads to
the key, value, period and change written down by reading it (testdata/rewordings.py).

Fast: the paragraphs of section 2 (1) come from reports/src/2020.md (no PDF), one sentence
is replaced, and the figure extractor runs on the section as it runs on a whole report.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from annualcheck.checks.stated_change import check_stated_changes
from annualcheck.extract.figures.pipeline import extract_figures
from annualcheck.model.record import Figure, Paragraph
from annualcheck.profiles import get_profile
from helpers.check_builders import record
from helpers.paths import EXPECTED
from helpers.rewordings import reading_of
from testdata.rewordings import REWORDINGS

PROFILE = get_profile("jp-tip")
SOURCE = Path(__file__).resolve().parents[1] / "reports" / "src" / "2020.md"
LABELS = {"### i)": "2 (1) i)", "### ii)": "2 (1) ii)"}


def section2_paragraphs(text: str) -> list[Paragraph]:
    """The body paragraphs of 2 (1) i) and ii) of a report source, bullets and figure
    captions taken off as the layout takes them off."""
    out, section = [], None
    for line in text.splitlines():
        if line.startswith("#"):
            section = next((v for k, v in LABELS.items() if line.startswith(k)), None)
            continue
        line = line.strip()
        if section is None or not line or line.startswith(("[Figure", "[Table", "|")):
            continue
        line = re.sub(r"^(?:[-○]\s+)", "", line)
        out.append(Paragraph(text=line, page=1, section=section))
    return out


ORIGINAL = section2_paragraphs(SOURCE.read_text(encoding="utf-8"))


def reword(paragraphs: list[Paragraph], original: str, reworded: str) -> list[Paragraph]:
    hits = [p for p in paragraphs if original in p.text]
    assert len(hits) == 1, f"original not found once: {original!r}"
    return [  # the section alone: the extractor reads each section afresh
        Paragraph(p.text.replace(original, reworded), p.page, section=p.section)
        if p is hits[0]
        else p
        for p in paragraphs
        if p.section == hits[0].section
    ]


def figures_of(entry: dict) -> list:
    return list(_figures(entry["original"], entry["reworded"]))


@functools.cache
def _figures(original: str, reworded: str) -> tuple:
    """Read once per rewording (two tests read each)."""
    return tuple(extract_figures(reword(ORIGINAL, original, reworded), 2019, profile=PROFILE))


def misread(entry: dict) -> list[str]:
    """What the extractor got wrong on one rewording ([] when every expectation holds)."""
    figures = figures_of(entry)
    wrong = []
    for key, value, period, change in entry["expect"]:
        found = [f for f in figures if f.key == key]
        if not found:
            wrong.append(f"{key}: not found")
            continue
        fig = found[0]
        if (fig.value, fig.period) != (value, period):
            wrong.append(f"{key}: {fig.value} ({fig.period}) != {value} ({period})")
        if reading_of(fig) != change:
            wrong.append(f"{key}: change {reading_of(fig)} != {change}")
    periods = {f.period for f in figures if f.key.startswith(("victims.", "suspects.", "cases."))}
    if periods != {"2019"}:
        wrong.append(f"periods {sorted(periods)}: a comparison's year became a count's period")
    return wrong


def test_the_corpus_covers_every_family():
    families = Counter(e["family"] for e in REWORDINGS)
    assert len(REWORDINGS) >= 80
    assert set(families) >= {"absolute", "prior_value", "relative", "bound", "words", "fullwidth",
                             "zero", "reference", "subject", "period"}  # fmt: skip


def test_the_original_text_reads_to_its_figures():
    figures = {f.key: f for f in extract_figures(ORIGINAL, 2019, profile=PROFILE)}
    assert figures["victims.total"].value == 47
    assert figures["victims.total"].stated_change.delta == 20


@pytest.mark.parametrize(
    "entry", REWORDINGS, ids=[f"{k}-{e['family']}" for k, e in enumerate(REWORDINGS)]
)
def test_rewording_reads_to_its_expected_figures(entry):
    assert misread(entry) == []


def _report_2019():
    """Report 2019 as expected/2019.json gives it (written by reading that report)."""
    data = json.loads((EXPECTED / "2019.json").read_text(encoding="utf-8"))
    figures = [Figure(f["key"], f["value"], "persons", f["period"], 1, f["key"])
               for f in data["figures"]]  # fmt: skip
    return record(2019, figures)


PREVIOUS = _report_2019()


@pytest.mark.parametrize(
    "entry", REWORDINGS, ids=[f"{k}-{e['family']}" for k, e in enumerate(REWORDINGS)]
)
def test_a_true_rewording_is_borne_out_by_report_2019(entry):
    """stated-change finds nothing wrong with a true rewording: its prior values, relative
    changes and bounds agree with what report 2019 says, with the text's rounding."""
    keys = {key for key, *_ in entry["expect"]}
    figures = [f for f in figures_of(entry) if f.key in keys]
    found = check_stated_changes(record(2020, figures), PREVIOUS, spec=PROFILE.checks)
    assert [(f.severity, f.message) for f in found if f.severity != "info"] == []


def recall_by_family() -> dict[str, tuple[int, int]]:
    """family -> (rewordings read right, rewordings): for the report of the work."""
    out: dict[str, list[int]] = {}
    for entry in REWORDINGS:
        right = not misread(entry)
        tally = out.setdefault(entry["family"], [0, 0])
        tally[0] += right
        tally[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


if __name__ == "__main__":
    for family, (right, total) in recall_by_family().items():
        print(f"{family:12} {right}/{total}")
