from django.urls import path

from content_review import views

app_name = "content_review"
urlpatterns = [
    path("<int:page_id>/", views.edit_review, name="edit"),
    path("<int:page_id>/granskad/", views.mark_page_reviewed, name="mark_reviewed"),
    path("rapport/", views.OverdueReviewsReport.as_view(), name="report"),
    path(
        "rapport/resultat/",
        views.OverdueReviewsReport.as_view(results_only=True),
        name="report_results",
    ),
]
