# ruff: noqa: E501  (legal text reads better unbroken than wrapped to the line length)
"""The agreement templates Distans ships: one per country (Sweden, Norway, Denmark and other
countries) and language. Loaded by a migration as published version 1; HR edits them as new versions.

Each section is written once per language; a country replaces or adds the sections its law asks for.
Placeholders in {braces} are filled from the terms (`agreement_text.display_values`)."""

from typing import Any

LANGUAGES = ("en", "sv", "nb", "da")
COUNTRIES = ("SE", "NO", "DK", "")


def _t(en, sv, nb, da):
    return dict(zip(LANGUAGES, (en, sv, nb, da), strict=True))


TITLES = {
    "SE": _t(
        "Remote work agreement",
        "Överenskommelse om distansarbete",
        "Avtale om fjernarbeid",
        "Aftale om fjernarbejde",
    ),
    "NO": _t(
        "Agreement on work in the employee's home",
        "Avtal om arbete i arbetstagarens hem",
        "Avtale om hjemmekontor",
        "Aftale om arbejde i medarbejderens hjem",
    ),
    "DK": _t(
        "Home working agreement", "Avtal om hemarbete", "Avtale om hjemmearbeid", "Aftale om hjemmearbejde"
    ),
    "": _t(
        "Remote work agreement",
        "Överenskommelse om distansarbete",
        "Avtale om fjernarbeid",
        "Aftale om fjernarbejde",
    ),
}

# (key, when, texts): texts per language are (title, body).
COMMON = [
    (
        "parties",
        "",
        _t(
            (
                "Parties and employment",
                "This agreement is made between {employer} (the employer) and {employee}, employee number "
                "{employee_number}, {position}, {unit} (the employee). Line manager: {manager}.\n\n"
                "It supplements the employment contract (employed since {employment_start}) and does not "
                "replace it. The initiative for remote work came from {initiator}.",
            ),
            (
                "Parter och anställning",
                "Denna överenskommelse är träffad mellan {employer} (arbetsgivaren) och {employee}, "
                "anställningsnummer {employee_number}, {position}, {unit} (medarbetaren). Närmaste chef: {manager}.\n\n"
                "Överenskommelsen kompletterar anställningsavtalet (anställd sedan {employment_start}) och ersätter "
                "det inte. Initiativet till distansarbetet kom från {initiator}.",
            ),
            (
                "Parter og ansettelsesforhold",
                "Denne avtalen er inngått mellom {employer} (arbeidsgiver) og {employee}, ansattnummer "
                "{employee_number}, {position}, {unit} (arbeidstaker). Nærmeste leder: {manager}.\n\n"
                "Avtalen kommer i tillegg til arbeidsavtalen (ansatt siden {employment_start}) og erstatter den ikke. "
                "Initiativet til hjemmearbeidet kom fra {initiator}.",
            ),
            (
                "Parter og ansættelsesforhold",
                "Denne aftale er indgået mellem {employer} (arbejdsgiveren) og {employee}, medarbejdernummer "
                "{employee_number}, {position}, {unit} (medarbejderen). Nærmeste leder: {manager}.\n\n"
                "Aftalen supplerer ansættelseskontrakten (ansat siden {employment_start}) og erstatter den ikke. "
                "Initiativet til hjemmearbejdet kom fra {initiator}.",
            ),
        ),
    ),
    (
        "duration",
        "",
        _t(
            ("Start and duration", "The agreement applies from {start_date}. Duration: {duration}."),
            (
                "Start och giltighetstid",
                "Överenskommelsen gäller från och med {start_date}. Giltighetstid: {duration}.",
            ),
            ("Oppstart og varighet", "Avtalen gjelder fra og med {start_date}. Varighet: {duration}."),
            ("Start og varighed", "Aftalen gælder fra og med {start_date}. Varighed: {duration}."),
        ),
    ),
    (
        "place",
        "",
        _t(
            (
                "Place of work",
                "Remote work is carried out at {place}. The employer's premises remain the employee's main place "
                "of work. Work from another place needs the manager's prior consent.",
            ),
            (
                "Arbetsplats",
                "Distansarbetet utförs i {place}. Arbetsgivarens lokaler är fortsatt medarbetarens ordinarie "
                "arbetsplats (tjänsteställe). Arbete från annan plats kräver chefens godkännande i förväg.",
            ),
            (
                "Arbeidssted",
                "Hjemmearbeidet utføres i {place}. Arbeidsgivers lokaler er fortsatt arbeidstakers faste arbeidssted. "
                "Arbeid fra et annet sted, for eksempel en hytte, krever leders forhåndssamtykke.",
            ),
            (
                "Arbejdssted",
                "Hjemmearbejdet udføres i {place}. Arbejdsgiverens lokaler er fortsat medarbejderens faste "
                "arbejdssted. Arbejde fra et andet sted kræver lederens forudgående samtykke.",
            ),
        ),
    ),
    (
        "extent",
        "",
        _t(
            (
                "Extent of remote work",
                "Number of remote days a week: {days}, on {days_pattern}. The extent is counted as an average over "
                "{averaging_weeks} weeks. The other working days are worked at the employer's premises.",
            ),
            (
                "Distansarbetets omfattning",
                "Antal distansdagar per vecka: {days}, {days_pattern}. Omfattningen räknas som ett genomsnitt över "
                "{averaging_weeks} veckor. Övriga arbetsdagar utförs i arbetsgivarens lokaler.",
            ),
            (
                "Omfanget av hjemmearbeidet",
                "Antall hjemmekontordager per uke: {days}, {days_pattern}. Omfanget regnes som et gjennomsnitt over "
                "{averaging_weeks} uker. De øvrige arbeidsdagene utføres i arbeidsgivers lokaler.",
            ),
            (
                "Omfanget af hjemmearbejdet",
                "Antal hjemmearbejdsdage om ugen: {days}, {days_pattern}. Omfanget opgøres som et gennemsnit over "
                "{averaging_weeks} uger. De øvrige arbejdsdage udføres i arbejdsgiverens lokaler.",
            ),
        ),
    ),
    (
        "working_hours",
        "",
        _t(
            (
                "Working hours on remote days",
                "Working hours on remote days: {working_hours}. The same rules on working time, breaks, rest and "
                "overtime apply as at the office; overtime is worked only when agreed in advance. Outside working "
                "hours the employee is not expected to read or answer messages.",
            ),
            (
                "Arbetstid vid distansarbete",
                "Arbetstid på distansdagar: {working_hours}. Samma regler om arbetstid, raster, vila och övertid "
                "gäller som på arbetsplatsen; övertid arbetas bara efter överenskommelse i förväg. Utanför "
                "arbetstiden förväntas medarbetaren inte läsa eller svara på meddelanden.",
            ),
            (
                "Arbeidstid for hjemmearbeidet",
                "Arbeidstid på hjemmekontordager: {working_hours}. De samme reglene om arbeidstid, pauser, hvile og "
                "overtid gjelder som på arbeidsplassen; overtid avtales på forhånd. Utenfor arbeidstiden "
                "forventes det ikke at arbeidstakeren leser eller svarer på meldinger.",
            ),
            (
                "Arbejdstid ved hjemmearbejde",
                "Arbejdstid på hjemmearbejdsdage: {working_hours}. De samme regler om arbejdstid, pauser, hvile og "
                "overarbejde gælder som på arbejdspladsen; overarbejde aftales på forhånd. Uden for arbejdstiden "
                "forventes medarbejderen ikke at læse eller besvare beskeder.",
            ),
        ),
    ),
    (
        "availability",
        "",
        _t(
            (
                "When the employee is reachable",
                "On remote days the employee is reachable by telephone and chat: {reachable_hours}.",
            ),
            (
                "När medarbetaren ska vara nåbar",
                "På distansdagar är medarbetaren nåbar på telefon och chatt: {reachable_hours}.",
            ),
            (
                "Når arbeidstaker skal være tilgjengelig",
                "På hjemmekontordager er arbeidstakeren tilgjengelig på telefon og chat: {reachable_hours}.",
            ),
            (
                "Hvornår medarbejderen skal kunne kontaktes",
                "På hjemmearbejdsdage kan medarbejderen kontaktes på telefon og chat: {reachable_hours}.",
            ),
        ),
    ),
    (
        "presence",
        "",
        _t(
            (
                "Presence at the workplace",
                "The employee works at the office on the team's office days ({office_days}), and comes in for "
                "meetings, training and other activities the manager calls with reasonable notice.",
            ),
            (
                "Närvaro på arbetsplatsen",
                "Medarbetaren arbetar på kontoret på teamets kontorsdagar ({office_days}) och kommer in till möten, "
                "utbildningar och andra aktiviteter som chefen kallar till med rimlig framförhållning.",
            ),
            (
                "Tilstedeværelse på arbeidsplassen",
                "Arbeidstakeren arbeider på kontoret på teamets kontordager ({office_days}) og møter til møter, "
                "opplæring og andre aktiviteter som leder kaller inn til med rimelig varsel.",
            ),
            (
                "Tilstedeværelse på arbejdspladsen",
                "Medarbejderen arbejder på kontoret på teamets kontordage ({office_days}) og møder op til møder, "
                "uddannelse og andre aktiviteter, som lederen indkalder til med rimeligt varsel.",
            ),
        ),
    ),
    (
        "meetings",
        "meetings",
        _t(
            ("Recurring meetings", "The unit's recurring meetings: {meeting_times}."),
            ("Återkommande möten", "Enhetens återkommande möten: {meeting_times}."),
            ("Faste møter", "Enhetens faste møter: {meeting_times}."),
            ("Faste møder", "Enhedens faste møder: {meeting_times}."),
        ),
    ),
    (
        "trial",
        "",
        _t(
            (
                "Trial period",
                "Trial period for the arrangement: {trial}. At its end the arrangement is evaluated and continued, "
                "changed or ended.",
            ),
            (
                "Prövoperiod",
                "Prövoperiod för distansarbetet: {trial}. När den löper ut utvärderas arrangemanget och fortsätter, "
                "ändras eller avslutas.",
            ),
            (
                "Prøvetid for hjemmearbeidsordningen",
                "Prøvetid for ordningen: {trial}. Ved prøvetidens slutt evalueres ordningen og videreføres, endres "
                "eller avsluttes.",
            ),
            (
                "Prøveperiode",
                "Prøveperiode for ordningen: {trial}. Ved prøveperiodens udløb evalueres ordningen og fortsætter, "
                "ændres eller ophører.",
            ),
        ),
    ),
    (
        "follow_up",
        "",
        _t(
            (
                "Follow-up",
                "The employee and the manager follow up the arrangement together, on {evaluation_dates}, then every "
                "{evaluation_months} months and in the yearly development talk. Wellbeing, contact with colleagues "
                "and workload are part of every follow-up.",
            ),
            (
                "Uppföljning",
                "Medarbetare och chef följer upp distansarbetet tillsammans, den {evaluation_dates}, därefter var "
                "{evaluation_months}:e månad samt i det årliga medarbetarsamtalet. Hälsa, kontakt med kollegor och "
                "arbetsbelastning tas upp vid varje uppföljning.",
            ),
            (
                "Oppfølging",
                "Arbeidstaker og leder følger opp ordningen sammen, {evaluation_dates}, deretter hver "
                "{evaluation_months}. måned og i den årlige medarbeidersamtalen. Trivsel, kontakt med kolleger og "
                "arbeidsmengde tas opp ved hver oppfølging.",
            ),
            (
                "Opfølgning",
                "Medarbejder og leder følger op på ordningen sammen, den {evaluation_dates}, derefter hver "
                "{evaluation_months}. måned og ved den årlige medarbejderudviklingssamtale. Trivsel, kontakt med "
                "kolleger og arbejdsmængde drøftes ved hver opfølgning.",
            ),
        ),
    ),
    (
        "change_and_end",
        "",
        _t(
            (
                "Changing and ending the agreement",
                "Any change to the extent, place, working hours, equipment or duration is made as a new version of "
                "this agreement signed by both parties. Either party may end the agreement with a notice period "
                "of {notice}. Ending this agreement does not end the employment: the employee then works at the employer's "
                "premises again.",
            ),
            (
                "Ändring och uppsägning av överenskommelsen",
                "Ändringar av omfattning, arbetsplats, arbetstid, utrustning eller giltighetstid görs som en ny "
                "version av överenskommelsen som båda parter undertecknar. Vardera parten kan säga upp "
                "överenskommelsen med {notice} uppsägningstid. Att överenskommelsen upphör innebär inte att "
                "anställningen upphör: medarbetaren återgår då till arbete i arbetsgivarens lokaler.",
            ),
            (
                "Endring og oppsigelse av avtalen",
                "Endringer i omfang, arbeidssted, arbeidstid, utstyr eller varighet gjøres som en ny versjon av "
                "avtalen som begge parter signerer. Hver av partene kan si opp avtalen om hjemmearbeid med {notice} "
                "oppsigelsesfrist. Oppsigelse av denne avtalen er ikke oppsigelse av arbeidsforholdet: arbeidstakeren "
                "går da tilbake til arbeid i arbeidsgivers lokaler.",
            ),
            (
                "Ændring og opsigelse af aftalen",
                "Ændringer af omfang, arbejdssted, arbejdstid, udstyr eller varighed sker som en ny version af aftalen, "
                "som begge parter underskriver. Hver af parterne kan opsige aftalen med {notice} varsel. Ophør af "
                "denne aftale er ikke ophør af ansættelsen: medarbejderen vender da tilbage til arbejde i "
                "arbejdsgiverens lokaler.",
            ),
        ),
    ),
    (
        "equipment",
        "",
        _t(
            (
                "Equipment",
                "The employer lends the employee: {equipment}. The equipment remains the employer's property; the "
                "employer maintains, supports and insures it. It is for work and is returned when the agreement "
                "ends. Furniture and lighting at home are the employee's own unless otherwise agreed.",
            ),
            (
                "Utrustning",
                "Arbetsgivaren lånar ut till medarbetaren: {equipment}. Utrustningen tillhör arbetsgivaren, som "
                "svarar för underhåll, support och försäkring. Den är avsedd för arbetet och lämnas tillbaka när "
                "överenskommelsen upphör. Möbler och belysning i hemmet bekostar medarbetaren själv om inte annat "
                "överenskommits.",
            ),
            (
                "Utstyr",
                "Arbeidsgiver låner ut til arbeidstakeren: {equipment}. Utstyret eies av arbeidsgiver, som har "
                "ansvaret for drift, vedlikehold, brukerstøtte og forsikring. Det er til bruk i arbeidet og leveres "
                "tilbake når avtalen opphører. Møbler og belysning i hjemmet holder arbeidstakeren selv dersom ikke "
                "annet er avtalt.",
            ),
            (
                "Udstyr",
                "Arbejdsgiveren udlåner til medarbejderen: {equipment}. Udstyret tilhører arbejdsgiveren, som står "
                "for vedligeholdelse, support og forsikring. Det er til brug i arbejdet og afleveres, når aftalen "
                "ophører.",
            ),
        ),
    ),
    (
        "documents",
        "",
        _t(
            (
                "IT security, confidentiality and documents",
                "The employee follows the employer's IT security rules: only the employer's devices and approved "
                "services, a secured connection (VPN), screen lock, no use by other members of the household. The "
                "duty of confidentiality applies as at the office. Paper documents are kept locked away and "
                "disposed of at the office. A security incident or lost equipment is reported at once.",
            ),
            (
                "IT-säkerhet, tystnadsplikt och handlingar",
                "Medarbetaren följer arbetsgivarens regler för informationssäkerhet: endast arbetsgivarens "
                "utrustning och godkända tjänster, säker uppkoppling (VPN), skärmlås och ingen användning av andra i "
                "hushållet. Tystnadsplikt och sekretess gäller som på arbetsplatsen. Pappershandlingar förvaras "
                "inlåsta och förstörs på arbetsplatsen. Säkerhetsincidenter och förlorad utrustning anmäls genast.",
            ),
            (
                "Saksbehandling, taushetsplikt og oppbevaring av dokumenter",
                "Arbeidstakeren følger arbeidsgivers regler for informasjonssikkerhet: bare arbeidsgivers utstyr og "
                "godkjente tjenester, sikker tilkobling (VPN), skjermlås og ingen bruk av andre i husstanden. "
                "Taushetsplikten gjelder som på arbeidsplassen. Papirdokumenter oppbevares innelåst og makuleres på "
                "arbeidsplassen. Sikkerhetshendelser og tap av utstyr meldes straks.",
            ),
            (
                "IT-sikkerhed, tavshedspligt og dokumenter",
                "Medarbejderen følger arbejdsgiverens regler for informationssikkerhed: kun arbejdsgiverens udstyr "
                "og godkendte tjenester, sikker forbindelse (VPN), skærmlås og ingen brug af andre i husstanden. "
                "Tavshedspligten gælder som på arbejdspladsen. Papirdokumenter opbevares aflåst og makuleres på "
                "arbejdspladsen. Sikkerhedshændelser og bortkommet udstyr meldes straks.",
            ),
        ),
    ),
    (
        "work_environment",
        "",
        _t(
            (
                "Work environment",
                "The employer is responsible for the work environment also when the employee works remotely; the "
                "employee takes part in and follows the measures for a safe and healthy workplace. The home "
                "workplace was checked on {workplace_check}. Neither the employer nor anyone else enters the home "
                "for this without a separate agreement with the employee.",
            ),
            (
                "Arbetsmiljö",
                "Arbetsgivaren har arbetsmiljöansvaret även när medarbetaren arbetar på distans, och medarbetaren "
                "medverkar i åtgärderna för en säker och sund arbetsplats. Hemarbetsplatsen gicks igenom "
                "{workplace_check}. Varken arbetsgivaren eller någon annan besöker hemmet för detta utan en särskild "
                "överenskommelse med medarbetaren.",
            ),
            (
                "Arbeidsmiljø",
                "Arbeidsgiver har ansvaret for arbeidsmiljøet også når arbeidstakeren arbeider hjemme, og "
                "arbeidstakeren skal medvirke til gjennomføringen av tiltakene for et fullt forsvarlig arbeidsmiljø. "
                "Hjemmearbeidsplassen ble gjennomgått {workplace_check}. Verken arbeidsgiver eller andre har adgang "
                "til hjemmet uten særskilt avtale med arbeidstakeren.",
            ),
            (
                "Arbejdsmiljø",
                "Arbejdsgiveren har ansvaret for arbejdsmiljøet, også når medarbejderen arbejder hjemme, og "
                "medarbejderen medvirker til et sikkert og sundt arbejdsmiljø. Hjemmearbejdspladsen blev gennemgået "
                "{workplace_check}. Hverken arbejdsgiveren eller andre har adgang til hjemmet uden særskilt aftale "
                "med medarbejderen.",
            ),
        ),
    ),
    (
        "insurance",
        "",
        _t(
            (
                "Insurance",
                "The employer's equipment is insured by the employer. Household insurance is the employee's own.",
            ),
            (
                "Försäkring",
                "Arbetsgivarens utrustning försäkras av arbetsgivaren. Hemförsäkringen svarar medarbetaren själv för.",
            ),
            (
                "Forsikring",
                "Arbeidsgivers utstyr forsikres av arbeidsgiver. Innboforsikring holder arbeidstakeren selv.",
            ),
            (
                "Forsikring",
                "Arbejdsgiverens udstyr forsikres af arbejdsgiveren. Indboforsikring holder medarbejderen selv.",
            ),
        ),
    ),
    (
        "abroad",
        "abroad",
        _t(
            (
                "Work from abroad",
                "Work is carried out in {abroad_country}. Before it starts, the employer reviews social security "
                "(an A1 certificate), tax and permanent establishment, and the host country's rules on the work "
                "environment. The employee records every day worked abroad and reports changes at once.",
            ),
            (
                "Arbete från utlandet",
                "Arbetet utförs i {abroad_country}. Innan arbetet börjar utreder arbetsgivaren socialförsäkring "
                "(intyg A1), skatt och fast driftställe samt värdlandets arbetsmiljöregler. Medarbetaren registrerar "
                "varje arbetsdag utomlands och anmäler ändringar genast.",
            ),
            (
                "Arbeid fra utlandet",
                "Arbeidet utføres i {abroad_country}. Før arbeidet starter, avklarer arbeidsgiver trygdetilhørighet "
                "(A1-attest), skatt og fast driftssted samt vertslandets arbeidsmiljøregler. Arbeidstakeren "
                "registrerer hver arbeidsdag i utlandet og melder endringer straks.",
            ),
            (
                "Arbejde fra udlandet",
                "Arbejdet udføres i {abroad_country}. Inden arbejdet begynder, afklarer arbejdsgiveren social "
                "sikring (A1-attest), skat og fast driftssted samt værtslandets arbejdsmiljøregler. Medarbejderen "
                "registrerer hver arbejdsdag i udlandet og melder ændringer straks.",
            ),
        ),
    ),
    (
        "data_protection",
        "",
        _t(
            (
                "Data protection",
                "The employer processes the information in this agreement and its follow-up to administer remote "
                "work, under the employment contract and the employer's legal duties. The home and the employee's "
                "activity are not monitored. The information is deleted when it is no longer needed; the "
                "employer's privacy notice tells more.",
            ),
            (
                "Dataskydd",
                "Arbetsgivaren behandlar uppgifterna i överenskommelsen och uppföljningen för att administrera "
                "distansarbetet, med stöd av anställningsavtalet och arbetsgivarens rättsliga förpliktelser. Hemmet "
                "och medarbetarens aktivitet övervakas inte. Uppgifterna raderas när de inte längre behövs; mer "
                "finns i arbetsgivarens integritetsinformation.",
            ),
            (
                "Personvern",
                "Arbeidsgiver behandler opplysningene i avtalen og oppfølgingen for å administrere hjemmearbeidet, "
                "med grunnlag i arbeidsavtalen og arbeidsgivers rettslige plikter. Hjemmet og arbeidstakerens "
                "aktivitet overvåkes ikke. Opplysningene slettes når de ikke lenger trengs; mer står i arbeidsgivers "
                "personvernerklæring.",
            ),
            (
                "Databeskyttelse",
                "Arbejdsgiveren behandler oplysningerne i aftalen og opfølgningen for at administrere hjemmearbejdet, "
                "med hjemmel i ansættelsesforholdet og arbejdsgiverens retlige forpligtelser. Hjemmet og "
                "medarbejderens aktivitet overvåges ikke. Oplysningerne slettes, når de ikke længere er nødvendige; "
                "se arbejdsgiverens privatlivspolitik.",
            ),
        ),
    ),
    (
        "benefit",
        "",
        _t(
            (
                "A benefit, not a right",
                "Remote work is a benefit and not a right. It rests on trust, on what the work needs and on the "
                "employer's remote work policy (version {policy_version}), which the employee has read.",
            ),
            (
                "En förmån, inte en rättighet",
                "Distansarbete är en förmån och inte en rättighet. Det bygger på förtroende, på verksamhetens behov "
                "och på arbetsgivarens riktlinjer för distansarbete (version {policy_version}), som medarbetaren har "
                "tagit del av.",
            ),
            (
                "Et gode, ikke en rettighet",
                "Hjemmekontor er et gode og ikke en rettighet. Det bygger på tillit, på virksomhetens behov og på "
                "arbeidsgivers retningslinjer for hjemmekontor (versjon {policy_version}), som arbeidstakeren har "
                "lest.",
            ),
            (
                "Et gode, ikke en ret",
                "Hjemmearbejde er et gode og ikke en ret. Det bygger på tillid, på arbejdets behov og på "
                "arbejdsgiverens politik for hjemmearbejde (version {policy_version}), som medarbejderen har læst.",
            ),
        ),
    ),
]

# Sections a country adds after the section named, or uses instead of the common one (same key):
# (key, when, after, the title and body in each language).
COUNTRY: dict[str, list[tuple[str, str, str | None, dict[str, Any]]]] = {
    "NO": [
        (
            "evening_work",
            "evening_work",
            "working_hours",
            _t(
                (
                    "Evening work at the employee's own initiative",
                    "At the employee's own initiative, work may be done between 21:00 and 23:00 (Working Environment "
                    "Act § 10-11(3)). This does not extend the daily working time or shorten the rest period.",
                ),
                (
                    "Kvällsarbete på arbetstagarens eget initiativ",
                    "På arbetstagarens eget initiativ får arbete utföras mellan kl. 21.00 och 23.00 "
                    "(arbeidsmiljøloven § 10-11 tredje stycket). Det förlänger inte arbetstiden och förkortar inte "
                    "vilan.",
                ),
                (
                    "Kveldsarbeid etter arbeidstakers eget ønske",
                    "Etter arbeidstakers eget ønske kan arbeid utføres mellom kl. 21.00 og 23.00 "
                    "(arbeidsmiljøloven § 10-11 tredje ledd). Dette utvider ikke den daglige arbeidstiden og "
                    "forkorter ikke hviletiden.",
                ),
                (
                    "Aftenarbejde på medarbejderens eget initiativ",
                    "På medarbejderens eget initiativ kan der arbejdes mellem kl. 21.00 og 23.00 "
                    "(arbeidsmiljøloven § 10-11, stk. 3). Det forlænger ikke den daglige arbejdstid og forkorter "
                    "ikke hviletiden.",
                ),
            ),
        ),
        (
            "regulation",
            "",
            "parties",
            _t(
                (
                    "The regulation",
                    "This agreement is the written agreement required by the Regulation on work in the employee's "
                    "home (hjemmekontorforskriften) § 2, and covers each of its items.",
                ),
                (
                    "Föreskriften",
                    "Detta är det skriftliga avtal som krävs enligt den norska föreskriften om arbete i "
                    "arbetstagarens hem (hjemmekontorforskriften) § 2 och omfattar samtliga punkter där.",
                ),
                (
                    "Forskriften",
                    "Dette er den skriftlige avtalen som kreves etter forskrift om arbeid som utføres i arbeidstakers "
                    "hjem (hjemmekontorforskriften) § 2, og den dekker hvert av punktene der.",
                ),
                (
                    "Forskriften",
                    "Dette er den skriftlige aftale, som kræves efter den norske forskrift om arbejde i "
                    "arbejdstagerens hjem (hjemmekontorforskriften) § 2, og den dækker hvert af punkterne der.",
                ),
            ),
        ),
    ],
    "DK": [
        (
            "place",
            "",
            None,
            _t(
                (
                    "Place of work",
                    "The employee's home ({place}) is a place of work on remote days, and the working environment "
                    "rules apply there. The employer's premises remain the employee's main place of work. A change "
                    "of the place of work made by the employer is given with the employee's notice period.",
                ),
                (
                    "Arbetsplats",
                    "Medarbetarens hem ({place}) är arbetsplats på hemarbetsdagar, och arbetsmiljöreglerna gäller "
                    "där. Arbetsgivarens lokaler är fortsatt ordinarie arbetsplats. Ändrar arbetsgivaren "
                    "arbetsplatsen sker det med medarbetarens uppsägningstid.",
                ),
                (
                    "Arbeidssted",
                    "Arbeidstakers hjem ({place}) er arbeidssted på hjemmearbeidsdager, og arbeidsmiljøreglene gjelder "
                    "der. Arbeidsgivers lokaler er fortsatt fast arbeidssted. Endrer arbeidsgiver arbeidsstedet, "
                    "skjer det med arbeidstakers oppsigelsesfrist.",
                ),
                (
                    "Arbejdssted",
                    "Medarbejderens hjem ({place}) er arbejdssted på hjemmearbejdsdage, og arbejdsmiljøreglerne "
                    "gælder dér. Arbejdsgiverens lokaler er fortsat det faste arbejdssted. Ændrer arbejdsgiveren "
                    "arbejdsstedet, sker det med medarbejderens opsigelsesvarsel.",
                ),
            ),
        ),
        (
            "screen_work",
            "screen_work",
            "work_environment",
            _t(
                (
                    "Screen work at home",
                    "Because the employee works at home more than two days a week on average, the rules on screen "
                    "work apply to the home workplace: a suitable desk, chair, screen and lighting, and an eye "
                    "examination and glasses for screen work when needed, at the employer's expense. This agreement "
                    "does not waive any of the employee's needs for equipment.",
                ),
                (
                    "Bildskärmsarbete i hemmet",
                    "Eftersom medarbetaren arbetar hemma mer än två dagar i veckan i genomsnitt gäller reglerna om "
                    "bildskärmsarbete för hemarbetsplatsen: lämpligt bord, stol, skärm och belysning samt "
                    "synundersökning och glasögon för skärmarbete vid behov, på arbetsgivarens bekostnad. "
                    "Överenskommelsen innebär inget avstående från medarbetarens behov av utrustning.",
                ),
                (
                    "Skjermarbeid i hjemmet",
                    "Fordi arbeidstakeren arbeider hjemme mer enn to dager i uken i gjennomsnitt, gjelder reglene om "
                    "skjermarbeid for hjemmearbeidsplassen: egnet bord, stol, skjerm og belysning, og synsundersøkelse "
                    "og briller til skjermarbeid ved behov, for arbeidsgivers regning. Avtalen innebærer ikke at "
                    "arbeidstakeren gir avkall på nødvendig utstyr.",
                ),
                (
                    "Skærmarbejde i hjemmet",
                    "Da medarbejderen arbejder hjemme mere end to dage om ugen i gennemsnit, gælder reglerne om "
                    "skærmarbejde for hjemmearbejdspladsen: egnet bord, stol, skærm og belysning samt øjenundersøgelse "
                    "og briller til skærmarbejde efter behov, for arbejdsgiverens regning. Aftalen indebærer ikke, at "
                    "medarbejderen giver afkald på nødvendigt udstyr.",
                ),
            ),
        ),
    ],
    "SE": [
        (
            "guidelines",
            "",
            "benefit",
            _t(
                # The systematic work environment management (AFS 2023:1) is in the work environment
                # section already; saying it here too would repeat it.
                ("Guidelines", "The organisation's guidelines for remote work apply."),
                ("Riktlinjer", "Organisationens riktlinjer för distansarbete gäller."),
                ("Retningslinjer", "Organisasjonens retningslinjer for fjernarbeid gjelder."),
                ("Retningslinjer", "Organisationens retningslinjer for fjernarbejde gælder."),
            ),
        ),
    ],
    "": [
        (
            "host_country",
            "",
            "work_environment",
            _t(
                (
                    "The host country's rules",
                    "Where the employee works in a country other than the employer's, that country's rules on the "
                    "work environment and working time also apply, and the employer checks them before the start.",
                ),
                (
                    "Värdlandets regler",
                    "När medarbetaren arbetar i ett annat land än arbetsgivarens gäller även det landets regler om "
                    "arbetsmiljö och arbetstid, och arbetsgivaren kontrollerar dem före start.",
                ),
                (
                    "Vertslandets regler",
                    "Når arbeidstakeren arbeider i et annet land enn arbeidsgivers, gjelder også det landets regler om "
                    "arbeidsmiljø og arbeidstid, og arbeidsgiver kontrollerer dem før oppstart.",
                ),
                (
                    "Værtslandets regler",
                    "Når medarbejderen arbejder i et andet land end arbejdsgiverens, gælder også dette lands regler om "
                    "arbejdsmiljø og arbejdstid, og arbejdsgiveren undersøger dem inden start.",
                ),
            ),
        ),
    ],
}


# Sentences a country's law adds to a common section.
ADDITIONS = {
    "SE": {
        "work_environment": _t(
            "Remote work is part of the systematic work environment management under AFS 2023:1; the risk "
            "assessment of the home workplace and its action plan are followed up every year.",
            "Distansarbetet ingår i det systematiska arbetsmiljöarbetet enligt AFS 2023:1; riskbedömningen av "
            "hemarbetsplatsen och handlingsplanen följs upp varje år.",
            "Fjernarbeidet inngår i det systematiske arbeidsmiljøarbeidet etter svenske AFS 2023:1; "
            "risikovurderingen av hjemmearbeidsplassen og handlingsplanen følges opp hvert år.",
            "Fjernarbejdet indgår i det systematiske arbejdsmiljøarbejde efter svenske AFS 2023:1; "
            "risikovurderingen af hjemmearbejdspladsen og handlingsplanen følges op hvert år.",
        ),
        "insurance": _t(
            "The occupational injury insurance (Försäkringskassan, and AFA's TFA under collective agreements) "
            "covers an injury at home when it is directly connected to the work task.",
            "Arbetsskadeförsäkringen (Försäkringskassan, och TFA via AFA enligt kollektivavtal) gäller vid "
            "skada i hemmet när skadan har direkt samband med arbetsuppgiften.",
            "Den svenske yrkesskadeforsikringen (Försäkringskassan, og TFA via AFA etter tariffavtale) dekker "
            "skade i hjemmet når skaden har direkte sammenheng med arbeidsoppgaven.",
            "Den svenske arbejdsskadeforsikring (Försäkringskassan, og TFA via AFA efter overenskomst) dækker "
            "skade i hjemmet, når skaden har direkte sammenhæng med arbejdsopgaven.",
        ),
    },
    "NO": {
        "work_environment": _t(
            "The employee's self-declaration on the home workplace is the employer's way of making sure "
            "conditions are fully satisfactory (the regulation § 3), and home work is part of the internal "
            "control. The safety representative and the Labour Inspection Authority have no access to the "
            "home without a separate agreement (§§ 5 and 6).",
            "Arbetstagarens egen försäkran om hemarbetsplatsen är arbetsgivarens sätt att säkerställa att "
            "förhållandena är fullt tillfredsställande (föreskriften § 3), och hemarbetet ingår i "
            "internkontrollen. Skyddsombud och Arbeidstilsynet har inte tillträde till hemmet utan särskilt "
            "avtal (§§ 5 och 6).",
            "Arbeidstakerens egenerklæring om hjemmearbeidsplassen er arbeidsgivers måte å sikre at forholdene "
            "er fullt forsvarlige på (forskriften § 3), og hjemmearbeidet omfattes av internkontrollen. "
            "Verneombud og Arbeidstilsynet har ikke adgang til hjemmet uten særskilt avtale (§§ 5 og 6).",
            "Medarbejderens egenerklæring om hjemmearbejdspladsen er arbejdsgiverens måde at sikre, at "
            "forholdene er fuldt forsvarlige (forskriften § 3), og hjemmearbejdet indgår i den interne "
            "kontrol. Sikkerhedsrepræsentant og Arbeidstilsynet har ikke adgang til hjemmet uden særskilt "
            "aftale (§§ 5 og 6).",
        ),
        "insurance": _t(
            "Occupational injury cover applies to an injury at work, at the place of work, in working time; "
            "the place and hours agreed here show where and when that is.",
            "Yrkesskadeförsäkringen gäller vid skada i arbete, på arbetsstället och under arbetstid; platsen "
            "och arbetstiden i detta avtal visar var och när det är.",
            "Yrkesskadedekningen gjelder ved skade i arbeid, på arbeidsstedet og i arbeidstiden; sted og "
            "arbeidstid avtalt her viser hvor og når det er.",
            "Yrkesskadedækningen gælder ved skade i arbejde, på arbejdsstedet og i arbejdstiden; sted og "
            "arbejdstid aftalt her viser, hvor og hvornår det er.",
        ),
    },
    "DK": {
        "work_environment": _t(
            "The home workplace is part of the workplace assessment (APV), reviewed at least every three "
            "years and when the work changes.",
            "Hemarbetsplatsen ingår i arbetsplatsbedömningen (APV), som ses över minst vart tredje år och när "
            "arbetet ändras.",
            "Hjemmearbeidsplassen inngår i arbeidsplassvurderingen (APV), som gjennomgås minst hvert tredje år "
            "og når arbeidet endres.",
            "Hjemmearbejdspladsen indgår i arbejdspladsvurderingen (APV), som revideres mindst hvert tredje år "
            "og ved ændringer i arbejdet.",
        ),
        "insurance": _t(
            "The Workers' Compensation Act covers an injury at home when the activity had a necessary or "
            "natural connection to the work; the conditions agreed here on where and how the work is done "
            "matter for a claim.",
            "Den danska arbetsskadeförsäkringen gäller vid skada i hemmet när aktiviteten hade ett nödvändigt "
            "eller naturligt samband med arbetet; villkoren här för var och hur arbetet utförs har betydelse "
            "för en anmälan.",
            "Den danske arbeidsskadeforsikringen dekker skade i hjemmet når aktiviteten hadde en nødvendig "
            "eller naturlig sammenheng med arbeidet; vilkårene her for hvor og hvordan arbeidet utføres, har "
            "betydning for en sak.",
            "Arbejdsskadesikringsloven dækker skade i hjemmet, når aktiviteten havde en nødvendig eller "
            "naturlig sammenhæng med arbejdet; de vilkår, der her er aftalt for hvor og hvordan arbejdet "
            "udføres, har betydning for en anmeldelse.",
        ),
    },
    "": {
        "insurance": _t(
            "Occupational injury cover follows the rules of the country where the employee is insured; HR "
            "confirms the cover before the start.",
            "Skyddet vid arbetsskada följer reglerna i det land där medarbetaren är försäkrad; HR bekräftar "
            "skyddet före start.",
            "Yrkesskadedekningen følger reglene i landet der arbeidstakeren er trygdet; HR bekrefter dekningen "
            "før oppstart.",
            "Dækningen ved arbejdsskade følger reglerne i det land, hvor medarbejderen er sikret; HR bekræfter "
            "dækningen inden start.",
        ),
    },
}


def sections(country: str, language: str) -> list[dict]:
    """The section list of one built-in template."""
    result = [
        {"key": key, "when": when, "title": texts[language][0], "body": texts[language][1]}
        for key, when, texts in COMMON
    ]
    for section in result:
        addition = ADDITIONS.get(country, {}).get(section["key"])
        if addition:
            section["body"] += "\n\n" + addition[language]
    for key, when, after, texts in COUNTRY.get(country, []):
        section = {"key": key, "when": when, "title": texts[language][0], "body": texts[language][1]}
        keys = [existing["key"] for existing in result]
        if after is None:
            result[keys.index(key)] = section
        else:
            result.insert(keys.index(after) + 1, section)
    return result


def templates() -> list[dict]:
    return [
        {
            "country": country,
            "language": language,
            "title": TITLES[country][language],
            "sections": sections(country, language),
        }
        for country in COUNTRIES
        for language in LANGUAGES
    ]
