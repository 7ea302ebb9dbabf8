"""The file of compiled patterns gives back exactly what `re.compile` makes, and never more
trust than a damaged, foreign or unwritable file deserves."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.compiled_patterns import (
    PatternStore,
    entry_of,
    pattern_from_entry,
    read_entries,
    record_of,
    store_path,
)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["", "abc", "ABC a-b c.d", "aaab (ab) [x]", "x\ny\n\nz", "Ab12 3_4 ab AB", "ſK\u212a"]
FLAGS = [0, re.I, re.M, re.S, re.X, re.A, re.I | re.S, re.I | re.M | re.S]


def _group_names() -> st.SearchStrategy[str]:
    return st.integers(0, 3).map(lambda n: f"g{n}")


def _regex() -> st.SearchStrategy[str]:
    """Patterns written by grammar: literals, classes, groups (named ones with unique names
    are made by numbering), alternation, quantifiers greedy, lazy and possessive,
    lookarounds."""
    atom = st.sampled_from(
        ["a", "b", "A", "x", r"\.", r"\(", "-", " ", r"\d", r"\w", r"\s", r"\b", ".", "[a-c]"]
        + ["[^ab]", r"[\w-]", "^", "$", r"\n"]
    )

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map("|".join),
            inner.map(lambda p: f"({p})"),
            inner.map(lambda p: f"(?:{p})"),
            st.tuples(inner, st.sampled_from(["*", "+", "?", "{1,3}", "*?", "+?", "*+", "?+"])).map(
                lambda t: f"(?:{t[0]}){t[1]}"
            ),
            inner.map(lambda p: f"(?={p})"),
            inner.map(lambda p: f"(?!{p})"),
            st.sampled_from(["(?<=a)", "(?<!b)", "(?<=ab)"]),
        )

    body = st.recursive(atom, extend, max_leaves=12)
    return body.map(_number_named_groups)


def _number_named_groups(pattern: str) -> str:
    """Some plain groups turned into named ones, each with its own name."""
    out, count = [], 0
    for i, part in enumerate(pattern.split("(")):
        if i and not part.startswith("?") and count < 3 and i % 2:
            part = f"?P<g{count}>" + part
            count += 1
        out.append(part)
    return "(".join(out)


def _same(made: re.Pattern[str], source: str, flags: int) -> None:
    expected = re.compile(source, flags)
    assert made == expected
    assert (made.pattern, made.flags, made.groups) == (source, expected.flags, expected.groups)
    assert made.groupindex == expected.groupindex
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]
        assert [m.groupdict() for m in made.finditer(text)] == [
            m.groupdict() for m in expected.finditer(text)
        ]


@settings(max_examples=150, deadline=None)
@given(source=_regex(), flags=st.sampled_from(FLAGS))
def test_a_pattern_rebuilt_from_the_file_is_the_one_re_compiles(source: str, flags: int) -> None:
    try:
        re.compile(source, flags)
    except re.error:
        return  # the grammar makes some patterns re refuses; the store must refuse them too
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kept.bin"
        _same(PatternStore(path, write=True).compiled(source, flags), source, flags)
        entries, _, damaged = read_entries(path, 1 << 20)
        assert (source, int(flags)) in entries and not damaged
        _same(PatternStore(path, write=False).compiled(source, flags), source, flags)


def test_an_invalid_pattern_fails_as_re_compile_fails(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "kept.bin", write=True)
    with pytest.raises(re.error) as ours:
        store.compiled("(?P<n>a")
    with pytest.raises(re.error) as theirs:
        re.compile("(?P<n>a")
    assert str(ours.value) == str(theirs.value)
    assert not (tmp_path / "kept.bin").exists()


def test_a_store_that_may_not_write_writes_nothing(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "kept.bin", write=False)
    _same(store.compiled(r"a(?P<b>b+)", re.I), r"a(?P<b>b+)", re.I)
    assert not (tmp_path / "kept.bin").exists()


def test_an_unwritable_folder_costs_only_the_keeping(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = PatternStore(blocker / "kept.bin", write=True)
    _same(store.compiled("ab+"), "ab+", 0)
    assert store.write is False
    _same(store.compiled("cd+"), "cd+", 0)


def test_the_file_stops_growing_at_its_bounds(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    store = PatternStore(path, write=True, max_entries=3)
    for n in range(6):
        _same(store.compiled(f"a{{{n + 1}}}b"), f"a{{{n + 1}}}b", 0)
    assert len(read_entries(path, 1 << 20)[0]) == 3
    # an oversized file is not read at all
    entries, size, damaged = read_entries(path, max_bytes=10)
    assert entries == {} and size > 10 and not damaged


def _write_entries(path: Path, sources: list[str]) -> None:
    path.write_bytes(b"".join(record_of((s, 0), entry_of(s, 0)) for s in sources))


def test_a_file_cut_short_gives_the_records_before_the_cut_and_is_mended(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    sources = ["a+b", "(?P<x>c)d", "e|f"]
    _write_entries(path, sources)
    whole = path.read_bytes()
    path.write_bytes(whole[:-5])  # the last record cut short
    entries, _, damaged = read_entries(path, 1 << 20)
    assert damaged and set(entries) == {("a+b", 0), ("(?P<x>c)d", 0)}
    store = PatternStore(path, write=True)
    for source in [*sources, "g?h"]:
        _same(store.compiled(source), source, 0)
    entries, _, damaged = read_entries(path, 1 << 20)
    assert not damaged and set(entries) == {(s, 0) for s in [*sources, "g?h"]}


@settings(max_examples=60, deadline=None)
@given(garbage=st.binary(max_size=300), at=st.integers(0, 400))
def test_damaged_bytes_never_change_a_pattern(garbage: bytes, at: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kept.bin"
        _write_entries(path, ["a+b", "(?P<x>c)d"])
        data = path.read_bytes()
        at = min(at, len(data))
        path.write_bytes(data[:at] + garbage + data[at:])
        store = PatternStore(path, write=True)
        for source in ["a+b", "(?P<x>c)d", "zz*"]:
            _same(store.compiled(source), source, 0)


def test_an_entry_whose_code_the_matcher_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    flags, code, groups, groupindex, indexgroup = entry_of("ab", 0)
    bad = (flags, [999, 999, 999], groups, groupindex, indexgroup)
    assert pattern_from_entry("ab", bad) is None
    path.write_bytes(record_of(("ab", 0), bad))
    _same(PatternStore(path, write=False).compiled("ab"), "ab", 0)


def test_each_python_build_has_a_file_of_its_own(tmp_path: Path) -> None:
    ours = store_path(tmp_path)
    assert ours == store_path(tmp_path, sys.version)
    assert ours != store_path(tmp_path, sys.version + " (another build)")
    assert ours.parent == tmp_path


def _append_some(path: str, start: int) -> None:
    store = PatternStore(Path(path), write=True)
    for n in range(start, start + 40):
        store.compiled(f"(?:x{n}|y)+z")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_processes_that_append_at_once_leave_every_record_whole(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_some, args=(str(path), 40 * k)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    entries, _, damaged = read_entries(path, 1 << 22)
    assert not damaged and len(entries) == 160
    for n in (0, 39, 80, 159):
        source = f"(?:x{n}|y)+z"
        _same(PatternStore(path, write=False).compiled(source), source, 0)


def _extract(pdf: Path, out: Path, prefix: Path, *, keep: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHONPYCACHEPREFIX=str(prefix))
    if not keep:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "annualcheck.cli", "extract", str(pdf), "--no-cache"]
    subprocess.run([*command, "-o", str(out)], env=env, check=True, capture_output=True)


def _store_files(prefix: Path) -> list[Path]:
    return sorted(prefix.rglob("compiled_patterns.*.bin"))


def test_a_report_read_with_kept_patterns_gives_the_same_record(tmp_path: Path) -> None:
    """Three runs of `extract` of one report: with nothing kept (bytecode writing off, an
    empty cache folder), keeping the patterns, then reading them back: one record."""
    pdf = ROOT / "reports" / "2021.pdf"
    _extract(pdf, tmp_path / "plain.json", tmp_path / "none", keep=False)
    assert _store_files(tmp_path / "none") == []
    _extract(pdf, tmp_path / "keeping.json", tmp_path / "kept", keep=True)
    (kept,) = _store_files(tmp_path / "kept")
    size = kept.stat().st_size
    assert len(read_entries(kept, 1 << 25)[0]) > 100
    _extract(pdf, tmp_path / "kept.json", tmp_path / "kept", keep=True)
    assert kept.stat().st_size == size  # every pattern came from the file: none was added
    plain = json.loads((tmp_path / "plain.json").read_text())
    assert json.loads((tmp_path / "keeping.json").read_text()) == plain
    assert (tmp_path / "kept.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
