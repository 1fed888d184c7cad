from django.urls import path

from page_feedback import admin_views

app_name = "page_feedback_admin"
urlpatterns = [
    path("<int:page_id>/", admin_views.PageFeedbackView.as_view(), name="page"),
    path("rapport/", admin_views.MostNoReport.as_view(), name="report"),
    path(
        "rapport/resultat/",
        admin_views.MostNoReport.as_view(results_only=True),
        name="report_results",
    ),
]
