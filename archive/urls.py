"""Archived copies are served outside /admin/ so that their own strict Content Security
Policy applies (no script of an archived page runs in the admin's origin)."""

from django.urls import path

from . import public_views, views

app_name = "archive"

urlpatterns = [
    path("webbarkiv/granska/<int:pk>/", views.view_snapshot, name="review"),
    path(
        "webbarkiv/granska/<int:pk>/filer/<int:resource_pk>/", views.view_file, name="review_file"
    ),
    path("webbarkiv/sida/<int:page_key>/", public_views.page_versions, name="public_versions"),
    path("webbarkiv/<int:pk>/", public_views.view_snapshot, name="public"),
    path("webbarkiv/<int:pk>/filer/<int:resource_pk>/", public_views.view_file, name="public_file"),
]
