"""Storage limitation (GDPR article 5.1 e): personal data is deleted when no longer needed.

``PERSONAL_DATA_RETENTION`` lists (model label, date field) pairs, for instance
``("wagtailforms.FormSubmission", "submit_time")``; an app that stores personal data adds
its pair there. Rows whose date is older than ``PERSONAL_DATA_RETENTION_MONTHS`` months are
deleted by ``manage.py apply_personal_data_retention``.
"""

import calendar
import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils import timezone

logger = logging.getLogger(__name__)


def months_before(moment, months):
    """``moment`` (a datetime) minus ``months`` calendar months; the 31st becomes the
    month's last day where the month is shorter."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def retained_models():
    """[(model class, date field name)] from PERSONAL_DATA_RETENTION; ImproperlyConfigured
    for an unknown model or field. Models of apps not installed are skipped."""
    pairs = []
    for label, field in settings.PERSONAL_DATA_RETENTION:
        if label.split(".")[0] not in apps.app_configs:
            continue
        try:
            model = apps.get_model(label)
            model._meta.get_field(field)
        except (LookupError, ValueError, FieldDoesNotExist) as error:
            raise ImproperlyConfigured(
                f"PERSONAL_DATA_RETENTION: {label}.{field}: {error}"
            ) from error
        pairs.append((model, field))
    return pairs


def apply_retention(now=None, months=None):
    """Delete every listed row older than the retention period.
    Out: {model label: number of rows deleted}; each count is logged."""
    now = now or timezone.now()
    months = settings.PERSONAL_DATA_RETENTION_MONTHS if months is None else months
    cutoff = months_before(now, months)
    deleted = {}
    for model, field in retained_models():
        count, _per_model = model.objects.filter(**{f"{field}__lt": cutoff}).delete()
        deleted[model._meta.label] = count
        logger.info(
            "Personal data retention: %s rows of %s older than %s deleted",
            count,
            model._meta.label,
            cutoff.date(),
        )
    return deleted
