from django.urls import path

from .views import order_accessible_format

app_name = "alternate_formats"
urlpatterns = [
    path(
        "bestall-tillgangligt-format/<int:document_id>/",
        order_accessible_format,
        name="order",
    ),
]
