"""The agency's Smart specialisering page, as demo content.

Texts come from the agency's published page (carried here, so a clone needs nothing
outside the repository). Attachments are generated PDFs that stand in for the real
files: they say so on their first page.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from documents.pdf_writer import PdfPage

STOCKHOLM = ZoneInfo("Europe/Stockholm")

ORGANISATION = "Tillväxtverket"
TAGLINE = "För fler växande företag och en hållbar regional utveckling i hela Sverige."
HOME_INTRODUCTION = (
    "Tillväxtverket arbetar för fler växande företag och för att alla regioner ska "
    "kunna utvecklas och vara konkurrenskraftiga."
)

INTRO = (
    "Smart specialisering handlar om att satsa på det vi kan bli bäst på. Allt för att "
    "stärka vår framtida konkurrenskraft. Tillväxtverket stödjer regionerna i deras "
    "arbete med Smart specialisering."
)
ABOUT_PARAGRAPHS = [
    "Smart specialisering är ett begrepp som initierades av EU-kommissionen. Det kan "
    "beskrivas som ett arbetssätt för att kraftsamla för innovation och tillväxt inom de "
    "områden där det finns störst potential. Ett område kan se ut på många olika sätt, "
    "till exempel en viss teknologi eller en del av en sektor.",
    "Kraftsamlingen förutsätter bland annat en nära samverkan mellan olika aktörer inom en "
    "region och mellan olika nivåer i samhället, inte minst mellan den regionala och "
    "nationella nivån.",
]
CONFERENCE_HEADING = "Konferens den 31 januari om smart specialisering"
CONFERENCE_TEXT = (
    "Den tredje nationella konferensen om smart specialisering hölls i Luleå den 31 januari "
    "2018. Då fokuserade vi på hur vi ska samverka för att attrahera resurser till specifika "
    "platser. Talare från hela Sverige diskuterade hur just de arbetar med attraktivitet och "
    "dök djupare ner i hur norra Sverige hanterar frågan. Internationella talare berättade "
    "också om hur deras länder tar sig an smart specialisering och hur de involverar "
    "näringslivet."
)
EU_HEADING = "Vilken EU-region kompletterar er region bäst?"
EU_PARAGRAPHS = [
    "Tanken är också att regioner inom EU, med styrkeområden som kompletterar varandra, ska "
    "samverka för att ytterligare stärka sin konkurrenskraft.",
    "Regioner med kompletterande styrkeområden kan hitta varandra via den så kallade S3 "
    "Plattformen. Här finns också riktlinjer och stöd i arbetet med Smart specialisering. "
    "Se länk nedan.",
]
S3_PLATFORM_URL = "https://s3platform.jrc.ec.europa.eu/"
S3_PLATFORM_TEXT = "S3 Plattformen"
WORK_HEADING = "Så här arbetar Tillväxtverket"
WORK_PARAGRAPHS = [
    "Tankarna bakom Smart specialisering, och det arbetssätt som är kopplat till det, ligger "
    "väl i linje med hur Tillväxtverket arbetar generellt för att stärka företags "
    "konkurrenskraft.",
    "Vi gör även specifika insatser inom området. Här är tre exempel:",
]
WORK_EXAMPLES = [
    "Vi stödjer regionerna i deras arbete med att utveckla och implementera strategier för "
    "Smart specialisering.",
    "Vi samlar aktörer till erfarenhetsutbyte och sprider kunskap till berörda aktörer. Vi har "
    "till exempel genomfört två nationella konferenser med Smart specialisering i fokus. "
    "Nästa konferens håller vi den 31 januari i Luleå.",
    "Vi främjar samarbete mellan regioner med kompletterande styrkeområden.",
]
WORK_MORE = "Mer om hur Tillväxtverket arbetar kan du läsa i vår strategi för området."
CONTACT_HEADING = "Kontakt"
CONTACT_TEXT = (
    "Vill du veta mer om hur Tillväxtverket kan stödja arbetet med Smart specialisering i er "
    "region? Eller har du synpunkter på hur Tillväxtverket kan utveckla sitt arbete med "
    "frågan? Då är du välkommen att höra av dig till Cecilia Johansson."
)

CONTACT = {
    "name": "Cecilia Johansson",
    "title": "Kontaktperson för Smart specialisering",
    "unit": "",
    "email": "cecilia.johansson@tillvaxtverket.se",
    "phone": "08-681 91 32",
}

CONFERENCE = {
    "title": "Smart specialisering – vad gör framtidens platser speciellt attraktiva?",
    "slug": "smart-specialisering-2018",
    "introduction": (
        "Den tredje nationella konferensen om smart specialisering, i Luleå den 31 januari "
        "2018: hur vi samverkar för att attrahera resurser till specifika platser."
    ),
    "start": datetime(2018, 1, 31, 9, 30, tzinfo=STOCKHOLM),
    "end": datetime(2018, 1, 31, 16, 0, tzinfo=STOCKHOLM),
    "venue": "",
    "city": "Luleå",
}

SPEAKERS = [
    ("Isabel Poli", "EU-kommissionen"),
    ("Lina Stanionyte", "S3-plattformen, EU-kommissionen"),
    ("Cecilia Johansson", "Tillväxtverket"),
    ("James Wilson", "Orkestra, Baskien"),
    ("Kristiina Jokelainen", "Finska Lappland"),
    ("Dorthe Kusk", "Region Syddanmark"),
    ("Jukka Teräs", "NordRegio"),
    ("Håkan Ylinenpää", "Luleå tekniska universitet"),
]

STRATEGY = {
    "title": "Tillväxtverkets strategi för Smart specialisering",
    "slug": "tillvaxtverkets-strategi-for-smart-specialisering",
    "publication_date": date(2017, 12, 1),
    "summary": (
        "<p>Strategin beskriver hur Tillväxtverket stödjer regionerna i arbetet med Smart "
        "specialisering: genom stöd till regionala strategier, genom att samla aktörer till "
        "erfarenhetsutbyte och genom att främja samarbete mellan regioner med kompletterande "
        "styrkeområden.</p>"
    ),
}

DEMO_NOTE = (
    "Demoinnehåll: den här filen står i demonstrationsmiljön i stället för originalet. "
    "Den har samma titel och ämne men inte originalets innehåll."
)


def presentation_pdf(name, organisation):
    title = f"Presentation: {name}, {organisation}"
    subtitle = (
        "Nationell konferens om smart specialisering, Luleå 31 januari 2018. "
        "Smart specialisering – vad gör framtidens platser speciellt attraktiva?"
    )
    pages = [
        PdfPage("Om den här presentationen", [DEMO_NOTE, f"Talare: {name}, {organisation}."]),
        PdfPage("Konferensens tema", [CONFERENCE_TEXT]),
        PdfPage("Om smart specialisering", [INTRO, *ABOUT_PARAGRAPHS]),
    ]
    return title, subtitle, pages


def summary_pdf():
    title = "Smart specialisation – what makes the places of the future especially attractive"
    subtitle = (
        "Summary of the third national conference on smart specialisation, "
        "Luleå, Sweden, 31 January 2018"
    )
    pages = [
        PdfPage(
            "About this summary",
            [
                "Demo content: this file stands in for the original summary in the "
                "demonstration site. It has the original's title and subject, not its text.",
                "The third national conference on smart specialisation was held in Luleå on "
                "31 January 2018. It focused on how regions and national bodies can work "
                "together to attract resources to specific places.",
            ],
        ),
        PdfPage(
            "Speakers",
            [f"{name}, {organisation}" for name, organisation in SPEAKERS],
        ),
        PdfPage(
            "Themes",
            [
                "Speakers from all over Sweden discussed how they work with attractiveness, "
                "with a closer look at how northern Sweden handles the question.",
                "International speakers described how their countries approach smart "
                "specialisation and how they involve the business community.",
            ],
        ),
    ]
    return title, subtitle, pages


# A phrase that occurs only inside the strategy PDF, never on a page: search finds the
# strategy page through its document.
STRATEGY_PDF_ONLY_PHRASE = "entreprenöriell upptäcktsprocess i norra Sveriges glesbygd"


def strategy_pdf():
    title = STRATEGY["title"]
    subtitle = "Hur Tillväxtverket stödjer regionernas arbete med Smart specialisering"
    pages = [
        PdfPage("Inledning", [DEMO_NOTE, INTRO]),
        PdfPage("Bakgrund", ABOUT_PARAGRAPHS),
        PdfPage("Så arbetar vi", [*WORK_PARAGRAPHS[:1], *WORK_EXAMPLES]),
        PdfPage(
            "Arbetssätt i regionerna",
            [
                f"Nyckelbegrepp: {STRATEGY_PDF_ONLY_PHRASE}.",
                "Regionerna prioriterar sina styrkeområden i en sådan process, där företag, "
                "forskare och offentliga aktörer tillsammans pekar ut var insatserna gör "
                "mest nytta.",
            ],
        ),
    ]
    return title, subtitle, pages


# Tillgänglighetsredogörelse. Written to be true for this site: what is checked and how,
# and the shortcomings we know of.
ACCESSIBILITY = {
    "title": "Tillgänglighetsredogörelse",
    "slug": "tillganglighetsredogorelse",
    "introduction": (
        "Tillväxtverket står bakom den här webbplatsen. Vi vill att så många som möjligt "
        "ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
        "tillgänglighet till digital offentlig service, kända problem och hur du kan "
        "rapportera brister till oss så att vi kan åtgärda dem."
    ),
    "compliance_status": "partial",
    "known_shortcomings": (
        "<h3>PDF-dokument saknar taggad struktur</h3>"
        "<p>Strategier, sammanfattningar och presentationer publiceras som PDF-filer utan "
        "taggar. Texten går att markera, söka i och få uppläst, men rubriker och läsordning "
        "framgår inte för den som använder skärmläsare (WCAG 1.3.1 Info och relationer, "
        "1.3.2 Meningsfull ordningsföljd). Behöver du ett dokument i ett annat format, "
        "kontakta oss så hjälper vi dig.</p>"
        "<h3>Inte testat med skärmläsare</h3>"
        "<p>Webbplatsen har inte testats av personer som använder skärmläsare, "
        "förstoringsprogram eller röststyrning. Det kan därför finnas brister som våra "
        "automatiska kontroller och tangentbordstester inte hittar.</p>"
    ),
    "out_of_scope": (
        "<p>Talarnas presentationer från konferensen om smart specialisering i Luleå "
        "den 31 januari 2018 publicerades före den 23 september 2018 och omfattas därför "
        "inte av lagens krav. Vi hjälper dig gärna med innehållet i ett annat format.</p>"
    ),
    "assessment_method": "self",
    # What tests/accessibility checks; keep the two in step.
    "assessment_description": (
        "Vi granskade webbplatsen själva den 26 november 2026, i webbläsaren Chromium. "
        "Varje sidtyp kontrolleras automatiskt med verktyget axe-core 4.14.1 mot "
        "kriterierna i WCAG 2.1 nivå A och AA, i 1280 och 320 pixlars bredd: startsidan, "
        "ämnessidor, konferenser (kommande och tidigare), publikationer med och utan "
        "filter, sökresultat med och utan träffar, formuläret för synpunkter (tomt, med "
        "fel och skickat), sidorna på lättläst och teckenspråk, den här redogörelsen "
        "och felsidan, och även redigeringsvyerna "
        "för våra sidtyper.\n"
        "Med enbart tangentbord kontrollerar vi att allt går att nå med tabb i "
        "läsordning, att fokus syns tydligt, att länken Gå direkt till innehållet fungerar, "
        "att mobilmenyn öppnas och stängs (även med Escape) och att filtren och formuläret "
        "går att använda.\n"
        "Vi kontrollerar också att inget behöver rullas i sidled i 320 pixlars bredd "
        "(400 % zoom), att ingen text klipps av med 200 % textstorlek, att länkar och "
        "fokusmarkering har tillräcklig kontrast, att animationer stängs av när du har "
        "valt minskad rörelse, att länkar till dokument anger filtyp, storlek och språk "
        "och att sidor skrivs ut utan meny och med länkarnas adresser.\n"
        "Kontrollerna körs igen varje gång webbplatsen ändras."
    ),
    "assessment_date": date(2026, 11, 26),
    "statement_prepared": date(2026, 11, 26),
    "statement_reviewed": date(2026, 11, 26),
    "contact_email": "tillvaxtverket@tillvaxtverket.se",
    "contact_phone": "08-681 91 00",
}

# Har du synpunkter? The three fields as (label, field type, required, help text).
FEEDBACK = {
    "title": "Har du synpunkter?",
    "slug": "synpunkter",
    "introduction": (
        "Berätta vad du tycker om webbplatsen, om något inte fungerar eller om du inte "
        "hittar det du letar efter. Vi läser allt som kommer in."
    ),
    "thank_you_text": (
        "<p>Vi har tagit emot dina synpunkter. Har du lämnat din e-postadress kan vi svara dig.</p>"
    ),
    "to_address": "tillvaxtverket@tillvaxtverket.se",
    "subject": "Synpunkter från webbplatsen",
}
FEEDBACK_FIELDS = [
    ("Namn", "singleline", False, ""),
    ("E-post", "email", False, "Fyll i om du vill ha svar."),
    ("Synpunkter", "multiline", True, "Skriv inga känsliga personuppgifter."),
]
