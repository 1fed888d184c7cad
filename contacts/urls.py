from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("kontakt/<int:pk>/vcard.vcf", views.vcard, name="vcard"),
]
