"""Purge on publish beyond pages: a document, a contact person, an image's focal point, a
collection's privacy or the site settings purge the pages (and files) that show them."""

from django.core.files.base import ContentFile

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from documents.factories import pdf_bytes
from events.factories import SpeakerFactory
from pages.factories import TopicPageFactory
from tests.frontcache.purge.changes import ROOT, publish, url


def test_replacing_a_documents_file_purges_its_addresses_and_the_pages_that_link_it(purged, site):
    document = site["strategy"].document
    SpeakerFactory(conference=site["conference"], presentation=document)
    linking = site["other_topic"]
    linking.body = [
        ("text", {"text": f'<p><a linktype="document" id="{document.pk}">Rapporten</a></p>'}),
    ]
    linking.save_revision().publish()
    listing = site["subtopic"]
    listing.body = [("documents", {"heading": "Läs mer", "documents": [document]})]
    listing.save_revision().publish()
    old_address = f"{ROOT}{document.url}"
    unrelated = TopicPageFactory(parent=listing, title="Utan dokument")

    def replace_file():
        document.file.save("ny-version.pdf", ContentFile(pdf_bytes("Ny")), save=False)
        document._set_document_file_metadata()
        document.save()

    urls = purged(replace_file)

    assert {
        old_address,
        f"{ROOT}{document.url}",
        url(site["strategy"]),
        url(site["strategies"]),
        url(site["conference"]),
        url(linking),
        url(listing),
    } <= urls
    assert old_address != f"{ROOT}{document.url}"
    assert url(unrelated) not in urls


def test_publishing_a_contact_person_purges_the_pages_and_vcard_that_show_them(purged, site):
    contact = ContactPersonFactory()
    conference = publish(site["conference"], contact=contact)
    carded = site["other_topic"]
    carded.body = [("contact", {"contact": contact})]
    carded.save_revision().publish()

    def new_phone():
        contact.phone = "08-681 99 99"
        contact.save_revision().publish()

    urls = purged(new_phone)

    assert {url(conference), url(carded), f"{ROOT}/kontakt/{contact.pk}/vcard.vcf"} <= urls
    assert url(site["topic"]) not in urls


def test_a_new_focal_point_purges_the_pages_showing_the_image(purged, site):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Porträtt", file=get_test_image_file())
    SpeakerFactory(conference=site["conference"], photo=image, presentation=None)
    contact = ContactPersonFactory(photo=image)
    carded = site["other_topic"]
    carded.body = [("contact", {"contact": contact})]
    carded.save_revision().publish()

    def move_focal_point():
        image.focal_point_x, image.focal_point_y = 10, 10
        image.focal_point_width, image.focal_point_height = 20, 20
        image.save()

    urls = purged(move_focal_point)

    assert {url(site["conference"]), url(carded)} <= urls
    assert url(site["strategy"]) not in urls


def test_closing_a_collection_purges_its_documents_and_the_pages_linking_them(purged, site):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Internt")
    document = site["strategy"].document
    document.collection = collection
    document.save()

    urls = purged(
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    )

    assert {f"{ROOT}{document.url}", url(site["strategy"]), url(site["strategies"])} <= urls


def test_saving_site_settings_purges_every_page(purged, site):
    settings_ = SiteSettings.for_site(site["home"].get_site())

    def change_footer():
        settings_.footer_phone = "08-681 91 00"
        settings_.save()

    urls = purged(change_footer)

    for page in site.values():
        assert url(page) in urls
