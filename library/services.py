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

from library.imports import RowReader, Table, header_find
from library.models import LinkCheck, Resource, title_key
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


@dataclass
class ImportRow:
    line: int
    title: str
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    resource: Resource | None = None


@dataclass
class ImportReport:
    """What an import found: the columns it read and ignored, and each row's fate."""

    description: str = ""
    columns: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    publish: bool = False

    @property
    def column_names(self) -> list[tuple[str, str]]:
        """Return each header read and the name of the field it fills, as people read it."""
        return [
            (header, str(Resource._meta.get_field(column).verbose_name))
            for header, column in self.columns
        ]

    @property
    def importable(self) -> int:
        return sum(1 for row in self.rows if not row.errors)

    @property
    def failed(self) -> int:
        return len(self.rows) - self.importable + len(self.problems)


def resources_import(*, table: Table, user, commit: bool, publish: bool = False) -> ImportReport:
    """Check every row of a table; with commit, add the valid ones, as drafts unless publish.
    Return a report of the columns read and of every row."""
    from library.forms import ResourceImportForm

    report = ImportReport(description=table.description, publish=publish)
    header, columns = header_find(table)
    if "title" not in columns.values():
        found = ", ".join(f"“{cell}”" for cell in (table.rows[0] if table.rows else []) if cell)
        report.problems.append(
            _("No column of titles was found (a column headed “Title”, “Naslov”, “Titulli”, "
              "“Başlık”…). The first row has: %(found)s.") % {"found": found or _("nothing")}
        )  # fmt: skip
        return report
    headers = table.rows[header]
    report.columns = [(headers[index], column) for index, column in columns.items()]
    report.ignored = [cell for index, cell in enumerate(headers) if cell and index not in columns]
    if "status" in columns.values():
        report.notes.append(
            _("The status column is not read: rows are imported as drafts unless you choose "
              "to publish them.")
        )  # fmt: skip
    reader = RowReader(columns, headers)
    seen_urls, seen_titles = set(), set()
    links = {}
    for place, target in table.links.items():
        row_index, column_index = (int(number) for number in place.split(","))
        links.setdefault(row_index, {})[column_index] = target
    for index in range(header + 1, len(table.rows)):
        # A cell this portal exported with a formula neutralised reads back as it was.
        cells = [csv_export.cell_text(cell) for cell in table.rows[index]]
        line = table.lines[index]
        if not any(cell.strip() for cell in cells):
            continue
        parsed = reader.read(cells, line, links.get(index))
        result = ImportRow(parsed.line, parsed.title, parsed.errors, parsed.notes)
        report.rows.append(result)
        form = ResourceImportForm({**parsed.data, "topics": [topic.pk for topic in parsed.topics]})
        if not form.is_valid():
            labels = {column: label for label, column in report.columns}
            for name, messages in form.errors.items():
                if name in parsed.failed:
                    continue
                label = labels.get(name, name)
                result.errors.append(f"{label}: {' '.join(messages)}")
        if result.errors:
            continue
        url, title = form.cleaned_data["url"].lower(), form.cleaned_data["title"]
        duplicate = Resource.objects.duplicates_of(title=title, url=url).first()
        if duplicate:
            result.errors.append(_("Already in the library: “%s”.") % duplicate.title)
        elif (url and url in seen_urls) or title_key(title) in seen_titles:
            result.errors.append(_("Repeats an earlier row of this file."))
        seen_urls.add(url)
        seen_titles.add(title_key(title))
        if commit and not result.errors:
            result.resource = _import_save(form, tags=parsed.tags, user=user, publish=publish)
    return report


@transaction.atomic
def _import_save(form, *, tags, user, publish: bool) -> Resource:
    resource = form.save(commit=False)
    resource.slug = resource_unique_slug(resource.title)
    resource.added_by = user
    resource.status = Resource.Status.PUBLISHED if publish else Resource.Status.DRAFT
    if publish:
        resource.published_at = timezone.now()
    resource.save()
    form.save_m2m()
    resource.tags.set(tags)
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


# What a link that did not answer says when the fault is the connection, not the site.
NETWORK_FAILURES = {
    "name resolution": ("name or service not known", "name resolution", "nodename nor servname",
                        "no address associated", "getaddrinfo"),
    "no route": ("network is unreachable", "no route to host", "host is unreachable"),
    "timeout": ("timed out",),
    "refused": ("connection refused",),
    "reset": ("connection reset",),
}  # fmt: skip
# An outage needs this many different sites failing alike: one site down is just broken.
OUTAGE_MIN_HOSTS = 3


def link_failure_kind(error: str) -> str:
    """Return the kind of connection failure an error names ("" if it is not one)."""
    error = error.lower()
    for kind, phrases in NETWORK_FAILURES.items():
        if any(phrase in error for phrase in phrases):
            return kind
    return ""


def network_seems_down(targets, results) -> str:
    """Return the failure shared by most links of different sites, or "" if the results
    look like the web's usual mix: more than half of all links (or every one) failed to
    connect, the same way, on at least OUTAGE_MIN_HOSTS sites."""
    failures = {}
    for resource, (status, error) in zip(targets, results, strict=True):
        kind = link_failure_kind(error) if status == 0 else ""
        if kind:
            host = urllib.parse.urlsplit(resource.url).netloc.lower()
            failures.setdefault(kind, []).append((host, error))
    if not failures:
        return ""
    _kind, alike = max(failures.items(), key=lambda item: len(item[1]))
    every = [failure for items in failures.values() for failure in items]
    if 2 * len(alike) > len(targets) and len({host for host, _ in alike}) >= OUTAGE_MIN_HOSTS:
        return alike[0][1]
    if len(every) == len(targets) and len({host for host, _ in every}) >= OUTAGE_MIN_HOSTS:
        return alike[0][1]
    return ""


def resources_check_links(*, resources, workers: int = 8, timeout: float = 10) -> dict:
    """Check the links of resources concurrently and record each result; return counts.

    When the network seems down (see network_seems_down) nothing is recorded on the
    resources: their previous results stay, and the run is logged as an outage.
    """
    targets = list(resources.select_related(None).exclude(url="").only("pk", "url"))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda r: link_check(r.url, timeout=timeout), targets))
    failure = network_seems_down(targets, results)
    if failure:
        failed = sum(1 for status, _error in results if status == 0)
        LinkCheck.objects.create(
            checked=len(targets), broken=failed, network_down=True, failure=failure
        )
        return {"checked": len(targets), "broken": failed, "network_down": True, "failure": failure}
    now = timezone.now()
    for resource, (status, error) in zip(targets, results, strict=True):
        resource.link_status, resource.link_error, resource.link_checked_at = status, error, now
    Resource.objects.bulk_update(targets, ["link_status", "link_error", "link_checked_at"])
    broken = sum(1 for resource in targets if resource.link_broken)
    LinkCheck.objects.create(checked_at=now, checked=len(targets), broken=broken)
    return {"checked": len(targets), "broken": broken, "network_down": False, "failure": ""}


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
