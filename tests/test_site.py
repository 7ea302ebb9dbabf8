"""The static site on built records: pages, charts, tables, links, and a look in Chromium."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from annualcheck.output.site import write_site
from annualcheck.profiles import get_profile
from helpers.builders import series, series_findings
from testdata.fonts import chromium

PROFILE = get_profile("jp-tip")

ARTIFACTS = Path(__file__).resolve().parent / "_artifacts"
CHROMIUM = chromium()  # None when not installed: the browser tests skip


class Page(HTMLParser):
    """What a page holds: tags, attributes, captions, ids, and the text of table cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.captions: list[str] = []
        self.cells: list[str] = []
        self.svg_titles: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        self._open.append(tag)
        if tag == "caption":
            self.captions.append("")
        elif tag in ("td", "th"):
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if not self._open:
            return
        # The innermost element that collects text (a link inside a cell counts for the cell).
        current = next(
            (t for t in reversed(self._open) if t in ("caption", "td", "th", "title")), ""
        )
        if current == "caption":
            self.captions[-1] += data
        elif current in ("td", "th"):
            self.cells[-1] += data
        elif current == "title" and "svg" in self._open:
            self.svg_titles.append(data)

    def values(self, attr: str) -> list[str]:
        return [v for _, k, v in self.attrs if k == attr and v is not None]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    outdir = tmp_path_factory.mktemp("site")
    index = write_site(
        series().values(),
        series_findings(),
        outdir,
        notes=["a note on the series"],
        profile=PROFILE,
    )
    return index


def test_pages_written(site):
    names = sorted(p.name for p in site.parent.iterdir())
    assert names == [
        "changes-2019-2020.html",
        "changes-2020-2021.html",
        "findings.html",
        "index.html",
    ]
    assert site.name == "index.html"


def test_index_has_inline_svg_charts_with_titles(site):
    page = parse(site)
    # Five charts of the profile; "cases" and "persons" of one of them on two axes.
    assert site.read_text().count('<figure class="chart">') == 6
    assert page.tags.count("svg") == 7  # and the small chart of the largest changes
    assert page.svg_titles[1:3] == ["Victims put under protection", "Victims by nationality"]
    # Charts are inline and take the page's text colour.
    assert "currentColor" in site.read_text()
    assert "<?xml" not in site.read_text()


def test_chart_values_come_from_the_records(site):
    page = parse(site)
    caption = "Victims put under protection: values by year covered"
    assert caption in page.captions
    cells = page.cells
    i = cells.index("Victims (total)")
    assert cells[i + 1 : i + 4] == ["27", "47", "38"]  # data years 2018, 2019, 2020
    j = cells.index("Japan")
    assert cells[j + 1 : j + 4] == ["18", "34", "28"]


def test_series_table(site):
    page = parse(site)
    assert "The series at a glance: one row per report" in page.captions
    i = page.cells.index("2020.pdf")
    # report, covers, published, pages, file, reconstruction, error, warning, info
    assert page.cells[i - 4 : i] == ["2020", "2019", "2020-05-25", "79"]
    assert page.cells[i + 1 : i + 5] == ["no", "2", "0", "0"]
    assert "a note on the series" in site.read_text()


@pytest.mark.parametrize(
    "name", ["index.html", "findings.html", "changes-2019-2020.html", "changes-2020-2021.html"]
)
def test_every_page_is_self_contained_with_captions_and_links(site, name):
    path = site.parent / name
    page = parse(path)
    text = path.read_text()
    assert page.tags.count("table") == len(page.captions) > 0
    assert all(c.strip() for c in page.captions)
    assert "script" not in page.tags
    assert not page.values("src")  # nothing loaded from anywhere
    hrefs = page.values("href")
    assert "index.html" in hrefs
    for href in hrefs:
        url = urlparse(href)
        assert not url.scheme and not url.netloc, href
        if url.path:
            assert (path.parent / url.path).is_file(), href
    ids = page.values("id")
    assert len(ids) == len(set(ids))
    assert "prefers-color-scheme: dark" in text and "@media print" in text


def test_pair_page_holds_the_change_report(site):
    page = parse(site.parent / "changes-2019-2020.html")
    assert "contradicts" in page.cells
    assert "still pending" in page.cells
    assert any(c.startswith("Persons report 2019 left awaiting trial") for c in page.captions)


def test_findings_page_with_pages_and_quotes(site):
    text = (site.parent / "findings.html").read_text()
    assert "Figure 8: contents say 40 suspects, caption says 39" in text
    assert "Figure 8 Occupations of 39 suspects" in text
    assert "p. 11" in text and "report 2019, p. 10" in text
    assert text.index('id="report-2019"') < text.index('id="report-2020"')


def test_single_report_site(tmp_path):
    index = write_site([series()[2020]], [], tmp_path / "one", profile=PROFILE)
    assert sorted(p.name for p in index.parent.iterdir()) == ["findings.html", "index.html"]
    assert "nothing to compare" in index.read_text()


def test_rewrite_leaves_no_temporary_files(tmp_path):
    for _ in range(2):
        write_site(series().values(), [], tmp_path, profile=PROFILE)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_matplotlib_is_imported_only_when_charts_are_drawn():
    code = "import sys, annualcheck.output.site, annualcheck.render.findings, annualcheck.render.diff; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- a look in a browser ---------------------------------------------------------------------


def screenshot(url: str, png: Path, dark: bool) -> None:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--window-size=1280,1400", f"--screenshot={png}"]  # fmt: skip
    if dark:
        args += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
    subprocess.run([*args, url], capture_output=True, timeout=120, check=True)


def luminance(rgb: tuple[int, ...]) -> float:
    r, g, b = rgb[:3]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_index_screenshot(site, scheme):
    from PIL import Image

    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / f"index-{scheme}.png"
    png.unlink(missing_ok=True)
    screenshot(site.as_uri(), png, dark=scheme == "dark")
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 1400)
    background = luminance(image.getpixel((5, 700)))
    if scheme == "light":
        assert background > 230
    else:
        assert background < 40
    # The page is not blank: text and charts make many pixels differ from the background.
    colours = image.resize((320, 350)).getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 50


def test_real_series_site(records, tmp_path):
    series_records = [records[y] for y in (2019, 2020, 2021)]
    index = write_site(series_records, [], tmp_path, profile=PROFILE)
    page = parse(index)
    assert index.read_text().count('<figure class="chart">') == 6
    # FACTS.md: 27 victims in 2018, 47 in 2019, 38 in 2020.
    i = page.cells.index("Victims (total)")
    assert page.cells[i + 1 : i + 4] == ["27", "47", "38"]
    assert (tmp_path / "changes-2019-2020.html").is_file()
    assert (tmp_path / "changes-2020-2021.html").is_file()


def test_gap_between_reports_is_named(tmp_path):
    built = series()
    index = write_site([built[2019], built[2021]], series_findings(), tmp_path, profile=PROFILE)
    text = index.read_text()
    assert "no report 2020 in the series" in text
    assert (tmp_path / "changes-2019-2021.html").is_file()
    # Report years with findings link to their part of the findings page.
    assert 'href="findings.html#report-2019"' in text
    assert 'id="report-2019"' in (tmp_path / "findings.html").read_text()
