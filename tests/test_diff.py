"""The change report on records built in the test (tests/builders.py), not on PDFs.

Expected values come from the values the builders put in (themselves from FACTS.md and the
2020 report's text), never from the diff's own output.
"""

from __future__ import annotations

import json

import pytest

from annualcheck.checks.trial_match import MATCH_THRESHOLD
from annualcheck.diff.align import align
from annualcheck.diff.compare import diff_records
from annualcheck.diff.text import compare_sentences, mask_numbers, split_sentences
from annualcheck.profiles import get_profile
from helpers.builders import TABLE3_2020, fig, record, series

PROFILE = get_profile("jp-tip")


@pytest.fixture(scope="module")
def built():
    return series()


@pytest.fixture(scope="module")
def change(built):
    return diff_records(built[2019], built[2020], profile=PROFILE)


def by_key(change):
    return {f.key: f for f in change.figures}


def test_figures_side_by_side_with_computed_and_stated_change(change):
    total = by_key(change)["victims.total"]
    assert (total.previous, total.current) == (27, 47)
    assert total.change == 47 - 27
    assert total.stated_change == 20
    assert total.period == "2019" and total.previous_period == "2018"
    assert total.agreement == "agrees"
    assert total.page == 9 and total.previous_page == 8


def test_agreement_classes(change):
    figs = by_key(change)
    # 39 vs 41 is two less; the report says one less.
    assert figs["suspects.arrested"].agreement == "contradicts"
    assert figs["suspects.arrested"].change == -2
    assert figs["suspects.prosecuted"].agreement == "not stated"
    assert figs["victims.iom.shelter"].agreement == "new key"
    assert figs["victims.iom.shelter"].previous is None
    dropped = figs["perpetrators.deportation_orders"]
    assert dropped.agreement == "dropped key"
    assert dropped.current is None and dropped.previous == 2
    # A brand-new nationality with a stated change is still a new key.
    assert figs["victims.nationality.brazil"].agreement == "new key"
    counts = change.counts()
    assert counts["contradicts"] == 1
    assert counts["dropped key"] == 2  # thailand and deportation orders
    assert sum(counts.values()) == len(change.figures)


def test_figures_outside_section_2_and_fiscal_periods(change):
    hotline = by_key(change)["hotline.reports"]
    assert (hotline.previous_period, hotline.period) == ("FY2017", "FY2018")
    assert (hotline.previous, hotline.current, hotline.change) == (120, 150, 30)
    assert hotline.section == "4 (2)"


def test_stated_change_against_another_period_uses_that_period():
    old = record(2020, [fig("x.count", 10, "2019"), fig("x.count", 7, "2018")])
    new = record(2021, [fig("x.count", 12, "2020", delta=5, ref="2018")])
    (c,) = diff_records(old, new, profile=PROFILE).figures
    assert c.previous == 10 and c.agreement == "agrees"  # 12 - 7 == 5
    assert "2018" in c.note


def test_stated_change_against_a_period_not_given_is_not_stated():
    old = record(2020, [fig("x.count", 10, "2019")])
    new = record(2021, [fig("x.count", 12, "2020", delta=5, ref="2017")])
    (c,) = diff_records(old, new, profile=PROFILE).figures
    assert c.agreement == "not stated" and "2017" in c.note


def test_table2_summary_and_change(change):
    old, new = change.table_summaries
    assert (old.report_year, old.prosecuted, old.pending, old.convicted) == (2019, 5, 4, 1)
    assert (new.prosecuted, new.convicted, new.pending) == (4, 3, 1)
    assert new.suspended == 1  # "suspension of 5 years with probation"
    assert new.fined == 1  # "500,000 yen fine"
    assert change.table_change()["pending"] == 1 - 4


def test_carried_over_persons_in_order_with_verdicts(change):
    persons = change.carried_over
    # Old Table 2 pending rows (1, 2, 3, 5), then old Table 3 pending rows (1, 2).
    assert [(p.source_table, p.source_no) for p in persons] == [
        ("table2", 1), ("table2", 2), ("table2", 3), ("table2", 5), ("table3", 1), ("table3", 2),
    ]  # fmt: skip
    assert [p.matched_no for p in persons] == [1, 2, 3, 4, 5, 6]
    verdicts = [p.verdict for p in persons]
    assert verdicts[1] == verdicts[2] == verdicts[5] == "still pending"
    assert verdicts[0] == TABLE3_2020[0][1]
    assert persons[3].status == "convicted" and "suspension of 3 years" in verdicts[3]
    assert change.unmatched_carryover_rows == []


def test_reordered_charges_match_fully_and_reworded_match_less(change):
    reordered, reworded = change.carried_over[2], change.carried_over[3]
    assert reordered.confidence == pytest.approx(1.0)
    assert MATCH_THRESHOLD <= reworded.confidence < 1.0


def test_carried_over_row_that_moved_is_still_found():
    old = record(
        2020,
        table2=[("Violation of the Labor Standards Act", "Pending trial"),
                ("Kidnapping for indecency, and unlawful confinement", "Pending trial")],
    )  # fmt: skip
    new = record(
        2021,
        table3=[("Unlawful confinement, kidnapping for indecency", "8 years imprisonment"),
                ("Violation of the Labor Standards Act", "Pending trial"),
                ("Violation of the Employment Security Act", "Pending trial")],
    )  # fmt: skip
    change = diff_records(old, new, profile=PROFILE)
    assert [p.matched_no for p in change.carried_over] == [2, 1]
    assert change.carried_over[1].verdict == "8 years imprisonment"
    assert change.unmatched_carryover_rows == [3]


def test_person_missing_from_new_table_is_not_found():
    old = record(2020, table2=[("Violation of the Labor Standards Act", "Pending trial")])
    new = record(2021, table3=[("Violation of the Child Welfare Act", "Pending trial")])
    (p,) = diff_records(old, new, profile=PROFILE).carried_over
    assert p.verdict == "not found" and p.matched_no is None and p.confidence == 0


def test_align_prefers_order_for_equal_offenses():
    sim = [[1.0, 1.0, 1.0]] * 3
    assert align(sim, 0.5) == {0: 0, 1: 1, 2: 2}


def test_sections_added_removed_rewritten(change):
    kinds = {s.number: s.kind for s in change.sections}
    assert kinds["7"] == "added"
    assert kinds["8"] == "removed"
    assert kinds["3"] == "rewritten"
    rewritten = next(s for s in change.sections if s.number == "3")
    assert 0 <= rewritten.similarity < 0.5


def test_section_2_sentences_pair_up_with_numbers_masked(change):
    changed = [s for s in change.sentences if s.kind == "changed"]
    arrested = next(s for s in changed if "arrested" in s.new)
    assert "41 persons" in arrested.old and "39 persons" in arrested.new
    assert arrested.numbers_only
    added = [s.new for s in change.sentences if s.kind == "added"]
    assert added == ["Nine victims were repatriated through IOM."]
    # Unchanged sentences are not listed.
    assert all(s.old != s.new for s in change.sentences)


def test_mask_numbers_and_sentences():
    assert mask_numbers("47 victims (twenty-one more)") == mask_numbers("38 victims (six more)")
    assert split_sentences("It was 47 (20 more than in 2018). Of these, 19 were minors.") == [
        "It was 47 (20 more than in 2018).",
        "Of these, 19 were minors.",
    ]
    out = compare_sentences(["Cats sat."], ["Dogs ran far away today."])
    assert {s.kind for s in out} == {"added", "removed"}


def test_structure_covers_only_what_the_rest_does_not(change):
    paths = {s.path: s for s in change.structure}
    assert paths["root['toc']['Occupations of # suspects']"].kind == "dictionary_item_added"
    caption = paths["root['captions']['Nationalities of # suspects']['text']"]
    assert (caption.old, caption.new) == (
        "Nationalities of 41 suspects",
        "Nationalities of 39 suspects",
    )
    assert paths["root['report']['reconstruction']"].old is True
    assert not any("figures" in p or "paragraphs" in p or "'page'" in p for p in paths)
    assert not any("['rows']" in p for p in paths)
    assert "root['report']['report_year']" not in paths


def test_json_output_is_json(change):
    data = json.loads(json.dumps(change.to_dict()))
    assert data["schema"] == "annualcheck/change@1"
    assert data["old_year"] == 2019 and data["new_year"] == 2020
    total = next(f for f in data["figures"] if f["key"] == "victims.total")
    assert total["current"] == 47 and isinstance(total["current"], int)
    assert data["counts"]["contradicts"] == 1
    assert len(data["carried_over"]) == 6


def test_renumbered_caption_is_one_change():
    old = record(2020, captions=[("Figure 7", "Posters", 20), ("Figure 8", "Leaflets", 21)])
    new = record(2021, captions=[("Figure 7", "Leaflets", 20)])
    changes = [c for c in diff_records(old, new, profile=PROFILE).structure if "captions" in c.path]
    kinds = {(c.kind, c.path): (c.old, c.new) for c in changes}
    assert kinds[("values_changed", "root['captions']['Leaflets']['label']")] == (
        "Figure 8",
        "Figure 7",
    )
    assert ("dictionary_item_removed", "root['captions']['Posters']") in kinds
    assert len(changes) == 2


def test_sections_in_document_order_and_renamed():
    sections = [("7 (1) ii) c)", "Working with countries"), ("7 (1) ii)", "Cooperation"),
                ("7 (1) iv)", "Later"), ("7 (1) i)", "First"), ("7 (1) ix)", "Ninth")]  # fmt: skip
    paragraphs = [(n, f"Text of {n}.") for n, _ in sections]
    old = record(2020, sections=sections, paragraphs=paragraphs)
    new = record(2021, sections=[*sections[1:], ("7 (1) ii) c)", "Sharing of information")],
                 paragraphs=paragraphs)  # fmt: skip
    change = diff_records(old, new, profile=PROFILE)
    assert [s.number for s in change.sections] == [
        "7 (1) i)", "7 (1) ii)", "7 (1) ii) c)", "7 (1) iv)", "7 (1) ix)",
    ]  # fmt: skip
    renamed = next(s for s in change.sections if s.number == "7 (1) ii) c)")
    assert (renamed.title, renamed.previous_title) == (
        "Sharing of information",
        "Working with countries",
    )
    assert all(s.previous_title is None for s in change.sections if s is not renamed)


def test_contents_changes_that_echo_captions_are_shown_once():
    old = record(2020, captions=[("Figure 7", "Posters", 20)], toc=[("Figure 7", "Posters", 20)])
    new = record(
        2021,
        captions=[("Figure 6", "Posters", 20), ("Figure 7", "Leaflets of 39", 21)],
        toc=[("Figure 6", "Posters", 20), ("Figure 7", "Leaflets of 40", 21)],
    )
    paths = [c.path for c in diff_records(old, new, profile=PROFILE).structure]
    assert "root['captions']['Posters']['label']" in paths
    assert "root['toc']['Posters']['label']" not in paths  # same renumbering as the caption
    # The contents say 40 where the caption says 39: not an echo, so both are shown.
    assert "root['captions']['Leaflets of #']" in paths
    assert "root['toc']['Leaflets of #']" in paths


# -- on the real series (records extracted once per session by tests/conftest.py) -------------

#: Report 2020's Table 3 (reports/src/2020.md): status of each of the six
#: persons report 2019 left awaiting trial, in the table's order.
TABLE3_2020_STATUS = ["convicted", "pending", "pending", "convicted", "convicted", "pending"]


def test_real_2019_to_2020(records):
    change = diff_records(records[2019], records[2020], profile=PROFILE)
    figs = by_key(change)
    # FACTS.md: 27 victims in 2018, 47 in 2019, "20 more than in 2018".
    total = figs["victims.total"]
    assert (total.previous, total.current, total.stated_change) == (27, 47, 20)
    assert total.agreement == "agrees"
    # 40 suspects in 2018 (FACTS.md), 39 in 2019, "one less than in 2018".
    assert figs["suspects.arrested"].agreement == "agrees"
    # Table 2 of report 2020: 32 prosecuted, 23 guilty, nine pending; 17 suspended sentences
    # and 13 fines counted by reading its rows.
    new = change.table_summaries[1]
    assert (new.prosecuted, new.convicted, new.pending) == (32, 23, 9)
    assert (new.suspended, new.fined) == (17, 13)
    # The six persons carried over, in order, each found in report 2020's Table 3.
    persons = change.carried_over
    assert [p.matched_no for p in persons] == [1, 2, 3, 4, 5, 6]
    assert [p.status for p in persons] == TABLE3_2020_STATUS
    assert all(p.confidence >= 0.9 for p in persons)
    assert change.unmatched_carryover_rows == []
