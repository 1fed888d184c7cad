from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("kalender/konferenser.ics", views.upcoming_conferences_ics, name="upcoming_ics"),
    path("kalender/konferens-<int:pk>.ics", views.conference_ics, name="conference_ics"),
]
