"""A PDF carrying scripts or program launches is refused at upload with a Swedish form
error, and nothing is stored: a visitor's PDF reader would run them (ISO 32000-2,
12.6.4.16 JavaScript actions, 12.6.4.6 launch actions), wherever the file hides them:
the document's open action, its JavaScript name tree, a page's or a form field's
additional actions, a link, inside compressed object streams, or in a file encrypted
with only an owner password."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from documents.factories import pdf_bytes
from tests.security.uploads.upload_files import (
    Document,
    assert_refused,
    upload_document,
)

SCRIPT = "PDF-filen innehåller skript eller kommandon som startar program"


def javascript(pdf):
    return pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)"))


def with_open_action(pdf):
    pdf.Root.OpenAction = javascript(pdf)


def with_name_tree(pdf):
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("a"), javascript(pdf)]))
    )


def with_page_action(pdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=javascript(pdf))


def with_link(pdf):
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([0, 0, 100, 100]),
        A=javascript(pdf),
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))


def with_launch(pdf):
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.Launch, F=pikepdf.String("C:\\Windows\\System32\\cmd.exe")
    )


def with_launch_named_by_reference(pdf):
    """The action's type written as a reference to the name, which readers follow."""
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pdf.make_indirect(pikepdf.Name.Launch), F=pikepdf.String("cmd.exe")
    )


def with_script_after_padding(pdf):
    """The catalogue also holds an array of more elements than pypdf reads (its
    array_maximum_element_count), which hid the open action from the pypdf search."""
    with_open_action(pdf)
    pdf.Root.Zpadding = pikepdf.Array([0] * 200_001)


def with_xfa_script(pdf):
    """An XFA form's script (XML Forms Architecture 3.3, the script element), run by
    Adobe Reader when it opens the form."""
    template = (
        b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template><subform>'
        b'<event activity="initialize"><script contentType="application/x-javascript">'
        b"app.alert(1)</script></event></subform></template></xdp:xdp>"
    )
    xfa = pikepdf.Array([pikepdf.String("template"), pdf.make_stream(template)])
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=xfa)


def scripted_pdf(add, **save):
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    add(pdf)
    out = io.BytesIO()
    pdf.save(out, **save)
    return out.getvalue()


HIDING_PLACES = [
    pytest.param(with_open_action, {}, id="open-action"),
    pytest.param(with_name_tree, {}, id="name-tree"),
    pytest.param(with_page_action, {}, id="page-action"),
    pytest.param(with_link, {}, id="link"),
    pytest.param(with_launch, {}, id="launch"),
    pytest.param(with_launch_named_by_reference, {}, id="launch-type-by-reference"),
    pytest.param(with_script_after_padding, {}, id="after-padding"),
    pytest.param(with_xfa_script, {"compress_streams": True}, id="xfa-script"),
    pytest.param(
        with_name_tree,
        {"object_stream_mode": pikepdf.ObjectStreamMode.generate},
        id="object-stream",
    ),
    pytest.param(
        with_open_action,
        {"encryption": pikepdf.Encryption(user="", owner="hemligt", R=6)},
        id="owner-password",
    ),
]


@pytest.mark.parametrize(("add", "save"), HIDING_PLACES)
def test_pdf_with_a_script_is_refused_and_nothing_is_stored(admin_client, media_before, add, save):
    response = upload_document(admin_client, "rapport.pdf", scripted_pdf(add, **save))

    assert_refused(response, SCRIPT, media_before, Document)


def test_multiple_upload_refuses_a_pdf_with_a_script(admin_client, media_before):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("rapport.pdf", scripted_pdf(with_open_action)),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    data = response.json()
    assert data["success"] is False
    assert SCRIPT in data["error_message"]
    assert not Document.objects.exists()


def test_pdf_without_scripts_with_an_ordinary_link_is_accepted(admin_client):
    def with_web_link(pdf):
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=pikepdf.Array([0, 0, 100, 100]),
            A=pikepdf.Dictionary(
                S=pikepdf.Name.URI, URI=pikepdf.String("https://tillvaxtverket.se/")
            ),
        )
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))

    response = upload_document(admin_client, "rapport.pdf", scripted_pdf(with_web_link))

    assert response.status_code == 302
    assert Document.objects.count() == 1
