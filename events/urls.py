from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("kalender/konferens-<int:pk>.ics", views.conference_ics, name="conference_ics"),
]
