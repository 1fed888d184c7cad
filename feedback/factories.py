import factory
import wagtail_factories

from .models import FeedbackFormField, FeedbackFormPage


class FeedbackFormPageFactory(wagtail_factories.PageFactory):
    """Har du synpunkter? with the demo's three fields: name and e-mail optional."""

    title = "Har du synpunkter?"
    slug = "synpunkter"
    to_address = "webbplatsen@tillvaxtverket.se"

    class Meta:
        model = FeedbackFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [
            ("Namn", "singleline", False),
            ("E-post", "email", False),
            ("Synpunkter", "multiline", True),
        ]
        for order, (label, field_type, required) in enumerate(specs):
            FeedbackFormField.objects.create(
                page=page, label=label, field_type=field_type, required=required, sort_order=order
            )
