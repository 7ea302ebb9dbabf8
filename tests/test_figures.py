"""Figure extraction (annualcheck.extract.figures.pipeline + the jp_tip figures profile) on the 2020 text.

Until the PDF layer feeds it, the paragraphs come from the corpus text
(reports/src/2020.md, or reports/src/2020.md) through the helper below,
which builds `record.Paragraph`s the way the layout layer does: markdown stripped, section
numbers tracked from the headings, page-break splits joined, repeated passages marked.

Expected values are written from reading section 2 (1) of the report, not from the tool.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import pytest

from annualcheck.extract.figures.merge import section_parts
from annualcheck.extract.figures.pipeline import extract_figures
from annualcheck.model.record import Paragraph
from annualcheck.profiles import get_profile
from annualcheck.prose.quotes import strip_marks

# -- corpus text -> paragraphs (test helper, the layout layer's job in the package) ------------

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "2020-annual-report.md"
SOURCE = ROOT / "reports" / "src" / "2020.md"

_BULLET = re.compile(r"^(?:[-•○●*]|\d+\.)\s+")
_MARKER = re.compile(r"\[\s*Repeated from\s+([^\]]+?)\s*\]")
_L1 = re.compile(r"^(\d)\s+[A-Z]")
_L2 = re.compile(r"^\((\d{1,2})\)\s+\S")
_L3 = re.compile(r"^([ivx]{1,4})\)\s+\S")


def corpus_path() -> Path:
    return CORPUS if CORPUS.exists() else SOURCE


def _clean(line: str) -> str:
    line = re.sub(r"<sup>.*?</sup>", "", line)
    line = re.sub(r"\[\^\d+\]", "", line)
    line = line.replace("**", "").replace("\\$", "$").replace("\\*", "*")
    line = re.sub(r"^#+\s*", "", line.strip())
    return " ".join(line.split())


def _heading(text: str) -> tuple[int, str] | None:
    if (text.endswith((".", ",", ";", ":")) and not text.endswith("etc.")) or len(text) > 220:
        return None
    for level, pattern in ((1, _L1), (2, _L2), (3, _L3)):
        m = pattern.match(text)
        if m:
            return level, m.group(1)
    return None


def _section(numbers: list[str | None]) -> str:
    parts = [numbers[0] or "1"]
    if numbers[1]:
        parts.append(f"({numbers[1]})")
        if numbers[2]:
            parts.append(f"{numbers[2]})")
    return " ".join(parts)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower()))


def corpus_paragraphs(path: Path | None = None) -> list[Paragraph]:
    """The body paragraphs of the 2020 report, in reading order."""
    lines = (path or corpus_path()).read_text(encoding="utf-8").splitlines()
    start = next(
        k for k, line in enumerate(lines)
        if line.lstrip().startswith("#") and re.search(r"\b1 Introduction", line)
    )  # fmt: skip
    numbers: list[str | None] = [None, None, None]
    items: list[dict] = []  # {"text", "section", "bullet", "line", "marker"}
    open_item: dict | None = None
    for k in range(start, len(lines)):
        raw = lines[k]
        stripped = raw.strip()
        if not stripped:
            open_item = None
            continue
        if (
            "\t" in raw
            or stripped.startswith(
                (
                    "<",
                    "---",
                    "|",
                    "[^",
                    "[Figure",
                    "**[Figure",
                    "[Table",
                    "**[Table",
                    "[Case",
                    "**[Case",
                    "URL:",
                    "Tel:",
                    "List:",
                    ">",
                )
            )
            or re.match(r"^<sup>\d+</sup>", stripped)
        ):
            open_item = None
            continue
        text = _clean(stripped)
        bullet = (
            bool(_BULLET.match(text))
            or raw.startswith((" ", "\t"))
            and bool(_BULLET.match(raw.strip()))
        )
        text = _BULLET.sub("", text).strip()
        if not text:
            continue
        heading = _heading(text)
        if heading and (stripped.startswith(("#", "**", "- (")) or not bullet):
            level, number = heading
            numbers[level - 1] = number
            for j in range(level, 3):
                numbers[j] = None
            open_item = None
            continue
        marker = _MARKER.fullmatch(text)
        if marker:
            items.append({"marker": marker.group(1), "line": k})
            open_item = None
            continue
        if open_item is not None and not bullet:  # a second line of the same markdown paragraph
            open_item["text"] += " " + text
            continue
        prev = items[-1] if items else None
        if (
            prev is not None
            and "text" in prev
            and not bullet
            and not re.search(r"[.!?:;)\u201d\"\]]$", prev["text"])
            and prev["section"] == _section(numbers)
        ):
            prev["text"] += " " + text  # split by a page break
            open_item = prev
            continue
        open_item = {"text": text, "section": _section(numbers), "bullet": bullet, "line": k}
        items.append(open_item)
    return _paragraphs(items)


def _paragraphs(items: list[dict]) -> list[Paragraph]:
    texts = [it for it in items if "text" in it]
    section_words: dict[str, set[str]] = {}
    for it in texts:
        section_words.setdefault(it["section"], set()).update(_words(it["text"]))
    repeated: dict[int, str] = {}
    for idx, it in enumerate(items):
        if "marker" not in it:
            inline = _MARKER.search(it["text"])
            if inline:
                repeated[id(it)] = inline.group(1)
            continue
        ref = it["marker"]
        ref_key = tuple(re.findall(r"\d+|[ivx]+", ref.lower()))
        words = set().union(
            *(w for s, w in section_words.items()
              if tuple(re.findall(r"\d+|[ivx]+", s.lower()))[: len(ref_key)] == ref_key)
        )  # fmt: skip
        back = idx - 1
        marked = 0
        while back >= 0 and "text" in items[back]:
            cand = items[back]
            own = _words(cand["text"])
            if marked and (not own or len(own & words) / len(own) < 0.6):
                break
            repeated[id(cand)] = ref
            marked += 1
            if cand["bullet"]:
                break
            back -= 1
    out = []
    for it in texts:
        out.append(
            Paragraph(
                text=it["text"],
                page=1 + it["line"] // 25,
                section=it["section"],
                repeated_from=repeated.get(id(it)),
            )
        )
    return out


# -- fixtures ------------------------------------------------------------------------------------

PROFILE = get_profile()
SECTION2_PREFIXES = ("victims.", "cases.", "suspects.", "carryover.", "perpetrators.")


@pytest.fixture(scope="module")
def paragraphs() -> list[Paragraph]:
    return corpus_paragraphs()


@pytest.fixture(scope="module")
def figures(paragraphs):
    return extract_figures(paragraphs, 2019, profile=PROFILE)


def by_key(figures) -> dict[tuple[str, str], object]:
    return {(f.key, f.period): f for f in figures}


def para(text: str, section: str = "2 (1) i)", page: int = 9, **kw) -> Paragraph:
    return Paragraph(text=text, page=page, section=section, **kw)


# -- section 2 (1): exactly the contract's keys ----------------------------------------------------

# key: (value, stated delta against 2018 or None) -- read from section 2 (1) of the 2020 report
SECTION2 = {
    "victims.total": (47, 20),
    "victims.sex.female": (47, 21),
    "victims.sex.male": (0, -1),
    "victims.nationality.japan": (34, 16),
    "victims.non_japanese": (13, None),
    "victims.nationality.philippines": (12, 7),
    "victims.nationality.brazil": (1, 1),
    "victims.residence.entertainer": (6, 3),
    "victims.residence.temporary_visitor": (5, 4),
    "victims.residence.spouse_of_japanese_national": (1, 0),
    "victims.residence.permanent_resident": (1, 1),
    "victims.isa.protected": (12, None),
    "victims.isa.status_changed": (7, None),
    "victims.isa.special_permission": (5, None),
    "victims.route.police_then_isa": (9, None),
    "victims.route.police_only": (1, None),
    "victims.route.isa_only": (3, None),
    "victims.minors": (19, 14),
    "victims.minors.nationality.japan": (18, None),
    "victims.minors.nationality.brazil": (1, None),
    "victims.form.sexual_exploitation": (35, 14),
    "victims.form.nightclub_hostess": (12, 8),
    "victims.form.labor_exploitation": (0, -2),
    "victims.womens_consulting_offices.protected": (9, None),
    "victims.womens_consulting_offices.interpretation_and_medical": (9, None),
    "victims.womens_consulting_offices.psychological_care": (6, None),
    "victims.iom.repatriated": (9, None),
    "victims.iom.shelter": (9, None),
    "victims.iom.medical": (1, None),
    "victims.iom.rehabilitation": (8, None),
    "cases.cleared": (57, 21),
    "suspects.arrested": (39, -1),
    "suspects.sex.male": (34, 2),
    "suspects.sex.female": (5, -3),
    "suspects.nationality.japan": (38, 1),
    "suspects.nationality.philippines": (1, 1),
    "suspects.occupation.adult_entertainment": (8, 1),
    "suspects.occupation.unemployed": (15, -6),
    "suspects.occupation.other": (16, 4),
    "suspects.broker": (1, 0),
    "suspects.organized_crime": (5, 2),
    "suspects.prosecuted": (32, None),
    "suspects.not_prosecuted": (7, None),
    "suspects.prosecuted.guilty": (23, None),
    "suspects.prosecuted.pending": (9, None),
    "carryover.previous_pending": (6, None),
    "carryover.guilty": (3, None),
    "carryover.pending": (3, None),
    "perpetrators.deportation_orders": (0, None),
}


@pytest.mark.parametrize("source", ["corpus", "report-source"])
def test_section2_exact_key_set(source):
    paras = corpus_paragraphs(SOURCE if source == "report-source" else None)
    figs = extract_figures(paras, 2019, profile=PROFILE)
    got = {f.key: f for f in figs if f.key.startswith(SECTION2_PREFIXES)}
    assert set(got) == set(SECTION2)
    assert len([f for f in figs if f.key.startswith(SECTION2_PREFIXES)]) == len(SECTION2)
    wrong = []
    for key, (value, delta) in SECTION2.items():
        fig = got[key]
        change = None if fig.stated_change is None else fig.stated_change.delta
        if (fig.value, change, fig.period) != (value, delta, "2019"):
            wrong.append((key, fig.value, change, fig.period))
        if fig.stated_change is not None and fig.stated_change.reference_period != "2018":
            wrong.append((key, fig.stated_change.reference_period))
    assert not wrong


def test_section2_figures_come_from_section2_text(figures):
    for f in figures:
        if f.key.startswith(SECTION2_PREFIXES):
            assert f.section.startswith("2 (1)"), f
            assert f.repeated_from is None


def test_every_section2_stated_change_is_kept(paragraphs, figures):
    """Each "(... than in 2018)" / "(same as in 2018)" of section 2 (1) is on some figure."""
    written = []
    for p in paragraphs:
        if p.section.startswith("2 (1)") and not p.repeated_from:
            written += re.findall(r"\(([^()]*?than in 2018|same as in 2018)\)", p.text)
    phrases = [f.stated_change.phrase for f in figures if f.stated_change]
    assert len(written) == 25
    assert sorted(written) == sorted(phrases)
    assert not [f for f in figures if f.key.startswith("unkeyed.")]


def test_quotes_can_be_found_in_the_text(paragraphs, figures):
    texts = [" ".join(p.text.split()) for p in paragraphs]
    for f in figures:
        printed = strip_marks(f.quote)  # the words as printed, without the "…" of a cut
        assert len(printed) <= 200, f.quote
        assert any(printed in t for t in texts), f.quote
        words = f.quote.lower()
        assert any(w in words for w in {f"{f.value:,.0f}", f"{f.value:.0f}"}) or re.search(
            r"[a-z]", words
        ), f.quote


def test_quote_holds_the_number_and_its_change(figures):
    fig = by_key(figures)[("victims.total", "2019")]
    assert "47 (20 more than in 2018)" in fig.quote
    occ = by_key(figures)[("suspects.occupation.other", "2019")]
    assert "16 (four more than in 2018)" in occ.quote
    assert fig.page >= 1 and fig.section == "2 (1) i)"


def test_percentages_and_references_are_not_figures(figures):
    assert not [f for f in figures if f.value == 70]
    assert len([f for f in figures if f.key == "victims.non_japanese"]) == 1
    assert len([f for f in figures if f.key == "victims.nationality.philippines"]) == 1
    assert not by_key(figures)[("victims.non_japanese", "2019")].occurrences


# -- sections 2 (2) to 8 -----------------------------------------------------------------------

OTHER = [
    ("hotline.reports", "FY2016", 182),
    ("hotline.reports", "FY2017", 433),
    ("hotline.reports", "FY2018", 285),
    ("labor_inspections.organizations", "2019", 9454),
    ("labor_inspections.violations", "2019", 6796),
    ("labor_inspections.referred_cases", "2019", 33),
    ("illegal_employment.workplaces", "2019", 228),
    ("prostitution.arrested", "2019", 399),
    ("prostitution.cases", "2019", 443),
    ("child_prostitution.arrested", "2019", 696),
    ("child_prostitution.cases", "2019", 784),
    ("child_pornography.arrested", "2019", 2116),
    ("child_pornography.cases", "2019", 3059),
    ("foreign_workers.arrested", "2019", 406),
    ("foreign_workers.cases", "2019", 364),
    ("leaflets.npa.printed", "2019", 300000),
    ("posters.cabinet_office.printed", "FY2019", 80000),
    ("iom.contribution_usd", "2019", 130000),
    ("iom.repatriated_since_2005", "2019", 335),
    ("delegations.countries_and_regions", "2019", 27),
    ("safety_app_leaflets.printed", "FY2019", 2000000),
    ("construction_workers.entered", "2019", 5300),
    ("houterasu.multilingual_service.cases.english", "FY2019", 1143),
    ("status_grants.long_term_resident", "2014", 1),
    ("status_grants.spouse_of_japanese_national", "2015", 5),
    ("status_grants.long_term_resident", "2015", 3),
    ("status_grants.spouse_of_permanent_resident", "2017", 1),
    ("bali_process.participants", "2018", 67),
    ("mofa_consular_training.attendees", "FY2019", 81),
]


@pytest.mark.parametrize("key,period,value", OTHER, ids=[f"{k}@{p}" for k, p, _ in OTHER])
def test_other_figures(figures, key, period, value):
    fig = by_key(figures).get((key, period))
    assert fig is not None, f"missing {key} {period}"
    assert fig.value == value


def test_other_figures_flags_and_units(figures):
    keyed = by_key(figures)
    assert keyed[("labor_inspections.organizations", "2019")].preliminary
    assert keyed[("labor_inspections.violations", "2019")].preliminary
    assert not keyed[("illegal_employment.workplaces", "2019")].preliminary
    assert keyed[("posters.cabinet_office.printed", "FY2019")].approximate
    assert keyed[("construction_workers.entered", "2019")].approximate
    assert not keyed[("leaflets.npa.printed", "2019")].approximate
    assert keyed[("iom.contribution_usd", "2019")].unit == "usd"
    others = [f for f in figures if not f.key.startswith(SECTION2_PREFIXES)]
    assert len(others) >= 25
    periods: dict[str, set[str]] = {}
    for f in others:
        periods.setdefault(f.key, set()).add(f.period)
    # only the hotline (three fiscal years) and the 2014/2015 status grants name several periods
    assert {k: p for k, p in periods.items() if len(p) > 1} == {
        "hotline.reports": {"FY2016", "FY2017", "FY2018"},
        "status_grants.long_term_resident": {"2014", "2015"},
    }


# -- repeated passages -------------------------------------------------------------------------


def test_repeated_passages_become_occurrences(figures):
    keyed = by_key(figures)
    isa = keyed[("victims.isa.protected", "2019")]
    assert [(o.value, o.section) for o in isa.occurrences] == [(12, "6 (1)")]
    assert section_parts(isa.occurrences[0].repeated_from) == ("2", "1", "i")
    organizations = keyed[("labor_inspections.organizations", "2019")]
    assert [(o.value, o.section, o.repeated_from) for o in organizations.occurrences] == [
        (9454, "5 (1) iii)", "3 (3) iii)")
    ]
    assert "9,454" in organizations.occurrences[0].quote
    leaflets = keyed[("leaflets.npa.printed", "2019")]
    assert [o.section for o in leaflets.occurrences] == ["7 (2) i)"]
    assert all(f.repeated_from is None for f in figures)


def test_repeated_passage_with_another_number_is_kept_for_comparison(paragraphs):
    changed = [
        replace(p, text=p.text.replace("in 2019 was 12.", "in 2019 was 13."))
        if p.repeated_from and "in 2019 was 12." in p.text
        else p
        for p in paragraphs
    ]
    assert changed != paragraphs
    fig = by_key(extract_figures(changed, 2019, profile=PROFILE))[("victims.isa.protected", "2019")]
    assert fig.value == 12
    assert [o.value for o in fig.occurrences] == [13]


def test_repeated_passage_without_original_stands_alone():
    text = "In 2019, the Immigration Services Agency cracked down on 228 workplaces suspected."
    figs = extract_figures(
        [para(text, "5 (1) iii)", repeated_from="3 (2) ii)")], 2019, profile=PROFILE
    )
    assert [(f.key, f.value, f.repeated_from) for f in figs] == [
        ("illegal_employment.workplaces", 228, "3 (2) ii)")
    ]


def test_inline_marker_is_read_when_the_layout_did_not_mark_it():
    original = para("The number of non-Japanese victims who were put under protection by the "
                    "Immigration Services Agency in 2019 was 12.")  # fmt: skip
    repeat = para(original.text + " [Repeated from 2 (1) i]", "6 (1)", page=50)
    figs = extract_figures([original, repeat], 2019, profile=PROFILE)
    assert [(f.key, f.value) for f in figs] == [("victims.isa.protected", 12)]
    assert figs[0].occurrences[0].page == 50
    assert figs[0].occurrences[0].repeated_from == "2 (1) i"


# -- other years' wording ----------------------------------------------------------------------


def keyed_of(texts: list[str], data_year: int, section: str = "2 (1) i)") -> dict:
    figs = extract_figures([para(t, section) for t in texts], data_year, profile=PROFILE)
    return {
        f.key: (f.value, None if f.stated_change is None else
                (f.stated_change.delta, f.stated_change.reference_period), f.period)
        for f in figs
    }  # fmt: skip


def test_variant_gender_with_less_and_one_male():
    got = keyed_of(["With regard to the gender of the victims, 26 were female (19 less than in "
                    "2017) and one was male."], 2018)  # fmt: skip
    assert got == {
        "victims.sex.female": (26, (-19, "2017"), "2018"),
        "victims.sex.male": (1, None, "2018"),
    }


def test_variant_nationalities_listed_with_fewer():
    got = keyed_of(["With regard to the nationality of the victims, 18 were Japanese nationals "
                    "(10 fewer than in 2017), five were Philippine nationals and four were Thai "
                    "nationals."], 2018)  # fmt: skip
    assert got == {
        "victims.nationality.japan": (18, (-10, "2017"), "2018"),
        "victims.nationality.philippines": (5, None, "2018"),
        "victims.nationality.thailand": (4, None, "2018"),
    }


def test_variant_total_and_minors():
    got = keyed_of([
        "The number of victims of trafficking in persons who were put under protection in 2018 "
        "was 27 (19 less than in 2017).",
        "Of the 27 victims, five were minors (under 18 years of age) (two fewer than 2017). Of "
        "these, four were Japanese nationals and one was a Philippine national.",
    ], 2018)  # fmt: skip
    assert got == {
        "victims.total": (27, (-19, "2017"), "2018"),
        "victims.minors": (5, (-2, "2017"), "2018"),
        "victims.minors.nationality.japan": (4, None, "2018"),
        "victims.minors.nationality.philippines": (1, None, "2018"),
    }


def test_variant_change_before_subject_and_previous_year():
    got = keyed_of([
        "With regard to the occupations of the suspects, 12 were unemployed (an increase of 3 "
        "from the previous year), and 27 (19 less than in 2017) engaged in other occupations "
        "(office workers, etc.).",
    ], 2018, "2 (1) ii)")  # fmt: skip
    assert got == {
        "suspects.occupation.unemployed": (12, (3, "2017"), "2018"),
        "suspects.occupation.other": (27, (-19, "2017"), "2018"),
    }


def test_stated_change_without_key_is_returned_unkeyed():
    figs = extract_figures(
        [para("In 2019, 14 persons were identified at airports (three more than in 2018).")],
        2019, profile=PROFILE,
    )  # fmt: skip
    assert len(figs) == 1
    assert figs[0].key.startswith("unkeyed.")
    assert (figs[0].value, figs[0].stated_change.delta) == (14, 3)
    assert figs[0].stated_change.phrase == "three more than in 2018"


def test_section2_words_elsewhere_get_no_section2_key():
    figs = extract_figures([para("With regard to the gender of the victims, 47 were female.",
                                 "2 (1) iii)")], 2019, profile=PROFILE)  # fmt: skip
    assert figs == []


# -- periods -----------------------------------------------------------------------------------


def test_fiscal_year_and_past_year_periods():
    got = keyed_of([
        "In FY2016, 182 reports regarding cases of trafficking in persons, etc. were received, "
        "while 433 and 285 reports were received in FY2017 and FY2018 respectively.",
        "A total of 81 officials attended the lectures in FY2019.",
    ], 2019, "4 (1)")  # fmt: skip
    assert got["mofa_consular_training.attendees"] == (81, None, "FY2019")
    figs = extract_figures(
        [
            para(
                "In FY2016, 182 reports regarding cases of trafficking in "
                "persons were received, while 433 and 285 reports were received "
                "in FY2017 and FY2018 respectively.",
                "4 (1)",
            )
        ],
        2019,
        profile=PROFILE,
    )
    assert [(f.period, f.value) for f in figs] == [("FY2016", 182), ("FY2017", 433),
                                                   ("FY2018", 285)]  # fmt: skip


def test_years_that_are_not_the_period():
    got = keyed_of([
        "Note that of the six persons who were said in the annual report approved in May 2018 to "
        "be awaiting trial, three have been found guilty, while the rest of three continue to be "
        "awaiting trial (as of March 31, 2019).",
    ], 2018, "2 (1) ii)")  # fmt: skip
    assert got == {
        "carryover.previous_pending": (6, None, "2018"),
        "carryover.guilty": (3, None, "2018"),
        "carryover.pending": (3, None, "2018"),
    }


# -- speed ---------------------------------------------------------------------------------------


def test_whole_report_is_fast(paragraphs):
    extract_figures(paragraphs, 2019, profile=PROFILE)  # compiles the profile's patterns once
    start = time.perf_counter()
    extract_figures(paragraphs, 2019, profile=PROFILE)
    elapsed = time.perf_counter() - start
    print(f"extract_figures on the whole 2020 text: {elapsed * 1000:.1f} ms")
    assert elapsed < 2.0


def test_paragraph_wrongly_taken_into_a_repeated_passage_keeps_its_own_figures():
    """A layout may mark the bullet before a repeated paragraph as repeated too; its words are
    not in the section it names, so its figures stay its own."""
    original = para("In 2019, nine victims were voluntary repatriated through support from the "
                    "International Organization for Migration (IOM).")  # fmt: skip
    own = para("Since 2005, Japan has been running the project to provide repatriation support to "
               "foreign victims through the IOM. In 2019, Japan contributed US$130,000 to the IOM. "
               "Since 2005, this project has provided support to 335 victims to return to their "
               "home countries.", "6 (3) iv)", repeated_from="2 (1) i)")  # fmt: skip
    repeat = replace(original, section="6 (3) iv)", repeated_from="2 (1) i)")
    figs = by_key(extract_figures([original, own, repeat], 2019, profile=PROFILE))
    assert figs[("iom.contribution_usd", "2019")].repeated_from is None
    assert figs[("iom.repatriated_since_2005", "2019")].value == 335
    repatriated = figs[("victims.iom.repatriated", "2019")]
    assert [(o.value, o.section) for o in repatriated.occurrences] == [(9, "6 (3) iv)")]


def test_subjects_that_stand_for_a_count():
    got = keyed_of([
        "With regard to the gender of the victims, 46 were female (one less than in 2017). No "
        "victims were male (one less than in 2017).",
        "With regard to the status of residence of the nine non-Japanese victims, four entered "
        "Japan on the status of residence of “Entertainer” (one more than in 2017). The Thai "
        "national was a Long-term Resident (same as in 2017).",
    ], 2018)  # fmt: skip
    assert got == {
        "victims.sex.female": (46, (-1, "2017"), "2018"),
        "victims.sex.male": (0, (-1, "2017"), "2018"),
        "victims.non_japanese": (9, None, "2018"),
        "victims.residence.entertainer": (4, (1, "2017"), "2018"),
        "victims.residence.long_term_resident": (1, (0, "2017"), "2018"),
    }


def test_variant_total_without_number_of_and_change_without_in():
    got = keyed_of([
        "In 2018, 25 victims of trafficking in persons were put under protection (21 less than "
        "in 2017).",
        "The nationalities of the seven non-Japanese victims consist of five Philippine nationals "
        "(two less than in 2017) and two Thai nationals (six less than 2017).",
        "The number of victims who were put under protection temporarily at Women's Consulting "
        "Offices in 2018 was six, of whom five were Philippine nationals and one was a Thai "
        "national.",
    ], 2018)  # fmt: skip
    assert got == {
        "victims.total": (25, (-21, "2017"), "2018"),
        "victims.non_japanese": (7, None, "2018"),
        "victims.nationality.philippines": (5, (-2, "2017"), "2018"),
        "victims.nationality.thailand": (2, (-6, "2017"), "2018"),
        "victims.womens_consulting_offices.protected": (6, None, "2018"),
    }


def test_coordinated_counts_with_their_own_changes_stay_apart():
    got = keyed_of(["With regard to the gender of the suspects, 30 were male (two more than in "
                    "2018) and six were female (same as in 2018)."], 2019, "2 (1) ii)")  # fmt: skip
    assert got == {
        "suspects.sex.male": (30, (2, "2018"), "2019"),
        "suspects.sex.female": (6, (0, "2018"), "2019"),
    }


def test_population_carried_through_the_section():
    """Older reports write "With regard to gender, ..." without naming who: the section's last
    named population (victims in 2 (1) i), suspects in 2 (1) ii)) decides."""
    victims = para(
        "The number of victims who were put under protection in 2016 was 50 (four "
        "more than in 2015). With regard to gender, 45 were female and five were male."
    )
    suspects = [
        para("In 2016, 44 cases were cleared and 43 persons were arrested for trafficking in "
             "persons.", "2 (1) ii)"),
        para("With regard to gender, 32 were male and 11 were female. With regard to "
             "nationality, 40 were Japanese nationals and three were Thai nationals.", "2 (1) ii)"),
    ]  # fmt: skip
    figs = extract_figures([victims, *suspects], 2016, profile=PROFILE)
    assert {f.key: f.value for f in figs} == {
        "victims.total": 50,
        "victims.sex.female": 45,
        "victims.sex.male": 5,
        "cases.cleared": 44,
        "suspects.arrested": 43,
        "suspects.sex.male": 32,
        "suspects.sex.female": 11,
        "suspects.nationality.japan": 40,
        "suspects.nationality.thailand": 3,
    }
