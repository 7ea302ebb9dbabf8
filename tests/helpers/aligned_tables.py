"""Small PDFs of Table 2 with its real cells, set as other typesetters set a table: each
cell's lines at the top, the middle or the bottom of its row, ruled all round, with a rule
under each row only, or unruled, with the header words centred over their columns, and
rows free to split at a page break.

Why: a producer that centres cells vertically prints a row's number beside the middle of its
tallest cell, so lines of neighbouring rows interleave; the readers must give the same rows
whatever the alignment. The expected rows are the real cells (helpers.trial_tables).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.trial_tables import TABLE2_OFFENSES, TABLE2_RESULTS

ALIGNMENTS = ("TOP", "MIDDLE", "BOTTOM")
RULINGS = ("grid", "hrules", "none", "tight-hrules")


def render_aligned_table(
    path: Path, valign: str, ruling: str, filler: int = 0, rows: int = 12
) -> None:
    """Table 2's first `rows` rows after `filler` lines of text, cells aligned by `valign`,
    ruled by `ruling` (grid | hrules: a rule above and under every row, no vertical rule |
    none | tight-hrules: rules between rows and a point of padding, so rows stand no further apart
    than a cell's lines), header words centred, narrow columns so that cells wrap."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as RLTable

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    head = ParagraphStyle("head", parent=body, alignment=TA_CENTER)
    story: list[Any] = [
        Paragraph(f"Filler sentence {i} of the narrative.", body) for i in range(filler)
    ]
    story.append(
        Paragraph(
            escape(f"[Table 2] Charges imposed on the {rows} prosecuted persons"),
            styles["Heading4"],
        )
    )
    data = [[Paragraph(h, head) for h in ("No.", "Offense", "Results of trial")]]
    pairs = list(zip(TABLE2_OFFENSES, TABLE2_RESULTS, strict=True))[:rows]
    for i, ((offense, _), (result, _)) in enumerate(pairs, 1):
        data.append(
            [Paragraph(str(i), body), Paragraph(escape(offense), body), Paragraph(result, body)]
        )
    table = RLTable(data, colWidths=[28, 150, 98], splitInRow=1, repeatRows=1)
    style: list[tuple] = [("VALIGN", (0, 0), (-1, -1), valign)]
    if ruling == "grid":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif ruling in ("hrules", "tight-hrules"):
        style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
        style.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black))
    if ruling == "tight-hrules":
        style += [("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    table.setStyle(TableStyle(style))
    story.append(table)
    story.append(Paragraph("iii) Cases of the narrative that follows the table.", body))
    SimpleDocTemplate(str(path), pagesize=A5).build(story)


def expected_rows(rows: int = 12) -> list[tuple[int, str, str]]:
    """(number, offense, result) of the rows as printed."""
    pairs = list(zip(TABLE2_OFFENSES, TABLE2_RESULTS, strict=True))[:rows]
    return [(i, offense, result) for i, ((offense, _), (result, _)) in enumerate(pairs, 1)]
