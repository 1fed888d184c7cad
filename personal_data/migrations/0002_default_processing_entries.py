"""Start the privacy page with the site's own processing of personal data (editors change
the texts under Snippets › Personuppgiftsbehandling). Only into an empty table."""

from django.db import migrations

ENTRIES = [
    {
        "name": "Synpunkter via formulär",
        "collected": "Det du skriver i formuläret, och din e-postadress om du lämnar den.",
        "purpose": "För att förbättra webbplatsen och svara dig. Rättslig grund: "
        "uppgift av allmänt intresse (GDPR artikel 6.1 e).",
        "retention": "12 månader, sedan raderas uppgifterna automatiskt.",
        "contact": "Tillväxtverkets dataskyddsombud, dataskyddsombud@tillvaxtverket.se",
        "sort_order": 10,
    },
    {
        "name": "Hittade du det du sökte?",
        "collected": "Ditt svar ja eller nej och en frivillig kommentar. Vi sparar inte "
        "vem du är, din IP-adress eller några kakor.",
        "purpose": "För att se vilka sidor som behöver bli bättre.",
        "retention": "12 månader, sedan raderas svaren automatiskt.",
        "contact": "Tillväxtverkets dataskyddsombud, dataskyddsombud@tillvaxtverket.se",
        "sort_order": 20,
    },
]


def add_entries(apps, schema_editor):
    ProcessingEntry = apps.get_model("personal_data", "ProcessingEntry")
    if not ProcessingEntry.objects.exists():
        ProcessingEntry.objects.bulk_create([ProcessingEntry(**entry) for entry in ENTRIES])


class Migration(migrations.Migration):
    dependencies = [("personal_data", "0001_initial")]
    operations = [migrations.RunPython(add_entries, migrations.RunPython.noop)]
