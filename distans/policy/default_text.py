"""The text of the first policy version, after seed 004's routine "Flexibelt arbete – distansarbete".
HR rewrites it in the UI; the parameters in force are shown beside it in plain words."""

TEXT = {
    "en": """## Purpose
We welcome flexibility in where work is done: it strengthens autonomy, effectiveness, cooperation and
learning, and helps a good balance in life. It asks for a high degree of personal responsibility and
for trusting, coaching leadership.

## A benefit, not a right
Remote work is voluntary and always rests on an agreement between you and the employer. You are
expected at the workplace when the work requires it, for example for practical work and for meetings
that build cooperation and relationships.

## How to ask
Ask in Distans under **Requests**. Your line manager assesses suitability and decides; above the
limit shown here the head of HR decides as well. A regular arrangement is confirmed in a written
agreement on extent, division of responsibility and presence requirements. Occasional flexible days
are registered in your weekly plan without a written agreement.

## Equipment, work environment and security
The employer provides a laptop and a mobile phone with accessories. Furniture and lighting at home are
your own. The employer is ultimately responsible for the work environment, also at home, and keeps a
close dialogue with you. You make sure there is a working internet connection, IT security according
to our rules and adequate home insurance.

## Follow-up
Follow-up is continuous and part of coaching and development talks. Deviations are handled at once
by your line manager.
""",
    "sv": """## Syfte
Vi bejakar flexibilitet i arbetssituationen för att stärka autonomi, effektivitet, samarbete och
lärande och möjliggöra en balans i livet. Det förutsätter ett stort eget ansvar och ett tillitsfullt,
coachande ledarskap.

## En förmån, inte en rättighet
Distansarbete är frivilligt och bygger alltid på en överenskommelse mellan dig och arbetsgivaren. Du
förväntas närvara på arbetsplatsen när arbetsuppgifterna kräver det, till exempel vid praktiskt arbete
och möten för samarbete och relationsbyggande.

## Så ansöker du
Ansök i Distans under **Ansökningar**. Din chef bedömer lämpligheten och beslutar; över den gräns som
anges här beslutar även HR-chefen. Ett regelbundet upplägg bekräftas i en skriftlig överenskommelse om
omfattning, ansvarsfördelning och närvarokrav. Enstaka flexibla dagar registreras i veckoplanen utan
skriftlig överenskommelse.

## Utrustning, arbetsmiljö och säkerhet
Arbetsgivaren tillhandahåller bärbar dator och mobiltelefon med tillbehör. Möbler och belysning hemma
står du själv för. Arbetsgivaren har det yttersta ansvaret för arbetsmiljön, även hemma, och håller en
tät dialog med dig. Du ansvarar för att det finns fungerande uppkoppling, IT-säkerhet enligt våra regler
och ett betryggande hemförsäkringsskydd.

## Uppföljning
Uppföljning sker löpande och tas upp i coachingsamtal och utvecklingssamtal. Avvikelser hanteras
omgående av din chef.
""",
    "nb": """## Formål
Vi ønsker fleksibilitet i hvor arbeidet gjøres: det styrker selvstendighet, effektivitet, samarbeid og
læring, og gir bedre balanse i livet. Det forutsetter stort eget ansvar og tillitsbasert, coachende
ledelse.

## Et gode, ikke en rettighet
Hjemmekontor er frivillig og bygger alltid på en avtale mellom deg og arbeidsgiveren. Du forventes å
være på arbeidsplassen når oppgavene krever det, for eksempel ved praktisk arbeid og møter som bygger
samarbeid og relasjoner.

## Slik søker du
Søk i Distans under **Søknader**. Lederen din vurderer egnethet og avgjør; over grensen som er vist her,
avgjør også HR-direktøren. En fast ordning bekreftes i en skriftlig avtale om omfang, ansvarsfordeling
og krav til tilstedeværelse. Enkeltstående fleksible dager registreres i ukeplanen uten skriftlig avtale.

## Utstyr, arbeidsmiljø og sikkerhet
Arbeidsgiveren stiller bærbar PC og mobiltelefon med tilbehør til rådighet. Møbler og belysning hjemme
holder du selv. Arbeidsgiveren har det overordnede ansvaret for arbeidsmiljøet, også hjemme, og har tett
dialog med deg. Du sørger for fungerende nettforbindelse, informasjonssikkerhet etter våre regler og
god nok innboforsikring.

## Oppfølging
Oppfølging skjer løpende og tas opp i coachingsamtaler og medarbeidersamtaler. Avvik håndteres straks
av lederen din.
""",
    "da": """## Formål
Vi ser positivt på fleksibilitet i, hvor arbejdet udføres: det styrker selvstændighed, effektivitet,
samarbejde og læring og giver en bedre balance i livet. Det forudsætter et stort eget ansvar og en
tillidsbaseret, coachende ledelse.

## Et gode, ikke en ret
Hjemmearbejde er frivilligt og bygger altid på en aftale mellem dig og arbejdsgiveren. Du forventes at
være på arbejdspladsen, når opgaverne kræver det, for eksempel ved praktisk arbejde og møder, der
bygger samarbejde og relationer.

## Sådan ansøger du
Ansøg i Distans under **Anmodninger**. Din leder vurderer egnetheden og træffer beslutning; over den
grænse, der er vist her, beslutter HR-chefen også. En fast ordning bekræftes i en skriftlig aftale om
omfang, ansvarsfordeling og krav til tilstedeværelse. Enkelte fleksible dage registreres i ugeplanen
uden skriftlig aftale.

## Udstyr, arbejdsmiljø og sikkerhed
Arbejdsgiveren stiller bærbar computer og mobiltelefon med tilbehør til rådighed. Møbler og belysning
derhjemme står du selv for. Arbejdsgiveren har det overordnede ansvar for arbejdsmiljøet, også
derhjemme, og er i tæt dialog med dig. Du sørger for en fungerende netforbindelse, IT-sikkerhed efter
vores regler og en tilstrækkelig indboforsikring.

## Opfølgning
Opfølgning sker løbende og indgår i coachingsamtaler og medarbejderudviklingssamtaler. Afvigelser
håndteres straks af din leder.
""",
}
