"""The agency's Smart specialisering page, as demo content.

Texts come from the agency's published page (carried here, so a clone needs nothing
outside the repository). Attachments are generated PDFs that stand in for the real
files: they say so on their first page.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from .pdf import PdfPage

STOCKHOLM = ZoneInfo("Europe/Stockholm")

ORGANISATION = "Tillväxtverket"
TAGLINE = "Kollaget med företagare och forskare."
HOME_INTRODUCTION = (
    "<p>Tillväxtverket arbetar för fler växande företag och för att alla regioner ska "
    "kunna utvecklas och vara konkurrenskraftiga.</p>"
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
                "Regionerna prioriterar sina styrkeområden i en "
                f"{STRATEGY_PDF_ONLY_PHRASE}, där företag, forskare och offentliga "
                "aktörer tillsammans pekar ut var insatserna gör mest nytta."
            ],
        ),
    ]
    return title, subtitle, pages
