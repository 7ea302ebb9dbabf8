"""Benchmark: annualcheck against pdfplumber's bare text extraction, cold and warm, short and long.

Every measurement runs in a fresh process (interpreter start and imports included, as a
user meets them); wall time is the median of several repetitions, peak memory the largest
ru_maxrss of that process and the processes it waited for (measured by a small launcher
process), so for a parallel `check` it is the biggest single process, not the sum.

    (a) pdfplumber: extract_text() of every page            the baseline
    (b) pypdfium2: text of every page                       the floor
    (c) annualcheck extract REPORT --no-cache               per report, and on a 10x report
    (d) annualcheck check reports/ with an empty cache      cold
    (e) annualcheck check reports/ again                    warm

Targets: (d) <= 0.25 x sum of (a); (e) <= 0.1 x (d); long (c) <= 11 x short (c); peak <= 300 MB.

    python bench/run.py [--repeat 3] [--reports reports] [--times 10] [--out bench/results.json]
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
    "cold_check_vs_baseline": 0.25,
    "warm_vs_cold": 0.1,
    "long_vs_short": 11.0,
    "peak_mb": 300.0,
}


@dataclass
class Measurement:
    """One workload: its command and the time and peak memory of each repetition."""

    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    status: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

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
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": proc.returncode, "seconds": seconds, "peak_mb": peak,
                  "err": proc.stderr.decode(errors="replace")[-500:]}))
"""


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of one fresh process."""
    done = subprocess.run(
        [PY, "-c", LAUNCHER, *command], capture_output=True, text=True, env=env, check=True
    )
    data = json.loads(done.stdout)
    if data["rc"] not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({data['rc']}): {data['err'].strip()}")
    return data["seconds"], data["peak_mb"], data["rc"]


def measure(
    name: str, command: list[str], repeat: int, env: dict[str, str], before=None
) -> Measurement:
    m = Measurement(name, command)
    for _ in range(repeat):
        if before:
            before()
        seconds, peak, m.status = run_once(command, env)
        m.seconds.append(seconds)
        m.peak_mb.append(peak)
    print(f"  {name:<34} {m.median:8.2f} s  {m.peak:7.1f} MB", flush=True)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    parser.add_argument("--times", type=int, default=10, help="length of the long report")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)

    pdfs = sorted(args.reports.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {args.reports}", file=sys.stderr)
        return 2
    short = args.reports / "2020.pdf" if (args.reports / "2020.pdf").exists() else pdfs[0]
    long_pdf = long_report(ROOT / "reports" / "src" / f"{short.stem}.md", args.times)

    cache_dir = Path(tempfile.mkdtemp(prefix="annualcheck-bench-cache-"))
    env = {**os.environ, "ANNUALCHECK_CACHE_DIR": str(cache_dir)}
    r = args.repeat
    results: dict[str, Measurement] = {}

    print(f"{len(pdfs)} reports, long report {page_count(long_pdf)} pages, {r} repetitions")
    for pdf in pdfs:
        results[f"a:{pdf.name}"] = measure(
            f"(a) pdfplumber {pdf.name}", [PY, "-c", PDFPLUMBER_TEXT, str(pdf)], r, env
        )
        results[f"b:{pdf.name}"] = measure(
            f"(b) pypdfium2 {pdf.name}", [PY, "-c", PDFIUM_TEXT, str(pdf)], r, env
        )
        results[f"c:{pdf.name}"] = measure(
            f"(c) extract {pdf.name}", [*CLI, "extract", str(pdf), "--no-cache"], r, env
        )

    def empty_cache() -> None:
        for entry in cache_dir.glob("*.json"):
            entry.unlink()

    check = [*CLI, "check", str(args.reports), "--format", "json"]
    results["d"] = measure("(d) check cold", check, r, env, before=empty_cache)
    run_once(check, env)  # fill the cache
    results["e"] = measure("(e) check warm", check, r, env)
    # Once only: it takes minutes, and no target depends on it (it shows the baseline's scaling).
    results["a:long"] = measure(
        f"(a) pdfplumber {long_pdf.name}", [PY, "-c", PDFPLUMBER_TEXT, str(long_pdf)], 1, env
    )
    results["b:long"] = measure(
        f"(b) pypdfium2 {long_pdf.name}", [PY, "-c", PDFIUM_TEXT, str(long_pdf)], r, env
    )
    results["c:long"] = measure(
        f"(c) extract {long_pdf.name}", [*CLI, "extract", str(long_pdf), "--no-cache"], r, env
    )

    sum_a = sum(results[f"a:{p.name}"].median for p in pdfs)
    ratios = {
        **{
            f"extract_vs_baseline:{p.name}": results[f"c:{p.name}"].median
            / results[f"a:{p.name}"].median
            for p in pdfs
        },
        "cold_check_vs_baseline": results["d"].median / sum_a,
        "warm_vs_cold": results["e"].median / results["d"].median,
        "long_vs_short": results["c:long"].median / results[f"c:{short.name}"].median,
        "long_pages_vs_short_pages": page_count(long_pdf) / page_count(short),
        "peak_mb": max(m.peak for m in results.values() if m.name[1] in "cde"),
    }
    verdict = {name: ratios[name] <= limit for name, limit in TARGETS.items()}

    print()
    print(f"{'ratio':<40} {'value':>8} {'target':>8}")
    for name, value in ratios.items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("ok" if value <= target else "MISSED")
        limit = "" if target is None else f"<= {target:g}"
        print(f"{name:<40} {value:8.3f} {limit:>8} {mark}")

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
        "measurements": {
            key: {**asdict(m), "median": m.median, "peak": m.peak} for key, m in results.items()
        },
        "ratios": ratios,
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
