"""The demo conference's programme (events/programme.py), kept beside content.py."""

from datetime import time

# Each speaker's slot, in SPEAKERS' order: (session, start, end, talk title). The
# agency's page gives no programme; these times and titles are plausible demo values
# within the conference's day (09.30–16.00) and the speakers' own subjects.
PROGRAMME = [  # (session, start_time, end_time, talk_title)
    (
        "Smart specialisering i Europa",
        time(9, 45),
        time(10, 15),
        "Smart specialisering i EU:s sammanhållningspolitik",
    ),
    (
        "Smart specialisering i Europa",
        time(10, 15),
        time(10, 45),
        "S3-plattformen: så hittar regioner varandra",
    ),
    (
        "Smart specialisering i Europa",
        time(10, 45),
        time(11, 15),
        "Tillväxtverkets stöd till regionernas arbete",
    ),
    ("Internationella erfarenheter", time(11, 15), time(11, 45), "Smart specialisering i Baskien"),
    (
        "Internationella erfarenheter",
        time(13, 0),
        time(13, 30),
        "Arktisk smart specialisering i Finska Lappland",
    ),
    (
        "Internationella erfarenheter",
        time(13, 30),
        time(14, 0),
        "Så involverar Syddanmark näringslivet",
    ),
    (
        "Norra Sverige och attraktiva platser",
        time(14, 15),
        time(14, 45),
        "Attraktiva platser i Norden",
    ),
    (
        "Norra Sverige och attraktiva platser",
        time(14, 45),
        time(15, 15),
        "Innovation och entreprenörskap i norra Sverige",
    ),
]
