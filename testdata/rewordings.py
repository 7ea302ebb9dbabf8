"""Rewordings of section-2 sentences of the real 2020 report, each true to the report (every
value and change as the 2020 text and the 2019 report give them), with what each must read to.

Written by reading, not from the tool's output: `original` is the words of reports/src/2020.md
the rewording replaces; `expect` lists (key, value, period, change) where change is None or a
dict: delta, ref (reference period), kind, prior (stated prior value), relative (the factor
of change, written here as the percentage the text gives), bound. `in_report` marks the one rewording per original used in the reworded whole report
(tests/fixtures/2020-reworded.md). The 2018 values are report 2019's: total 27, female 26,
male 1, Japanese 18, Philippine 5, Brazilian 0, Entertainer 3, Temporary Visitor 1, spouse 1,
permanent resident 0, minors 5, sexual exploitation 21, hostesses 4, labor 2; cases cleared
36, arrested 40, male suspects 32, female 8, Japanese 37, Philippine 0, adult entertainment 7,
unemployed 21, other 12, brokers 1, organized crime 3.

It lives in testdata/ (not tests/) because testdata/render_variants.py writes the reworded
report from it and test-data generation never depends on the tests; the tests import it as
`testdata.rewordings`.
"""

from __future__ import annotations

from annualcheck.prose.comparisons import factor_of_percent


def ch(delta=None, ref="2018", kind="absolute", prior=None, relative=None, bound=None):
    return {"delta": delta, "ref": ref, "kind": kind, "prior": prior, "relative": relative,
            "bound": bound}  # fmt: skip


def prior(m, n, ref="2018"):
    return ch(n - m, ref, "prior_value", prior=m)


def rel(pct, ref="2018", bound=None):
    """A relative change written as a percentage (the record stores the factor)."""
    return ch(None, ref, "relative", relative=factor_of_percent(pct), bound=bound)


TOTAL = "was 47 (20 more than in 2018)."
FEMALE = "47 were female (21 more than in 2018)"
MALE = "zero were male (one less than in 2018)."
JAPAN = "34 were Japanese (16 more than in 2018), accounting for approximately 70%."
PHIL = "12 Philippine nationals (seven more than in 2018)"
BRAZIL = "one Brazilian national (one more than in 2018)."
ENT = "six victims entered Japan on the status of residence of “Entertainer” (three more than in 2018)"
TEMP = (
    "five entered Japan on the status of residence of “Temporary Visitor” (four more than in 2018)"
)
SPOUSE = "“Spouse of Japanese national” (same as in 2018)."
PERM = "The Brazilian national was a Permanent Resident living in Japan (one more than in 2018)."
ROUTE_BOTH = "Nine were put under police protection in 2019 and were then put under protection by the Immigration Services Agency the same year,"
ROUTE_POLICE = "One was put under police protection only in 2019,"
ROUTE_ISA = "Three were put under protection by the Immigration Services Agency only in 2019."
MINORS = "19 were minors (under 18 years of age) (14 more than in 2018)."
SEXUAL = "35 were victims of sexual exploitation (14 more than in 2018)"
HOSTESS = "12 were forced to work as nightclub hostesses (eight more than in 2018)"
LABOR = "none were victims of labor exploitation (two less than in 2018)."
WCO_CARE = "All of these nine victims were provided with interpretation support and medical services, while six victims for whom psychological care was deemed necessary were provided with the care service accordingly."
CLEARED = "57 cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (21 more than in 2018)"
ARRESTED = "39 persons were arrested for trafficking in persons (one less than in 2018)."
S_MALE = "34 were male (two more than in 2018)"
S_FEMALE = "five were female (three less than in 2018)."
S_JAPAN = "38 were Japanese nationals (one more than in 2018)"
S_PHIL = "one was a Philippines national (one more than in 2018)."
S_ADULT = "eight were connected with adult entertainment business (one more than in 2018)"
S_UNEMP = "15 were unemployed (6 less than in 2018)"
S_OTHER = "16 (four more than in 2018) engaged in other occupations"
S_BROKER = "One of the suspects was a broker (same as in 2018)"
S_ORG = "five were members of organized crime groups, etc. (two more than in 2018)."

K_TOTAL, K_FEMALE, K_MALE = "victims.total", "victims.sex.female", "victims.sex.male"
K_JAPAN, K_PHIL = "victims.nationality.japan", "victims.nationality.philippines"
K_CLEARED, K_ARRESTED = "cases.cleared", "suspects.arrested"
Y = "2019"

REWORDINGS: list[dict] = [
    # -- absolute changes ----------------------------------------------------------------
    {"family": "absolute", "original": TOTAL, "reworded": "was 47 (+20 year on year).",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "absolute", "original": TOTAL, "reworded": "was 47 (an increase of 20 from 2018).",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "absolute", "original": TOTAL, "reworded": "was 47, up 20 on 2018.",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "absolute", "original": FEMALE, "reworded": "47 were female (+21 year on year)",
     "expect": [(K_FEMALE, 47, Y, ch(21))]},
    {"family": "absolute", "original": FEMALE, "reworded": "47 were female (up 21 from 2018)",
     "expect": [(K_FEMALE, 47, Y, ch(21))]},
    {"family": "absolute", "original": MALE, "reworded": "zero were male (a decrease of one).",
     "expect": [(K_MALE, 0, Y, ch(-1))], "in_report": True},
    {"family": "absolute", "original": MALE, "reworded": "zero were male (−1 from 2018).",
     "expect": [(K_MALE, 0, Y, ch(-1))]},
    {"family": "absolute", "original": JAPAN,
     "reworded": "34 were Japanese (16 up on 2018), accounting for approximately 70%.",
     "expect": [(K_JAPAN, 34, Y, ch(16))]},
    {"family": "absolute", "original": PHIL, "reworded": "12 Philippine nationals (a rise of seven over 2018)",
     "expect": [(K_PHIL, 12, Y, ch(7))], "in_report": True},
    {"family": "absolute", "original": ENT,
     "reworded": "six victims entered Japan on the status of residence of “Entertainer” (an increase of three)",
     "expect": [("victims.residence.entertainer", 6, Y, ch(3))]},
    {"family": "absolute", "original": SPOUSE, "reworded": "“Spouse of Japanese national” (unchanged from 2018).",
     "expect": [("victims.residence.spouse_of_japanese_national", 1, Y, ch(0))], "in_report": True},
    {"family": "absolute", "original": SPOUSE, "reworded": "“Spouse of Japanese national” (as in 2018).",
     "expect": [("victims.residence.spouse_of_japanese_national", 1, Y, ch(0))]},
    {"family": "absolute", "original": SPOUSE, "reworded": "“Spouse of Japanese national” (no change from 2018).",
     "expect": [("victims.residence.spouse_of_japanese_national", 1, Y, ch(0))]},
    {"family": "absolute", "original": MINORS,
     "reworded": "19 were minors (under 18 years of age) (up by 14 from 2018).",
     "expect": [("victims.minors", 19, Y, ch(14))]},
    {"family": "absolute", "original": LABOR,
     "reworded": "none were victims of labor exploitation (a drop of two on 2018).",
     "expect": [("victims.form.labor_exploitation", 0, Y, ch(-2))], "in_report": True},
    {"family": "absolute", "original": CLEARED,
     "reworded": "57 cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (+21)",
     "expect": [(K_CLEARED, 57, Y, ch(21))]},
    {"family": "absolute", "original": ARRESTED,
     "reworded": "39 persons were arrested for trafficking in persons (a decrease of one compared with 2018).",
     "expect": [(K_ARRESTED, 39, Y, ch(-1))], "in_report": True},
    {"family": "absolute", "original": S_MALE, "reworded": "34 were male (two more than a year earlier)",
     "expect": [("suspects.sex.male", 34, Y, ch(2))], "in_report": True},
    {"family": "absolute", "original": S_FEMALE, "reworded": "five were female (three fewer than in 2018).",
     "expect": [("suspects.sex.female", 5, Y, ch(-3))]},
    {"family": "absolute", "original": S_UNEMP, "reworded": "15 were unemployed (down six on 2018)",
     "expect": [("suspects.occupation.unemployed", 15, Y, ch(-6))], "in_report": True},
    {"family": "absolute", "original": S_BROKER, "reworded": "One of the suspects was a broker (unchanged)",
     "expect": [("suspects.broker", 1, Y, ch(0))], "in_report": True},
    {"family": "absolute", "original": S_ORG,
     "reworded": "five were members of organized crime groups, etc. (an increase of two over 2018).",
     "expect": [("suspects.organized_crime", 5, Y, ch(2))], "in_report": True},
    {"family": "absolute", "original": S_JAPAN,
     "reworded": "38 were Japanese nationals (increased by one from 2018)",
     "expect": [("suspects.nationality.japan", 38, Y, ch(1))]},
    # -- prior values --------------------------------------------------------------------
    {"family": "prior_value", "original": TOTAL, "reworded": "was 47 (compared with 27 in 2018).",
     "expect": [(K_TOTAL, 47, Y, prior(27, 47))]},
    {"family": "prior_value", "original": TOTAL, "reworded": "was 47 (2018: 27).",
     "expect": [(K_TOTAL, 47, Y, prior(27, 47))]},
    {"family": "prior_value", "original": TOTAL, "reworded": "was 47, having been 27 in 2018.",
     "expect": [(K_TOTAL, 47, Y, prior(27, 47))]},
    {"family": "prior_value", "original": TOTAL, "reworded": "rose from 27 in 2018 to 47.",
     "expect": [(K_TOTAL, 47, Y, prior(27, 47))]},
    {"family": "prior_value", "original": FEMALE, "reworded": "47 were female (up from 26 in 2018)",
     "expect": [(K_FEMALE, 47, Y, prior(26, 47))]},
    {"family": "prior_value", "original": MALE, "reworded": "zero were male (down from one in 2018).",
     "expect": [(K_MALE, 0, Y, prior(1, 0))]},
    {"family": "prior_value", "original": JAPAN,
     "reworded": "34 were Japanese (compared with 18 in 2018), accounting for approximately 70%.",
     "expect": [(K_JAPAN, 34, Y, prior(18, 34))]},
    {"family": "prior_value", "original": PHIL, "reworded": "12 Philippine nationals (2018: five)",
     "expect": [(K_PHIL, 12, Y, prior(5, 12))]},
    {"family": "prior_value", "original": BRAZIL, "reworded": "one Brazilian national (compared with none in 2018).",
     "expect": [("victims.nationality.brazil", 1, Y, prior(0, 1))], "in_report": True},
    {"family": "prior_value", "original": ENT,
     "reworded": "six victims entered Japan on the status of residence of “Entertainer” (up from three in 2018)",
     "expect": [("victims.residence.entertainer", 6, Y, prior(3, 6))]},
    {"family": "prior_value", "original": TEMP,
     "reworded": "five entered Japan on the status of residence of “Temporary Visitor” (compared with one in 2018)",
     "expect": [("victims.residence.temporary_visitor", 5, Y, prior(1, 5))], "in_report": True},
    {"family": "prior_value", "original": MINORS,
     "reworded": "19 were minors (under 18 years of age) (compared with five in 2018).",
     "expect": [("victims.minors", 19, Y, prior(5, 19))]},
    {"family": "prior_value", "original": SEXUAL,
     "reworded": "35 were victims of sexual exploitation (2018: 21)",
     "expect": [("victims.form.sexual_exploitation", 35, Y, prior(21, 35))], "in_report": True},
    {"family": "prior_value", "original": CLEARED,
     "reworded": "57 cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (compared with 36 in 2018)",
     "expect": [(K_CLEARED, 57, Y, prior(36, 57))], "in_report": True},
    {"family": "prior_value", "original": S_FEMALE, "reworded": "five were female (down from eight in 2018).",
     "expect": [("suspects.sex.female", 5, Y, prior(8, 5))], "in_report": True},
    {"family": "prior_value", "original": S_FEMALE, "reworded": "the number of female suspects fell to five from eight.",
     "expect": [("suspects.sex.female", 5, Y, prior(8, 5))]},
    {"family": "prior_value", "original": S_JAPAN,
     "reworded": "38 were Japanese nationals (compared with 37 in 2018)",
     "expect": [("suspects.nationality.japan", 38, Y, prior(37, 38))], "in_report": True},
    {"family": "prior_value", "original": S_PHIL, "reworded": "one was a Philippines national (2018: none).",
     "expect": [("suspects.nationality.philippines", 1, Y, prior(0, 1))], "in_report": True},
    {"family": "prior_value", "original": S_ADULT,
     "reworded": "eight were connected with adult entertainment business (up from seven in 2018)",
     "expect": [("suspects.occupation.adult_entertainment", 8, Y, prior(7, 8))], "in_report": True},
    {"family": "prior_value", "original": S_OTHER,
     "reworded": "16 (compared with 12 in 2018) engaged in other occupations",
     "expect": [("suspects.occupation.other", 16, Y, prior(12, 16))], "in_report": True},
    {"family": "prior_value", "original": ARRESTED,
     "reworded": "39 persons were arrested for trafficking in persons (40 in 2018).",
     "expect": [(K_ARRESTED, 39, Y, prior(40, 39))]},
    # -- relative changes ----------------------------------------------------------------
    {"family": "relative", "original": TOTAL, "reworded": "was 47 (up 74.1% year on year).",
     "expect": [(K_TOTAL, 47, Y, rel(74.1))]},
    {"family": "relative", "original": TOTAL, "reworded": "was 47 (an increase of 74.1% over 2018).",
     "expect": [(K_TOTAL, 47, Y, rel(74.1))]},
    {"family": "relative", "original": FEMALE, "reworded": "47 were female (80.8% more than in 2018)",
     "expect": [(K_FEMALE, 47, Y, rel(80.8))]},
    {"family": "relative", "original": JAPAN,
     "reworded": "34 were Japanese (+88.9% year on year), accounting for approximately 70%.",
     "expect": [(K_JAPAN, 34, Y, rel(88.9))]},
    {"family": "relative", "original": PHIL, "reworded": "12 Philippine nationals (up 140% from 2018)",
     "expect": [(K_PHIL, 12, Y, rel(140))]},
    {"family": "relative", "original": ENT,
     "reworded": "six victims entered Japan on the status of residence of “Entertainer” (doubled from 2018)",
     "expect": [("victims.residence.entertainer", 6, Y, rel(100))], "in_report": True},
    {"family": "relative", "original": ENT,
     "reworded": "six victims entered Japan on the status of residence of “Entertainer” (twice as many as in 2018)",
     "expect": [("victims.residence.entertainer", 6, Y, rel(100))]},
    {"family": "relative", "original": TEMP,
     "reworded": "five entered Japan on the status of residence of “Temporary Visitor” (five times as many as in 2018)",
     "expect": [("victims.residence.temporary_visitor", 5, Y, rel(400))]},
    {"family": "relative", "original": HOSTESS,
     "reworded": "12 were forced to work as nightclub hostesses (tripled from 2018)",
     "expect": [("victims.form.nightclub_hostess", 12, Y, rel(200))], "in_report": True},
    {"family": "relative", "original": HOSTESS,
     "reworded": "12 were forced to work as nightclub hostesses (three times as many as in 2018)",
     "expect": [("victims.form.nightclub_hostess", 12, Y, rel(200))]},
    {"family": "relative", "original": MINORS,
     "reworded": "19 were minors (under 18 years of age) (up 280% on the previous year).",
     "expect": [("victims.minors", 19, Y, rel(280))]},
    {"family": "relative", "original": SEXUAL,
     "reworded": "35 were victims of sexual exploitation (an increase of 66.7% from 2018)",
     "expect": [("victims.form.sexual_exploitation", 35, Y, rel(66.7))]},
    {"family": "relative", "original": CLEARED,
     "reworded": "57 cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (up 58.3% year on year)",
     "expect": [(K_CLEARED, 57, Y, rel(58.3))]},
    {"family": "relative", "original": ARRESTED,
     "reworded": "39 persons were arrested for trafficking in persons (down 2.5% from 2018).",
     "expect": [(K_ARRESTED, 39, Y, rel(-2.5))]},
    {"family": "relative", "original": S_MALE, "reworded": "34 were male (up 6.3% year on year)",
     "expect": [("suspects.sex.male", 34, Y, rel(6.3))]},
    {"family": "relative", "original": S_FEMALE, "reworded": "five were female (37.5% fewer than in 2018).",
     "expect": [("suspects.sex.female", 5, Y, rel(-37.5))]},
    {"family": "relative", "original": S_UNEMP, "reworded": "15 were unemployed (a decrease of 28.6% from 2018)",
     "expect": [("suspects.occupation.unemployed", 15, Y, rel(-28.6))]},
    {"family": "relative", "original": S_ORG,
     "reworded": "five were members of organized crime groups, etc. (up 66.7% on 2018).",
     "expect": [("suspects.organized_crime", 5, Y, rel(66.7))]},
    {"family": "relative", "original": S_OTHER,
     "reworded": "16 (an increase of 33.3% over 2018) engaged in other occupations",
     "expect": [("suspects.occupation.other", 16, Y, rel(33.3))]},
    # -- bounds --------------------------------------------------------------------------
    {"family": "bound", "original": PHIL, "reworded": "12 Philippine nationals (more than doubled from 2018)",
     "expect": [(K_PHIL, 12, Y, rel(100, bound="more_than"))]},
    {"family": "bound", "original": JAPAN,
     "reworded": "34 were Japanese (nearly doubled from 2018), accounting for more than two thirds.",
     "expect": [(K_JAPAN, 34, Y, rel(100, bound="nearly"))], "in_report": True},
    {"family": "bound", "original": MINORS,
     "reworded": "19 were minors (under 18 years of age) (more than tripled from 2018).",
     "expect": [("victims.minors", 19, Y, rel(200, bound="more_than"))], "in_report": True},
    {"family": "bound", "original": TOTAL, "reworded": "was 47 (up more than 70% from 2018).",
     "expect": [(K_TOTAL, 47, Y, rel(70, bound="more_than"))]},
    {"family": "bound", "original": CLEARED,
     "reworded": "57 cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (an increase of over 50% from 2018)",
     "expect": [(K_CLEARED, 57, Y, rel(50, bound="more_than"))]},
    # -- number words, full-width digits, none / no / zero --------------------------------
    {"family": "words", "original": TOTAL, "reworded": "was forty-seven (twenty more than in 2018).",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "words", "original": FEMALE, "reworded": "forty-seven were female (twenty-one more than in 2018)",
     "expect": [(K_FEMALE, 47, Y, ch(21))]},
    {"family": "words", "original": JAPAN,
     "reworded": "thirty-four were Japanese (sixteen more than in 2018), accounting for approximately 70%.",
     "expect": [(K_JAPAN, 34, Y, ch(16))]},
    {"family": "words", "original": CLEARED,
     "reworded": "fifty-seven cases of trafficking in persons pertaining to victims of trafficking in persons put under protection by Japan were cleared (twenty-one more than in 2018)",
     "expect": [(K_CLEARED, 57, Y, ch(21))]},
    {"family": "words", "original": ARRESTED,
     "reworded": "thirty-nine persons were arrested for trafficking in persons (one fewer than in 2018).",
     "expect": [(K_ARRESTED, 39, Y, ch(-1))]},
    {"family": "words", "original": S_JAPAN,
     "reworded": "thirty-eight were Japanese nationals (one more than in 2018)",
     "expect": [("suspects.nationality.japan", 38, Y, ch(1))]},
    {"family": "fullwidth", "original": TOTAL, "reworded": "was ４７ (２０ more than in ２０１８).",
     "expect": [(K_TOTAL, 47, Y, ch(20))], "in_report": True},
    {"family": "fullwidth", "original": BRAZIL, "reworded": "one Brazilian national (１ more than in ２０１８).",
     "expect": [("victims.nationality.brazil", 1, Y, ch(1))]},
    {"family": "fullwidth", "original": S_MALE, "reworded": "３４ were male (＋２ year on year)",
     "expect": [("suspects.sex.male", 34, Y, ch(2))]},
    {"family": "zero", "original": MALE, "reworded": "no victims were male (one fewer than in 2018).",
     "expect": [(K_MALE, 0, Y, ch(-1))]},
    {"family": "zero", "original": MALE, "reworded": "none were male (one less than in 2018).",
     "expect": [(K_MALE, 0, Y, ch(-1))]},
    {"family": "zero", "original": LABOR,
     "reworded": "zero were victims of labor exploitation (down from two in 2018).",
     "expect": [("victims.form.labor_exploitation", 0, Y, prior(2, 0))]},
    # -- the reference period ------------------------------------------------------------
    {"family": "reference", "original": TOTAL, "reworded": "was 47 (20 more than the previous year).",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "reference", "original": TOTAL, "reworded": "was 47 (20 more than last year).",
     "expect": [(K_TOTAL, 47, Y, ch(20))]},
    {"family": "reference", "original": HOSTESS,
     "reworded": "12 were forced to work as nightclub hostesses (eight more than the year before)",
     "expect": [("victims.form.nightclub_hostess", 12, Y, ch(8))]},
    {"family": "reference", "original": SEXUAL,
     "reworded": "35 were victims of sexual exploitation (14 more than a year earlier)",
     "expect": [("victims.form.sexual_exploitation", 35, Y, ch(14))]},
    {"family": "reference", "original": S_ADULT,
     "reworded": "eight were connected with adult entertainment business (one more than in the previous year)",
     "expect": [("suspects.occupation.adult_entertainment", 8, Y, ch(1))]},
    {"family": "reference", "original": PERM,
     "reworded": "The Brazilian national was a Permanent Resident living in Japan (one more than the previous year).",
     "expect": [("victims.residence.permanent_resident", 1, Y, ch(1))], "in_report": True},
    # -- subject phrases -----------------------------------------------------------------
    {"family": "subject", "original": ROUTE_POLICE, "reworded": "One was protected by the police only in 2019,",
     "expect": [("victims.route.police_only", 1, Y, None)], "in_report": True},
    {"family": "subject", "original": ROUTE_POLICE, "reworded": "One was protected by the police alone in 2019,",
     "expect": [("victims.route.police_only", 1, Y, None)]},
    {"family": "subject", "original": ROUTE_POLICE, "reworded": "One was protected only by the police in 2019,",
     "expect": [("victims.route.police_only", 1, Y, None)]},
    {"family": "subject", "original": ROUTE_ISA,
     "reworded": "Three were protected only by the Immigration Services Agency in 2019.",
     "expect": [("victims.route.isa_only", 3, Y, None)], "in_report": True},
    {"family": "subject", "original": ROUTE_ISA,
     "reworded": "Three were put under protection by the Immigration Services Agency alone in 2019.",
     "expect": [("victims.route.isa_only", 3, Y, None)]},
    {"family": "subject", "original": ROUTE_BOTH,
     "reworded": "Nine were first protected by the police in 2019 and then by the Immigration Services Agency the same year,",
     "expect": [("victims.route.police_then_isa", 9, Y, None)], "in_report": True},
    {"family": "subject", "original": WCO_CARE,
     "reworded": "All nine received interpretation support and medical services; the six who needed psychological care received it.",
     "expect": [("victims.womens_consulting_offices.interpretation_and_medical", 9, Y, None),
                ("victims.womens_consulting_offices.psychological_care", 6, Y, None)],
     "in_report": True},
    {"family": "subject", "original": S_BROKER, "reworded": "One of the suspects acted as a broker (same as in 2018)",
     "expect": [("suspects.broker", 1, Y, ch(0))]},
    # -- a comparison's period words never set the count's period --------------------------
    {"family": "period", "original": FEMALE, "reworded": "47 were female (compared with 26 in 2018)",
     "expect": [(K_FEMALE, 47, Y, prior(26, 47))], "in_report": True},
    {"family": "period", "original": S_FEMALE, "reworded": "five were female, down from eight in 2018.",
     "expect": [("suspects.sex.female", 5, Y, prior(8, 5))]},
    {"family": "period", "original": HOSTESS,
     "reworded": "12 were forced to work as nightclub hostesses (up from four in 2018)",
     "expect": [("victims.form.nightclub_hostess", 12, Y, prior(4, 12))]},
    {"family": "period", "original": TOTAL, "reworded": "rose to 47 from 27 in 2018.",
     "expect": [(K_TOTAL, 47, Y, prior(27, 47))]},
    {"family": "period", "original": S_PHIL, "reworded": "one was a Philippines national (compared with none in 2018).",
     "expect": [("suspects.nationality.philippines", 1, Y, prior(0, 1))]},
]  # fmt: skip
