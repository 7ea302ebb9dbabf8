"""One report's pages read in parts by forked processes (pdf/page_split.py) give the lines a
single pass gives; a child that fails costs only time; no child outlives the reading."""

from __future__ import annotations

import os
import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annualcheck.pdf.document import open_pdf
from annualcheck.pdf.page_split import MIN_PAGES_PER_PART, part_ranges, read_in_parts
from tests.helpers.paths import REPORTS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="pages are split by fork")


@given(count=st.integers(0, 400), parts=st.integers(1, 8))
def test_part_ranges_cover_the_pages_in_order(count, parts):
    ranges = part_ranges(count, parts)
    assert [i for r in ranges for i in r] == list(range(count))
    assert 1 <= len(ranges) <= parts
    if len(ranges) > 1:
        assert all(len(r) >= MIN_PAGES_PER_PART for r in ranges)
        assert max(map(len, ranges)) - min(map(len, ranges)) <= 1


def _lines(doc):
    return [
        (
            p.number,
            p.width,
            [(ln.text, ln.bbox, ln.size, ln.cells, ln.footnote_refs) for ln in p.lines],
        )
        for p in doc.pages
    ]


@pytest.fixture(scope="module")
def single_pass():
    with open_pdf(REPORTS / "2020.pdf") as doc:
        return _lines(doc), doc.skipped_pages


@pytest.mark.parametrize("parts", [2, 3])
def test_parts_read_the_lines_of_one_pass(single_pass, parts, forked):
    with open_pdf(REPORTS / "2020.pdf", parts=parts) as doc:
        assert (_lines(doc), doc.skipped_pages) == single_pass
    assert len(forked) == parts - 1
    assert _reaped(forked)


@pytest.fixture
def forked(monkeypatch):
    """The pids the code under test forks (os.fork, recorded)."""
    pids: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def _reaped(pids: list[int]) -> bool:
    """Whether every one of these children has ended and been waited for."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


def _squares(pages: range) -> list[int]:
    return [i * i for i in pages]


def _raise_in_child() -> None:
    raise RuntimeError("a page this child cannot read")


def _killed_in_child() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as a crash in PDFium would end it


@pytest.mark.parametrize(
    ("fail", "count", "parts"),
    [(_raise_in_child, 40, 3), (_killed_in_child, 24, 2)],
    ids=["raises", "killed"],
)
def test_a_child_that_fails_has_its_part_read_here(forked, fail, count, parts):
    parent = os.getpid()

    def read(pages: range) -> list[int]:
        if os.getpid() != parent:
            fail()
        return _squares(pages)

    result = read_in_parts(read, count, parts)
    assert [x for part in result for x in part] == [i * i for i in range(count)]
    assert len(forked) >= 1
    assert _reaped(forked)


def test_an_error_here_leaves_no_child_running(forked):
    parent = os.getpid()

    def read(pages: range) -> list[int]:
        if os.getpid() == parent:
            raise KeyError("the first part fails here")
        signal.pause()  # a child still at work when the parent gives up
        return []

    with pytest.raises(KeyError):
        read_in_parts(read, 32, 4)
    assert len(forked) >= 1
    assert _reaped(forked)


def test_a_short_document_starts_no_child():
    parent = os.getpid()
    seen = []

    def read(pages: range) -> list[int]:
        seen.append(os.getpid())
        return list(pages)

    count = MIN_PAGES_PER_PART * 2 - 1
    assert read_in_parts(read, count, 4) == [list(range(count))]
    assert seen == [parent]


# -- one call in a child (a report's tables while its figures are read) ----------------------


def test_a_started_call_gives_its_value_and_a_failed_one_none():
    from annualcheck.pdf.page_split import finish_call, start_call

    here = os.getpid()
    child = start_call(lambda: (os.getpid() != here, [1, "two"]))
    assert child is not None
    assert finish_call(child) == ((True, [1, "two"]),)  # computed in another process

    def fails():
        raise RuntimeError("a bug in the call")

    assert finish_call(start_call(fails)) is None  # the caller then does the work itself
    assert finish_call(start_call(lambda: os._exit(3))) is None


def test_a_stopped_call_leaves_no_child():
    from annualcheck.pdf.page_split import start_call, stop_call

    child = start_call(lambda: signal.pause())
    stop_call(child)
    with pytest.raises(ChildProcessError):
        os.waitpid(child[0], os.WNOHANG)  # killed and reaped: no such child any more


def test_tables_read_in_a_child_are_the_tables_read_in_turn():
    from annualcheck.extract.pipeline import extract_record
    from annualcheck.profiles import get_profile

    profile = get_profile()
    alone = extract_record(REPORTS / "2021.pdf", profile=profile, page_parts=1)
    beside = extract_record(REPORTS / "2021.pdf", profile=profile, page_parts=2)
    assert beside.tables and beside.to_dict() == alone.to_dict()
