"""Wagtail's document admin views, telling the editor what an upload brought along.

After an upload or a replaced file the editor learns what could not be read from the
file (documents/files.py) and whether the same bytes are already in the library (by
Wagtail's ``file_hash``), with a link to that document. The delete confirmation
names the live pages that would lose the document (core/usage.py). The views
take Wagtail's own URLs (core/wagtail_hooks.py), so every link to them stays.
"""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.documents.views import chooser, documents, multiple
from wagtail.permissions import policy_registry

from core.usage import DeleteWarningMixin
from documents.publicity import in_restricted_collection, is_public


def duplicates_of(document, user):
    """Other documents with the same bytes as ``document`` that ``user`` may use."""
    if not document.file_hash:
        return []
    policy = policy_registry.get_by_type(get_document_model())
    visible = policy.instances_user_has_any_permission_for(user, ["change", "choose"])
    return list(visible.filter(file_hash=document.file_hash).exclude(pk=document.pk)[:5])


def accessibility_note(document):
    """The accessibility check's result for the editor (safe HTML), or None when the
    file passed or is no PDF (documents/pdf_accessibility.py)."""
    advice = document.accessibility_advice if document.is_inaccessible else []
    if not advice:
        return None
    items = format_html_join("", "<li>{}</li>", ((str(line),) for line in advice))
    return format_html(
        "{} <ul>{}</ul> {}",
        _("PDF-filen är inte tillgänglig för alla besökare:"),
        items,
        _(
            "Byt ut filen mot en rättad version. Till dess erbjuds besökarna att beställa "
            "dokumentet i ett tillgängligt format."
        ),
    )


def upload_notes(document, user):
    """Swedish notes (safe HTML) for the editor about a just uploaded file."""
    notes = [format_html("{}", problem) for problem in getattr(document, "reading_problems", [])]
    note = accessibility_note(document)
    if note is not None:
        notes.append(note)
    for existing in duplicates_of(document, user):
        notes.append(
            format_html(
                _(
                    "Samma fil finns redan i dokumentbiblioteket: "
                    '<a href="{url}">{title}</a>. Använd hellre det befintliga dokumentet '
                    "och ta bort det nya, så att besökarna inte hittar två kopior."
                ),
                url=reverse("wagtaildocs:edit", args=[existing.pk]),
                title=existing.title,
            )
        )
    return notes


def warn(request, notes):
    for note in notes:
        messages.warning(request, note)


class CreateView(documents.CreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        warn(self.request, upload_notes(self.object, self.request.user))
        return response


class EditView(documents.EditView):
    template_name = "documents/edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document_in_restricted_collection"] = in_restricted_collection(self.object)
        context["document_is_public"] = is_public(self.object)
        return context

    def form_valid(self, form):
        replaced = "file" in form.changed_data
        response = super().form_valid(form)
        if replaced:
            warn(self.request, upload_notes(self.object, self.request.user))
        return response


class DeleteView(DeleteWarningMixin, documents.DeleteView):
    pass


class MultipleAddView(multiple.AddView):
    """Each uploaded file's edit form starts with its notes."""

    edit_form_template_name = "documents/multiple_edit_form.html"

    def get_edit_object_form_context_data(self):
        context = super().get_edit_object_form_context_data()
        context["upload_notes"] = upload_notes(self.object, self.request.user)
        return context


class CreateFromUploadedDocumentView(multiple.CreateFromUploadedDocumentView):
    """The multiple uploader's second step: the answer is JSON, so the notes wait for
    the editor's next page as messages."""

    def save_object(self, form):
        super().save_object(form)
        warn(self.request, upload_notes(self.object, self.request.user))


class ChooserUploadView(chooser.DocumentChooserUploadView):
    """The chooser's upload (inline, e.g. a speaker's presentation): the modal closes
    on success, so the notes wait for the editor's next page as messages."""

    def save_form(self, form):
        document = super().save_form(form)
        warn(self.request, upload_notes(document, self.request.user))
        return document


def admin_urlpatterns():
    """Our views on Wagtail's own document URLs (registered before Wagtail's)."""
    return [
        path("documents/add/", CreateView.as_view(), name="agency_document_add"),
        path(
            "documents/edit/<int:document_id>/",
            EditView.as_view(),
            name="agency_document_edit",
        ),
        path(
            "documents/delete/<int:document_id>/",
            DeleteView.as_view(),
            name="agency_document_delete",
        ),
        path(
            "documents/multiple/add/",
            MultipleAddView.as_view(),
            name="agency_document_add_multiple",
        ),
        path(
            "documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/",
            CreateFromUploadedDocumentView.as_view(),
            name="agency_document_create_from_uploaded",
        ),
        path(
            "documents/chooser/create/",
            # Through Wagtail's chooser viewset: the view gets the viewset's URL names
            # and form settings (without create_url_name a refused upload, such as a
            # PDF that needs a password, answered 500 instead of showing the form).
            chooser.viewset.construct_view(ChooserUploadView),
            name="agency_document_chooser_upload",
        ),
    ]
