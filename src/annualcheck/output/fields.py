"""What each column of an export means: the descriptions of the data package's fields.

Why apart from the export: they are prose, one per column of every table, and a reader of
`figures.csv` without this project's docs must still tell a stated prior value from a stated
difference; the export only looks them up (`export.table_schema`).
"""

from __future__ import annotations

#: What each column of a table means, as the data package describes its fields (a reader of
#: `figures.csv` without this project's docs must still tell a prior value from a delta).
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "reports": {
        "report_year": "The year the report was published (from its content, not its file name)",
        "data_year": "The year the report covers",
        "published": "Publication date",
        "title": "The report's title",
        "file": "The PDF's file name",
        "sha256": "SHA-256 of the PDF",
        "pages": "Pages of the PDF",
        "reconstruction": "True when the PDF is a reconstruction of the report, not the original",
    },
    "figures": {
        "figure_no": "The figure's place in its report (1, 2, ...)",
        "report_year": "The year the report was published",
        "data_year": "The year the report covers",
        "key": "What is counted (dotted key, e.g. a total and its breakdowns)",
        "period": "The period the value is for (the data year unless the sentence names another)",
        "value": "The number as stated (number words read as numbers)",
        "unit": "What the value counts (persons, cases, percent, yen, ...)",
        "stated_delta": "The change the report states against reference_period, signed ('20 more "
        "than in 2018': 20); empty for a relative change that gives no difference",
        "reference_period": "The period the stated change compares with",
        "stated_phrase": "The words of the stated change",
        "stated_kind": "How the change is stated: absolute ('20 more than in 2018'), prior_value "
        "('compared with 27 in 2018') or relative ('up 74%', 'doubled')",
        "stated_prior_value": "The value the report gives for reference_period (prior_value kind)",
        "stated_relative": "The factor of a relative change: 'up 74%' is 1.74, 'doubled' 2.0",
        "stated_relative_decimals": "Decimals of the stated percentage ('up 58.3%': 1); empty "
        "for words",
        "stated_bound": "A bound on the stated change: more_than, at_least, nearly, ... ('more "
        "than doubled')",
        "stated_delta_derived": "True when stated_delta is computed (value minus "
        "stated_prior_value), not printed",
        "page": "Page of the PDF file (1-based) the value is on",
        "printed_page": "The page number printed on that page",
        "section": "The report's section the value stands in, e.g. '2 (1) i)'",
        "repeated_from": "The section this passage repeats, when it is marked as repeated",
        "quote": "The report's words that give the value; '…' where they were cut out of a "
        "longer sentence",
        "approximate": "True for 'about', 'approximately'",
        "preliminary": "True for preliminary figures",
        "bound": "A bound on the value itself: more_than, at_least, less_than, at_most, nearly "
        "('more than 95%')",
        "label": "The key in words",
        "as_of": "The day a stock was counted ('as of March 31, 2020': 2020-03-31)",
        "reconstruction": "True when the report is a reconstruction, not the original",
    },
    "findings": {
        "finding_id": "Stable id of the finding (report year, rule, key and page)",
        "evidence_no": "Which piece of the finding's evidence this row holds (0: none)",
        "rule": "The rule that raised the finding",
        "severity": "error (a contradiction), warning (ambiguous) or info (not checked)",
        "report_year": "The report the finding is about",
        "key": "The figure key or table the finding is about",
        "message": "The finding in words",
        "expected": "The value the rule expected",
        "actual": "The value the report gives",
        "evidence_report_year": "The report this piece of evidence quotes",
        "evidence_page": "Page of that report's PDF",
        "evidence_printed_page": "The page number printed on that page",
        "evidence_quote": "The words that prove the finding; '…' where cut out of a sentence",
    },
    "table_rows": {
        "report_year": "The year the report was published",
        "table": "The record's key of the table",
        "row": "The row's place in its table",
        "no": "The row's number as printed",
        "offense": "The offense as printed",
        "status": "convicted, pending, acquitted or other",
        "result": "The result of trial as printed",
        "prison_months": "Prison term in months",
        "suspended_years": "Years the sentence is suspended",
        "probation": "True with probation",
        "fine_yen": "The fine in yen",
    },
    "trials": {
        "id": "The person's id: the report year and row where they first appear ('2020-7')",
        "first_report_year": "The report whose table first lists the person",
        "offense": "The offense as first printed",
        "charges": "The charges of that offense, '; ' between them",
        "laws": "The Acts the charges fall under, '; ' between them",
        "final_status": "convicted, acquitted, pending or other: the last step's status",
        "reports_pending": "How many reports list the person as awaiting trial",
        "steps": "How many reports' tables list the person",
        "last_report_year": "The last report whose table lists the person",
        "last_result": "The result of trial as the last report prints it",
        "prison_months": "Prison term in months (last step)",
        "suspended_years": "Years the sentence is suspended (last step)",
        "probation": "True with probation (last step)",
        "fine_yen": "The fine in yen (last step)",
        "note": "Why the history ends where it does (e.g. the next report is not in the series)",
    },
    "trial_events": {
        "person_id": "The person (trials.id) this step belongs to",
        "step": "The step's place in the person's history (1, 2, ...)",
        "report_year": "The report this step is read from",
        "data_year": "The year that report covers",
        "table": "The record's key of the table",
        "label": "The table's label as printed",
        "row": "The row's number as printed",
        "offense": "The offense as this report prints it",
        "result": "The result of trial as this report prints it",
        "status": "convicted, acquitted, pending or other",
        "prison_months": "Prison term in months",
        "suspended_years": "Years the sentence is suspended",
        "probation": "True with probation",
        "fine_yen": "The fine in yen",
        "page": "Page of the report's PDF",
        "file": "The report's PDF file name",
        "confidence": "How alike this step's offense is to the step before (0-1; empty for "
        "the first step)",
    },
}
