import csv
import io
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.models import Resource, title_key
from members.notifications.services import email_coordinators, email_person
from racop import csv_export
from racop.audit import Action as AuditAction
from racop.audit import audit_record
from racop.i18n import language_of
from racop.slugs import slug_from


def resource_unique_slug(title: str) -> str:
    """Return a slug for the title that no resource uses yet."""
    base = slug_from(title, max_length=200, fallback="resource")
    taken = set(Resource.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _email(*, subject, template: str, context: dict, user=None) -> None:
    """Queue an email (text and HTML) to the person who suggested a resource, in their
    language, or to the coordinators' address, in theirs, when user is None."""
    context = {"site_url": settings.SITE_URL, **context}
    if user is None:
        email_coordinators(subject=subject, template=template, context=context)
        return
    email_person(
        user=user,
        subject=subject,
        template=template,
        context=context,
        reason=gettext_lazy("You receive this because you suggested a resource for the library."),
    )


@transaction.atomic
def resource_suggest(*, user, form) -> Resource:
    """Save a member's suggestion for review and tell the coordinators."""
    resource = form.save(commit=False)
    resource.slug = resource_unique_slug(resource.title)
    resource.status = Resource.Status.IN_REVIEW
    resource.added_by = user
    resource.save()
    form.save_m2m()
    resource.tags.set(form.cleaned_data["tags"])
    _email(
        subject=lambda: _("A resource was suggested: %(title)s") % {"title": resource.title},
        template="library/email/suggestion_received.txt",
        context={"resource": resource, "user": user},
    )
    return resource


@transaction.atomic
def resource_publish(*, resource: Resource, by=None) -> None:
    """Publish a resource; tell the member who suggested it."""
    was_suggestion = resource.status == Resource.Status.IN_REVIEW
    resource.publish()
    if by is not None:
        audit_record(actor=by, action=AuditAction.PUBLISH, target=resource)
    if was_suggestion and resource.added_by and resource.added_by.email:
        _email(
            user=resource.added_by,
            subject=gettext_lazy("Your suggestion is in the library"),
            template="library/email/suggestion_published.txt",
            context={"resource": resource},
        )


@transaction.atomic
def resource_reject(*, resource: Resource, reason: str, by=None) -> None:
    """Decline a suggestion with a reason the member who suggested it receives."""
    resource.status = Resource.Status.REJECTED
    resource.review_note = reason
    resource.save(update_fields=["status", "review_note", "updated_at"])
    if by is not None:
        audit_record(actor=by, action=AuditAction.DECLINE, target=resource, note=reason)
    if resource.added_by and resource.added_by.email:
        with translation.override(language_of(resource.added_by)):
            subject = _("About your suggestion: %(title)s") % {"title": resource.title}
        _email(
            user=resource.added_by,
            subject=subject,
            template="library/email/suggestion_rejected.txt",
            context={"resource": resource},
        )


def resources_archive(*, resources) -> int:
    """Archive resources; return how many."""
    return resources.update(status=Resource.Status.ARCHIVED)


def resources_feature(*, resources, featured: bool) -> int:
    """Feature resources on the home page, or stop; return how many."""
    return resources.update(featured=featured)


# The columns of CSV import and export; several values in one cell are separated by ";".
CSV_COLUMNS = [
    "title", "url", "type", "summary", "body", "publisher", "year", "languages", "scope",
    "countries", "topics", "tags", "commitments", "visibility", "status",
]  # fmt: skip
LIST_COLUMNS = {"languages", "countries", "topics", "commitments"}


@dataclass
class ImportRow:
    line: int
    title: str
    errors: list[str] = field(default_factory=list)
    resource: Resource | None = None


def _split(value):
    return [item.strip() for item in (value or "").split(";") if item.strip()]


def resources_import(*, text: str, user, commit: bool) -> list[ImportRow]:
    """Check every row of a CSV text; with commit, add the valid ones. Return a row report."""
    from library.forms import ResourceImportForm

    reader = csv.DictReader(io.StringIO(text))
    missing = {"title", "url"} - set(reader.fieldnames or [])
    if missing:
        return [ImportRow(1, "", [_("Missing columns: %s.") % ", ".join(sorted(missing))])]
    report, seen_urls, seen_titles = [], set(), set()
    for row in reader:
        data = {
            key: csv_export.cell_text(value or "").strip()
            for key, value in row.items()
            if key in CSV_COLUMNS
        }
        for column in LIST_COLUMNS:
            data[column] = _split(data.get(column, ""))
        data.setdefault("type", Resource.Type.GUIDE)
        data["scope"] = data.get("scope") or Resource.Scope.REGIONAL
        data["visibility"] = data.get("visibility") or Resource.Visibility.PUBLIC
        data["status"] = data.get("status") or Resource.Status.PUBLISHED
        form = ResourceImportForm(data)
        result = ImportRow(reader.line_num, data.get("title", ""))
        if not form.is_valid():
            result.errors = [
                f"{name}: {' '.join(messages)}" for name, messages in form.errors.items()
            ]
        else:
            url, key = form.cleaned_data["url"].lower(), title_key(form.cleaned_data["title"])
            existing = Resource.objects.duplicates_of(title=form.cleaned_data["title"], url=url)
            duplicate = existing.first()
            if duplicate:
                result.errors.append(_("Already in the library: “%s”.") % duplicate.title)
            elif url in seen_urls or key in seen_titles:
                result.errors.append(_("Repeats an earlier row of this file."))
            seen_urls.add(url)
            seen_titles.add(key)
        if commit and not result.errors:
            result.resource = _import_save(form, user=user)
        report.append(result)
    return report


@transaction.atomic
def _import_save(form, *, user) -> Resource:
    resource = form.save(commit=False)
    resource.slug = resource_unique_slug(resource.title)
    resource.added_by = user
    if resource.status == Resource.Status.PUBLISHED:
        resource.published_at = timezone.now()
    resource.save()
    form.save_m2m()
    resource.tags.set(_split(form.cleaned_data["tags"].replace(",", ";")))
    return resource


def resources_export(*, resources, out) -> None:
    """Write resources as CSV in the import's columns."""
    writer = csv_export.Writer(out)
    writer.writerow(CSV_COLUMNS)
    for resource in resources.prefetch_related("topics", "tags"):
        values = {
            **{column: getattr(resource, column) for column in CSV_COLUMNS[:7]},
            "year": resource.year or "",
            "languages": ";".join(resource.languages),
            "scope": resource.scope,
            "countries": ";".join(resource.countries),
            "topics": ";".join(topic.slug for topic in resource.topics.all()),
            "tags": ";".join(tag.name for tag in resource.tags.all()),
            "commitments": ";".join(str(number) for number in resource.commitments),
            "visibility": resource.visibility,
            "status": resource.status,
        }
        writer.writerow([values[column] for column in CSV_COLUMNS])


def link_check(url: str, *, timeout: float) -> tuple[int, str]:
    """Return the HTTP status of a link (0 when nothing answered) and the problem, if any."""
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        # urlopen would also read file: and ftp: addresses; a link check never should.
        return 0, "not a web link"
    headers = {"User-Agent": f"{settings.SITE_SHORT_NAME} link checker"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            # Bandit B310 is a false positive: the scheme is http or https (checked above).
            with urllib.request.urlopen(request, timeout=timeout) as response:  # nosec B310
                return response.status, ""
        except urllib.error.HTTPError as error:
            # Some servers refuse HEAD; ask again with GET before calling the link broken.
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue
            return error.code, str(error.reason)[:200]
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return 0, str(reason)[:200]
    return 0, ""


def resources_check_links(*, resources, workers: int = 8, timeout: float = 10) -> dict:
    """Check the links of resources concurrently and record each result; return counts."""
    targets = list(resources.select_related(None).exclude(url="").only("pk", "url"))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda r: link_check(r.url, timeout=timeout), targets))
    now = timezone.now()
    for resource, (status, error) in zip(targets, results, strict=True):
        resource.link_status, resource.link_error, resource.link_checked_at = status, error, now
    Resource.objects.bulk_update(targets, ["link_status", "link_error", "link_checked_at"])
    broken = sum(1 for resource in targets if resource.link_broken)
    return {"checked": len(targets), "broken": broken}


@transaction.atomic
def resources_classify(*, resources, tags, topics, add: bool) -> int:
    """Add tags and topics to resources, or remove them; return how many resources."""
    count = 0
    for resource in resources:
        if add:
            resource.tags.add(*tags)
            resource.topics.add(*topics)
        else:
            resource.tags.remove(*tags)
            resource.topics.remove(*topics)
        count += 1
    return count
