"""What an editor does in the admin, as the admin's own forms post it."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from documents.factories import pdf_bytes


def upload_pdf_in_chooser(client, title):
    """Upload a PDF from a chooser's "Ladda upp" tab, as when adding a speaker."""
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": title,
            "document-chooser-upload-file": SimpleUploadedFile(
                f"{title}.pdf", pdf_bytes(title, pages=2), content_type="application/pdf"
            ),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
            "document-chooser-upload-language": "sv",
        },
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["step"] == "chosen", data
    return data["result"]["id"]


def conference_form(title, slug, speakers, start=None, go_live_at="", **actions):
    """The conference editor's form: every tab, two-day-ahead dates unless given."""
    start = start or datetime.datetime.now() + datetime.timedelta(days=60)
    end = start + datetime.timedelta(hours=6)
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "En nationell konferens om regional utveckling.",
            "body": streamfield([]),
            "summary_documents": inline_formset([]),
            "contact": "",
            "related_pages": inline_formset([]),
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": end.strftime("%Y-%m-%d %H:%M"),
            "venue": "Kulturens hus",
            "city": "Luleå",
            "status": "scheduled",
            "attendance_mode": "offline",
            "speakers": inline_formset(
                [
                    {
                        "name": name,
                        "organisation": organisation,
                        "role": "",
                        "photo": "",
                        "presentation": str(document_id),
                    }
                    for name, organisation, document_id in speakers
                ]
            ),
            "seo_title": "",
            "search_description": "",
            "go_live_at": go_live_at,
            "expire_at": "",
            **actions,
        }
    )


def add_conference(client, parent, form, **headers):
    return client.post(
        reverse("wagtailadmin_pages:add", args=("events", "conferencepage", parent.pk)),
        form,
        **headers,
    )


def current_task_state(page):
    page.refresh_from_db()
    return page.current_workflow_task_state


def approve(client, page, comment=""):
    task_state = current_task_state(page)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": comment},
    )


def reject(client, page, comment):
    task_state = current_task_state(page)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": comment},
    )
