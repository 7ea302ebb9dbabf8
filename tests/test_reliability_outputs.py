"""Outputs never destroy what they should not: an input, a symlink, a device; `-` is stdout;
a full disk is one line naming the output (issue 13, item 1)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from annualcheck.model.errors import OutputError
from annualcheck.model.record import Table
from annualcheck.output import iosafe
from annualcheck.output.iosafe import atomic_write_text, check_writable, write_target
from annualcheck.output.record import write_record
from annualcheck.profiles import get_profile
from helpers.builders import fig, record

PROFILE = get_profile("jp-tip")


def sample_record():
    rec = record(2020, [fig("victims.total", 47, "2019", delta=20)])
    rec.tables["table1"] = Table("Table 1", "Initiatives", 30, [])
    return rec


@pytest.fixture
def fake_loading(monkeypatch):
    """Loading gives a small record at once, so the CLI's output handling is what is tested."""
    import annualcheck.batch.series as series

    monkeypatch.setattr(series, "load_one", lambda *a, **k: sample_record())


def test_output_that_is_the_input_is_refused_before_reading(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 precious\n%%EOF\n")
    result = CliRunner().invoke(cli, ["extract", str(pdf), "-o", str(pdf)])
    assert result.exit_code == 2
    assert "is the input" in result.stderr and len(result.stderr.splitlines()) == 1
    assert pdf.read_bytes() == b"%PDF-1.4 precious\n%%EOF\n"


def test_hard_link_and_symlink_to_the_input_are_the_input(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-")
    os.link(pdf, tmp_path / "hard.json")
    (tmp_path / "soft.json").symlink_to(pdf)
    for name in ("hard.json", "soft.json"):
        with pytest.raises(OutputError, match="is the input"):
            check_writable(tmp_path / name, inputs=[pdf])
    # through a folder argument too (export and report take folders)
    with pytest.raises(OutputError, match="is the input"):
        check_writable(tmp_path / "hard.json", inputs=[tmp_path])


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_special_files_are_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} absent")
    with pytest.raises(OutputError, match="device, FIFO or socket"):
        check_writable(device)


def test_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="device, FIFO or socket"):
        check_writable(fifo)
    with pytest.raises(OutputError):
        atomic_write_text(fifo, "x")


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real" / "out.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    check_writable(link)
    atomic_write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert write_target(link) == target.resolve()


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    atomic_write_text(link, "x")
    assert link.is_symlink() and (tmp_path / "new.json").read_text() == "x"


def test_dash_is_stdout_for_extract(tmp_path, fake_loading, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["extract", "any.pdf", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert '"victims.total"' in result.stdout
    assert not (tmp_path / "-").exists()
    result = CliRunner().invoke(cli, ["extract", "any.pdf", "--format", "csv", "-o", "-"])
    assert result.stdout.startswith("report_year,")
    assert not (tmp_path / "-").exists()


def test_dash_is_refused_for_a_site():
    with pytest.raises(OutputError, match="must be a folder"):
        check_writable("-", folder_ok=True, folder_only=True)


def test_full_disk_is_one_line_naming_the_output(tmp_path, monkeypatch, fake_loading):
    def full(tmp: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))

    monkeypatch.setattr(iosafe, "_write_file", full)
    out = tmp_path / "2020.json"
    out.write_text("previous")
    with pytest.raises(OutputError) as info:
        write_record(sample_record(), "json", out, profile=PROFILE)
    assert str(out) in info.value.line() and "No space left on device" in info.value.line()
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2020.json"]
    result = CliRunner().invoke(cli, ["extract", "any.pdf", "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(out) in lines[0] and "No space left" in lines[0]
