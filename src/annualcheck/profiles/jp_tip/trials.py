"""Laws of the jp-tip series' trial tables: which law each printed charge falls under.

Japan has no single trafficking offence: the persons of Tables 2 and 3 are charged under the
Penal Code (its crimes are named by the crime alone: "extortion attempt", "kidnapping for
indecency") and a dozen special Acts, each printed in a few wordings. Acts come first, the
Penal Code last, because a charge that names an Act belongs to that Act.
"""

from __future__ import annotations

from annualcheck.profiles.spec.trials import Law, TrialsSpec

LAWS = (
    Law(
        "Act on Punishment of Activities Relating to Child Prostitution and Child Pornography",
        (
            "Act on Regulation and Punishment of Acts Relating to Child Prostitution and Child "
            "Pornography",
            "Act on Punishment of Activities Relating to Child Prostitution and Child Pornography",
            "Child Prostitution and Child Pornography",
            "Child Pornography Act",
            "Child Prostitution Act",
        ),
    ),
    Law("Anti-Prostitution Act", ("Anti-Prostitution Act", "Prostitution Prevention Act")),
    Law("Child Welfare Act", ("Child Welfare Act",)),
    Law("Employment Security Act", ("Employment Security Act",)),
    Law(
        "Immigration Control Act",
        (
            "Immigration Control and Refugee Recognition Act",
            "Immigration Control Act",
            "Immigration and Refugee Recognition Act",
        ),
    ),
    Law("Labor Standards Act", ("Labor Standards Act", "Labour Standards Act")),
    Law(
        "Amusement Business Act",
        (
            "Act on Control and Improvement of Amusement Business",
            "Amusement Business Act",
            "Entertainment Business Act",
        ),
    ),
    Law(
        "Act on Punishment of Organized Crimes",
        ("Act on Punishment of Organized Crimes", "Organized Crime Punishment Act"),
    ),
    Law(
        "Technical Intern Training Act",
        (
            "Technical Intern Training and Protection of Technical Intern Trainees",
            "Technical Intern Training Act",
        ),
    ),
    Law("Local ordinances", ("Prefectural Ordinance", "Metropolitan Ordinance", "Ordinance")),
    Law(
        "Penal Code",
        (
            "Penal Code",
            "extortion",
            "kidnapping",
            "kidnapper",
            "abduction",
            "forcible",
            "sexual intercourse",
            "indecency",
            "unlawful capture",
            "unlawful confinement",
            "confinement",
            "fraud",
            "theft",
            "injury",
            "threat",
            "intimidation",
            "false recording",
            "breaking into",
            "ransom",
            "human trafficking",
            "trafficking in persons",
            "buying or selling of human beings",
            "assault",
            "coercion",
            "breach of trust",
            "embezzlement",
        ),
    ),
)

PROFILE_PART = TrialsSpec(
    laws=LAWS,
    named_law=(
        r"(?P<law>\bAct\s+(?:on|for)\s+[^,;]+"
        r"|(?:\b[A-Z][\w-]*\s+)+(?:Act|Law|Code|Ordinance)\b)"
    ),
    unclassified="unclassified",
    chart_title="Sentencing of the persons prosecuted in each year",
    chart_axis="persons prosecuted",
    page_link="Every prosecuted person with their history",
)
