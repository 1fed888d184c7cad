import factory

from .models import ContactPerson


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = "Cecilia Johansson"
    title = "Handläggare"
    unit = "Regional utveckling"
    email = "cecilia.johansson@tillvaxtverket.se"
    phone = "08-681 91 32"
    live = True

    class Meta:
        model = ContactPerson
