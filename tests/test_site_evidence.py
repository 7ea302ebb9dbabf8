"""The site as a journalist uses it: the error first, one click to its evidence and to the
PDF page; nothing stale left from an earlier run; everything escaped; and in a browser, at
1280 and 390 px, nothing wider than the window."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from annualcheck.model.errors import OutputError
from annualcheck.model.findings import finding_ids
from annualcheck.output.site import write_site
from annualcheck.profiles import get_profile
from helpers.builders import fig, finding, record, series, series_findings

PROFILE = get_profile("jp-tip")

ARTIFACTS = Path(__file__).resolve().parent / "_artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _fake_pdfs(folder: Path, built) -> dict[str, Path]:
    """Stand-ins for the reports' PDFs (the site copies whatever it is given)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for r in built.values():
        path = folder / r.source.file
        path.write_bytes(b"%PDF-1.4\n% stand-in\n%%EOF\n")
        out[r.source.file] = path
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = series()
    pdfs = _fake_pdfs(tmp_path_factory.mktemp("pdfs"), built)
    outdir = tmp_path_factory.mktemp("site") / "site"
    return write_site(built.values(), series_findings(), outdir, pdfs=pdfs, profile=PROFILE)


def test_index_opens_with_each_error_linked_to_its_evidence_and_pdf_page(site):
    text = site.read_text(encoding="utf-8")
    findings = series_findings()
    ids = finding_ids(findings)
    errors = [f for f in findings if f.severity == "error"]
    wrong = text[text.index('id="wrong"') : text.index("</section>")]
    assert "What is wrong: 2 errors" in wrong
    for f in errors:
        assert f'href="findings.html#{ids[id(f)]}"' in wrong
        assert f'href="{f.report_year}.pdf#page={f.page}"' in wrong
    # The error stands before the series table, the charts and everything else.
    assert text.index('id="wrong"') < text.index("<h2>Reports</h2>") < text.index("Trends")


def test_index_says_what_changed_most_in_words_and_a_chart(site):
    text = site.read_text(encoding="utf-8")
    lead = text[text.index('id="changed"') :]
    lead = lead[: lead.index("</section>")]
    assert "<svg" in lead and "Largest changes" in lead
    # Victims: 47 in 2019 -> 38 in 2020 (builders' series; FACTS.md), both periods and the unit.
    assert re.search(r"47 in 2019, 38 in 2020 \(-9 persons\)", lead)


def test_finding_anchors_and_page_links_on_the_findings_page(site):
    text = (site.parent / "findings.html").read_text(encoding="utf-8")
    findings = series_findings()
    ids = finding_ids(findings)
    for f in findings:
        assert f'id="{ids[id(f)]}"' in text
    # Evidence from another report links to that report's PDF.
    assert 'href="2019.pdf#page=10"' in text
    assert (site.parent / "2019.pdf").is_file()


def test_change_page_links_pages_to_the_new_pdf_and_hides_structure(site):
    text = (site.parent / "changes-2019-2020.html").read_text(encoding="utf-8")
    assert 'href="2020.pdf#page=' in text
    assert text.index('id="summary"') < text.index('id="figures"')
    structure = text[text.index('id="structure"') :]
    if "root[" in structure:
        assert structure.index("<details>") < structure.index("root[")
    assert "previous (period)" in text and "persons" in text


def test_a_rewrite_removes_pages_that_no_longer_belong(tmp_path):
    built = series()
    outdir = tmp_path / "site"
    write_site(built.values(), [], outdir, profile=PROFILE)
    assert (outdir / "changes-2020-2021.html").is_file()
    write_site([built[2019], built[2020]], [], outdir, profile=PROFILE)
    assert not (outdir / "changes-2020-2021.html").exists()
    assert (outdir / "changes-2019-2020.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folder left


def test_a_folder_that_is_not_a_site_is_refused_and_kept(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError):
        write_site(series().values(), [], tmp_path, profile=PROFILE)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_everything_from_a_report_is_escaped(tmp_path):
    evil = '<script>alert(1)</script>"&'
    old = record(2019, [fig("victims.total", 27, "2018", quote=evil)], sections=[("1", evil)],
                 paragraphs=[("1", evil)])  # fmt: skip
    new = record(2020, [fig("victims.total", 47, "2019", delta=20, quote=evil)],
                 sections=[("1", evil + "!")], paragraphs=[("1", evil + " more")])  # fmt: skip
    new.report.title = evil
    bad = finding("stated-change", "error", 2020, evil, quote=evil, key=evil)
    index = write_site([old, new], [bad], tmp_path / "site", profile=PROFILE)
    for page in index.parent.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text, page.name
        assert "alert(1)" not in text or "&lt;script&gt;alert(1)" in text


# -- in a browser ---------------------------------------------------------------------------

PAGES = ["index.html", "findings.html", "changes-2019-2020.html", "changes-2020-2021.html"]
WIDTHS = [1280, 390]

#: One page that frames every page of the site at both widths and writes, into its title,
#: the width each framed page takes (scrollWidth) and the width it has (innerWidth).
PROBE = """<!DOCTYPE html><html><body style="margin:0">{frames}
<script>
window.addEventListener('load', function () {{
  var out = [];
  document.querySelectorAll('iframe').forEach(function (f) {{
    var d = f.contentDocument.documentElement;
    out.push(f.dataset.name + ':' + d.scrollWidth + ':' + f.contentWindow.innerWidth);
  }});
  document.title = out.sort().join(' ');
}});
</script></body></html>"""


def _chromium(*args: str) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.fixture(scope="module")
def real_site(records, report_pdfs, tmp_path_factory):
    from annualcheck.checks import run_checks
    from annualcheck.profiles import get_profile

    series_records = [records[y] for y in (2019, 2020, 2021)]
    findings = run_checks(series_records, profile=get_profile("jp-tip"))
    pdfs = {p.name: p for p in report_pdfs.values()}
    outdir = tmp_path_factory.mktemp("real") / "site"
    return write_site(series_records, findings, outdir, pdfs=pdfs, profile=PROFILE)


def test_the_real_error_is_on_the_first_screen(real_site):
    text = real_site.read_text(encoding="utf-8")
    wrong = text[text.index('id="wrong"') :]
    wrong = wrong[: wrong.index("</section>")]
    assert "Figure 8" in wrong and 'href="2020.pdf#page=4"' in wrong
    # The figure table of the change page says the unit and both periods.
    change = (real_site.parent / "changes-2019-2020.html").read_text(encoding="utf-8")
    assert "27 (2018)" in change and "47 (2019)" in change


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_nothing_is_wider_than_the_window(real_site):
    frames = "".join(
        f'<iframe data-name="{w}/{p}" src="{p}" style="width:{w}px;height:600px;border:0"></iframe>'
        for w in WIDTHS
        for p in PAGES
    )
    probe = real_site.parent / "probe.html"
    probe.write_text(PROBE.format(frames=frames), encoding="utf-8")
    try:
        dom = _chromium("--allow-file-access-from-files", "--virtual-time-budget=10000",
                        "--window-size=1400,1000", "--dump-dom", probe.as_uri())  # fmt: skip
    finally:
        probe.unlink()
    m = re.search(r"<title>([^<]*)</title>", dom)
    assert m and m.group(1), "the probe page did not report its widths"
    seen = {}
    for item in m.group(1).split():
        name, scroll, inner = item.rsplit(":", 2)
        seen[name] = (int(scroll), int(inner))
    assert len(seen) == len(WIDTHS) * len(PAGES)
    too_wide = {n: w for n, w in seen.items() if w[0] > w[1]}
    assert all(int(n.split("/")[0]) == w[1] for n, w in seen.items())
    assert not too_wide, too_wide


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_first_screen(real_site, width):
    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / f"index-{width}.png"
    png.unlink(missing_ok=True)
    _chromium(f"--window-size={width},900", f"--screenshot={png}", real_site.as_uri())
    assert png.stat().st_size > 10_000  # not a blank page


def test_findings_page_puts_every_error_before_any_report_s_info(site):
    text = (site.parent / "findings.html").read_text(encoding="utf-8")
    findings = series_findings()
    ids = finding_ids(findings)
    first_report = text.index('id="report-2019"')
    for f in findings:
        at = text.index(f'id="{ids[id(f)]}"')
        assert (at < first_report) == (f.severity in ("error", "warning")), f.message
