"""caption-count and toc-caption on captions and contents copied from the 2020 report."""

from __future__ import annotations

from annualcheck.checks.captions import check_caption_counts, check_toc
from annualcheck.checks.tables import check_carryover
from annualcheck.model.record import Caption, TocEntry
from annualcheck.profiles import get_profile
from helpers.check_builders import fig, record, row, table

SPEC = get_profile().checks

BODY = [fig("victims.total", 47), fig("victims.non_japanese", 13), fig("suspects.arrested", 39),
        fig("suspects.prosecuted", 32), fig("carryover.previous_pending", 6)]  # fmt: skip
CAPTIONS = [
    ("Figure 3", "Trends in the number of victims of trafficking in persons (2001 to 2019)"),
    ("Figure 4", "Nationalities of the 47 victims"),
    ("Figure 5", "Status of residence of the 13 foreign victims"),
    ("Figure 6", "Trends in the number of cases of arrests made and number of arrested suspects "
                 "for the crime of trafficking in persons (2001 to 2019)"),
    ("Figure 7", "Nationalities of 39 suspects"),
    ("Figure 8", "Occupations of 39 suspects"),
    ("Table 2", "Charges imposed on the 32 prosecuted persons and their trial results "
                "(as of March 31, 2020)"),
    ("Table 3", "Charges imposed on the six persons reported as awaiting trial in the 2019 "
                "annual report and the results of their trials (as of March 31, 2020)"),
]  # fmt: skip


def _record(captions=CAPTIONS, body=BODY, tables=None, toc=None):
    caps = [Caption(lb, tx, page=10 + i, printed_page=5 + i) for i, (lb, tx) in enumerate(captions)]
    entries = toc if toc is not None else [
        TocEntry(c.label, c.text, c.printed_page, toc_page=3) for c in caps]  # fmt: skip
    return record(2020, body, tables=tables, captions=caps, toc=entries)


def test_real_captions_raise_nothing():
    assert check_caption_counts(_record(), SPEC) == []


def test_each_perturbed_count_raises_one_error():
    for k, (label, _text, old, new, key) in enumerate([
        ("Figure 4", CAPTIONS[1][1], "47", "46", "victims.total"),
        ("Figure 5", CAPTIONS[2][1], "13", "14", "victims.non_japanese"),
        ("Figure 7", CAPTIONS[4][1], "39", "38", "suspects.arrested"),
        ("Table 2", CAPTIONS[6][1], "32", "33", "suspects.prosecuted"),
        ("Table 3", CAPTIONS[7][1], "six", "seven", "carryover.previous_pending"),
    ]):  # fmt: skip
        caps = [(lb, tx.replace(old, new, 1) if lb == label else tx) for lb, tx in CAPTIONS]
        found = check_caption_counts(_record(caps), SPEC)
        assert [(f.rule, f.severity, f.key) for f in found] == [
            ("caption-count", "error", key)], k  # fmt: skip
        assert label in found[0].message and all(e.page for e in found[0].evidence)


def test_table_caption_against_rows_is_left_to_the_table_rules():
    """With no narrative count, caption-count says nothing about a table's rows; the table
    rules hold the rows against the caption (one wrong number, one finding)."""
    rows = [row(n, "Violation of the Anti-Prostitution Act", "pending") for n in (1, 2, 3, 4, 5)]
    body = [f for f in BODY if f["key"] != "carryover.previous_pending"]
    rec = _record(body=body, tables={"table3": table("Table 3", rows, caption=CAPTIONS[7][1])})
    assert check_caption_counts(rec, SPEC) == []
    found = [f for f in check_carryover(rec, None, SPEC) if f.severity == "error"]
    assert [(f.rule, f.key, f.expected, f.actual) for f in found] == [
        ("carryover", "carryover.previous_pending", 6, 5)]  # fmt: skip


def test_real_toc_raises_only_figure_8():
    caps = _record().captions
    toc = [TocEntry(c.label, c.text.replace("39 suspects", "40 suspects")
                    if c.label == "Figure 8" else c.text, c.printed_page, toc_page=3)
           for c in caps]  # fmt: skip
    (f,) = check_toc(_record(toc=toc), SPEC)
    assert (f.rule, f.severity, f.key) == ("toc-caption", "error", "Figure 8")
    assert "contents say 'Occupations of 40 suspects'" in f.message
    assert "caption says 'Occupations of 39 suspects'" in f.message and "p. 3 vs p. 15" in f.message


def test_toc_punctuation_and_quotes_do_not_count():
    caps = [("Figure 22", "The process for putting victims under protection (Immigration Services Agency)"),
            ("Figure 17", "Poster titled “STOP! Child Sexual Exploitation” (in Japanese)")]  # fmt: skip
    rec = _record(captions=caps, body=[])
    rec.toc = [TocEntry("Figure 22", "The process for putting victims under protection (Immigration Services Agency", 5),
               TocEntry("Figure 17", 'Poster titled "STOP! Child Sexual Exploitation" (in Japanese)', 6)]  # fmt: skip
    assert check_toc(rec, SPEC) == []


def test_toc_word_difference_is_warning_page_difference_is_error():
    rec = _record(captions=[("Figure 4", "Nationalities of the 47 victims")], body=[])
    rec.toc = [TocEntry("Figure 4", "Nationality of the 47 victims", 6, toc_page=3)]
    found = check_toc(rec, SPEC)
    assert sorted((f.severity, f.expected, f.actual) for f in found) == [
        ("error", 5, 6),
        ("warning", "Nationalities of the 47 victims", "Nationality of the 47 victims"),
    ]


def test_toc_entry_without_caption_and_caption_without_entry():
    rec = _record(captions=[("Figure 4", "Nationalities of the 47 victims")], body=[])
    rec.toc = [TocEntry("Figure 5", "Status of residence of the 13 foreign victims", 5)]
    found = check_toc(rec, SPEC)
    assert sorted((f.key, f.severity) for f in found) == [
        ("Figure 4", "warning"), ("Figure 5", "warning")]  # fmt: skip
