"""The audit log of coordinators' actions: approve, decline, hide, restore, delete, export.

Services call `audit_record()` inside their transaction, so an action and its entry are
saved together or not at all. Deletions in the admin, single or bulk, are recorded by
the back office's site (racop/admin_site.py) for every model.
"""

from django.contrib.contenttypes.models import ContentType

from racop.models import AuditEntry

Action = AuditEntry.Action


def _name(user):
    if user is None:
        return ""
    return user.get_username() or str(user.pk)


def audit_record(*, actor, action, target=None, note="") -> AuditEntry:
    """Record that actor did action to target (a model instance, a model or None)."""
    entry = AuditEntry(actor=actor, actor_name=_name(actor), action=action, note=str(note))
    if target is not None:
        entry.content_type = ContentType.objects.get_for_model(target)
        if getattr(target, "pk", None) is not None and not isinstance(target, type):
            entry.object_id = str(target.pk)
            entry.target = str(target)[:300]
        else:
            entry.target = str(target._meta.verbose_name_plural)[:300]
    entry.save()
    return entry


def audit_export(*, request, queryset, what=""):
    """Record a coordinator's export of queryset (for CSV actions in the admin)."""
    return audit_record(
        actor=request.user,
        action=Action.EXPORT,
        target=queryset.model,
        note=what or f"{queryset.count()} rows",
    )
