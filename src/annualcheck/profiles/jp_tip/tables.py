"""Table vocabulary of the jp-tip series: which caption is which table, header words, the
phrases of a trial result, and the names of Acts that must not be split into charges.

Why here and not in `annualcheck.extract.tables.assemble`: the table reader only knows "a captioned table with
a number column, an offense column and a result column"; every English word it matches on
comes from this part, so a second series brings its own words without touching the reader.
"""

from __future__ import annotations

from annualcheck.profiles.spec.extract import TableKind, TablesProfile

PROFILE_PART = TablesProfile(
    caption_label="Table",
    # Table 3 first: its caption ("... persons reported as awaiting trial ...") is the more
    # specific one, and a year may word it "prosecuted persons reported as awaiting trial".
    kinds=(
        TableKind(
            key="table3",
            label="Table 3",
            caption_words=("reported as awaiting trial", "awaiting trial"),
            header_words=("No.", "Offense", "Results of trial"),
            kind="trial",
        ),
        TableKind(
            key="table2",
            label="Table 2",
            caption_words=("prosecuted persons", "prosecuted person"),
            header_words=("No.", "Offense", "Results of trial"),
            kind="trial",
        ),
        TableKind(
            key="table1",
            label="Table 1",
            caption_words=("main initiatives", "initiatives from"),
            header_words=("Date", "Initiative"),
            kind="initiatives",
        ),
    ),
    header_cells=(
        "no.",
        "no",
        "offense",
        "offence",
        "results of trial",
        "result of trial",
        "date",
        "initiative",
        "initiatives",
    ),
    pending_phrases=("pending trial", "awaiting trial", "pending", "on trial"),
    acquitted_phrases=("acquitted", "not guilty", "acquittal"),
    prison_words=(
        "imprisonment with work",
        "imprisonment with labor",
        "imprisonment",
        "penal servitude",
    ),
    suspension_patterns=(
        r"suspension of {n}",
        r"suspended for {n}",
        r"stay of execution (?:of|for) {n}",
    ),
    probation_words=("with probation", "under probation", "probation"),
    fine_words=("yen fine", "yen in fines", "yen penalty"),
    number_words={
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
    },
    act_names=(
        "Act on Regulation and Punishment of Acts Relating to Child Prostitution and Child "
        "Pornography, and the Protection of Children",
        "Act on Control and Improvement of Amusement Business, etc.",
        "Act on Control and Improvement of Amusement Business",
        "Immigration Control and Refugee Recognition Act",
        "Act on Punishment of Organized Crimes and Control of Crime Proceeds, etc.",
        "Act on Punishment of Organized Crimes and Control of Crime Proceeds",
        "Act on the Proper Implementation of Technical Intern Training and Protection of "
        "Technical Intern Trainees",
        "Act on the Prevention of Spousal Violence and the Protection of Victims",
        "Act on Prevention of Spousal Violence and the Protection of Victims",
        "Act for Establishment of the Ministry of Justice",
        "Act on Proper Technical Intern Training and Protection of Technical Intern Trainees",
    ),
    charge_starts=("violation of", "attempted", "accessory to"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)
