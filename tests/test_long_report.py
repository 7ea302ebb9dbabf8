"""A 1,000-page report (the 2020 body repeated) is processed with bounded memory, and the
size and page limits refuse it with a clear message.

Rendering 1,000 pages takes most of a minute, so the PDF is kept in pytest's cache folder,
keyed by a hash of the source and the renderer: only the first run (or a change to either)
pays for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "testdata"
SOURCE = ROOT / "reports" / "src" / "2020.md"
TARGET_PAGES = 1000
PEAK_LIMIT_MB = 1024


@pytest.fixture(scope="session")
def long_report(request, tmp_path_factory) -> Path:
    from testdata.long_report import build_long_report, page_count

    digest = hashlib.sha256()
    for part in (
        SOURCE,
        *(TESTDATA / n for n in ("render_reports.py", "report_source.py", "long_report.py")),
    ):
        digest.update(part.read_bytes())
    name = f"long-{TARGET_PAGES}-{digest.hexdigest()[:16]}.pdf"
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    folder = (
        Path(cache.mkdir("annualcheck-long-report")) if cache else tmp_path_factory.mktemp("long")
    )
    path = folder / name
    if not path.exists():
        for old in folder.glob("long-*.pdf"):
            old.unlink()
        tmp = folder / (name + ".part")
        build_long_report(tmp, pages=TARGET_PAGES, source=SOURCE)
        shutil.move(tmp, path)
    assert page_count(path) >= TARGET_PAGES
    return path


def run_measured(args: list[str], env_cache: Path) -> tuple[int, str, str, float]:
    """Run `annualcheck ARGS` in a fresh interpreter; return its status, streams and the
    peak resident memory of that child in MB (ru_maxrss is in KiB on Linux)."""
    script = textwrap.dedent(
        """
        import json, resource, subprocess, sys
        proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"rc": proc.returncode, "out": proc.stdout, "err": proc.stderr, "peak": peak}))
        """
    )
    cmd = [sys.executable, "-c", script, sys.executable, "-m", "annualcheck.cli", *args]
    env = {**os.environ, "ANNUALCHECK_CACHE_DIR": str(env_cache)}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    data = json.loads(done.stdout)
    return data["rc"], data["out"], data["err"], data["peak"]


@pytest.mark.slow
def test_thousand_pages_bounded_memory(long_report, tmp_path):
    out = tmp_path / "long.json"
    rc, _, err, peak = run_measured(
        ["extract", str(long_report), "--no-cache", "-o", str(out)], tmp_path / "cache"
    )
    assert rc == 0, err
    assert err == ""
    record = json.loads(out.read_text())
    assert record["source"]["pages"] >= TARGET_PAGES
    assert record["report"]["report_year"] == 2020
    assert peak < PEAK_LIMIT_MB, f"peak RSS {peak:.0f} MB"


@pytest.mark.slow
def test_page_limit_refuses_long_report(long_report, tmp_path):
    from click.testing import CliRunner

    from annualcheck.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(long_report), "--max-pages", "500"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert str(long_report) in line and "over the limit of 500" in line
    pages = int(line.split("PDF has ")[1].split()[0])
    assert pages >= TARGET_PAGES


@pytest.mark.slow
def test_size_limit_refuses_long_report(long_report):
    from click.testing import CliRunner

    from annualcheck.cli import cli

    size_mb = long_report.stat().st_size / 1048576
    limit = round(size_mb / 2, 2)
    result = CliRunner().invoke(cli, ["extract", str(long_report), "--max-mb", str(limit)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert f"file is {size_mb:.1f} MB" in line and f"limit of {limit:.1f} MB" in line
