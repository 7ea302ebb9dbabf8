"""Mutants of the new parts of a stated change: a reworded 2020 report (its section 2 as in
tests/fixtures/2020-reworded.md) with one comparison made false, rendered and checked with
report 2019. Each must be caught by stated-change as an error and raise no other new error;
the true rewording itself raises nothing new (the baseline is the unmutated reworded text).

Rendered once per session, two at a time, like tests/test_mutations.py (with the same helpers,
tests/helpers/mutations.py).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from helpers.mutations import Mutant, apply_mutant, new_findings, render_and_extract
from helpers.paths import FIXTURES

pytestmark = pytest.mark.slow

SOURCE = FIXTURES / "2020-reworded.md"
MUTANTS = [
    Mutant(
        "wrong-prior-value",
        "stated-change",
        2020,
        "were cleared (compared with 36 in 2018)",
        "were cleared (compared with 35 in 2018)",
        series=(2019, 2020),
    ),
    Mutant(
        "wrong-percentage-change",
        "stated-change",
        2020,
        "five were female (down from eight in 2018)",
        "five were female (down 47.5% year on year)",
        series=(2019, 2020),
    ),
    Mutant(
        "wrong-doubled",
        "stated-change",
        2020,
        "12 Philippine nationals (a rise of seven over 2018)",
        "12 Philippine nationals (doubled from 2018)",
        series=(2019, 2020),
    ),
    Mutant(
        "true-percentage-change",
        None,
        2020,
        "five were female (down from eight in 2018)",
        "five were female (down 37.5% year on year)",
        series=(2019, 2020),
    ),
]


@pytest.fixture(scope="session")
def wording_records(tmp_path_factory, records) -> dict:
    from annualcheck.model.record import Record

    outdir = tmp_path_factory.mktemp("wording-mutants")
    source = SOURCE.read_text(encoding="utf-8")
    jobs = [("baseline", source, str(outdir))]
    jobs += [(m.name, apply_mutant(m, source), str(outdir)) for m in MUTANTS]
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        results = list(pool.map(render_and_extract, jobs))
    return {job[0]: Record.from_dict(data) for job, data in zip(jobs, results, strict=True)}


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_wording_mutant(mutant, wording_records, records):
    baseline = {2019: records[2019], 2020: wording_records["baseline"]}
    mutated = {**baseline, 2020: wording_records[mutant.name]}
    new = new_findings(mutated, baseline, mutant.series)
    if mutant.rule is None:
        assert not new, "harmless mutant raised:\n" + "\n".join(f.message for f in new)
        return
    caught = [f for f in new if f.rule == mutant.rule and f.severity == "error"]
    others = [f for f in new if f.severity == "error" and f.rule != mutant.rule]
    assert caught, f"{mutant.rule} did not catch {mutant.name}; new: {[f.message for f in new]}"
    assert not others, "other new errors:\n" + "\n".join(f"{f.rule}: {f.message}" for f in others)
    assert all(e.page for f in caught for e in f.evidence)
