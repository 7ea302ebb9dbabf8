"""The mutation corpus: change one thing in a report's source, render it, check the series.

Each mutant must be caught by its rule and raise no other new error; each harmless mutant must
raise nothing new at all. "New" is measured against the findings of the unmutated series over the
same years, so the real report's own mistakes (kept on purpose) do not count.

Mutants are rendered once per session, two at a time, in worker processes.
"""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import pytest

from helpers.mutations import Mutant, apply_mutant, new_findings, render_and_extract
from helpers.paths import REPORTS

pytestmark = pytest.mark.slow


MUTANTS = [
    # stated-change: a stated change that the previous report does not bear out
    Mutant(
        "stated-change-philippines",
        "stated-change",
        2020,
        "12 Philippine nationals (seven more than in 2018)",
        "12 Philippine nationals (six more than in 2018)",
    ),
    Mutant(
        "stated-change-japanese",
        "stated-change",
        2020,
        "34 were Japanese (16 more than in 2018)",
        "34 were Japanese (15 more than in 2018)",
    ),
    Mutant(
        "stated-change-cases",
        "stated-change",
        2020,
        "were cleared (21 more than in 2018)",
        "were cleared (22 more than in 2018)",
    ),
    # breakdown-sum: parts that no longer add up to their total
    Mutant(
        "breakdown-suspect-sex",
        "breakdown-sum",
        2020,
        "five were female (three less than in 2018)",
        "six were female (two less than in 2018)",
        series=(2019, 2020),
    ),
    Mutant(
        "breakdown-occupation",
        "breakdown-sum",
        2020,
        "eight were connected with adult entertainment business (one more than in 2018)",
        "nine were connected with adult entertainment business (two more than in 2018)",
        series=(2019, 2020),
    ),
    Mutant(
        "breakdown-route",
        "breakdown-sum",
        2020,
        "Nine were put under police protection in 2019",
        "Eight were put under police protection in 2019",
    ),
    # caption-count: a caption's count that the body does not give
    Mutant(
        "caption-victims",
        "caption-count",
        2020,
        "Nationalities of the 47 victims",
        "Nationalities of the 46 victims",
    ),
    Mutant(
        "caption-suspects",
        "caption-count",
        2020,
        "Nationalities of 39 suspects",
        "Nationalities of 38 suspects",
    ),
    Mutant(
        "caption-foreign",
        "caption-count",
        2020,
        "Status of residence of the 13 foreign victims",
        "Status of residence of the 14 foreign victims",
    ),
    # toc-caption: the contents say something else than the caption they point to
    Mutant(
        "toc-figure4",
        "toc-caption",
        2020,
        "Nationalities of the 47 victims",
        "Nationalities of the 47 victims {toc: Nationalities of the 45 victims}",
    ),
    Mutant(
        "toc-figure7",
        "toc-caption",
        2020,
        "Nationalities of 39 suspects",
        "Nationalities of 39 suspects {toc: Nationalities of 93 suspects}",
    ),
    Mutant(
        "toc-figure5",
        "toc-caption",
        2020,
        "Status of residence of the 13 foreign victims",
        "Status of residence of the 13 foreign victims {toc: Status of residence of the 31 foreign victims}",
    ),
    # table-count: Table 2 disagrees with "N prosecuted / N found guilty / remaining N pending"
    Mutant(
        "table-count-guilty",
        "table-count",
        2020,
        "23 have been found guilty, and the cases of the remaining nine",
        "22 have been found guilty, and the cases of the remaining ten",
        series=(2019, 2020),
    ),
    Mutant(
        "table-count-row-status",
        "table-count",
        2020,
        "| 7 | Violation of the Child Welfare Act | Pending trial |",
        "| 7 | Violation of the Child Welfare Act | 1 year imprisonment, suspension of 3 years |",
        series=(2019, 2020),
    ),
    Mutant(
        "table-count-row-dropped",
        "table-count",
        2020,
        "| 16 | Violation of the Employment Security Act | Pending trial |\n",
        "",
        series=(2019, 2020),
    ),
    # carryover: Table 3 does not carry over the persons the previous report left pending
    Mutant(
        "carryover-offense",
        "carryover",
        2020,
        "| 6 | Violation of the Labor Standards Act |",
        "| 6 | Violation of the Immigration Control and Refugee Recognition Act |",
        series=(2019, 2020),
    ),
    Mutant(
        "carryover-narrative",
        "carryover",
        2020,
        "three have been found guilty, while the rest of three",
        "two have been found guilty, while the rest of four",
        series=(2019, 2020),
    ),
    Mutant(
        "carryover-order",
        "carryover",
        2020,
        "| 2 | Violation of the Anti-Prostitution Act | Pending trial |\n| 3 | Extortion attempt, violation of the Anti-Prostitution Act | Pending trial |",
        "| 2 | Extortion attempt, violation of the Anti-Prostitution Act | Pending trial |\n| 3 | Violation of the Anti-Prostitution Act | Pending trial |",
        series=(2019, 2020),
    ),
    # percentage
    Mutant(
        "percentage-approx",
        "percentage",
        2020,
        "accounting for approximately 70%",
        "accounting for approximately 60%",
    ),
    Mutant(
        "percentage-exact",
        "percentage",
        2020,
        "accounting for approximately 70%",
        "accounting for exactly 70%",
    ),
    Mutant(
        "percentage-bound",
        "percentage",
        2020,
        "Japanese victims accounted for more than half",
        "Japanese victims accounted for more than 80%",
    ),
    # list-count
    Mutant(
        "list-five-languages",
        "list-count",
        2020,
        "five languages (Japanese, English, Spanish, Thai, and Indonesian)",
        "six languages (Japanese, English, Spanish, Thai, and Indonesian)",
    ),
    Mutant(
        "list-nine-languages",
        "list-count",
        2020,
        "nine most popular languages",
        "ten most popular languages",
    ),
    Mutant(
        "list-countries",
        "list-count",
        2020,
        "seven languages (English, Chinese, Korean, Portuguese, Spanish, French, and Tagalog)",
        "eight languages (English, Chinese, Korean, Portuguese, Spanish, French, and Tagalog)",
    ),
    # repeated-passage: the repeated text gives other figures than the original
    Mutant(
        "repeated-inspections",
        "repeated-passage",
        2020,
        "inspections on 9,454 organizations",
        "inspections on 9,545 organizations",
        occurrence=2,
    ),
    Mutant(
        "repeated-workplaces",
        "repeated-passage",
        2020,
        "cracked down on 228 workplaces",
        "cracked down on 282 workplaces",
        occurrence=2,
    ),
    Mutant(
        "repeated-leaflets",
        "repeated-passage",
        2020,
        "In 2019, 300,000 leaflets",
        "In 2019, 400,000 leaflets",
        occurrence=2,
    ),
    # restated-figure: a figure for a past period that another report gives differently
    Mutant(
        "restated-fy2017",
        "restated-figure",
        2020,
        "while 433 and 285 reports",
        "while 434 and 285 reports",
    ),
    Mutant(
        "restated-fy2016",
        "restated-figure",
        2020,
        "In FY2016, 182 reports",
        "In FY2016, 183 reports",
    ),
    Mutant(
        "restated-fy2018",
        "restated-figure",
        2020,
        "while 433 and 285 reports",
        "while 433 and 258 reports",
    ),
    # harmless: must raise nothing new
    Mutant(
        "harmless-reword",
        None,
        2020,
        "Trafficking in persons is a grave violation of human rights",
        "Trafficking in persons is a serious violation of human rights",
    ),
    Mutant(
        "harmless-percentage-exact-value",
        None,
        2020,
        "accounting for approximately 70%",
        "accounting for about 72%",
    ),
    Mutant(
        "harmless-bullet-reword",
        None,
        2020,
        "The police school provides training",
        "The police school offers training",
    ),
]


@pytest.fixture(scope="session")
def mutant_records(tmp_path_factory) -> dict:
    from annualcheck.model.record import Record

    outdir = tmp_path_factory.mktemp("mutants")
    jobs = []
    for mutant in MUTANTS:
        source = (REPORTS / "src" / f"{mutant.year}.md").read_text(encoding="utf-8")
        jobs.append((mutant.name, apply_mutant(mutant, source), str(outdir)))
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        results = list(pool.map(render_and_extract, jobs))
    return {job[0]: Record.from_dict(data) for job, data in zip(jobs, results, strict=True)}


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_mutant(mutant, mutant_records, records):
    baseline = {year: records[year] for year in (2019, 2020, 2021)}
    mutated = dict(baseline)
    mutated[mutant.year] = mutant_records[mutant.name]
    new = new_findings(mutated, baseline, mutant.series)
    if mutant.rule is None:
        assert not new, "harmless mutant raised:\n" + "\n".join(f.message for f in new)
        return
    caught = [f for f in new if f.rule == mutant.rule and f.severity == "error"]
    others = [f for f in new if f.severity == "error" and f.rule != mutant.rule]
    assert caught, f"{mutant.rule} did not catch {mutant.name}; new: {[f.message for f in new]}"
    assert not others, "other new errors:\n" + "\n".join(f"{f.rule}: {f.message}" for f in others)
    for finding in caught:
        assert finding.evidence and all(e.page for e in finding.evidence)


def test_every_rule_has_three_mutants():
    from annualcheck.model.findings import RULES

    counts = Counter(m.rule for m in MUTANTS if m.rule)
    assert {rule: counts[rule] for rule in RULES} == {rule: max(3, counts[rule]) for rule in RULES}
    assert sum(1 for m in MUTANTS if m.rule is None) >= 2
