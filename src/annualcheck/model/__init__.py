"""The data model: the record of one report, findings, and the errors of bad input."""
