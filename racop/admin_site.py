"""The back office's site: its login is rate limited, every deletion is audited and every
search ignores case, accents and script."""

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP

from racop.ratelimit import ratelimit


@models.CharField.register_lookup
@models.TextField.register_lookup
class FoldedContains(models.Lookup):
    """``field__folded_contains=text``: the text in the field, ignoring case, accents and
    script ("otcetnost" finds "отчетност", "seffaflik" finds "şeffaflık"), with the
    library's folding (library_fold(), library/migrations/0001_initial.py)."""

    lookup_name = "folded_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"library_fold({lhs}) LIKE library_fold({rhs})", (*lhs_params, *rhs_params)

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%{connection.ops.prep_for_like_query(value)}%"]


def folded_search_field(model, name):
    """Return a search field that would be searched with icontains as folded_contains."""
    if name[:1] in "^=@":
        return name
    opts, field = model._meta, None
    for part in name.split(LOOKUP_SEP):
        try:
            field = opts.get_field("pk" if part == "pk" else part)
        except FieldDoesNotExist:
            return name  # a lookup the admin names itself, or a name Django will reject
        if field.is_relation and field.related_model:
            opts = field.related_model._meta
    if isinstance(field, (models.CharField, models.TextField)):
        return f"{name}{LOOKUP_SEP}folded_contains"
    return name


class FoldedSearchMixin:
    """Search every text field with folded_contains instead of icontains."""

    def get_search_fields(self, request):
        return [
            folded_search_field(self.model, name) for name in super().get_search_fields(request)
        ]


class AuditedDeletionsMixin:
    """Record each deletion (from the delete page or the bulk action) in the audit log."""

    def log_deletions(self, request, queryset):
        from racop.audit import Action, audit_record

        for obj in queryset:
            audit_record(actor=request.user, action=Action.DELETE, target=obj)
        return super().log_deletions(request, queryset)


class CommunityAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedDeletionsMixin):
            admin_class = type(admin_class.__name__, (AuditedDeletionsMixin, admin_class), {})
        if not issubclass(admin_class, FoldedSearchMixin):
            admin_class = type(admin_class.__name__, (FoldedSearchMixin, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)

    def login(self, request, extra_context=None):
        return ratelimit("login")(super().login)(request, extra_context)
