"""Fill the search lexicon (spelling suggestions) afresh from everything that is indexed.

Run after ``update_index``, or now and then to drop words whose pages are gone:

    python manage.py rebuild_search_lexicon
"""

from django.core.management.base import BaseCommand
from modelsearch.index import get_indexed_models

from search import lexicon as search_lexicon


class Command(BaseCommand):
    help = "Bygger om söklexikonet (stavningsförslag) från allt som är sökbart."

    def handle(self, *args, **options):
        # Every indexed model, specific page types included: their own fields count too.
        count = search_lexicon.rebuild(get_indexed_models())
        self.stdout.write(f"{count} words in the search lexicon")
