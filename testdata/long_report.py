"""Build a long report from a report source: its body repeated, one title page and contents.

Why: the real reports have 50 to 80 pages; the tool must also stay within bounded time
and memory on a report ten or twenty times longer (benchmarks, the 1,000-page test).
Repeating the body keeps the text a real report's, so every stage has its usual work.

    python -m testdata.long_report --times 10 -o 2020x10.pdf
    python -m testdata.long_report --pages 1000 -o long.pdf
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "reports" / "src" / "2020.md"


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter block with its --- lines, body); no front matter gives ("", text)."""
    match = re.match(r"^(---\n.*?\n---\n)(.*)$", text, flags=re.S)
    return (match.group(1), match.group(2)) if match else ("", text)


def repeated_source(text: str, times: int) -> str:
    """The source with its body `times` times under one front matter."""
    front, body = split_front_matter(text)
    return front + "\n".join([body.strip("\n") + "\n"] * times)


def render(text: str, out_path: Path) -> Path:
    from testdata.render_reports import render_source

    return render_source(text, out_path)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def build_long_report(
    out_path: Path,
    times: int | None = None,
    pages: int | None = None,
    source: Path = DEFAULT_SOURCE,
) -> Path:
    """Render the source `times` times over, or often enough for at least `pages` pages
    (measured on one rendering of the source)."""
    text = source.read_text(encoding="utf-8")
    if times is None:
        if pages is None:
            raise ValueError("give times or pages")
        single = render(text, out_path)
        times = -(-pages // max(1, page_count(single) - 2))  # ceil; title and contents once
    return render(repeated_source(text, times), Path(out_path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--times", type=int)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    out = build_long_report(args.output, args.times, args.pages, args.source)
    print(f"{out}: {page_count(out)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
