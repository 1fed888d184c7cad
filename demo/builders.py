"""The idempotent steps of ``load_demo_content``: each finds its object or creates it,
so the command can run again without harm."""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from contacts.models import ContactPerson
from core.models import SiteSettings
from demo import content, english_content
from demo.programme import PROGRAMME
from demo.publishing import publish
from documents.pdf_writer import build_pdf
from events.models import ConferencePage
from feedback.models import FeedbackFormPage
from pages.models import (
    AccessibilityStatementPage,
    HomePage,
)

# (username, password, group names, superuser). Dev only: see DEMO_ACCOUNTS_ENABLED.

DEMO_ACCOUNTS = [
    ("admin", "demo-admin-2018", [], True),
    ("redaktor", "demo-redaktor-2018", ["Redaktörer"], False),
    ("granskare", "demo-granskare-2018", ["Granskare"], False),
]


def paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def edited_by_an_editor(page):
    """True when a person (not the demo loader, which saves without a user) has saved a
    version of `page` (wagtail.models.Revision.user)."""
    return page.revisions.exclude(user=None).exists()


def smart_specialisation_body(texts, conference, strategy_document, contact):
    """[dict] the StreamField body (JSON-ready) of the Smart specialisering topic page, its
    text from ``texts``: ``demo.content`` for the Swedish page, ``demo.english_content``
    for its English translation (the same blocks in the same order, the same S3 link)."""
    examples = "".join(f"<li>{escape(text)}</li>" for text in texts.WORK_EXAMPLES)
    return [
        {"type": "text", "value": {"text": paragraphs(*texts.ABOUT_PARAGRAPHS)}},
        {"type": "heading", "value": {"text": texts.CONFERENCE_HEADING, "level": "h2"}},
        {"type": "text", "value": {"text": paragraphs(texts.CONFERENCE_TEXT)}},
        {"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}},
        {"type": "heading", "value": {"text": texts.EU_HEADING, "level": "h2"}},
        {"type": "text", "value": {"text": paragraphs(*texts.EU_PARAGRAPHS)}},
        {
            "type": "external_link",
            "value": {
                "url": content.S3_PLATFORM_URL,
                "text": texts.S3_PLATFORM_TEXT,
                "description": "",
            },
        },
        {"type": "heading", "value": {"text": texts.WORK_HEADING, "level": "h2"}},
        {
            "type": "text",
            "value": {
                "text": paragraphs(*texts.WORK_PARAGRAPHS)
                + f"<ul>{examples}</ul>"
                + paragraphs(texts.WORK_MORE)
            },
        },
        {"type": "documents", "value": {"heading": "", "documents": [strategy_document.pk]}},
        {"type": "heading", "value": {"text": texts.CONTACT_HEADING, "level": "h2"}},
        {"type": "text", "value": {"text": paragraphs(texts.CONTACT_TEXT)}},
        {"type": "contact", "value": {"contact": contact.pk}},
    ]


class DemoBuilder:
    """The ensure_* steps; the command (demo/management/commands) runs them in order."""

    def ensure_home(self):
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node() or Page.add_root(title="Rot", slug="root")
        # Wagtail's installer leaves a placeholder "Welcome" page; the home page replaces it.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                Site.objects.filter(root_page=placeholder).update(root_page=root)
                placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title=content.ORGANISATION,
                slug="home",
                introduction=content.HOME_INTRODUCTION,
            )
        )
        publish(home)
        return home

    def ensure_site(self, home, hostname=None, port=None):
        """The default Site, serving the demo's home page; at the host and port the server
        answers on when given, so every full URL the site writes (canonical links, feeds,
        calendars, e-mails) points at the running demo."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if hostname:
            site.hostname = hostname
        if port:
            site.port = port
        site.root_page = home
        site.site_name = content.ORGANISATION
        site.save()
        site_settings = SiteSettings.for_site(site)
        site_settings.organisation_name = content.ORGANISATION
        site_settings.tagline = content.TAGLINE
        site_settings.organisation_name_en = english_content.ORGANISATION
        site_settings.tagline_en = english_content.TAGLINE
        site_settings.footer_phone = "08-681 91 00"
        site_settings.footer_email = "tillvaxtverket@tillvaxtverket.se"
        site_settings.footer_address = "Box 4044\n102 61 Stockholm"
        site_settings.save()
        return site

    def ensure_contact(self):
        contact = ContactPerson.objects.filter(name=content.CONTACT["name"]).first()
        if contact is None:
            contact = ContactPerson(**content.CONTACT)
        for field, value in content.CONTACT.items():
            setattr(contact, field, value)
        contact.save()
        contact.save_revision().publish()
        return contact

    def ensure_collection(self):
        root = Collection.get_first_root_node() or Collection.add_root(name="Rot")
        existing = root.get_children().filter(name="Demoinnehåll").first()
        return existing or root.add_child(name="Demoinnehåll")

    def ensure_document(self, collection, title, subtitle, pdf_pages, language="sv"):
        document_model = get_document_model()
        pdf_language = "en-GB" if language == "en" else "sv-SE"
        data = build_pdf(title, subtitle, pdf_pages, language=pdf_language)
        document = document_model.objects.filter(title=title, collection=collection).first()
        if document is not None and document.file_hash == hashlib.sha1(data).hexdigest():
            return document
        if document is None:
            document = document_model(title=title, collection=collection, language=language)
        elif document.file:
            document.file.delete(save=False)
        document.language = language
        document.file.save(f"{slugify(title)[:80]}.pdf", ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    def ensure_page(self, parent, model, slug, **fields):
        """The demo page `slug` under `parent`, created or brought up to date with
        `fields` and published; left exactly as it is once an editor has saved a
        version of it (loading the demo again never overwrites an editor's work)."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
        elif edited_by_an_editor(page):
            return page
        else:
            for field, value in fields.items():
                setattr(page, field, value)
        publish(page)
        page.refresh_from_db()
        return page

    def ensure_conference(self, index, contact, presentations, summary):
        data = content.CONFERENCE
        conference = self.ensure_page(
            index,
            ConferencePage,
            data["slug"],
            title=data["title"],
            introduction=data["introduction"],
            start=data["start"],
            end=data["end"],
            venue=data["venue"],
            city=data["city"],
            contact=contact,
            body=json.dumps(
                [{"type": "text", "value": {"text": paragraphs(content.CONFERENCE_TEXT)}}]
            ),
        )
        if edited_by_an_editor(conference):
            return conference
        conference.speakers.all().delete()
        slot_fields = ("session", "start_time", "end_time", "talk_title")
        for order, ((name, organisation), slot, presentation) in enumerate(
            zip(content.SPEAKERS, PROGRAMME, presentations, strict=True)
        ):
            conference.speakers.create(
                name=name,
                organisation=organisation,
                presentation=presentation,
                sort_order=order,
                **dict(zip(slot_fields, slot, strict=True)),
            )
        conference.summary_documents.all().delete()
        conference.summary_documents.create(
            document=summary,
            title="Engelsk sammanfattning av hela konferensen",
            sort_order=0,
        )
        publish(conference)
        return conference

    def ensure_site_pages(self, site, home):
        """The feedback form and the accessibility statement, both linked from the footer."""
        feedback = self.ensure_page(home, FeedbackFormPage, **content.FEEDBACK)
        feedback.form_fields.all().delete()
        for order, (label, field_type, required, help_text) in enumerate(content.FEEDBACK_FIELDS):
            feedback.form_fields.create(
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
                sort_order=order,
            )
        publish(feedback)
        accessibility = self.ensure_page(
            home, AccessibilityStatementPage, **content.ACCESSIBILITY, feedback_page=feedback
        )
        site_settings = SiteSettings.for_site(site)
        site_settings.accessibility_page = accessibility
        site_settings.feedback_page = feedback
        site_settings.save()

    def ensure_accounts(self):
        user_model = get_user_model()
        self.stdout.write("Demokonton (endast utvecklingsmiljö):")
        for username, password, group_names, superuser in DEMO_ACCOUNTS:
            groups = list(Group.objects.filter(name__in=group_names))
            if len(groups) != len(group_names):
                continue
            user, _created = user_model.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_staff = superuser
            user.is_superuser = superuser
            user.set_password(password)
            user.save()
            user.groups.set(groups)
            self.stdout.write(f"  {username} / {password}")
