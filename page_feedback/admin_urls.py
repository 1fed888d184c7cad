from django.urls import path

from core.admin_reports import report_urls
from page_feedback import admin_views

app_name = "page_feedback_admin"
urlpatterns = [
    path("<int:page_id>/", admin_views.PageFeedbackView.as_view(), name="page"),
    *report_urls("rapport/", admin_views.MostNoReport, "report"),
]
