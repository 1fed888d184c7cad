from django.urls import path

from content_review import views
from core.admin_reports import report_urls

app_name = "content_review"
urlpatterns = [
    path("<int:page_id>/", views.edit_review, name="edit"),
    path("<int:page_id>/granskad/", views.mark_page_reviewed, name="mark_reviewed"),
    *report_urls("rapport/", views.OverdueReviewsReport, "report"),
]
