"""Figures profile of Japan's annual report on trafficking in persons (consumed by
`annualcheck.extract.figures.pipeline`): which words make which key.

Why ordered rules: a sentence names its topic once ("With regard to the gender of the
victims, 47 were female ... and zero were male") and each count carries only a subject word
("female", "Japanese", "Entertainer"). A rule says which subject words (`near`, `slot`) under
which topic (`about`, `clause`) give which key; the first rule that holds wins, so specific
rules ("put under protection by the Immigration Services Agency only") stand before general
ones ("Immigration Services Agency"). The key names follow docs/CONTRACT.md and
docs/FIGURE_KEYS.md. Section 2 (1) rules apply only in the statistics sections, found by
their topic (`STATISTICS_TOPICS`) wherever they are numbered, and to passages repeated from
there, so a "victims" count elsewhere never takes a section-2 key.
"""

from __future__ import annotations

from annualcheck.profiles.spec.extract import FiguresProfile, KeyRule, RuleSet

N = "#N#"  # the count itself, in `near` patterns
WCO = r"Women.s Consulting Offices?"
ISA = r"Immigration Services Agency|Immigration Bureau"
IOM = r"\bIOM\b|International Organization for Migration|repatriat"
NATIONALS = r"(?:nationals?|victims?|persons?|people)"
PRIOR_REPORT = r"annual report|previous (?:annual )?report|last (?:annual )?report"
PROTECTED_BY_POLICE = (
    r"(?:put under (?:police protection|protection by the police)|protected by the police"
    r"|under the protection of the police)"
)

VOCABULARIES: dict[str, tuple[tuple[str, str], ...]] = {
    "sex": (
        (r"\bfemales?\b|\bwom[ae]n\b|\bgirls?\b", "female"),
        (r"\bmales?\b|\bm[ae]n\b|\bboys?\b", "male"),
    ),
    "country": (
        (r"(?<!non-)(?<!non )\bjapan(?:ese)?\b", "japan"),
        (r"philippines?|filipin[oa]s?", "philippines"),
        (r"\bbrazil(?:ian)?s?\b", "brazil"),
        (r"\bthai(?:land)?s?\b", "thailand"),
        (r"viet ?nam(?:ese)?", "viet_nam"),
        (r"mongolian?s?", "mongolia"),
        (r"\bchin(?:a|ese)\b", "china"),
        (r"\b(?:south )?korean?s?\b|republic of korea", "korea"),
        (r"taiwan(?:ese)?", "taiwan"),
        (r"indonesian?s?", "indonesia"),
        (r"cambodian?s?", "cambodia"),
        (r"\blao(?:s|tian)?\b", "laos"),
        (r"myanmar|burmese", "myanmar"),
        (r"colombian?s?", "colombia"),
        (r"romanian?s?", "romania"),
        (r"russian?s?", "russia"),
        (r"\bnepal(?:ese|i)?\b", "nepal"),
        (r"sri lankan?s?", "sri_lanka"),
        (r"\bus\b|american|united states", "united_states"),
    ),
    "status": (
        (r"spouse (?:or child )?of (?:a )?japanese national", "spouse_of_japanese_national"),
        (r"spouse (?:or child )?of (?:a )?permanent resident", "spouse_of_permanent_resident"),
        (r"\bentertainers?\b", "entertainer"),
        (r"temporary visitors?", "temporary_visitor"),
        (r"long[- ]term residents?", "long_term_resident"),
        (r"permanent residents?", "permanent_resident"),
        (r"technical intern training", "technical_intern_training"),
        (r"designated activities", "designated_activities"),
        (r"\bstudents?\b", "student"),
        (r"specified skilled workers?", "specified_skilled_worker"),
    ),
    "occupation": (
        (r"adult entertainment", "adult_entertainment"),
        (r"unemployed|no occupation|jobless", "unemployed"),
        (r"other occupations?|office workers?|self-employed|company employees?", "other"),
    ),
    "form": (
        (r"hostess", "nightclub_hostess"),
        (r"sexual exploitation|prostitution", "sexual_exploitation"),
        (r"labou?r exploitation|forced labou?r", "labor_exploitation"),
        (r"removal of organs|organ removal", "organ_removal"),
    ),
    "language": (
        (r"\bin english\b", "english"),
        (r"\bin portuguese\b", "portuguese"),
        (r"\bin tagalog\b", "tagalog"),
        (r"\bin chinese\b", "chinese"),
        (r"\bin spanish\b", "spanish"),
        (r"\bin vietnamese\b", "vietnamese"),
        (r"\bin korean\b", "korean"),
        (r"\bin nepalese\b", "nepalese"),
        (r"\bin thai\b", "thai"),
        (r"\bin indonesian\b", "indonesian"),
        (r"\bin filipino\b", "filipino"),
    ),
}

# -- section 2 (1): victims, suspects, prosecution ----------------------------------------------

SECTION2 = (
    KeyRule("cases.cleared", near=rf"{N} cases?\b", about=r"\bcleared\b", unit="cases"),
    KeyRule("perpetrators.deportation_orders", near=r"deportation orders?"),
    KeyRule(
        "suspects.arrested",
        near=rf"{N} (?:persons|people|suspects|individuals)\b.*\barrested|\barrested\b.*{N}",
        unless=r"deportation",
    ),
    # what became of the persons the previous report left awaiting trial
    KeyRule("carryover.previous_pending", near=PRIOR_REPORT),
    KeyRule("carryover.acquitted", near=r"acquitted|not guilty", about=PRIOR_REPORT),
    KeyRule("carryover.guilty", near=r"guilty|convicted", about=PRIOR_REPORT),
    KeyRule("carryover.pending", near=r"awaiting trial|pending|on trial", about=PRIOR_REPORT),
    # prosecution of this year's suspects
    KeyRule("suspects.not_prosecuted", near=r"not (?:been )?prosecuted|non-prosecut"),
    KeyRule("suspects.prosecuted.acquitted", near=r"acquitted|not guilty", about=r"prosecuted"),
    KeyRule("suspects.prosecuted.guilty", near=r"guilty|convicted", about=r"prosecuted"),
    KeyRule(
        "suspects.prosecuted.pending", near=r"pending|awaiting trial|on trial", about=r"prosecuted"
    ),
    KeyRule("suspects.prosecuted", near=r"prosecuted|indicted"),
    KeyRule(
        "suspects.sex.{sex}",
        slot="sex",
        about=r"gender|\bsex\b",
        population="suspects",
    ),
    KeyRule(
        "suspects.nationality.{country}",
        slot="country",
        about=r"nationalit",
        population="suspects",
    ),
    KeyRule(
        "suspects.occupation.{occupation}",
        slot="occupation",
        about=r"occupation",
        population="suspects",
    ),
    KeyRule("suspects.broker", near=r"\bbrokers?\b", population="suspects"),
    KeyRule(
        "suspects.organized_crime",
        near=r"organi[sz]ed crime|boryokudan|yakuza",
        population="suspects",
    ),
    # protection route of non-Japanese victims: "put under police protection only", "protected
    # by the police alone", "protected only by the police"; "first ... police ... then ... ISA"
    KeyRule(
        "victims.route.police_then_isa",
        near=rf"{N}\s+(?:victims?\s+)?(?:was|were)\s+(?:first\s+)?{PROTECTED_BY_POLICE}"
        rf"(?!\s+(?:only|alone))"
        rf".*(?:then|before|after|later).*(?:{ISA})",
        unless=r"\bonly\b|\balone\b",
    ),
    KeyRule(
        "victims.route.police_only",
        near=rf"{N}\s+(?:victims?\s+)?(?:was|were)\s+(?:{PROTECTED_BY_POLICE}\s+(?:only|alone)"
        rf"|(?:put under protection|protected)\s+only\s+by\s+the\s+police)",
    ),
    KeyRule(
        "victims.route.isa_only",
        near=rf"{N}\s+(?:victims?\s+)?(?:was|were)\s+(?:put under protection|protected)\s+"
        rf"(?:by the (?:{ISA})\s+(?:only|alone)|only\s+by\s+the\s+(?:{ISA}))",
    ),
    # protection by the Immigration Services Agency
    KeyRule(
        "victims.isa.status_changed",
        near=r"permitted to change|change (?:of )?(?:the |their )?status of residence",
    ),
    KeyRule("victims.isa.special_permission", near=r"special permission to stay"),
    KeyRule(
        "victims.isa.protected",
        near=rf"(?:{ISA})[^,;]*\b(?:was|were|totall?ed)\s+{N}"
        rf"|{N}\s+(?:non-japanese\s+|foreign\s+)?(?:victims?\s+)?(?:was|were)\s+"
        rf"(?:put under protection|protected)\s+by\s+the\s+(?:{ISA})(?!\s+(?:only|alone))",
    ),
    # Women's Consulting Offices
    KeyRule(
        "victims.womens_consulting_offices.psychological_care",
        near=r"psychological care",
        about=WCO,
    ),
    KeyRule("victims.womens_consulting_offices.protected", near=WCO),
    KeyRule(
        "victims.womens_consulting_offices.interpretation_and_medical", near=r"interpret", about=WCO
    ),
    # IOM repatriation support
    KeyRule("victims.iom.shelter", near=r"shelter", about=IOM),
    KeyRule("victims.iom.medical", near=r"medical", about=IOM),
    KeyRule("victims.iom.rehabilitation", near=r"rehabilitation|reintegration", about=IOM),
    KeyRule(
        "victims.iom.repatriated",
        near=r"repatriat|returned? (?:home|to their)",
        about=r"\bIOM\b|International Organization for Migration",
    ),
    # minors
    KeyRule(
        "victims.minors.nationality.{country}",
        slot="country",
        about=r"\bminors?\b|under (?:the age of )?18",
        population="victims",
    ),
    KeyRule("victims.minors", near=r"\bminors?\b|under (?:the age of )?18|\bchildren\b"),
    # forms of trafficking, sex, status of residence, nationality
    KeyRule(
        "victims.form.{form}",
        slot="form",
        about=r"forms? of (?:trafficking|exploitation)|victims of (?:sexual|labou?r)",
        population="victims",
    ),
    KeyRule("victims.sex.{sex}", slot="sex", about=r"gender|\bsex\b", population="victims"),
    KeyRule(
        "victims.residence.{status}",
        slot="status",
        about=r"status of residence",
        population="victims",
    ),
    KeyRule(
        "victims.non_japanese",
        near=rf"{N}\s+(?:were\s+)?(?:non-japanese|foreign(?:ers| nationals| victims)?)\b",
    ),
    KeyRule(
        "victims.nationality.{country}", slot="country", about=r"nationalit", population="victims"
    ),
    KeyRule(
        "victims.total",
        near=rf"number of victims|{N} victims\b[^,]*(?:put under protection|protected)",
        about=r"put under protection|protected|identified",
        unless=rf"{ISA}|{WCO}|\bIOM\b|police protection|non-japanese|minors|\bonly\b",
    ),
)

# -- sections 2 (2) to 8 -----------------------------------------------------------------------

LANGS = r"languages?"

OTHER = (
    # 2 (2) delegations
    KeyRule("delegations.countries_and_regions", near=rf"{N} countries and regions",
            about=r"Delegation", unit="countries"),
    # 3 (1) visa system
    KeyRule("visa_system.diplomatic_missions", near=rf"{N} Japanese Embassies and Consulates",
            unit="missions"),
    KeyRule("visa_policy_website.languages", near=rf"{N} {LANGS}", about=r"Visa Policy",
            unit="languages"),
    # 3 (2) illegal employment; joint inspections of training institutions
    KeyRule("illegal_employment.workplaces", near=rf"{N} workplaces", unit="workplaces"),
    KeyRule("joint_inspections.institutions",
            near=rf"(?:inspections|investigations) into {N} technical intern training institutions",
            unit="institutions"),
    KeyRule("joint_inspections.correction_orders", near=rf"correction orders to {N} institutions",
            unit="institutions"),
    # 3 (3) Technical Intern Training Program
    KeyRule("supervising_organizations.permitted", near=rf"{N} organizations have received permits",
            unit="organizations"),
    KeyRule("training_plans.accredited",
            near=rf"{N} technical intern training plans have received accreditation", unit="plans"),
    KeyRule("training_plans.not_accredited", near=rf"{N} were not accredited", unit="plans"),
    KeyRule("regional_councils.blocks", near=rf"{N} regional blocks", unit="blocks"),
    KeyRule("cooperation_memoranda.countries",
            near=rf"\(MOCs?\) with {N}|memorand\w* of cooperation.*with {N}", unit="countries"),
    KeyRule("trainee_handbook.languages", near=rf"handbook is provided in {N}", unit="languages"),
    KeyRule("mhlw_trainee_leaflet.languages",
            near=rf"To all Foreign Technical Intern Trainees.*in {N} {LANGS}", unit="languages"),
    KeyRule("native_language_hotline.languages",
            near=rf"Native-Language Consultation Hot ?Line in {N} {LANGS}", unit="languages"),
    KeyRule("otit_consultation.languages",
            near=rf"Native Language Consultation.*in {N} {LANGS}", unit="languages"),
    KeyRule("foreign_workers_consultation_corner.languages",
            near=rf"Consultation Corners? in {N} {LANGS}", unit="languages"),
    KeyRule("working_conditions_handbook.languages",
            near=rf"Working Conditions Handbook.*in {N} {LANGS}", unit="languages"),
    KeyRule("labour_standards_hotline.languages", near=rf"accepts consultation in {N} {LANGS}",
            about=r"Advice Hotline", unit="languages"),
    KeyRule("labor_inspections.organizations", near=rf"inspections on {N} organizations",
            unit="organizations"),
    KeyRule("labor_inspections.violations", near=rf"{N} organizations.*violation",
            unit="organizations"),
    KeyRule("labor_inspections.referred_cases", near=rf"{N} cases",
            about=r"referred to (?:the )?prosecutors", unit="cases"),
    # 3 (4) new programmes
    KeyRule("construction_workers.entered", near=rf"{N} foreign construction workers",
            unit="persons"),
    KeyRule("housekeeping_workers.entered", near=rf"{N} foreign nationals who conduct housekeeping",
            unit="persons"),
    KeyRule("specified_skilled_worker.fields", near=rf"\(?{N} fields\)?",
            about=r"Specified Industrial Fields|Specified Skilled", unit="fields"),
    # 3 (5) and 7 (2) public relations
    KeyRule("posters.cabinet_office.printed", near=rf"{N} posters", about=r"Cabinet Office",
            unit="copies"),
    KeyRule("posters.cabinet_office.places", near=rf"{N} places", about=r"Cabinet Office",
            unit="places"),
    KeyRule("safety_handbook.printed", near=rf"{N} copies of the booklet", unit="copies"),
    KeyRule("safety_app_leaflets.printed", near=rf"{N} copies of the leaflet", unit="copies"),
    # 4 identification of victims
    KeyRule("hotline.reports", near=rf"{N} reports", about=r"trafficking in persons",
            unit="reports"),
    KeyRule("leaflets.npa.printed", near=rf"{N} leaflets",
            about=r"Please help me|National Police Agency", unit="copies"),
    KeyRule("leaflets.npa.languages", near=rf"^{N} {LANGS}|leaflets.*in {N} {LANGS}",
            about=r"Please help me", unit="languages"),
    KeyRule("isa_website.languages", near=rf"in {N} {LANGS}",
            about=r"Immigration Services Agency has listed on its website", unit="languages"),
    KeyRule("immigration_information_centers.locations",
            near=rf"Immigration Information Cent(?:er|re)s at {N}", unit="locations"),
    KeyRule("immigration_information_centers.phone_languages", near=rf"in {N} {LANGS}",
            about=r"dedicated phone lines", unit="languages"),
    KeyRule("human_rights_counseling_centers.locations", near=rf"in {N} places",
            about=r"Human Rights Counseling Centers for Foreigners", unit="locations"),
    KeyRule("human_rights_counseling.languages",
            near=rf"Human Rights Counseling Centers for Foreigners.*increased to {N}",
            unit="languages"),
    # 5 eradication: arrests under related acts
    KeyRule("prostitution.arrested", near=rf"{N} (?:people|persons)", clause=r"Anti-Prostitution"),
    KeyRule("prostitution.cases", near=rf"{N} cases", clause=r"Anti-Prostitution", unit="cases"),
    KeyRule("child_prostitution.arrested", near=rf"{N} (?:people|persons)",
            clause=r"child prostitution"),
    KeyRule("child_prostitution.cases", near=rf"{N} cases", clause=r"child prostitution",
            unit="cases"),
    KeyRule("child_pornography.arrested", near=rf"{N} (?:people|persons)",
            clause=r"child pornography"),
    KeyRule("child_pornography.cases", near=rf"{N} cases", clause=r"child pornography",
            unit="cases"),
    KeyRule("foreign_workers.arrested", near=rf"{N} (?:people|persons)",
            about=r"employment of foreign workers"),
    KeyRule("foreign_workers.cases", near=rf"{N} cases", about=r"employment of foreign workers",
            unit="cases"),
    KeyRule("forced_pornography.arrested", near=rf"{N} suspects", about=r"pornographic"),
    KeyRule("forced_pornography.cases", near=rf"{N} cases", about=r"pornographic", unit="cases"),
    # 6 protection and support
    KeyRule("status_grants.{status}", near=r"granted the status of residence", slot="status"),
    KeyRule("houterasu.multilingual_service.languages", near=rf"in {N} {LANGS}",
            about=r"Multilingual Information Service", unit="languages"),
    KeyRule("houterasu.multilingual_service.cases.{language}", near=rf"{N} in [A-Z]",
            slot="language", about=r"number of cases", unit="cases"),
    KeyRule("yorisoi_hotline.languages", near=rf"in {N} {LANGS}", about=r"Yorisoi?",
            unit="languages"),
    KeyRule("iom.contribution_usd",
            near=rf"contributed {N} to (?:the )?(?:IOM|International Organization for Migration)",
            unit="usd"),
    KeyRule("iom.repatriated_since_2005", near=rf"(?:support to|assisted) {N} victims",
            about=r"since 2005", unit="persons"),
    # 7 international cooperation, awareness, training
    KeyRule("jica_asean_training.countries", near=rf"personnel from {N} countries",
            unit="countries"),
    KeyRule("mekong_workshop.times", near=rf"held {N} times", about=r"Workshop", unit="times"),
    KeyRule("mekong_workshop.countries", near=rf"^{N} countries", about=r"workshop",
            unit="countries"),
    KeyRule("unodc.contribution_usd", near=rf"contributed {N}",
            about=r"UNODC|Crime Prevention and Criminal Justice Fund", unit="usd"),
    KeyRule("bali_process.participants", near=rf"participants from {N} nations",
            unit="participants"),
    KeyRule("bali_process.website_contribution_usd",
            near=rf"contributed {N} to the Bali Process website", unit="usd"),
    KeyRule("mofa_consular_training.attendees", near=rf"{N} officials attended", unit="persons"),
    KeyRule("mofa_security_officer_training.attendees", near=rf"training for {N} security officers",
            unit="persons"),
    KeyRule("wco_heads_training.attendees", near=rf"attended by {N} people", about=WCO,
            unit="persons"),
)  # fmt: skip

#: What the statistics sections talk about, one pattern a topic: a section whose own
#: paragraphs touch three of them states the year's victims, suspects and prosecutions,
#: however it is numbered or titled (the 2019-2021 reports: 2 (1) i) and ii) only).
STATISTICS_TOPICS = (
    r"\bvictims?\b[^.]{0,80}\b(?:put under protection|were protected|identified)\b",
    r"\b(?:persons|people|suspects|individuals)\b[^.]{0,30}\barrested\b",
    r"\bcleared\b",
    r"\b(?:gender|sex|nationalit(?:y|ies)|occupations?|status of residence) of the "
    r"(?:\d+ |[a-z-]+ )?(?:non-japanese )?(?:victims|suspects)\b"
    r"|\b(?:victims|suspects)['\u2019] (?:gender|sex|nationalit(?:y|ies)|occupations?)",
    r"\b(?:not )?(?:prosecuted|indicted)\b",
    r"\bthan in (?:19|20)\d\d\b|\bcompared (?:with|to)\b|\byear[- ]on[- ]year\b"
    r"|\bthe previous year\b|\ba year earlier\b",
    r"\bminors?\b|\bunder (?:the age of )?18\b",
    r"\bforms? of (?:trafficking|exploitation)\b",
)
STATISTICS = "section 2 (1): victims, suspects, prosecution"

PROFILE_PART = FiguresProfile(
    rule_sets=(
        # The cases section ("[Case 1] ...") tells single cases: its counts are not the
        # year's figures. Section numbers are the fallback for paragraphs given alone.
        RuleSet(
            STATISTICS,
            SECTION2,
            sections=("2 (1)",),
            skip_sections=("2 (1) iii)",),
            topic=STATISTICS_TOPICS,
            skip_topic=r"^\s*\[\s*Case\s+\d+\s*\]",
        ),
        RuleSet("sections 2 (2) to 8", OTHER, skip_sections=("2 (1)",), outside=(STATISTICS,)),
    ),
    vocabularies=VOCABULARIES,
    anaphora=r"(?:of|among|for)\s+(?:these|them|those|whom)\b|all (?:of )?these\b|these\b"
    r"|all\s+(?:[a-z-]+\s+)?(?:received|were|was|had|got)\b|both\b"
    r"|the (?:remaining|rest)\b|following (?:their|this|that)\b",
    populations=(
        (r"\bsuspects?\b|\baccused\b|\bperpetrators?\b|\bbrokers?\b|\barrested\b", "suspects"),
        (r"\bvictims?\b", "victims"),
    ),
    implied_counts=(
        (r"\b[Tt]he (?:[A-Z][\w-]+ )+(?:national|victim|suspect|person)\b(?=\s+(?:was|is)\b)", 1),
        (
            r"\b[Nn]o (?:[\w-]+ )?(?:victims?|suspects?|persons?|perpetrators?)\b"
            r"(?=\s+(?:was|were)\b)",
            0,
        ),
    ),
    counted_nouns=("victims", "victim", "suspects", "suspect"),
)
