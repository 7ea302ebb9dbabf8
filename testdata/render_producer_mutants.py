"""Render one mutant of the real 2020 text by each producer family, so a mutation is still
caught whatever program printed the report.

Each case changes one place of reports/src/2020.md (as the mutation corpus of
tests/test_mutations.py does: a caption's count, a trial result in Table 2) and prints the
result with one producer: reportlab (testdata.render_reports), Chromium
(testdata.render_other_producer), WeasyPrint and LibreOffice (testdata.render_producers),
Ghostscript (re-distilling the LibreOffice mutant) and an OCR'd scan (of the reportlab
mutant). The PDFs go to tests/fixtures/2020-mutant-<producer>-<case>.pdf and are committed;
tests/test_producer_mutants.py reads them in every run.

    python -m testdata.render_producer_mutants              # every case whose program is installed
    python -m testdata.render_producer_mutants libreoffice-table-row-status

A case whose program is missing is skipped with a line on stderr.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "reports" / "src" / "2020.md"
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class ProducerMutant:
    """One change of the 2020 source, printed by one producer, that `rule` must flag.
    `printed`: words the changed place prints, to find its page by reading the PDF."""

    name: str  # <producer>-<case>: the fixture is 2020-mutant-<name>.pdf
    producer: str  # reportlab | chromium | weasyprint-a5-sans | libreoffice-a4-serif | ghostscript | ocr-scan
    rule: str
    old: str
    new: str
    printed: str
    program: str  # the program the producer needs ("python": nothing outside Python)
    source: str = ""  # ghostscript, ocr-scan: the case whose PDF is re-distilled or scanned

    @property
    def path(self) -> Path:
        return FIXTURES / f"2020-mutant-{self.name}.pdf"


CAPTION_VICTIMS = ("Nationalities of the 47 victims", "Nationalities of the 46 victims")
CAPTION_FOREIGN = (
    "Status of residence of the 13 foreign victims",
    "Status of residence of the 14 foreign victims",
)
ROW_STATUS = (
    "| 7 | Violation of the Child Welfare Act | Pending trial |",
    "| 7 | Violation of the Child Welfare Act | 10 months imprisonment, suspension of 3 years |",
)

MUTANTS = [
    ProducerMutant(
        "reportlab-caption-victims", "reportlab", "caption-count", *CAPTION_VICTIMS,
        printed="Nationalities of the 46 victims", program="python",
    ),
    ProducerMutant(
        "chromium-table-row-status", "chromium", "table-count", *ROW_STATUS,
        printed="10 months imprisonment, suspension of 3 years", program="chromium",
    ),
    ProducerMutant(
        "weasyprint-caption-foreign", "weasyprint-a5-sans", "caption-count", *CAPTION_FOREIGN,
        printed="Status of residence of the 14 foreign victims", program="python",
    ),
    ProducerMutant(
        "libreoffice-table-row-status", "libreoffice-a4-serif", "table-count", *ROW_STATUS,
        printed="10 months imprisonment, suspension of 3 years", program="soffice",
    ),
    ProducerMutant(
        "ghostscript-table-row-status", "ghostscript", "table-count", *ROW_STATUS,
        printed="10 months imprisonment, suspension of 3 years", program="gs",
        source="libreoffice-table-row-status",
    ),
    ProducerMutant(
        "ocr-caption-victims", "ocr-scan", "caption-count", *CAPTION_VICTIMS,
        printed="Nationalities of the 46 victims", program="tesseract",
        source="reportlab-caption-victims",
    ),
]  # fmt: skip


def mutated_source(mutant: ProducerMutant) -> str:
    """The 2020 source with the mutant's one change (its first occurrence)."""
    text = SOURCE.read_text(encoding="utf-8")
    if text.count(mutant.old) < 1:
        raise SystemExit(f"{mutant.name}: {mutant.old!r} not found in {SOURCE.name}")
    return text.replace(mutant.old, mutant.new, 1)


def render_mutant(mutant: ProducerMutant) -> Path | None:
    """Print one mutant to its fixture path, or None when its program is missing."""
    from testdata.report_source import parse_source

    if mutant.program != "python" and not shutil.which(mutant.program):
        print(f"skipped {mutant.name}: {mutant.program} is not installed", file=sys.stderr)
        return None
    text = mutated_source(mutant)
    out = mutant.path
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if mutant.producer == "reportlab":
            from testdata.render_reports import render_source

            render_source(text, out)
        elif mutant.producer == "chromium":
            from testdata.render_other_producer import render_other

            render_other(text, out)
        else:
            from testdata import render_producers

            source = FIXTURES / f"2020-mutant-{mutant.source}.pdf"
            if mutant.producer == "ghostscript":
                produce = render_producers.redistil(source)
            elif mutant.producer == "ocr-scan":
                produce = render_producers.ocr_scan(source)
            else:
                produce = render_producers.PRODUCERS[mutant.producer][1]
            produce(parse_source(text), out, work)
    return out


def main(argv: list[str] | None = None) -> int:
    names = argv or [m.name for m in MUTANTS]
    by_name = {m.name: m for m in MUTANTS}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        print(
            f"unknown case(s): {', '.join(unknown)}; known: {', '.join(by_name)}", file=sys.stderr
        )
        return 2
    for name in names:
        out = render_mutant(by_name[name])
        if out is not None:
            print(f"{name}: {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
