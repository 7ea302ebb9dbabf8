"""The real Tables 2 and 3 of the 2020 report (covering 2019), cell by cell: each result and
offense as printed, and what it says. Read off the report text; shared by the tests of the
result parser and of the table extraction."""

from __future__ import annotations

from annualcheck.model.record import TrialSentence

CSEC = (
    "violation of the Act on Regulation and Punishment of Acts Relating to Child Prostitution "
    "and Child Pornography, and the Protection of Children"
)
CWA = "violation of the Child Welfare Act"
APA = "violation of the Anti-Prostitution Act"
ESA = "violation of the Employment Security Act"
ICRRA = "violation of the Immigration Control and Refugee Recognition Act"
ORG = "violation of the Act on Punishment of Organized Crimes and Control of Crime Proceeds"
AMUSE = "violation of the Act on Control and Improvement of Amusement Business, etc."
DEEDS = "false recording and use of the original of electromagnetic notarized deeds"


def S(prison=None, suspended=None, fine=None, probation=False):  # noqa: N802 - reads like a row
    return TrialSentence(
        prison_months=prison, suspended_years=suspended, probation=probation, fine_yen=fine
    )


PENDING = ("pending", None)

# Table 2, "Results of trial", rows 1..32, as printed; and what each one says.
TABLE2_RESULTS = [
    (
        "2 years imprisonment, suspension of 5 years with probation",
        ("convicted", S(24, 5, probation=True)),
    ),
    (
        "2 years imprisonment, suspension of 3 years, 300,000 yen fine",
        ("convicted", S(24, 3, 300_000)),
    ),
    (
        "2 years imprisonment, suspension of 3 years, 300,000 yen fine",
        ("convicted", S(24, 3, 300_000)),
    ),
    ("500,000 yen fine", ("convicted", S(fine=500_000))),
    (
        "1 year imprisonment, suspension of 3 years, 200,000 yen fine",
        ("convicted", S(12, 3, 200_000)),
    ),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
    ("2 years imprisonment, suspension of 4 years", ("convicted", S(24, 4))),
    ("2 years 6 months imprisonment, suspension of 4 years", ("convicted", S(30, 4))),
    ("2 years imprisonment, suspension of 3 years", ("convicted", S(24, 3))),
    ("2 years 6 months imprisonment, suspension of 4 years", ("convicted", S(30, 4))),
    ("2 years 6 months imprisonment", ("convicted", S(30))),
    ("1 year 6 months imprisonment, suspension of 3 years", ("convicted", S(18, 3))),
    ("1 year 6 months imprisonment, 800,000 yen fine", ("convicted", S(18, fine=800_000))),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
    (
        "2 years imprisonment, suspension of 4 years, 300,000 yen fine",
        ("convicted", S(24, 4, 300_000)),
    ),
    (
        "1 year imprisonment, suspension of 3 years, 100,000 yen fine",
        ("convicted", S(12, 3, 100_000)),
    ),
    (
        "1 year 6 months imprisonment, suspension of 3 years, 500,000 yen fine",
        ("convicted", S(18, 3, 500_000)),
    ),
    (
        "3 years imprisonment, suspension of 5 years, 500,000 yen fine",
        ("convicted", S(36, 5, 500_000)),
    ),
    ("10 years imprisonment", ("convicted", S(120))),
    (
        "2 years imprisonment, suspension of 4 years, 1 million yen fine",
        ("convicted", S(24, 4, 1_000_000)),
    ),
    (
        "2 years imprisonment, suspension of 4 years, 300,000 yen fine",
        ("convicted", S(24, 4, 300_000)),
    ),
    ("10 months imprisonment", ("convicted", S(10))),
    (
        "1 year 6 months imprisonment, suspension of 3 years, 200,000 yen fine",
        ("convicted", S(18, 3, 200_000)),
    ),
    (
        "1 year 6 months imprisonment, suspension of 3 years, 200,000 yen fine",
        ("convicted", S(18, 3, 200_000)),
    ),
    ("Pending trial", PENDING),
    ("8 years imprisonment", ("convicted", S(96))),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
]

TABLE3_RESULTS = [
    ("2 years 6 months imprisonment, 300,000 yen fine", ("convicted", S(30, fine=300_000))),
    ("Pending trial", PENDING),
    ("Pending trial", PENDING),
    (
        "2 years imprisonment, suspension of 3 years, 100,000 yen fine",
        ("convicted", S(24, 3, 100_000)),
    ),
    ("2 years 6 months imprisonment, 300,000 yen fine", ("convicted", S(30, fine=300_000))),
    ("Pending trial", PENDING),
]

# Table 2, "Offense", rows 1..32, as printed; and its charges.
TABLE2_OFFENSES = [
    ("Extortion attempt", ["extortion attempt"]),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    ("Violation of the Immigration Control and Refugee Recognition Act", [ICRRA]),
    ("Violation of the Anti-Prostitution Act", [APA]),
    (
        "Extortion, extortion attempt, violation of the Employment Security Act",
        ["extortion", "extortion attempt", ESA],
    ),
    ("Violation of the Child Welfare Act", [CWA]),
    (
        "Kidnapping for indecency, forcible sexual intercourse, and unlawful capture or "
        "confinement causing injury",
        [
            "kidnapping for indecency",
            "forcible sexual intercourse",
            "unlawful capture or confinement causing injury",
        ],
    ),
    (
        "Violation of the Employment Security Act, violation of the Act on Punishment of "
        "Organized Crimes and Control of Crime Proceeds",
        [ESA, ORG],
    ),
    (
        "Violation of the Employment Security Act, violation of the Act on Punishment of "
        "Organized Crimes and Control of Crime Proceeds",
        [ESA, ORG],
    ),
    (
        "False recording and use of the original of electromagnetic notarized deeds, violation "
        "of the Immigration Control and Refugee Recognition Act",
        [DEEDS, ICRRA],
    ),
    (
        "False recording and use of the original of electromagnetic notarized deeds, violation "
        "of the Immigration Control and Refugee Recognition Act",
        [DEEDS, ICRRA],
    ),
    (
        "Accessory to fraud, accessory to theft, violation of the Act on Regulation and "
        "Punishment of Acts Relating to Child Prostitution and Child Pornography, and the "
        "Protection of Children, violation of the Child Welfare Act, and accessory to computer fraud",
        ["accessory to fraud", "accessory to theft", CSEC, CWA, "accessory to computer fraud"],
    ),
    (
        "Violation of the Employment Security Act, violation of the Chiba Prefectural Ordinance "
        "of Juvenile Protection",
        [ESA, "violation of the Chiba Prefectural Ordinance of Juvenile Protection"],
    ),
    ("Violation of the Child Welfare Act", [CWA]),
    ("Violation of the Employment Security Act", [ESA]),
    (
        "Kidnapping for indecency, forcible sexual intercourse, quasi-forcible sexual "
        "intercourse, attempted quasi-forcible sexual intercourse, violation of the Act on "
        "Regulation and Punishment of Acts Relating to Child Prostitution and Child Pornography, "
        "and the Protection of Children",
        [
            "kidnapping for indecency",
            "forcible sexual intercourse",
            "quasi-forcible sexual intercourse",
            "attempted quasi-forcible sexual intercourse",
            CSEC,
        ],
    ),
    (
        "Violation of the Child Welfare Act, violation of the Anti-Prostitution Act, violation "
        "of the Act on Regulation and Punishment of Acts Relating to Child Prostitution and Child "
        "Pornography, and the Protection of Children",
        [CWA, APA, CSEC],
    ),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    (
        "Violation of the Child Welfare Act, violation of the Act on Control and Improvement of "
        "Amusement Business, etc.",
        [CWA, AMUSE],
    ),
    (
        "Violation of the Child Welfare Act, violation of the Anti-Prostitution Act, breaking "
        "into building, and theft",
        [CWA, APA, "breaking into building", "theft"],
    ),
    (
        "Forcible sexual intercourse causing injury, kidnapping for indecency, unlawful capture "
        "or confinement causing injury",
        [
            "forcible sexual intercourse causing injury",
            "kidnapping for indecency",
            "unlawful capture or confinement causing injury",
        ],
    ),
    (
        "Violation of the Act on Control and Improvement of Amusement Business, etc., violation "
        "of the Child Welfare Act",
        [AMUSE, CWA],
    ),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    (
        "Violation of the Anti-Prostitution Act, violation of the Employment Security Act",
        [APA, ESA],
    ),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    ("Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", [CWA, APA]),
    (
        "Kidnapping for indecency, and unlawful confinement",
        ["kidnapping for indecency", "unlawful confinement"],
    ),
    (
        "Kidnapping for indecency, unlawful confinement causing injury, forcible sexual "
        "intercourse causing injury, and theft",
        [
            "kidnapping for indecency",
            "unlawful confinement causing injury",
            "forcible sexual intercourse causing injury",
            "theft",
        ],
    ),
    (
        "Threat, violation of the Employment Security Act, and violation of the Child Welfare Act",
        ["threat", ESA, CWA],
    ),
    (
        "Violation of the Aichi Prefectural Ordinance of Juvenile Protection, fraud, injury, and "
        "kidnapping for indecency",
        [
            "violation of the Aichi Prefectural Ordinance of Juvenile Protection",
            "fraud",
            "injury",
            "kidnapping for indecency",
        ],
    ),
    (
        "Kidnapping for indecency, kidnapping for ransom, demand for ransom by kidnapper, "
        "unlawful capture or confinement, forcible indecency, and violation of the Act on "
        "Regulation and Punishment of Acts Relating to Child Prostitution and Child Pornography, "
        "and the Protection of Children",
        [
            "kidnapping for indecency",
            "kidnapping for ransom",
            "demand for ransom by kidnapper",
            "unlawful capture or confinement",
            "forcible indecency",
            CSEC,
        ],
    ),
]

TABLE3_OFFENSES = [
    ("Violation of the Anti-Prostitution Act", [APA]),
    ("Violation of the Anti-Prostitution Act", [APA]),
    ("Extortion attempt, violation of the Anti-Prostitution Act", ["extortion attempt", APA]),
    (
        "Accessory to attempted extortion, violation of the Anti-Prostitution Act",
        ["accessory to attempted extortion", APA],
    ),
    ("Violation of the Anti-Prostitution Act", [APA]),
    ("Violation of the Labor Standards Act", ["violation of the Labor Standards Act"]),
]

# Table 1, "Main initiatives": each row's date cell and its initiative, as printed.
TABLE1_DATES = [
    "April 2004",
    "December 2004",
    "December 2009",
    "June 2010",
    "July 2011",
    "December 2014",
    "May 2015",
    "May 2016 May 2017 May 2018 May 2019",
]


TABLE1_TEXTS = [
    "Inter-Ministerial Liaison Committee Regarding Measures to Combat Trafficking in Persons "
    "established",
    "Development of the Action Plan to Combat Trafficking in Persons",
    "Positioning of the Inter-Ministerial Liaison Committee Regarding Measures to Combat "
    "Trafficking in Persons under the Ministerial Meeting Concerning Measures Against Crime "
    "Development of the 2009 Action Plan to Combat Trafficking in Persons at the Ministerial "
    "Meeting Concerning Measures Against Crime",
    "Agreement on \u201cMethods to Deal with Trafficking in Persons (Measures for Identification "
    "of Victims)\u201d at the Liaison Committee",
    "Agreement on \u201cMethods to Deal with Trafficking in Persons (Measures for Protection of "
    "Victims)\u201d at the Liaison Committee",
    "Development of the 2014 Action Plan to Combat Trafficking in Persons at the Ministerial "
    "Meeting Concerning Measures Against Crime Agreement at the Ministerial Meeting that the "
    "Council for the Promotion of Measures to Combat Trafficking in Persons will be convened as "
    "necessary under the Ministerial Meeting Concerning Measures Against Crime",
    "The First Council for the Promotion of Measures to Combat Trafficking in Persons held "
    "Annual report \u201cMeasures to Combat Trafficking in Persons\u201d approved and published",
    "The Second \u2013 Fifth Council for the Promotion of Measures to Combat Trafficking in "
    "Persons held Annual report \u201cMeasures to Combat Trafficking in Persons\u201d approved and "
    "published",
]
