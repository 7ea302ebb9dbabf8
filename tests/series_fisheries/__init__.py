"""An imaginary second report series, the North Bay Fisheries Cooperative's annual report:
the proof that a series is only a profile (issue 10, item 4). `profile.build()` is the
profile; the tests register it under the name "fisheries"."""
