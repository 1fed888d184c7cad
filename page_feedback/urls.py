from django.urls import path

from page_feedback import views

app_name = "page_feedback"
urlpatterns = [
    path("svar/", views.answer, name="answer"),
    path("kommentar/", views.comment, name="comment"),
]
