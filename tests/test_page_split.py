"""One report's pages read in parts by forked processes (pdf/page_split.py) give the lines a
single pass gives, and work shared with a child (its tables, its sections' figures) the values
made in turn; a child that fails costs only time; no child outlives the reading."""

from __future__ import annotations

import os
import signal
import time
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.pdf.document import open_pdf
from annualcheck.pdf.page_split import MAX_SHARED_ITEMS, MIN_PAGES_PER_PART, map_shared
from tests.helpers.paths import REPORTS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="pages are split by fork")


@given(
    count=st.integers(0, 60),
    processes=st.integers(1, 4),
    stop_at=st.integers(-1, 60),
    queue_size=st.sampled_from([MAX_SHARED_ITEMS, 1, 5]),
)
@settings(max_examples=30, deadline=None)
def test_shared_items_are_the_items_made_in_turn(count, processes, stop_at, queue_size):
    from annualcheck.pdf import page_split

    def work(i: int) -> int:
        time.sleep(0.0005)
        return -1 if i == stop_at else i * i

    # a queue smaller than the items: each number stands for a block of them
    with mock.patch.object(page_split, "MAX_SHARED_ITEMS", queue_size):
        values = map_shared(work, count, processes, stop=lambda v: v == -1)
    assert len(values) == count
    if 0 <= stop_at < count:  # stopped: the stopping value is there, the rest may be None
        assert -1 in values
        assert all(v in (None, -1, i * i) for i, v in enumerate(values))
    else:
        assert values == [i * i for i in range(count)]


def test_this_process_makes_its_meanwhile_once_while_the_children_take_items():
    here = os.getpid()
    done = []

    def meanwhile():
        done.append(os.getpid())
        time.sleep(0.05)  # the children take items meanwhile

    values = map_shared(lambda i: (i, os.getpid()), 64, 2, meanwhile=meanwhile)
    assert done == [here]
    assert [i for i, _ in values] == list(range(64))
    assert {pid for _, pid in values} - {here}  # a child made some


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


def _raise_in_child() -> None:
    raise RuntimeError("a page this child cannot read")


def _killed_in_child() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as a crash in PDFium would end it


@pytest.mark.parametrize(
    ("fail", "count", "processes"),
    [(_raise_in_child, 40, 3), (_killed_in_child, 24, 2)],
    ids=["raises", "killed"],
)
def test_a_child_that_fails_has_its_items_made_here(forked, fail, count, processes):
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            fail()
        return i * i

    assert map_shared(work, count, processes) == [i * i for i in range(count)]
    assert len(forked) == processes - 1
    assert _reaped(forked)


def test_an_error_here_leaves_no_child_running(forked):
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() == parent:
            raise KeyError("a page fails here")
        signal.pause()  # a child still at work when the parent gives up
        return i

    with pytest.raises(KeyError):
        map_shared(work, 32, 4)
    assert len(forked) >= 1
    assert _reaped(forked)


def test_a_stop_found_here_leaves_no_child_running(forked):
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            signal.pause()  # would never finish its item
        return -1

    values = map_shared(work, 32, 3, stop=lambda v: v == -1)
    assert values.count(-1) == 1 and values.count(None) == 31  # the rest never made
    assert _reaped(forked)


def test_a_short_document_starts_no_child():
    parent = os.getpid()
    seen = []

    def work(i: int) -> int:
        seen.append(os.getpid())
        return i

    count = MIN_PAGES_PER_PART * 2 - 1
    assert map_shared(work, count, 4) == list(range(count))
    assert set(seen) == {parent}


# -- work shared with a child (a report's tables, then its sections' figures) -----------------


def _item(number: int) -> tuple[int, int]:
    time.sleep(0.002)  # long enough for both processes to take items
    return number * number, os.getpid()


@pytest.mark.parametrize("queue_size", [MAX_SHARED_ITEMS, 7])
def test_shared_items_come_back_in_order_each_made_once(queue_size):
    from annualcheck.pdf import page_split
    from annualcheck.pdf.page_split import run_beside_child

    here = os.getpid()
    # a queue smaller than the items: each number stands for a block of them
    with mock.patch.object(page_split, "MAX_SHARED_ITEMS", queue_size):
        first, values = run_beside_child(lambda: os.getpid(), lambda: None, _item, 200)
    assert first != here  # the child made it
    assert [v for v, _ in values] == [i * i for i in range(200)]
    assert {pid for _, pid in values} <= {here, first}


def test_a_child_that_fails_first_leaves_everything_to_this_process():
    from annualcheck.pdf.page_split import run_beside_child

    here = os.getpid()

    def first():
        if os.getpid() != here:
            raise RuntimeError("a bug in the child's part")
        return "made here"

    assert run_beside_child(first, lambda: None, _item, 20) == (
        "made here",
        [(i * i, here) for i in range(20)],
    )


def test_items_a_child_took_and_never_sent_are_made_here():
    from annualcheck.pdf.page_split import run_beside_child

    here = os.getpid()

    def item(number):
        if os.getpid() != here:
            os._exit(3)  # dies holding the item it took
        return _item(number)

    first, values = run_beside_child(lambda: "tables", lambda: None, item, 50)
    assert first == "tables"  # sent before it died
    assert values == [(i * i, here) for i in range(50)]


def test_a_child_is_not_waited_for_once_every_item_is_made():
    from annualcheck.pdf.page_split import run_beside_child

    here = os.getpid()

    def prepare():
        if os.getpid() != here:
            signal.pause()  # would never take an item, nor end

    started = time.monotonic()
    first, values = run_beside_child(lambda: "tables", prepare, _item, 5)
    assert (first, [v for v, _ in values]) == ("tables", [0, 1, 4, 9, 16])
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # stopped and reaped: no child left


@pytest.mark.parametrize("count", [0, 1, MAX_SHARED_ITEMS + 1])
def test_no_items_one_item_and_too_many_to_share_are_all_made(count):
    from annualcheck.pdf.page_split import run_beside_child

    first, values = run_beside_child(lambda: "t", lambda: None, lambda i: -i, count)
    assert (first, values) == ("t", [-i for i in range(count)])


def test_tables_read_in_a_child_are_the_tables_read_in_turn():
    from annualcheck.extract.pipeline import extract_record
    from annualcheck.profiles import get_profile

    profile = get_profile()
    alone = extract_record(REPORTS / "2021.pdf", profile=profile, page_parts=1)
    beside = extract_record(REPORTS / "2021.pdf", profile=profile, page_parts=2)
    assert beside.tables and beside.to_dict() == alone.to_dict()


@pytest.mark.parametrize("odd_page", [0, 4])
def test_a_page_of_odd_frame_read_by_a_child_is_recognised(tmp_path, odd_page, forked):
    """A rotated page among plain ones, taken by the forked child (this process is held up
    in its `meanwhile`): the child's stop must be seen here, and the report read
    from plain frames as a single pass reads it. It came back as an unrecognised value and
    the pages were unpacked as if read (ValueError, an internal error for the user)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(REPORTS / "2021.pdf"))
    source[odd_page].set_rotation(90)
    path = tmp_path / f"2021-page-{odd_page + 1}-rotated.pdf"
    source.save(str(path))
    source.close()
    with open_pdf(path) as doc:
        alone = _lines(doc), doc.skipped_pages
    held = []
    with open_pdf(path, parts=2, meanwhile=lambda: held.append(time.sleep(0.3))) as doc:
        assert (_lines(doc), doc.skipped_pages) == alone
    assert held and forked and _reaped(forked)
