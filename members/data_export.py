"""“Download my data”: every model that points to a person registers how it is exported.

An app whose model has a foreign key or one-to-one field to the user registers it here
(from its ``AppConfig.ready()``); a test fails while any such model is not registered.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db.models import Q

EXCLUDED_FIELDS = {"password"}


@dataclass(frozen=True)
class Exporter:
    model: type
    user_fields: tuple[str, ...]
    exclude: tuple[str, ...] = ()


registry: dict[str, Exporter] = {}


def register(model, *, user_fields=("user",), exclude=()):
    """Export the rows of model whose user_fields point to the person."""
    registry[model._meta.label] = Exporter(model, tuple(user_fields), tuple(exclude))


def register_app(app_config):
    """Export every model of an app that points to the person, on all its user fields."""
    for model in app_config.get_models():
        if fields := user_fields_of(model):
            register(model, user_fields=sorted(fields))


def _user_model():
    return apps.get_model(settings.AUTH_USER_MODEL)


def user_fields_of(model):
    """Return the names of model's foreign keys and one-to-ones to the user model."""
    return {
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and (field.many_to_one or field.one_to_one)
        and field.related_model is _user_model()
    }


def uncovered():
    """Return (model label, field) pairs that point to a user but no exporter covers."""
    missing = []
    for model in apps.get_models():
        exporter = registry.get(model._meta.label)
        covered = set(exporter.user_fields) if exporter else set()
        missing += [(model._meta.label, name) for name in sorted(user_fields_of(model) - covered)]
    return missing


def _rows(queryset, exclude):
    rows = serializers.serialize("python", queryset)
    for row in rows:
        for name in EXCLUDED_FIELDS | set(exclude):
            row["fields"].pop(name, None)
    return [{"id": row["pk"], **row["fields"]} for row in rows]


def user_data(user):
    """Return everything the portal holds about user, by model."""
    User = _user_model()
    data = {User._meta.label: _rows(User.objects.filter(pk=user.pk), ())}
    for label, exporter in sorted(registry.items()):
        condition = Q()
        for name in exporter.user_fields:
            condition |= Q(**{name: user})
        queryset = exporter.model._default_manager.filter(condition).order_by("pk")
        data[label] = _rows(queryset, exporter.exclude)
    return data
