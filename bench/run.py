"""Benchmark: annualcheck against the floor (PDFium reading the text) and bare pdfplumber.

Every measurement runs in a fresh process (interpreter start and imports included, as a
user meets them), all in one run, and the two sides of each ratio are run in turns (the
floor and extract of a PDF; the long or vector-heavy report and the report it was made
from), so that a ratio compares numbers taken under the same load;
wall time is the median of several repetitions, peak memory the largest ru_maxrss of that
process and the processes it waited for (measured by a small launcher process), so for a
parallel `check` it is the biggest single process, not the sum.

    floor     pypdfium2: the text of every page                 per PDF
    plumber   pdfplumber: extract_text() of every page          per report
    extract   annualcheck extract PDF --no-cache                every report in reports/,
                                                                every 2020-*.pdf rendering in
                                                                tests/fixtures/ with a text layer
    cold      annualcheck check reports/ with an empty cache
    warm      annualcheck check reports/ again
    long      extract of the report repeated 10 times (testdata/long_report.py)
    vector    extract of the report whose Table 2 page draws 50,000 tiny squares
              (testdata/vector_heavy.py); the page's cost is its time minus the report's

Goals: extract <= 3x floor; cold <= 0.12x the sum of plumber; warm <= 0.25 s; the vector
page <= 1 s; long <= 10x extract of the report; peak <= 150 MB.

    python bench/run.py [--repeat 3] [--reports reports] [--fixture-glob '2020-*.pdf']
                        [--times 10] [--out bench/results.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "testdata"
PY = sys.executable
CLI = [PY, "-m", "annualcheck.cli"]

PDFPLUMBER_TEXT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""

PDFIUM_TEXT = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
for page in doc:
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
doc.close()
"""

TARGETS = {
    "extract_vs_floor": 3.0,  # each PDF's; the worst is compared
    "cold_check_vs_plumber": 0.12,
    "warm_seconds": 0.25,
    "vector_page_seconds": 1.0,
    "long_vs_short": 10.0,
    "peak_mb": 150.0,
}


@dataclass
class Measurement:
    """One workload: its command and the time and peak memory of each repetition."""

    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
    peak_mb: list[float] = field(default_factory=list)
    status: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


#: Runs one workload and reports it. A process inherits its parent's peak RSS at fork (Linux
#: keeps the high-water mark across exec), so the workload is started by this small launcher,
#: not by the benchmark process (which has rendered PDFs and imported pdfium).
LAUNCHER = """
import json, os, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
print(json.dumps({"rc": proc.returncode, "seconds": seconds, "peak_mb": peak, "cpu": cpu,
                  "err": proc.stderr.decode(errors="replace")[-500:]}))
"""


def portable(command: list[str]) -> list[str]:
    """A command as the results file records it: "python" for this interpreter and paths
    relative to the checkout (or the temporary folder), so the file names no machine's paths."""
    temp = tempfile.gettempdir()
    out = []
    for part in command:
        if part == PY:
            part = "python"
        elif part.startswith(str(ROOT) + os.sep):
            part = os.path.relpath(part, ROOT)
        elif part.startswith(temp + os.sep):
            part = "$TMPDIR" + part[len(temp) :]
        out.append(part)
    return out


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit status) of one fresh process."""
    done = subprocess.run(
        [PY, "-c", LAUNCHER, *command], capture_output=True, text=True, env=env, check=True
    )
    data = json.loads(done.stdout)
    if data["rc"] not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({data['rc']}): {data['err'].strip()}")
    return data["seconds"], data["cpu"], data["peak_mb"], data["rc"]


def measure_together(
    workloads: list[tuple[str, list[str]]], repeat: int, env: dict[str, str], before=None
) -> list[Measurement]:
    """Each workload `repeat` times, taken in turns (A B, B A, A B, ...) rather than all of
    A before all of B: a ratio of A to B then compares runs made under the same load, where
    a quiet or busy minute on a shared machine would otherwise fall on one side only."""
    done = [Measurement(name, command) for name, command in workloads]
    for round_ in range(repeat):
        turn = done if round_ % 2 == 0 else done[::-1]
        for m in turn:
            if before:
                before()
            seconds, cpu, peak, m.status = run_once(m.command, env)
            m.seconds.append(seconds)
            m.cpu.append(cpu)
            m.peak_mb.append(peak)
    for m in done:
        print(
            f"  {m.name:<34} {m.median:8.2f} s wall {m.cpu_median:8.2f} s cpu {m.peak:7.1f} MB",
            flush=True,
        )
    return done


def measure(
    name: str, command: list[str], repeat: int, env: dict[str, str], before=None
) -> Measurement:
    (m,) = measure_together([(name, command)], repeat, env, before)
    return m


def long_report(source: Path, times: int) -> Path:
    """The source's body `times` times over, rendered once and kept in the temp folder."""
    digest = hashlib.sha256(source.read_bytes())
    for tool in ("render_reports.py", "report_source.py", "long_report.py"):
        digest.update((TESTDATA / tool).read_bytes())
    folder = Path(tempfile.gettempdir()) / "annualcheck-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"{source.stem}x{times}-{digest.hexdigest()[:12]}.pdf"
    if not path.exists():
        print(f"rendering {path.name} ({times}x {source.name}) ...", flush=True)
        sys.path.insert(0, str(ROOT))  # bench/ is a script folder; testdata/ sits at the root
        from testdata.long_report import build_long_report

        build_long_report(path, times=times, source=source)
    return path


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def has_text(path: Path) -> bool:
    """Whether any page has a text layer: a scan without one is refused by `extract` (exit 2,
    by design), so it is no workload to time."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        for page in doc:
            textpage = page.get_textpage()
            try:
                if textpage.count_chars() > 0:
                    return True
            finally:
                textpage.close()
                page.close()
        return False
    finally:
        doc.close()


def vector_heavy(source: Path, page: int, specks: int) -> Path:
    """The report with `specks` tiny squares on page `page`, built once in the temp folder."""
    digest = hashlib.sha256(source.read_bytes())
    digest.update((TESTDATA / "vector_heavy.py").read_bytes())
    folder = Path(tempfile.gettempdir()) / "annualcheck-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"{source.stem}-specks{specks}-{digest.hexdigest()[:12]}.pdf"
    if not path.exists():
        sys.path.insert(0, str(ROOT))  # bench/ is a script folder; testdata/ sits at the root
        from testdata.vector_heavy import build

        build(source, path, page, specks=specks)
    return path


def ratios_of(
    med: dict[str, float],
    reports: list[Path],
    fixtures: list[Path],
    pages: dict[str, int],
    peak: float,
) -> dict[str, float]:
    """Every ratio the goals name, from one set of medians (wall or CPU seconds)."""
    return {
        **{
            f"extract_vs_floor:{pdf.name}": med[f"extract:{pdf.name}"] / med[f"floor:{pdf.name}"]
            for pdf in [*reports, *fixtures]
        },
        "cold_check_vs_plumber": med["cold"] / sum(med[f"plumber:{p.name}"] for p in reports),
        "warm_seconds": med["warm"],
        "vector_page_seconds": med["extract:vector"] - med["extract:vector/beside"],
        "long_vs_short": med["extract:long"] / med["extract:long/beside"],
        "long_pages_vs_short_pages": pages["long"] / pages["short"],
        "peak_mb": peak,
    }


def ratio_table(ratios: dict[str, float]) -> list[str]:
    lines = [f"{'ratio':<44} {'value':>8} {'goal':>8}"]
    for name, value in ratios.items():
        goal = TARGETS.get(name.split(":")[0])
        mark = "" if goal is None else ("ok" if value <= goal else "MISSED")
        limit = "" if goal is None else f"<= {goal:g}"
        lines.append(f"{name:<44} {value:8.3f} {limit:>8} {mark}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "tests" / "fixtures")
    parser.add_argument(
        "--fixture-glob",
        default="2020-*.pdf",
        help="which fixtures: the producers' renderings of the 2020 report (the other series' "
        "fixtures are read with their test profiles, not the tool's)",
    )
    parser.add_argument("--times", type=int, default=10, help="length of the long report")
    parser.add_argument("--vector-page", type=int, default=13, help="page given the specks")
    parser.add_argument("--specks", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)

    reports = sorted(args.reports.glob("*.pdf"))
    if not reports:
        print(f"no PDFs in {args.reports}", file=sys.stderr)
        return 2
    fixtures = sorted(args.fixtures.glob(args.fixture_glob))
    for pdf in [f for f in fixtures if not has_text(f)]:
        print(f"skipped {pdf.name}: no text layer (extract refuses it)")
        fixtures.remove(pdf)
    short = args.reports / "2020.pdf" if (args.reports / "2020.pdf").exists() else reports[0]
    long_pdf = long_report(ROOT / "reports" / "src" / f"{short.stem}.md", args.times)
    vector_pdf = vector_heavy(short, args.vector_page, args.specks)

    cache_dir = Path(tempfile.mkdtemp(prefix="annualcheck-bench-cache-"))
    env = {**os.environ, "ANNUALCHECK_CACHE_DIR": str(cache_dir)}
    env.pop("ANNUALCHECK_TIMINGS", None)
    # As an installed tool runs: modules compiled once, not at every start (some shells set
    # PYTHONDONTWRITEBYTECODE, which makes each process recompile the whole package).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run_once([*CLI, "extract", str(short), "--no-cache"], env)  # writes the bytecode
    r = args.repeat
    results: dict[str, Measurement] = {}

    def floor_and_extract(pdf: Path, key: str, beside: Path | None = None) -> None:
        """The floor and extract of one PDF in turns (their ratio is the goal); with `beside`,
        extract of that PDF too, in the same turns, kept as `extract:KEY/beside` (the long and
        the vector-heavy report are compared with the report they were made from)."""
        workloads = [
            (f"floor {pdf.name}", [PY, "-c", PDFIUM_TEXT, str(pdf)]),
            (f"extract {pdf.name}", [*CLI, "extract", str(pdf), "--no-cache"]),
        ]
        keys = [f"floor:{key}", f"extract:{key}"]
        if beside is not None:
            workloads.append(
                (f"extract {beside.name}", [*CLI, "extract", str(beside), "--no-cache"])
            )
            keys.append(f"extract:{key}/beside")
        results.update(zip(keys, measure_together(workloads, r, env), strict=True))

    print(
        f"{len(reports)} reports, {len(fixtures)} fixtures, long report "
        f"{page_count(long_pdf)} pages, {r} repetitions, load {os.getloadavg()[0]:.1f}"
    )
    for pdf in [*reports, *fixtures]:
        floor_and_extract(pdf, pdf.name)
    for pdf in reports:
        results[f"plumber:{pdf.name}"] = measure(
            f"pdfplumber {pdf.name}", [PY, "-c", PDFPLUMBER_TEXT, str(pdf)], r, env
        )

    def empty_cache() -> None:
        for entry in cache_dir.glob("*.json"):
            entry.unlink()

    check = [*CLI, "check", str(args.reports), "--format", "json"]
    results["cold"] = measure("check cold", check, r, env, before=empty_cache)
    run_once(check, env)  # fill the cache
    results["warm"] = measure("check warm", check, r, env)
    floor_and_extract(long_pdf, "long", beside=short)
    floor_and_extract(vector_pdf, "vector", beside=short)

    peak = max(m.peak for key, m in results.items() if not key.startswith(("floor", "plumber")))
    pages = {"long": page_count(long_pdf), "short": page_count(short)}
    wall = {key: m.median for key, m in results.items()}
    cpu = {key: m.cpu_median for key, m in results.items()}
    ratios = ratios_of(wall, reports, fixtures, pages, peak)
    cpu_ratios = ratios_of(cpu, reports, fixtures, pages, peak)
    worst = max(v for k, v in ratios.items() if k.startswith("extract_vs_floor:"))
    verdict = {
        name: (worst if name == "extract_vs_floor" else ratios[name]) <= goal
        for name, goal in TARGETS.items()
    }

    print("\nratios of wall-clock medians (what a user waits)")
    print("\n".join(ratio_table(ratios)))
    print("\nratios of CPU-time medians (steadier on a loaded machine)")
    print("\n".join(ratio_table(cpu_ratios)))

    payload = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average": os.getloadavg(),
        },
        "repeat": r,
        "long_report": {"file": long_pdf.name, "pages": page_count(long_pdf), "times": args.times},
        "vector_report": {"file": vector_pdf.name, "page": args.vector_page, "specks": args.specks},
        "measurements": {
            key: {**asdict(m), "command": portable(m.command), "median": m.median, "peak": m.peak}
            for key, m in results.items()
        },
        "ratios": ratios,
        "cpu_ratios": cpu_ratios,
        "targets": TARGETS,
        "met": verdict,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, indent=2))
    tmp.replace(args.out)
    print(f"\nwritten {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
