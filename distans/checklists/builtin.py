"""The seven built-in checklists, as data, in all four languages.

Loaded by a migration (and again by `demo`, which adds nothing when they exist) through
`install`, which takes the model classes so the migration can pass its historical ones. HR edits
them like any other template: editing makes a new version, the shipped one stays as it was.

Only yes/no and needs-action answers about the home: no photos, floor plans, household details or
health free text (regulation-nordic.md, section 6, G4).
"""

from django.utils import timezone


def t(en, sv, nb, da):
    return {"en": en, "sv": sv, "nb": nb, "da": da}


AGREE_HELP = t(
    "1 = do not agree at all, 5 = fully agree.",
    "1 = instämmer inte alls, 5 = instämmer helt.",
    "1 = helt uenig, 5 = helt enig.",
    "1 = er slet ikke enig, 5 = er helt enig.",
)
SCREEN_HELP = t(
    "Answer when you work at home more than two days a week on average over a month.",
    "Besvara om du arbetar hemma mer än två dagar i veckan i genomsnitt under en månad.",
    "Besvar dersom du jobber hjemme mer enn to dager i uken i gjennomsnitt over en måned.",
    "Besvar, hvis du arbejder hjemme mere end to dage om ugen i gennemsnit over en måned.",
)


def yn(
    text,
    *,
    effect="action",
    owner="employee",
    action=None,
    help=None,
    required=True,
    weight=1,
    countries=(),
    trigger="no",
):
    """A yes/no item where `trigger` (usually "no") blocks or asks for an action."""
    return {
        "kind": "yes_no",
        "text": text,
        "help": help or {},
        "required": required,
        "weight": weight,
        "countries": list(countries),
        "trigger_answers": [trigger] if effect else [],
        "effect": effect,
        "action_text": action or {},
        "action_owner": owner,
    }


def sc(text, *, help=AGREE_HELP, low_action=None, owner="manager", weight=1):
    """A 1–5 scale where 5 is best; with `low_action`, answers 1 and 2 ask for an action."""
    return {
        "kind": "scale",
        "text": text,
        "help": help,
        "weight": weight,
        "trigger_answers": ["1", "2"] if low_action else [],
        "effect": "action" if low_action else "",
        "action_text": low_action or {},
        "action_owner": owner,
    }


SUITABILITY = {
    "key": "suitability",
    "kind": "suitability",
    "respondent": "manager",
    "pass_score": 60,
    "title": t(
        "Suitability assessment",
        "Passar för distansarbete – bedömning",
        "Egnethetsvurdering for hjemmekontor",
        "Egnethedsvurdering for hjemmearbejde",
    ),
    "intro": t(
        "The manager assesses whether the position and the person suit remote work, the same way for "
        "everyone. The employee may give their own view first. Remote work is a benefit, not a right.",
        "Chefen bedömer om befattningen och medarbetaren passar för distansarbete, på samma sätt för "
        "alla. Medarbetaren kan först ge sin egen syn. Distansarbete är en förmån, inte en rättighet.",
        "Lederen vurderer om stillingen og arbeidstakeren egner seg for hjemmekontor, på samme måte for "
        "alle. Arbeidstakeren kan først gi sin egen vurdering. Hjemmekontor er et gode, ikke en rettighet.",
        "Lederen vurderer, om stillingen og medarbejderen egner sig til hjemmearbejde, på samme måde for "
        "alle. Medarbejderen kan først give sin egen vurdering. Hjemmearbejde er et gode, ikke en ret.",
    ),
    "items": [
        yn(
            t(
                "The position allows remote work for part of the week.",
                "Befattningen medger distansarbete under en del av veckan.",
                "Stillingen gir rom for hjemmekontor deler av uken.",
                "Stillingen giver mulighed for hjemmearbejde en del af ugen.",
            ),
            effect="block",
            weight=3,
            help=t(
                "The position is the primary factor.",
                "Befattningen är den avgörande faktorn.",
                "Stillingen er den viktigste faktoren.",
                "Stillingen er den afgørende faktor.",
            ),
        ),
        yn(
            t(
                "The tasks can be done without close supervision or constant presence at the office.",
                "Arbetsuppgifterna kan utföras utan nära arbetsledning eller ständig närvaro på arbetsplatsen.",
                "Arbeidsoppgavene kan utføres uten tett oppfølging eller fast tilstedeværelse på arbeidsplassen.",
                "Opgaverne kan udføres uden tæt ledelse eller konstant tilstedeværelse på arbejdspladsen.",
            ),
            effect="block",
            weight=2,
        ),
        sc(
            t(
                "Results and reliability in the current role",
                "Arbetsresultat och pålitlighet i nuvarande roll",
                "Resultater og pålitelighet i nåværende rolle",
                "Resultater og pålidelighed i den nuværende stilling",
            ),
            help=t(
                "1 = well below expectations, 5 = well above.",
                "1 = klart under förväntan, 5 = klart över.",
                "1 = klart under forventning, 5 = klart over.",
                "1 = klart under forventning, 5 = klart over.",
            ),
            weight=2,
        ),
        {
            "kind": "number",
            "required": False,
            "known": "months_employed",
            "text": t(
                "Months of employment",
                "Anställningstid i månader",
                "Ansettelsestid i måneder",
                "Ansættelsestid i måneder",
            ),
            "help": t(
                "Compare with the policy's minimum tenure.",
                "Jämför med riktlinjernas krav på anställningstid.",
                "Sammenlign med retningslinjenes krav til ansettelsestid.",
                "Sammenlign med politikkens krav til ansættelsestid.",
            ),
        },
        yn(
            t(
                "There is no open disciplinary case.",
                "Det finns inget pågående disciplinärende.",
                "Det er ingen pågående disiplinærsak.",
                "Der er ingen verserende disciplinærsag.",
            ),
            effect="block",
        ),
        sc(t("Integrity", "Integritet", "Integritet", "Integritet")),
        sc(t("Initiative", "Initiativförmåga", "Initiativ", "Initiativ")),
        sc(t("Self-discipline", "Självdisciplin", "Selvdisiplin", "Selvdisciplin")),
        sc(t("Concentration", "Koncentrationsförmåga", "Konsentrasjonsevne", "Koncentrationsevne")),
        sc(t("Problem solving", "Problemlösningsförmåga", "Evne til problemløsning", "Problemløsning")),
        yn(
            t(
                "There is a suitable place to work at home (IT connection, lighting, furniture).",
                "Det finns en lämplig arbetsplats i hemmet (uppkoppling, belysning, möbler).",
                "Det finnes et egnet sted å jobbe hjemme (nettforbindelse, belysning, møbler).",
                "Der er et egnet sted at arbejde derhjemme (netforbindelse, belysning, møbler).",
            ),
            weight=2,
            help=t(
                "The employee's own word is enough: no photos or description of the home.",
                "Medarbetarens egen uppgift räcker – inga foton eller beskrivningar av hemmet.",
                "Arbeidstakerens egen bekreftelse er nok – ingen bilder eller beskrivelse av hjemmet.",
                "Medarbejderens egen oplysning er nok – ingen billeder eller beskrivelse af hjemmet.",
            ),
            action=t(
                "Arrange a suitable place to work at home before remote work starts.",
                "Ordna en lämplig arbetsplats hemma innan distansarbetet börjar.",
                "Ordne et egnet sted å jobbe hjemme før hjemmekontoret starter.",
                "Indret et egnet sted at arbejde derhjemme, før hjemmearbejdet begynder.",
            ),
        ),
        {
            "kind": "single",
            "text": t("Recommendation", "Rekommendation", "Anbefaling", "Anbefaling"),
            "options": [
                t(
                    "Remote work can start",
                    "Distansarbete kan påbörjas",
                    "Hjemmekontor kan starte",
                    "Hjemmearbejde kan begynde",
                ),
                t(
                    "Start with a trial of one or two days a week",
                    "Börja med en prövoperiod om en eller två dagar i veckan",
                    "Start med en prøveperiode på én eller to dager i uken",
                    "Start med en prøveperiode på en eller to dage om ugen",
                ),
                t("Not at this time", "Inte i nuläget", "Ikke nå", "Ikke på nuværende tidspunkt"),
            ],
            "trigger_answers": ["o3"],
            "effect": "block",
        },
    ],
}

WORKPLACE_NO = {
    "key": "workplace-no",
    "kind": "workplace",
    "respondent": "employee",
    "countries": ["NO"],
    "title": t(
        "Home office self-declaration (Norway)",
        "Egenförsäkran om hemarbetsplatsen (Norge)",
        "Egenerklæring for hjemmekontor",
        "Egenerklæring om hjemmearbejdspladsen (Norge)",
    ),
    "intro": t(
        "The regulation on work in the employee's home requires the employer, as far as practically "
        "possible, to make sure the working conditions are fully satisfactory. Confirm each point and "
        "answer no where something needs to be done. No photos or descriptions of your home are needed.",
        "Den norska föreskriften om arbete i arbetstagarens hem kräver att arbetsgivaren så långt det är "
        "praktiskt möjligt ser till att arbetsförhållandena är fullt försvarliga. Bekräfta varje punkt och "
        "svara nej där något behöver åtgärdas. Inga foton eller beskrivningar av hemmet behövs.",
        "Forskrift om arbeid som utføres i arbeidstakers hjem krever at arbeidsgiver så langt det er "
        "praktisk mulig sørger for at arbeidsforholdene er fullt forsvarlige. Bekreft hvert punkt, og svar "
        "nei der noe må utbedres. Du trenger ikke sende bilder eller beskrive hjemmet ditt.",
        "Den norske forskrift om arbejde i arbejdstagerens hjem kræver, at arbejdsgiveren så vidt praktisk "
        "muligt sikrer fuldt forsvarlige arbejdsforhold. Bekræft hvert punkt, og svar nej, hvor noget skal "
        "udbedres. Der er ikke brug for billeder eller beskrivelser af dit hjem.",
    ),
    "items": [
        yn(
            t(
                "I have a fixed place to work at home with enough room.",
                "Jag har en fast arbetsplats hemma med tillräckligt utrymme.",
                "Jeg har en fast arbeidsplass hjemme med nok plass.",
                "Jeg har en fast arbejdsplads derhjemme med tilstrækkelig plads.",
            )
        ),
        yn(
            t(
                "The desk and chair can be adjusted so that I sit well.",
                "Bord och stol kan ställas in så att jag sitter bra.",
                "Bord og stol kan stilles inn slik at jeg sitter godt.",
                "Bord og stol kan indstilles, så jeg sidder godt.",
            )
        ),
        yn(
            t(
                "The screen, keyboard and mouse let me work without strain.",
                "Skärm, tangentbord och mus gör att jag kan arbeta utan belastning.",
                "Skjerm, tastatur og mus gjør at jeg kan jobbe uten belastning.",
                "Skærm, tastatur og mus gør, at jeg kan arbejde uden belastning.",
            ),
            owner="manager",
            action=t(
                "Lend the equipment needed to work without strain.",
                "Låna ut den utrustning som behövs för att arbeta utan belastning.",
                "Lån ut utstyret som trengs for å jobbe uten belastning.",
                "Udlån det udstyr, der skal til for at arbejde uden belastning.",
            ),
        ),
        yn(
            t(
                "The lighting is good enough and the screen has no glare.",
                "Belysningen är tillräcklig och skärmen bländar inte.",
                "Belysningen er god nok, og skjermen har ikke gjenskinn.",
                "Belysningen er god nok, og skærmen har intet genskin.",
            )
        ),
        yn(
            t(
                "The indoor climate is acceptable (temperature, air, noise).",
                "Inomhusklimatet är godtagbart (temperatur, luft, buller).",
                "Inneklimaet er akseptabelt (temperatur, luft, støy).",
                "Indeklimaet er acceptabelt (temperatur, luft, støj).",
            )
        ),
        yn(
            t(
                "Electrical equipment and cables are safe.",
                "Elektrisk utrustning och sladdar är säkra.",
                "Elektrisk utstyr og ledninger er trygge.",
                "Elektrisk udstyr og ledninger er sikre.",
            )
        ),
        yn(
            t(
                "I have regular contact with my manager and colleagues.",
                "Jag har regelbunden kontakt med chef och kollegor.",
                "Jeg har jevnlig kontakt med leder og kolleger.",
                "Jeg har jævnlig kontakt med leder og kolleger.",
            ),
            owner="manager",
            action=t(
                "Agree how and how often you keep in touch.",
                "Kom överens om hur och hur ofta ni håller kontakt.",
                "Avtal hvordan og hvor ofte dere holder kontakt.",
                "Aftal, hvordan og hvor ofte I holder kontakt.",
            ),
        ),
        yn(
            t(
                "I know how to report an injury or a near miss while working at home.",
                "Jag vet hur jag rapporterar en skada eller ett tillbud vid arbete hemma.",
                "Jeg vet hvordan jeg melder skade eller nestenulykke under arbeid hjemme.",
                "Jeg ved, hvordan jeg melder en skade eller et nærved-uheld under arbejde hjemme.",
            )
        ),
        yn(
            t(
                "I will help the employer keep the working environment at home fully satisfactory.",
                "Jag medverkar till att arbetsmiljön hemma är fullt försvarlig.",
                "Jeg medvirker til at arbeidsmiljøet hjemme er fullt forsvarlig.",
                "Jeg medvirker til, at arbejdsmiljøet derhjemme er fuldt forsvarligt.",
            ),
            effect="block",
        ),
    ],
}

WORKPLACE_SE = {
    "key": "workplace-se",
    "kind": "workplace",
    "respondent": "both",
    "countries": ["SE"],
    "title": t(
        "Risk assessment of the home workplace (Sweden)",
        "Riskbedömning av arbetsmiljön vid distansarbete",
        "Risikovurdering av hjemmearbeidsplassen (Sverige)",
        "Risikovurdering af hjemmearbejdspladsen (Sverige)",
    ),
    "intro": t(
        "Part of systematic work environment management (AFS 2023:1). Employee and manager assess physical, "
        "organisational and social risks together; anything answered no becomes an action with an owner "
        "and a date.",
        "Ingår i det systematiska arbetsmiljöarbetet (AFS 2023:1). Medarbetare och chef bedömer tillsammans "
        "fysiska, organisatoriska och sociala risker; det som besvaras med nej blir en åtgärd med ansvarig "
        "och datum.",
        "Inngår i det systematiske arbeidsmiljøarbeidet etter svensk regelverk (AFS 2023:1). Arbeidstaker og "
        "leder vurderer sammen fysiske, organisatoriske og sosiale risikoer; det som besvares med nei, blir "
        "et tiltak med ansvarlig og frist.",
        "Indgår i det systematiske arbejdsmiljøarbejde efter svenske regler (AFS 2023:1). Medarbejder og "
        "leder vurderer sammen fysiske, organisatoriske og sociale risici; det, der besvares med nej, bliver "
        "en handling med ansvarlig og frist.",
    ),
    "items": [
        yn(
            t(
                "The workstation is ergonomically arranged (desk, chair and screen at the right height).",
                "Arbetsplatsen är ergonomiskt utformad (bord, stol och skärm i rätt höjd).",
                "Arbeidsplassen er ergonomisk innredet (bord, stol og skjerm i riktig høyde).",
                "Arbejdspladsen er ergonomisk indrettet (bord, stol og skærm i den rigtige højde).",
            )
        ),
        yn(
            t(
                "Light, sound and air are good enough for the work.",
                "Ljus, ljud och luft är tillräckligt bra för arbetet.",
                "Lys, lyd og luft er gode nok for arbeidet.",
                "Lys, lyd og luft er gode nok til arbejdet.",
            )
        ),
        yn(
            t(
                "With screen work of more than an hour a day, I know I am entitled to an eye examination "
                "and screen glasses if needed.",
                "Vid bildskärmsarbete mer än en timme om dagen vet jag att jag har rätt till synundersökning "
                "och vid behov bildskärmsglasögon.",
                "Ved skjermarbeid mer enn én time om dagen vet jeg at jeg har rett til synsundersøkelse og "
                "ved behov skjermbriller.",
                "Ved skærmarbejde mere end en time om dagen ved jeg, at jeg har ret til en synsprøve og om "
                "nødvendigt skærmbriller.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "Workload and working hours are manageable when I work remotely.",
                "Arbetsbelastning och arbetstid är rimliga vid distansarbete.",
                "Arbeidsmengde og arbeidstid er håndterbare på hjemmekontor.",
                "Arbejdsmængde og arbejdstid er til at håndtere ved hjemmearbejde.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "It is clear when I am expected to be reachable, and when I am not.",
                "Det är tydligt när jag förväntas vara nåbar och när jag inte är det.",
                "Det er tydelig når jeg forventes å være tilgjengelig, og når jeg ikke er det.",
                "Det er tydeligt, hvornår jeg forventes at være tilgængelig, og hvornår ikke.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "I have enough contact with colleagues and my manager.",
                "Jag har tillräcklig kontakt med kollegor och chef.",
                "Jeg har nok kontakt med kolleger og leder.",
                "Jeg har tilstrækkelig kontakt med kolleger og leder.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "There is a plan for how I get help or check in when I work alone.",
                "Det finns en plan för hur jag får hjälp eller hör av mig när jag arbetar ensam.",
                "Det finnes en plan for hvordan jeg får hjelp eller melder fra når jeg jobber alene.",
                "Der er en plan for, hvordan jeg får hjælp eller melder mig, når jeg arbejder alene.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "I know how to report an incident or an occupational injury (to Försäkringskassan and AFA "
                "Försäkring).",
                "Jag vet hur jag anmäler tillbud och arbetsskada (till Försäkringskassan och AFA Försäkring).",
                "Jeg vet hvordan jeg melder uønskede hendelser og arbeidsskade (til Försäkringskassan og AFA "
                "Försäkring).",
                "Jeg ved, hvordan jeg anmelder hændelser og arbejdsskader (til Försäkringskassan og AFA "
                "Försäkring).",
            )
        ),
        {
            "kind": "date",
            "required": False,
            "text": t(
                "Date of the next follow-up of this risk assessment",
                "Datum för nästa uppföljning av riskbedömningen",
                "Dato for neste oppfølging av risikovurderingen",
                "Dato for næste opfølgning af risikovurderingen",
            ),
        },
    ],
}

WORKPLACE_DK = {
    "key": "workplace-dk",
    "kind": "workplace",
    "respondent": "employee",
    "countries": ["DK"],
    "title": t(
        "Workplace assessment (APV) for home work (Denmark)",
        "Arbetsplatsbedömning (APV) för hemarbete (Danmark)",
        "Arbeidsplassvurdering (APV) for hjemmearbeid (Danmark)",
        "APV for hjemmearbejdspladsen",
    ),
    "intro": t(
        "The workplace assessment (APV) covers work at home too. The screen-work points apply when you "
        "work at home more than two days a week on average over a month. The employer does not visit your "
        "home without an agreement with you.",
        "Arbetsplatsbedömningen (APV) omfattar även arbetet hemma. Punkterna om bildskärmsarbete gäller när "
        "du arbetar hemma mer än två dagar i veckan i genomsnitt under en månad. Arbetsgivaren besöker inte "
        "ditt hem utan en överenskommelse med dig.",
        "Arbeidsplassvurderingen (APV) omfatter også arbeidet hjemme. Punktene om skjermarbeid gjelder når "
        "du jobber hjemme mer enn to dager i uken i gjennomsnitt over en måned. Arbeidsgiveren besøker ikke "
        "hjemmet ditt uten avtale med deg.",
        "Arbejdspladsvurderingen (APV) omfatter også arbejdet hjemme. Punkterne om skærmarbejde gælder, når "
        "du arbejder hjemme mere end to dage om ugen i gennemsnit over en måned. Arbejdsgiveren besøger ikke "
        "dit hjem uden aftale med dig.",
    ),
    "items": [
        yn(
            t(
                "My place of work at home is suitable for the tasks.",
                "Min arbetsplats hemma är lämplig för arbetsuppgifterna.",
                "Arbeidsplassen min hjemme egner seg for arbeidsoppgavene.",
                "Min arbejdsplads derhjemme er egnet til opgaverne.",
            )
        ),
        yn(
            t(
                "The indoor climate, light and noise are acceptable.",
                "Inomhusklimat, ljus och buller är godtagbara.",
                "Inneklima, lys og støy er akseptable.",
                "Indeklima, lys og støj er acceptable.",
            )
        ),
        yn(
            t(
                "I have regular contact with colleagues and my manager.",
                "Jag har regelbunden kontakt med kollegor och chef.",
                "Jeg har jevnlig kontakt med kolleger og leder.",
                "Jeg har jævnlig kontakt med kolleger og leder.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "My workload and working hours at home are manageable.",
                "Min arbetsbelastning och arbetstid hemma är rimliga.",
                "Arbeidsmengden og arbeidstiden min hjemme er håndterbare.",
                "Min arbejdsmængde og arbejdstid derhjemme er til at håndtere.",
            ),
            owner="manager",
        ),
        yn(
            t(
                "I know how an occupational injury is reported (to Arbejdsmarkedets Erhvervssikring, through "
                "the employer).",
                "Jag vet hur en arbetsskada anmäls (till Arbejdsmarkedets Erhvervssikring, via arbetsgivaren).",
                "Jeg vet hvordan en arbeidsskade meldes (til Arbejdsmarkedets Erhvervssikring, via arbeidsgiveren).",
                "Jeg ved, hvordan en arbejdsskade anmeldes (til Arbejdsmarkedets Erhvervssikring gennem "
                "arbejdsgiveren).",
            )
        ),
        yn(
            t(
                "The desk and chair can be adjusted to me.",
                "Bord och stol kan ställas in efter mig.",
                "Bord og stol kan stilles inn etter meg.",
                "Bord og stol kan indstilles til mig.",
            ),
            required=False,
            help=SCREEN_HELP,
            owner="manager",
        ),
        yn(
            t(
                "The screen can be adjusted and has no glare or reflections.",
                "Skärmen går att ställa in och har inga bländningar eller reflexer.",
                "Skjermen kan justeres og har ikke gjenskinn eller refleksjoner.",
                "Skærmen kan indstilles og har ingen blænding eller genspejlinger.",
            ),
            required=False,
            help=SCREEN_HELP,
            owner="manager",
        ),
        yn(
            t(
                "Keyboard and mouse are separate from the screen (not only a laptop).",
                "Tangentbord och mus är fristående från skärmen (inte bara en bärbar dator).",
                "Tastatur og mus er adskilt fra skjermen (ikke bare en bærbar PC).",
                "Tastatur og mus er adskilt fra skærmen (ikke kun en bærbar computer).",
            ),
            required=False,
            help=SCREEN_HELP,
            owner="manager",
            action=t(
                "Provide the screen-work equipment the rules require; the need cannot be waived.",
                "Tillhandahåll den utrustning för bildskärmsarbete som reglerna kräver; behovet kan inte avtalas bort.",
                "Still til rådighet skjermutstyret regelverket krever; behovet kan ikke avtales bort.",
                "Stil det skærmudstyr til rådighed, som reglerne kræver; behovet kan ikke fraskrives.",
            ),
        ),
        yn(
            t(
                "I know I am entitled to an eye examination and, if needed, screen glasses.",
                "Jag vet att jag har rätt till synundersökning och vid behov bildskärmsglasögon.",
                "Jeg vet at jeg har rett til synsundersøkelse og ved behov skjermbriller.",
                "Jeg ved, at jeg har ret til en synsprøve og om nødvendigt skærmbriller.",
            ),
            required=False,
            help=SCREEN_HELP,
            owner="manager",
        ),
    ],
}

IT_SECURITY = {
    "key": "it-security",
    "kind": "it_security",
    "respondent": "employee",
    "title": t(
        "IT security at home",
        "IT-säkerhet vid distansarbete",
        "Informasjonssikkerhet på hjemmekontor",
        "IT-sikkerhed ved hjemmearbejde",
    ),
    "intro": t(
        "Confirm how you keep information safe when you work away from the office. A no on a point that "
        "is required for remote work stops the check until it is solved.",
        "Bekräfta hur du skyddar information när du arbetar utanför kontoret. Ett nej på en punkt som krävs "
        "för distansarbete stoppar kontrollen tills det är löst.",
        "Bekreft hvordan du beskytter informasjon når du jobber utenfor kontoret. Et nei på et punkt som er "
        "et krav for hjemmekontor, stopper kontrollen til det er løst.",
        "Bekræft, hvordan du beskytter oplysninger, når du arbejder uden for kontoret. Et nej til et punkt, "
        "der er et krav for hjemmearbejde, stopper kontrollen, indtil det er løst.",
    ),
    "items": [
        yn(
            t(
                "I use only devices and tools approved by the employer for work.",
                "Jag använder bara enheter och verktyg som arbetsgivaren har godkänt för arbetet.",
                "Jeg bruker bare enheter og verktøy som arbeidsgiveren har godkjent for jobben.",
                "Jeg bruger kun enheder og værktøjer, som arbejdsgiveren har godkendt til arbejdet.",
            ),
            effect="block",
            weight=2,
        ),
        yn(
            t(
                "I connect through the VPN or the employer's approved services.",
                "Jag ansluter via VPN eller arbetsgivarens godkända tjänster.",
                "Jeg kobler til via VPN eller arbeidsgiverens godkjente tjenester.",
                "Jeg forbinder via VPN eller arbejdsgiverens godkendte tjenester.",
            ),
            effect="block",
            weight=2,
        ),
        yn(
            t(
                "Multi-factor sign-in is switched on for my work accounts.",
                "Tvåfaktorsinloggning är påslagen för mina jobbkonton.",
                "Tofaktorinnlogging er slått på for jobbkontoene mine.",
                "Totrinsbekræftelse er slået til for mine arbejdskonti.",
            ),
            effect="block",
            weight=2,
        ),
        yn(
            t(
                "My device locks the screen automatically, and I lock it when I leave it.",
                "Min enhet låser skärmen automatiskt, och jag låser den när jag lämnar den.",
                "Enheten min låser skjermen automatisk, og jeg låser den når jeg går fra den.",
                "Min enhed låser skærmen automatisk, og jeg låser den, når jeg går fra den.",
            )
        ),
        yn(
            t(
                "The disk of my work computer is encrypted.",
                "Hårddisken i min jobbdator är krypterad.",
                "Disken på jobbmaskinen min er kryptert.",
                "Disken på min arbejdscomputer er krypteret.",
            ),
            owner="manager",
            action=t(
                "Have IT encrypt the work computer.",
                "Låt IT kryptera jobbdatorn.",
                "Få IT til å kryptere jobbmaskinen.",
                "Få IT til at kryptere arbejdscomputeren.",
            ),
        ),
        yn(
            t(
                "My home Wi-Fi is protected by a strong password (WPA2 or better).",
                "Mitt trådlösa nätverk hemma skyddas av ett starkt lösenord (WPA2 eller bättre).",
                "Det trådløse nettet mitt hjemme er beskyttet med et sterkt passord (WPA2 eller bedre).",
                "Mit trådløse netværk derhjemme er beskyttet med en stærk adgangskode (WPA2 eller bedre).",
            )
        ),
        yn(
            t(
                "Nobody else in the household uses my work devices.",
                "Ingen annan i hushållet använder mina jobbenheter.",
                "Ingen andre i husstanden bruker jobbenhetene mine.",
                "Ingen andre i husstanden bruger mine arbejdsenheder.",
            ),
            effect="block",
        ),
        yn(
            t(
                "I have lockable storage for work papers at home.",
                "Jag har låsbar förvaring för arbetshandlingar hemma.",
                "Jeg har låsbar oppbevaring for jobbdokumenter hjemme.",
                "Jeg har aflåselig opbevaring til arbejdspapirer derhjemme.",
            ),
            effect="block",
        ),
        yn(
            t(
                "I shred work papers or bring them back, rather than throwing them away.",
                "Jag strimlar arbetshandlingar eller tar med dem tillbaka i stället för att slänga dem.",
                "Jeg makulerer jobbdokumenter eller tar dem med tilbake i stedet for å kaste dem.",
                "Jeg makulerer arbejdspapirer eller tager dem med tilbage i stedet for at smide dem ud.",
            )
        ),
        yn(
            t(
                "I handle personal data as the employer's rules say, at home too.",
                "Jag hanterar personuppgifter enligt arbetsgivarens regler, även hemma.",
                "Jeg behandler personopplysninger etter arbeidsgiverens regler, også hjemme.",
                "Jeg behandler personoplysninger efter arbejdsgiverens regler, også derhjemme.",
            ),
            effect="block",
        ),
        yn(
            t(
                "I know how to report a security incident or a lost device at once.",
                "Jag vet hur jag genast rapporterar en säkerhetsincident eller en förlorad enhet.",
                "Jeg vet hvordan jeg straks melder en sikkerhetshendelse eller en mistet enhet.",
                "Jeg ved, hvordan jeg straks anmelder en sikkerhedshændelse eller en mistet enhed.",
            )
        ),
    ],
}

INSURANCE = {
    "key": "insurance",
    "kind": "insurance",
    "respondent": "employee",
    "title": t(
        "Insurance when working at home",
        "Försäkring vid distansarbete",
        "Forsikring på hjemmekontor",
        "Forsikring ved hjemmearbejde",
    ),
    "intro": t(
        "What covers you and the equipment when you work at home.",
        "Vad som gäller för dig och utrustningen när du arbetar hemma.",
        "Hva som dekker deg og utstyret når du jobber hjemme.",
        "Hvad der dækker dig og udstyret, når du arbejder hjemme.",
    ),
    "items": [
        yn(
            t(
                "I have home insurance in place.",
                "Jag har en gällande hemförsäkring.",
                "Jeg har gyldig innboforsikring.",
                "Jeg har en gyldig indboforsikring.",
            ),
            action=t(
                "Take out home insurance.",
                "Teckna en hemförsäkring.",
                "Tegn innboforsikring.",
                "Tegn en indboforsikring.",
            ),
        ),
        yn(
            t(
                "I know that an injury while working at home counts as an occupational injury when it has a "
                "direct connection to the work task (Försäkringskassan and AFA's TFA, TFA-KL or PSA).",
                "Jag vet att en skada vid arbete hemma räknas som arbetsskada när den har direkt samband med "
                "arbetsuppgiften (Försäkringskassan och AFA:s TFA, TFA-KL eller PSA).",
                "Jeg vet at en skade under arbeid hjemme regnes som arbeidsskade når den har direkte sammenheng "
                "med arbeidsoppgaven (Försäkringskassan og AFAs TFA, TFA-KL eller PSA).",
                "Jeg ved, at en skade under arbejde hjemme regnes som arbejdsskade, når den har direkte "
                "sammenhæng med arbejdsopgaven (Försäkringskassan og AFA's TFA, TFA-KL eller PSA).",
            ),
            countries=["SE"],
        ),
        yn(
            t(
                "I know that occupational injury cover applies when an injury happens while working, at the "
                "place of work, in working time, which is why the agreement records my home office and hours.",
                "Jag vet att yrkesskadeskyddet gäller när skadan sker i arbete, på arbetsplatsen och under "
                "arbetstid, och att överenskommelsen därför anger hemarbetsplatsen och arbetstiden.",
                "Jeg vet at yrkesskadedekningen gjelder når skaden skjer i arbeid på arbeidsstedet i "
                "arbeidstiden, og at avtalen derfor angir hjemmekontoret og arbeidstiden.",
                "Jeg ved, at arbejdsskadedækningen gælder, når skaden sker under arbejde, på arbejdsstedet og i "
                "arbejdstiden, og at aftalen derfor angiver hjemmearbejdspladsen og arbejdstiden.",
            ),
            countries=["NO"],
        ),
        yn(
            t(
                "I know that an injury at home is recognised as an occupational injury when it has a necessary "
                "or natural connection to the work (Arbejdsmarkedets Erhvervssikring).",
                "Jag vet att en skada hemma godkänns som arbetsskada när den har ett nödvändigt eller naturligt "
                "samband med arbetet (Arbejdsmarkedets Erhvervssikring).",
                "Jeg vet at en skade hjemme godkjennes som arbeidsskade når den har en nødvendig eller naturlig "
                "sammenheng med arbeidet (Arbejdsmarkedets Erhvervssikring).",
                "Jeg ved, at en skade derhjemme anerkendes som arbejdsskade, når den har en nødvendig eller "
                "naturlig sammenhæng med arbejdet (Arbejdsmarkedets Erhvervssikring).",
            ),
            countries=["DK"],
        ),
        yn(
            t(
                "I know that equipment lent by the employer is insured by the employer, and I report loss or "
                "damage at once.",
                "Jag vet att utrustning som arbetsgivaren lånar ut är försäkrad av arbetsgivaren, och jag "
                "anmäler förlust eller skada direkt.",
                "Jeg vet at utstyr arbeidsgiveren låner ut, er forsikret av arbeidsgiveren, og jeg melder tap "
                "eller skade med en gang.",
                "Jeg ved, at udstyr, som arbejdsgiveren udlåner, er forsikret af arbejdsgiveren, og jeg "
                "anmelder tab eller skade med det samme.",
            )
        ),
        yn(
            t(
                "Before working from abroad, I check with HR which insurance applies.",
                "Innan jag arbetar från utlandet stämmer jag av med HR vilken försäkring som gäller.",
                "Før jeg jobber fra utlandet, sjekker jeg med HR hvilken forsikring som gjelder.",
                "Før jeg arbejder fra udlandet, afklarer jeg med HR, hvilken forsikring der gælder.",
            )
        ),
    ],
}

FOLLOW_UP = {
    "key": "follow-up",
    "kind": "follow_up",
    "respondent": "both",
    "title": t(
        "Remote work follow-up",
        "Distansarbete uppföljning",
        "Oppfølging av hjemmekontor",
        "Opfølgning af hjemmearbejde",
    ),
    "intro": t(
        "For the follow-up conversation: employee and manager answer separately and then compare. "
        "On the scales, 5 is best.",
        "Inför uppföljningssamtalet: medarbetare och chef svarar var för sig och jämför sedan. "
        "På skalorna är 5 bäst.",
        "Til oppfølgingssamtalet: arbeidstaker og leder svarer hver for seg og sammenligner etterpå. "
        "På skalaene er 5 best.",
        "Til opfølgningssamtalen: medarbejder og leder svarer hver for sig og sammenligner bagefter. "
        "På skalaerne er 5 bedst.",
    ),
    "items": [
        sc(
            t(
                "Delivery and goals are met.",
                "Leveranser och mål uppfylls.",
                "Leveranser og mål nås.",
                "Leverancer og mål nås.",
            ),
            weight=2,
        ),
        sc(
            t(
                "Working time and reachability are as agreed.",
                "Arbetstid och nåbarhet är som överenskommet.",
                "Arbeidstid og tilgjengelighet er som avtalt.",
                "Arbejdstid og tilgængelighed er som aftalt.",
            ),
            weight=2,
        ),
        sc(
            t(
                "Information and contact with the manager work well.",
                "Information och kontakt med chefen fungerar bra.",
                "Informasjon og kontakt med leder fungerer godt.",
                "Information og kontakt med lederen fungerer godt.",
            ),
            low_action=t(
                "Agree how information and contact with the manager will work.",
                "Kom överens om hur information och kontakt med chefen ska fungera.",
                "Avtal hvordan informasjon og kontakt med leder skal fungere.",
                "Aftal, hvordan information og kontakt med lederen skal fungere.",
            ),
        ),
        sc(
            t(
                "Contact with colleagues works well.",
                "Kontakten med kollegorna fungerar bra.",
                "Kontakten med kollegene fungerer godt.",
                "Kontakten med kollegerne fungerer godt.",
            )
        ),
        sc(
            t(
                "The workload is manageable.",
                "Arbetsbelastningen är rimlig.",
                "Arbeidsmengden er håndterbar.",
                "Arbejdsmængden er til at håndtere.",
            ),
            low_action=t(
                "Go through tasks and priorities together.",
                "Gå igenom uppgifter och prioriteringar tillsammans.",
                "Gå gjennom oppgaver og prioriteringer sammen.",
                "Gennemgå opgaver og prioriteringer sammen.",
            ),
        ),
        sc(
            t(
                "I feel part of the team, not isolated.",
                "Jag känner mig som en del av gruppen, inte isolerad.",
                "Jeg føler meg som en del av teamet, ikke isolert.",
                "Jeg føler mig som en del af teamet, ikke isoleret.",
            ),
            low_action=t(
                "Plan more time together at the office or in meetings.",
                "Planera mer tid tillsammans på kontoret eller i möten.",
                "Planlegg mer tid sammen på kontoret eller i møter.",
                "Planlæg mere tid sammen på kontoret eller i møder.",
            ),
        ),
        sc(
            t(
                "The work environment at home works without strain or discomfort.",
                "Arbetsmiljön hemma fungerar utan belastning eller besvär.",
                "Arbeidsmiljøet hjemme fungerer uten belastning eller plager.",
                "Arbejdsmiljøet derhjemme fungerer uden belastning eller gener.",
            ),
            low_action=t(
                "Review the home workstation together and arrange what is needed.",
                "Se över hemarbetsplatsen tillsammans och ordna det som behövs.",
                "Gå gjennom hjemmearbeidsplassen sammen og ordne det som trengs.",
                "Gennemgå hjemmearbejdspladsen sammen, og sørg for det, der mangler.",
            ),
        ),
        yn(
            t("The equipment works.", "Utrustningen fungerar.", "Utstyret fungerer.", "Udstyret fungerer."),
            owner="manager",
        ),
        {
            "kind": "single",
            "text": t(
                "Wish for the number of remote days",
                "Önskemål om antal distansdagar",
                "Ønske om antall hjemmekontordager",
                "Ønske om antal hjemmearbejdsdage",
            ),
            "options": [
                t("Fewer days", "Färre dagar", "Færre dager", "Færre dage"),
                t("Unchanged", "Oförändrat", "Uendret", "Uændret"),
                t("More days", "Fler dagar", "Flere dager", "Flere dage"),
            ],
        },
        {
            "kind": "text",
            "required": False,
            "text": t(
                "Agreed next steps", "Överenskomna nästa steg", "Avtalte neste steg", "Aftalte næste skridt"
            ),
            "help": t(
                "About the work and the arrangement; no health details.",
                "Om arbetet och upplägget; inga uppgifter om hälsa.",
                "Om arbeidet og ordningen; ingen helseopplysninger.",
                "Om arbejdet og ordningen; ingen helbredsoplysninger.",
            ),
        },
    ],
}

PULSE = {
    "key": "pulse",
    "kind": "pulse",
    "respondent": "employee",
    "title": t("Wellbeing pulse", "Pulsmätning – välbefinnande", "Pulsmåling – trivsel", "Trivselsmåling"),
    "intro": t(
        "Five short questions. Nobody sees your answers: results are shown only as averages for groups of "
        "at least five people.",
        "Fem korta frågor. Ingen ser dina svar: resultaten visas bara som genomsnitt för grupper om minst "
        "fem personer.",
        "Fem korte spørsmål. Ingen ser svarene dine: resultatene vises bare som gjennomsnitt for grupper på "
        "minst fem personer.",
        "Fem korte spørgsmål. Ingen ser dine svar: resultaterne vises kun som gennemsnit for grupper på "
        "mindst fem personer.",
    ),
    "items": [
        sc(
            t(
                "My stress level is manageable.",
                "Min stressnivå är hanterbar.",
                "Stressnivået mitt er håndterbart.",
                "Mit stressniveau er til at håndtere.",
            )
        ),
        sc(
            t(
                "I seldom feel lonely in my work.",
                "Jag känner mig sällan ensam i arbetet.",
                "Jeg føler meg sjelden ensom i jobben.",
                "Jeg føler mig sjældent ensom i mit arbejde.",
            )
        ),
        sc(
            t(
                "I have a good balance between work and private life.",
                "Jag har en bra balans mellan arbete och privatliv.",
                "Jeg har god balanse mellom jobb og privatliv.",
                "Jeg har en god balance mellem arbejde og privatliv.",
            )
        ),
        sc(
            t(
                "I have enough contact with my colleagues.",
                "Jag har tillräcklig kontakt med mina kollegor.",
                "Jeg har nok kontakt med kollegene mine.",
                "Jeg har tilstrækkelig kontakt med mine kolleger.",
            )
        ),
        sc(
            t(
                "I get the support I need from my manager.",
                "Jag får det stöd jag behöver från min chef.",
                "Jeg får den støtten jeg trenger fra lederen min.",
                "Jeg får den støtte, jeg har brug for, fra min leder.",
            )
        ),
    ],
}

READINESS = {
    "key": "readiness",
    "kind": "readiness",
    "respondent": "employee",
    "title": t(
        "Is the organisation ready for remote work?",
        "Är organisationen redo för distansarbete?",
        "Er organisasjonen klar for hjemmekontor?",
        "Egner organisationen sig til hjemmearbejde?",
    ),
    "intro": t(
        "For a manager or HR, about a unit. 5 means fully in place.",
        "För en chef eller HR, om en enhet. 5 betyder helt på plats.",
        "For en leder eller HR, om en enhet. 5 betyr helt på plass.",
        "Til en leder eller HR, om en enhed. 5 betyder helt på plads.",
    ),
    "items": [
        sc(
            t(
                "Routines and case handling are adapted to people not being at the office.",
                "Rutiner och ärendehantering är anpassade till att alla inte är på plats.",
                "Rutiner og saksbehandling er tilpasset at ikke alle er på kontoret.",
                "Arbejdsrutiner og sagsgange er tilpasset, at ikke alle er på arbejdspladsen.",
            )
        ),
        sc(
            t(
                "Information about tasks, goals and news reaches remote staff as it reaches others.",
                "Information om uppgifter, mål och nyheter når distansarbetande lika väl som andra.",
                "Informasjon om oppgaver, mål og nyheter når dem på hjemmekontor like godt som andre.",
                "Information om opgaver, mål og nyheder når hjemmearbejdende lige så godt som andre.",
            )
        ),
        sc(
            t(
                "Knowledge gathered by remote staff is shared and used.",
                "Kunskap som distansarbetande samlar delas och tas till vara.",
                "Kunnskap som de på hjemmekontor samler, deles og brukes.",
                "Viden, som hjemmearbejdende opsamler, deles og udnyttes.",
            )
        ),
        sc(
            t(
                "Remote staff have chances for informal contact with colleagues.",
                "Distansarbetande har möjlighet till informell kontakt med kollegor.",
                "De på hjemmekontor har mulighet for uformell kontakt med kolleger.",
                "Hjemmearbejdende har mulighed for uformelt samvær med kolleger.",
            )
        ),
        sc(
            t(
                "Colleagues at the office accept the arrangement, and the load on them is fair.",
                "Kollegorna på kontoret accepterar upplägget, och belastningen på dem är rimlig.",
                "Kollegene på kontoret aksepterer ordningen, og belastningen på dem er rimelig.",
                "Kollegerne på kontoret accepterer ordningen, og belastningen på dem er rimelig.",
            )
        ),
        sc(
            t(
                "There are fixed telephone hours and meeting times.",
                "Det finns fasta telefontider och mötestider.",
                "Det finnes faste telefontider og møtetider.",
                "Der er faste telefontider og mødetidspunkter.",
            )
        ),
        sc(
            t(
                "Leadership is by goals and results rather than presence.",
                "Ledarskapet bygger på mål och resultat snarare än närvaro.",
                "Ledelsen bygger på mål og resultater fremfor tilstedeværelse.",
                "Ledelsen bygger på mål og resultater frem for tilstedeværelse.",
            )
        ),
        sc(
            t(
                "People can reach mail, telephone and systems from home.",
                "Medarbetarna når e-post, telefoni och system hemifrån.",
                "De ansatte når e-post, telefoni og systemer hjemmefra.",
                "Medarbejderne kan få adgang til post, telefon og systemer hjemmefra.",
            )
        ),
        sc(
            t(
                "The level of information security at home is agreed in advance.",
                "Säkerhetsnivån hemma är överenskommen i förväg.",
                "Sikkerhetsnivået hjemme er avtalt på forhånd.",
                "Sikkerhedsniveauet derhjemme er aftalt på forhånd.",
            )
        ),
    ],
}

TEMPLATES = [
    SUITABILITY,
    WORKPLACE_NO,
    WORKPLACE_SE,
    WORKPLACE_DK,
    IT_SECURITY,
    INSURANCE,
    FOLLOW_UP,
    PULSE,
    READINESS,
]


def install(Template, Version, Item) -> int:
    """Create the built-in templates that do not exist yet, published as version 1."""
    created = 0
    fields_of = {field.name for field in Item._meta.get_fields()}
    for spec in TEMPLATES:
        if Template.objects.filter(key=spec["key"]).exists():
            continue
        template = Template.objects.create(key=spec["key"], kind=spec["kind"])
        version = Version.objects.create(
            template=template,
            number=1,
            status="published",
            title=spec["title"],
            intro=spec["intro"],
            countries=spec.get("countries", []),
            respondent=spec["respondent"],
            pass_score=spec.get("pass_score"),
            published_at=timezone.now(),
        )
        Item.objects.bulk_create(
            [
                Item(version=version, position=position, **_item_fields(item, fields_of))
                for position, item in enumerate(spec["items"], start=1)
            ]
        )
        created += 1
    return created


def _item_fields(item: dict, fields_of: set[str]) -> dict:
    """The item's fields that the model in use has (migration 0002's lacks `known`; 0003 adds it)."""
    fields = {
        "help": {},
        "required": True,
        "weight": 1,
        "countries": [],
        "trigger_answers": [],
        "effect": "",
        "action_text": {},
        "action_owner": "employee",
        **item,
    }
    if "options" in item:
        fields["options"] = [{"value": f"o{n}", "label": label} for n, label in enumerate(item["options"], 1)]
    return {name: value for name, value in fields.items() if name in fields_of}


def known_items() -> list[tuple[str, str, str]]:
    """(template key, English question, fact) of every built-in question filled in from a fact."""
    return [
        (spec["key"], item["text"]["en"], item["known"])
        for spec in TEMPLATES
        for item in spec["items"]
        if item.get("known")
    ]
