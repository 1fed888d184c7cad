"""The English pages of the demo: faithful translations of the Swedish texts in
content.py and programme.py (the agency's own English wording where it has one)."""

ORGANISATION = "Swedish Agency for Economic and Regional Growth"
# The site settings' English tagline (content.TAGLINE in English).
TAGLINE = "For more growing companies and sustainable regional development throughout Sweden."
HOME_INTRODUCTION = (
    "The Swedish Agency for Economic and Regional Growth works for more growing companies "
    "and for every region to be able to develop and be competitive."
)
TOPICS = {
    "slug": "topics",
    "title": "Topics",
    "introduction": "Areas where the agency works for companies and regions.",
}
REGIONAL = {
    "slug": "regional-capacity",
    "title": "Regional capacity",
    "introduction": "How regions build the capacity to create sustainable growth.",
}
CONFERENCES = {
    "slug": "conferences",
    "title": "Conferences",
    "introduction": "Conferences organised by the agency, upcoming and past.",
}
PUBLICATIONS = {
    "slug": "publications",
    "title": "Publications",
    "introduction": "The agency's strategies and reports, newest first.",
}

SMART_SLUG = "smart-specialisation"
SMART_TITLE = "Smart specialisation"
INTRO = (
    "Smart specialisation is about investing in what we can become best at, all to "
    "strengthen our future competitiveness. The agency supports the regions in their work "
    "with smart specialisation."
)
ABOUT_PARAGRAPHS = [
    "Smart specialisation is a concept initiated by the European Commission. It can be "
    "described as a way of working to concentrate efforts on innovation and growth in the "
    "areas with the greatest potential. An area can take many forms, for example a "
    "particular technology or part of a sector.",
    "This concentration of effort requires, among other things, close cooperation between "
    "different actors within a region and between different levels of society, not least "
    "between the regional and the national level.",
]
CONFERENCE_HEADING = "Conference on smart specialisation on 31 January"
CONFERENCE_TEXT = (
    "The third national conference on smart specialisation was held in Luleå on 31 January "
    "2018. It focused on how we can work together to attract resources to specific places. "
    "Speakers from all over Sweden discussed how they work with attractiveness and took a "
    "closer look at how northern Sweden handles the question. International speakers also "
    "described how their countries approach smart specialisation and how they involve the "
    "business community."
)
EU_HEADING = "Which EU region complements your region best?"
EU_PARAGRAPHS = [
    "The idea is also that regions within the EU whose strengths complement each other "
    "should cooperate to strengthen their competitiveness further.",
    "Regions with complementary strengths can find each other through the S3 Platform, "
    "which also offers guidelines and support for work on smart specialisation. See the "
    "link below.",
]
S3_PLATFORM_TEXT = "The S3 Platform"
WORK_HEADING = "How the agency works"
WORK_PARAGRAPHS = [
    "The ideas behind smart specialisation, and the way of working linked to it, are well in "
    "line with how the agency generally works to strengthen companies' competitiveness.",
    "We also carry out specific work in the area. Here are three examples:",
]
WORK_EXAMPLES = [
    "We support the regions in developing and implementing strategies for smart specialisation.",
    "We bring actors together to exchange experience and spread knowledge to those "
    "concerned. For example, we have held two national conferences focused on smart "
    "specialisation. We hold the next conference on 31 January in Luleå.",
    "We promote cooperation between regions with complementary strengths.",
]
WORK_MORE = "You can read more about how the agency works in our strategy for the area."
CONTACT_HEADING = "Contact"
CONTACT_TEXT = (
    "Would you like to know more about how the agency can support work on smart "
    "specialisation in your region? Or do you have views on how the agency can develop its "
    "work on the question? Then you are welcome to contact Cecilia Johansson."
)

CONFERENCE = {
    "slug": "smart-specialisation-2018",
    "title": "Smart specialisation – what makes the places of the future especially attractive?",
    "introduction": (
        "The third national conference on smart specialisation, in Luleå on 31 January "
        "2018: how we work together to attract resources to specific places."
    ),
}
SUMMARY_TITLE = "Summary of the whole conference (English)"

# The speakers' organisations and the programme (demo/programme.py) in English, in the
# same order as content.SPEAKERS.
ORGANISATIONS = [
    "European Commission",
    "S3 Platform, European Commission",
    "Swedish Agency for Economic and Regional Growth",
    "Orkestra, Basque Country",
    "Finnish Lapland",
    "Region of Southern Denmark",
    "NordRegio",
    "Luleå University of Technology",
]
SESSIONS = {
    "Smart specialisering i Europa": "Smart specialisation in Europe",
    "Internationella erfarenheter": "International experience",
    "Norra Sverige och attraktiva platser": "Northern Sweden and attractive places",
}
TALK_TITLES = [
    "Smart specialisation in EU cohesion policy",
    "The S3 Platform: how regions find each other",
    "The agency's support for the regions' work",
    "Smart specialisation in the Basque Country",
    "Arctic smart specialisation in Finnish Lapland",
    "How Southern Denmark involves the business community",
    "Attractive places in the Nordic countries",
    "Innovation and entrepreneurship in northern Sweden",
]

STRATEGY = {
    "slug": "strategy-for-smart-specialisation",
    "title": "The agency's strategy for smart specialisation (summary in English)",
    "summary": (
        "<p>The strategy describes how the agency supports the regions in their work with "
        "smart specialisation: through support for regional strategies, by bringing actors "
        "together to exchange experience and by promoting cooperation between regions with "
        "complementary strengths. The full strategy is in Swedish.</p>"
    ),
}

HERO_HEADING = "We strengthen companies and regions all over Sweden"
QUICK_LINKS = {  # page name in ensure_english_pages: link text ("" : the page's title)
    "smart": "",
    "conference": "The 2018 conference on smart specialisation",
    "strategy": "The strategy for smart specialisation",
    "conference_index": "All conferences",
    "publications": "All publications",
}
