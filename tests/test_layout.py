"""Document structure: numbering grammar and line joining on synthetic lines, and the whole
structure of the 2020 report as printed by two producers (reportlab, Chromium).

Expected values come from reading the report (reports/src/2020.md and the 2020 text in
docs/CORPUS.md), never from the tool's output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.layout.blocks import analyse_layout, join_lines
from annualcheck.layout.contents import (
    canonical_section,
    format_number,
    next_numbers,
    norm_words,
    parse_contents,
    parse_number,
)
from annualcheck.model.record import BBox
from annualcheck.pdf.document import Line, PageText, PdfDocument
from annualcheck.profiles import get_profile
from helpers.paths import committed

PROFILE = get_profile("jp-tip")


# -- synthetic pages -----------------------------------------------------------------------

BODY = 10.0
PITCH = 13.0


def _line(text: str, page: int, y: float, size: float = BODY, x: float = 70.0) -> Line:
    cells = [c for c in re.split(r"\s{3,}", text) if c]
    return Line(
        text=" ".join(cells),
        page=page,
        bbox=BBox(x, y - size, x + 6 * len(text), y),
        size=size,
        cells=cells,
        baseline=y,
    )


def _doc(pages: list[list[tuple]]) -> PdfDocument:
    """Pages of (text, gap before in pitches[, size[, x]]); a gap of 1 is the next line."""
    out = []
    for number, specs in enumerate(pages, start=1):
        y = 60.0
        lines = []
        for spec in specs:
            text, gap = spec[0], spec[1]
            size = spec[2] if len(spec) > 2 else BODY
            x = spec[3] if len(spec) > 3 else 70.0
            y += gap * PITCH
            lines.append(_line(text, number, y, size, x))
        out.append(PageText(number=number, width=595, height=842, lines=lines))
    return PdfDocument(path=Path("synthetic.pdf"), sha256="0", pages=out, metadata={})


# -- numbering grammar ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "rest"),
    [
        ("2 Gaining a thorough understanding", (2,), "Gaining a thorough understanding"),
        ("(1) Incidence of trafficking", (0, 1), "Incidence of trafficking"),
        ("iii) Cases", (0, 0, 3), "Cases"),
        ("iv) Strengthening", (0, 0, 4), "Strengthening"),
        ("a) National Police Agency", (0, 0, 0, 1), "National Police Agency"),
    ],
)
def test_parse_number(text, parts, rest):
    assert parse_number(text) == (parts, rest)


@pytest.mark.parametrize(
    "text",
    ["47 victims were put under protection", "2019 was a year", "In 2019, 57 cases", "- i) Nine"],
)
def test_parse_number_rejects_sentences(text):
    assert parse_number(text) is None


def test_format_number_and_canonical_cross_references():
    assert format_number((2, 1, 1)) == "2 (1) i)"
    assert format_number((7, 3, 1, 1)) == "7 (3) i) a)"
    assert canonical_section("2 (1) i") == "2 (1) i)"
    assert canonical_section("4(5)") == "4 (5)"
    assert canonical_section("3 (3) ii)") == "3 (3) ii)"
    assert canonical_section("1 (1)") == "1 (1)"


def test_next_numbers_follow_the_sequence():
    assert next_numbers([]) == {0: (1,)}
    assert next_numbers([2, 1, 3]) == {0: (3,), 1: (2, 2), 2: (2, 1, 4), 3: (2, 1, 3, 1)}


def test_join_lines_hyphens_and_spaces():
    assert join_lines(["self-", "employed, etc."]) == "self-employed, etc."
    assert join_lines(["traf\u00ad", "ficking"]) == "trafficking"
    assert join_lines(["inter\u2010", "nationalization"]) == "internationalization"  # Chromium
    assert join_lines(["was 47 (20 more", "than in 2018)."]) == "was 47 (20 more than in 2018)."
    assert join_lines(["imposter/", "illegal residence"]) == "imposter/illegal residence"


def test_contents_entries_wrap_and_keep_their_pages():
    lines = [
        _line("1 Introduction . . . . . . . 1", 2, 100),
        _line("(1) Definition of “Trafficking in Persons” .....1", 2, 113),
        _line("2 Gaining a thorough understanding of trafficking in persons......4", 2, 126),
        _line("(1) Incidence of trafficking in persons in Japan .....4", 2, 139),
        _line("i) Preventing crimes of trafficking in persons in the situation of", 2, 152),
        _line("stringent residence management . . . 11", 2, 165),
        _line("ii) Project to Accept Foreigners     18", 2, 178),
        _line("[Figure 8] Occupations of 40 suspects.....6", 2, 191),
        _line("[Table 3] Charges imposed on the six persons reported as awaiting", 2, 204),
        _line("trial in the 2019 annual report . . . 8", 2, 217),
    ]
    entries = parse_contents(lines, PROFILE.layout)
    got = [(e.label, e.text, e.page, e.level) for e in entries]
    assert got == [
        ("1", "Introduction", 1, 1),
        ("1 (1)", "Definition of “Trafficking in Persons”", 1, 2),
        ("2", "Gaining a thorough understanding of trafficking in persons", 4, 1),
        ("2 (1)", "Incidence of trafficking in persons in Japan", 4, 2),
        (
            "2 (1) i)",
            "Preventing crimes of trafficking in persons in the situation of "
            "stringent residence management",
            11,
            3,
        ),
        ("2 (1) ii)", "Project to Accept Foreigners", 18, 3),
        ("Figure 8", "Occupations of 40 suspects", 6, 0),
        (
            "Table 3",
            "Charges imposed on the six persons reported as awaiting trial in the 2019 annual report",
            8,
            0,
        ),
    ]
    assert all(e.toc_page == 2 for e in entries)


def _synthetic_report() -> PdfDocument:
    return _doc(
        [
            [("Measures to Combat Trafficking in Persons", 1, 20)],
            [
                ("Contents", 1, 14),
                ("1 Introduction . . . . . 1", 2),
                ("2 Data . . . . . 1", 1),
                ("(1) Victims . . . . . 1", 1),
                ("i) Data relating to victims . . . . . 2", 1),
                ("[Figure 1] Nationalities of the 47 victims . . . . . 2", 1),
            ],
            [
                ("1 Introduction", 1, 14),
                ("This report covers 2019.", 1.5),
                ("2 Data", 2, 14),
                ("(1) Victims", 1.5, 12),
                ("- 1 -", 55),
            ],
            [
                ("i) Data relating to victims", 1, 12),
                ("- The number of victims put under protection in 2019 was", 1.5),
                ("47 (20 more than in 2018). With regard to the gender of the", 1),
                ("victims, 47 were female", 1),
                ("(21 more than in 2018).", 1),
                ("[Figure 1] Nationalities of the 47", 1.5),
                ("victims", 1),
                ("○ Of these, the police protected nine victims. The number of self-", 1.5),
                ("employed suspects was five", 1),
                ("1 Footnote text in smaller print.", 3, 8),
                ("- 2 -", 12),
            ],
            [
                ("and two were brokers.", 1),
                ("The remaining text is a plain paragraph.", 1.5),
                ("[Repeated from 2 (1) i]", 1.5),
                ("Another paragraph. [Repeated from 4(5)]", 1.5),
                ("- 3 -", 40),
            ],
        ]
    )


def test_synthetic_structure():
    layout = analyse_layout(_synthetic_report(), profile=PROFILE)
    assert [s.number for s in layout.sections] == ["1", "2", "2 (1)", "2 (1) i)"]
    assert layout.printed_pages == {1: None, 2: None, 3: 1, 4: 2, 5: 3}
    assert [(s.number, s.printed_page) for s in layout.sections][-1] == ("2 (1) i)", 2)
    assert [(c.label, c.text, c.printed_page) for c in layout.captions] == [
        ("Figure 1", "Nationalities of the 47 victims", 2)
    ]
    texts = [p.text for p in layout.paragraphs]
    assert texts == [
        "This report covers 2019.",
        "The number of victims put under protection in 2019 was 47 (20 more than in 2018). "
        "With regard to the gender of the victims, 47 were female (21 more than in 2018).",
        # joined across the page break (the sentence goes on), footer and footnote left out
        "Of these, the police protected nine victims. The number of self-employed "
        "suspects was five and two were brokers.",
        "1 Footnote text in smaller print.",
        "The remaining text is a plain paragraph.",
        "Another paragraph.",
    ]
    by_text = {p.text[:20]: p for p in layout.paragraphs}
    assert by_text["The number of victim"].section == "2 (1) i)"
    assert by_text["The number of victim"].repeated_from is None
    assert by_text["1 Footnote text in s"].section == "footnote"
    # the stand-alone marker covers the block back to the bullet that starts it
    assert by_text["Of these, the police"].repeated_from == "2 (1) i)"
    assert by_text["The remaining text i"].repeated_from == "2 (1) i)"
    # an inline marker covers its own paragraph only, in canonical form
    assert by_text["Another paragraph."].repeated_from == "4 (5)"
    assert not any(re.search(r"- \d+ -|Repeated from", t) for t in texts)


def test_a_line_out_of_sequence_is_not_a_heading():
    doc = _doc(
        [
            [("Contents", 1, 14), ("1 Introduction . . 1", 2), ("2 Data . . 1", 1)],
            [
                ("1 Introduction", 1, 14),
                ("The means mentioned in", 1.5),
                ("(2) are not employed and", 1),  # a wrapped line, not heading (2)
                ("3 persons were arrested.", 1),  # not the next level-1 number
                ("2 Data", 2, 14),
                ("Text.", 1.5),
                ("1", 50),
            ],
        ]
    )
    layout = analyse_layout(doc, profile=PROFILE)
    assert [s.number for s in layout.sections] == ["1", "2"]
    assert layout.paragraphs[0].text == (
        "The means mentioned in (2) are not employed and 3 persons were arrested."
    )


# -- the 2020 report, two producers --------------------------------------------------------


def _need(path: Path) -> Path:
    return committed(path)  # a committed PDF that is missing fails the run


@pytest.fixture(scope="module")
def layouts(report_pdfs, alt_2020_pdf):
    from annualcheck.pdf.document import open_pdf

    out = {}
    for name, path in (("reportlab", report_pdfs[2020]), ("chromium", alt_2020_pdf)):
        with open_pdf(_need(path)) as doc:
            out[name] = analyse_layout(doc, profile=PROFILE)
    return out


@pytest.fixture(params=["reportlab", "chromium"])
def layout(request, layouts):
    return layouts[request.param]


def test_all_captions_with_labels(layout):
    labels = [c.label for c in layout.captions]
    expected = [f"Figure {n}" for n in range(1, 41)] + ["Table 1", "Table 2", "Table 3"]
    assert sorted(labels) == sorted(expected)  # each once
    caps = {c.label: c.text for c in layout.captions}
    assert caps["Figure 4"] == "Nationalities of the 47 victims"
    assert caps["Table 2"] == (
        "Charges imposed on the 32 prosecuted persons and their trial results "
        "(as of March 31, 2020)"
    )
    assert caps["Figure 6"].endswith("for the crime of trafficking in persons (2001 to 2019)")


def test_figure_8_caption_and_contents_disagree(layout):
    caption = next(c for c in layout.captions if c.label == "Figure 8")
    entry = next(e for e in layout.toc if e.label == "Figure 8")
    assert caption.text == "Occupations of 39 suspects"
    assert entry.text == "Occupations of 40 suspects"


def test_contents_pages_match_what_they_name(layout):
    printed = {c.label: c.printed_page for c in layout.captions}
    printed.update({s.number: s.printed_page for s in layout.sections})
    assert len(layout.toc) == 67 + 43  # sections to level 3 + every caption
    for entry in layout.toc:
        assert entry.page is not None, entry
        assert entry.page == printed[entry.label], entry


def test_section_2_numbering(layout):
    numbers = [s.number for s in layout.sections if s.number.split()[0] == "2"]
    assert numbers == ["2", "2 (1)", "2 (1) i)", "2 (1) ii)", "2 (1) iii)", "2 (2)"]
    titles = {s.number: s.title for s in layout.sections}
    assert titles["2"] == "Gaining a thorough understanding of trafficking in persons"
    assert titles["2 (1) i)"] == "Data relating to victims of trafficking in persons"
    # level-4 headings are not in the contents and still found, also when they wrap
    assert titles["7 (1) ii) b)"] == (
        "Assistance etc. provided to countries in Southeast Asia and elsewhere "
        "from which victims of trafficking in persons originate."
    )
    assert [s.number for s in layout.sections if s.level == 1] == [str(n) for n in range(1, 9)]


def test_the_victims_total_sentence_is_in_2_1_i(layout):
    hits = [p for p in layout.paragraphs if "was 47 (20 more than in 2018)" in p.text]
    assert len(hits) == 1
    assert hits[0].section == "2 (1) i)"
    assert hits[0].repeated_from is None
    assert hits[0].text.startswith("The number of victims of trafficking in persons who were")


def test_repeated_passages_carry_repeated_from(layout):
    def find(words: str, section: str):
        return [p for p in layout.paragraphs if words in p.text and p.section == section]

    # stand-alone marker after a bullet and its follow-up paragraph
    (inspections,) = find("inspections on 9,454 organizations", "5 (1) iii)")
    (orders,) = find("6,796 organizations (preliminary figures)", "5 (1) iii)")
    assert inspections.repeated_from == orders.repeated_from == "3 (3) iii)"
    (joint,) = find("carried out joint inspections", "5 (1) iii)")
    assert joint.repeated_from == "3 (2) ii)"
    # inline marker "[Repeated from 2 (1) i]" at the end of a paragraph
    (isa,) = find("put under protection by the Immigration Services Agency in 2019 was 12", "6 (1)")
    assert isa.repeated_from == "2 (1) i)"
    assert "Repeated" not in isa.text and isa.text.endswith("special permission to stay.")
    (original,) = find(
        "put under protection by the Immigration Services Agency in 2019 was 12", "2 (1) i)"
    )
    assert original.repeated_from is None
    # "[Repeated from 4(5)]" is normalised
    assert any(p.repeated_from == "4 (5)" for p in layout.paragraphs)
    assert not any("Repeated from" in p.text for p in layout.paragraphs)


def test_no_page_furniture_in_paragraphs(layout):
    assert layout.printed_pages[1] is None  # title page
    first_body = min(s.page for s in layout.sections)
    assert layout.printed_pages[first_body] == 1
    for p in layout.paragraphs:
        assert not re.search(r"(?:^|\s)- \d{1,2} -(?:\s|$)", p.text), p.text
        assert " . . . " not in p.text and "....." not in p.text  # no contents lines
        assert not p.text.startswith(("No. Offense", "[Figure", "[Table")), p.text
    # the sentence that runs over a page break in both renderings is one paragraph
    forms = [p for p in layout.paragraphs if "With regard to the forms of trafficking" in p.text]
    assert len(forms) == 1
    assert forms[0].text.endswith(
        "none were victims of labor exploitation (two less than in 2018)."
    )
    # text printed inside a figure's box is kept apart (Figure 24 lists phone numbers)
    assert not any("Emergency call (Tel): 110" in p.text for p in layout.paragraphs)
    assert any("Emergency call (Tel): 110" in ln.text for ln in layout.figure_lines["Figure 24"])
    # a table row is not body text
    assert not any(
        "Extortion attempt" in p.text and "probation" in p.text for p in layout.paragraphs
    )


def test_footnotes_are_own_paragraphs(layout):
    notes = [p for p in layout.paragraphs if p.section == "footnote"]
    assert [p.text.split()[0] for p in notes][:2] == ["1", "2"]
    assert notes[0].text.endswith("http://www.kantei.go.jp/jp/singi/hanzai/index.html)")
    body = " ".join(p.text for p in layout.paragraphs if p.section != "footnote")
    assert "Against Crime held on December 16, 2014" in body


def test_both_producers_give_the_same_structure(layouts):
    a, b = layouts["reportlab"], layouts["chromium"]
    assert [(s.number, s.title) for s in a.sections] == [(s.number, s.title) for s in b.sections]
    assert [(c.label, c.text) for c in a.captions] == [(c.label, c.text) for c in b.captions]
    assert [(e.label, e.text, e.level) for e in a.toc] == [
        (e.label, e.text, e.level) for e in b.toc
    ]
    repeated_a = sorted((p.section, p.repeated_from) for p in a.paragraphs if p.repeated_from)
    repeated_b = sorted((p.section, p.repeated_from) for p in b.paragraphs if p.repeated_from)
    assert repeated_a == repeated_b
    sec2 = [p.text for p in a.paragraphs if (p.section or "").startswith("2 ")]
    assert sec2 == [p.text for p in b.paragraphs if (p.section or "").startswith("2 ")]


def test_headings_tolerate_a_skipped_number_and_a_changed_word():
    doc = _doc(
        [
            [
                ("Contents", 1, 14),
                ("1 Introduction . . 1", 2),
                ("(1) Definition of trafficking in persons . . 1", 1),
                ("(3) Framework of measures . . 1", 1),  # (2) is missing in print
                ("2 Data . . 1", 1),
            ],
            [
                ("1 Introduction", 1, 14),
                ("(1) Definition of trafficking of persons", 1.5, 12),  # a word changed
                ("Text.", 1.5),
                ("(3) Framework of measures", 1.5, 12),
                ("Text.", 1.5),
                ("(4) Not in the contents, so a wrapped line", 1.5),
                ("2 Data", 2, 14),
                ("1", 50),
            ],
        ]
    )
    layout = analyse_layout(doc, profile=PROFILE)
    assert [s.number for s in layout.sections] == ["1", "1 (1)", "1 (3)", "2"]
    assert layout.sections[1].title == "Definition of trafficking of persons"


def test_running_header_and_footer_with_page_number_are_removed():
    header = ("Annual Report", 1, 8)
    pages = [[("Measures to Combat Trafficking in Persons", 1, 20)]]
    for n in range(1, 5):
        body = [("1 Data", 2, 14), ("(1) Victims", 1.5, 12)] if n == 1 else []
        body += [
            (f"Sentence number {n} of the report goes on over a few lines of text", 1.5),
            ("as sentences do in this report, line after line, until it", 1),
            ("ends here.", 1),
        ]
        pages.append([header, *body, (f"Annual Report 2020     Page {n} of 4", 40, 8)])
    layout = analyse_layout(_doc(pages), profile=PROFILE)
    assert layout.printed_pages == {1: None, 2: 1, 3: 2, 4: 3, 5: 4}
    assert [p.text for p in layout.paragraphs] == [
        f"Sentence number {n} of the report goes on over a few lines of text as sentences "
        "do in this report, line after line, until it ends here."
        for n in range(1, 5)
    ]
    assert [s.number for s in layout.sections] == ["1", "1 (1)"]


def test_contents_end_without_a_matching_first_heading():
    # the first heading differs from its contents entry, and contents pages carry roman numbers
    doc = _doc(
        [
            [("Title of the report", 1, 20)],
            [
                ("Contents", 1, 14),
                ("1 Introduction . . 1", 2),
                ("2 Data . . 2", 1),
                ("- i -", 50),
            ],
            [
                ("1. Introduction to this report", 1, 14),
                ("Text of the introduction that runs over", 1.5),
                ("more than one line and then more lines", 1),
                ("until the paragraph is done.", 1),
                ("A second paragraph.", 1.5),
                ("1", 50),
            ],
        ]
    )
    layout = analyse_layout(doc, profile=PROFILE)
    assert [(e.label, e.page) for e in layout.toc] == [("1", 1), ("2", 2)]
    assert [(s.number, s.title) for s in layout.sections] == [("1", "Introduction to this report")]
    assert layout.paragraphs[-1].text == "A second paragraph."
    assert not any("Contents" in p.text or ". ." in p.text for p in layout.paragraphs)


def test_first_line_indent_starts_a_paragraph_without_a_gap():
    doc = _doc(
        [
            [("Contents", 1, 14), ("1 Introduction . . 1", 2)],
            [
                ("1 Introduction", 1, 14),
                ("The first paragraph runs over two lines of", 1.5, BODY, 80),
                ("text and ends here.", 1),
                ("The second paragraph is indented and", 1, BODY, 80),
                ("ends as well.", 1),
                ("- A bullet that ends its first line here.", 1.5),
                ("The bullet goes on, hanging indent.", 1, BODY, 82),
                ("1", 50),
            ],
        ]
    )
    assert [p.text for p in analyse_layout(doc, profile=PROFILE).paragraphs] == [
        "The first paragraph runs over two lines of text and ends here.",
        "The second paragraph is indented and ends as well.",
        "A bullet that ends its first line here. The bullet goes on, hanging indent.",
    ]


def test_a_dash_inside_an_open_quotation_goes_on_with_the_item():
    """A title quoted in a bullet item wraps onto a line that starts with its own dash
    (“To all Foreign Technical Intern Trainees - About the … Laws -”): the sentence goes on
    inside the quotation, so the dash is text, not a new item; a dash after a finished
    sentence, or with the quotation closed, still starts one."""
    doc = _doc(
        [
            [("Contents", 1, 14), ("1 Introduction . . 1", 2)],
            [
                ("1 Introduction", 1, 14),
                ("- The Ministry has produced a leaflet titled “To all Trainees", 1.5),
                ("- About the Laws in Japan -” in five languages, online.", 1, BODY, 82),
                ("- A second item, after a sentence that ended.", 1),
                ("- A third item quoting “a title”", 1),
                ("- and a fourth.", 1),
                ("1", 50),
            ],
        ]
    )
    assert [p.text for p in analyse_layout(doc, profile=PROFILE).paragraphs] == [
        "The Ministry has produced a leaflet titled “To all Trainees - About the Laws in "
        "Japan -” in five languages, online.",
        "A second item, after a sentence that ended.",
        "A third item quoting “a title”",
        "and a fourth.",
    ]


# -- the running heads' gate (blocks._section_running_heads) ---------------------------------
# A page's other lines are compared with its top line's words only when they hold the longest
# of those words in their lower-cased text. The gate may skip no line that compares equal:
# drawn by hypothesis from text with capitals, curly quotes, digits, the Kelvin sign and the
# dotted capital I (whose lower case is longer than itself).


_HEAD_TEXT = st.text(
    st.sampled_from("abcXYZ019 -.,’‘“”\u212a\u0130\u00e9()") | st.characters(), max_size=30
)


@settings(max_examples=500, deadline=None)
@given(text=_HEAD_TEXT)
def test_a_lines_compared_words_all_stand_in_its_lower_cased_text(text):
    words = norm_words(text)
    for word in words.split():
        assert word in text.lower()


def _lines_page(number: int, texts: list[str]) -> PageText:
    lines = [
        Line(
            text=t,
            bbox=BBox(72, 80 + 14 * i, 400, 90 + 14 * i),
            page=number,
            size=10.0,
            baseline=90 + 14 * i,
        )
        for i, t in enumerate(texts)
    ]
    return PageText(number=number, width=595, height=842, lines=lines)


@pytest.mark.parametrize(
    ("other", "found"),
    [
        ("2. PREVENTION of trafficking—in persons", True),  # other case and punctuation
        ("2 Prevention of Trafficking in Persons", True),
        ("Prevention of trafficking in persons was the aim", False),
        ("Nothing like it on this page at all", False),
    ],
)
def test_a_top_line_printed_again_on_its_page_is_a_running_head(other, found):
    from annualcheck.layout.blocks import _section_running_heads

    top = "2. Prevention of Trafficking in Persons"
    page = _lines_page(1, [top, "Some body text of the page.", other])
    doc = PdfDocument(path=Path("synthetic.pdf"), sha256="0", pages=[page], metadata={})
    again, _ = _section_running_heads(doc, body_size=10.0)
    assert ((1, 0) in again) is found
