from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """One distinct word of the text the site search indexes: its lexicon.

    Spelling suggestions ("konferans" → "konferens") look words up here, never in the
    search index itself: on PostgreSQL through a trigram (pg_trgm) GIN index on
    ``word``, elsewhere by a short range of the unique index. Filled as pages and
    documents are indexed (search/backend.py); a word whose pages are gone stays
    until ``rebuild_search_lexicon``, and is never suggested, because a suggestion is
    only offered when searching for it finds something.
    """

    word = models.CharField(max_length=40, unique=True)

    class Meta:
        verbose_name = _("sökord")
        verbose_name_plural = _("sökord")

    def __str__(self):
        return self.word
