from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core import signing
from django.db.models import Count, Min
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library import services
from library.forms import ImportUploadForm, regional_country_choices
from library.harvest import sources_harvest
from library.imports import Table
from library.models import LANGUAGES, Collection, CollectionItem, LinkCheck, Resource, Source
from library.tasks import harvest_sources
from racop.admin_site import (
    Attention,
    ObjectAction,
    ObjectActionsMixin,
    TranslatedFieldsAdmin,
    attention_register,
)
from racop.audit import audit_export
from racop.models import Topic

attention_register(
    Attention(
        key="suggestions",
        model="library.resource",
        label=lambda n: (
            ngettext(
                "%(count)d suggested resource to curate",
                "%(count)d suggested resources to curate",
                n,
            )
            % {"count": n}
        ),
        count=lambda: Resource.objects.filter(status=Resource.Status.IN_REVIEW).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        ),
        query=lambda: {"status__exact": Resource.Status.IN_REVIEW},
        order=20,
    )
)
attention_register(
    Attention(
        key="broken_links",
        model="library.resource",
        label=lambda n: (
            ngettext(
                "%(count)d resource with a broken link", "%(count)d resources with a broken link", n
            )
            % {"count": n}
        ),
        count=lambda: Resource.objects.broken_links().aggregate(count=Count("pk")),
        query=lambda: {"link": "broken"},
        order=40,
    )
)
attention_register(
    Attention(
        key="failing_sources",
        model="library.source",
        label=lambda n: (
            ngettext(
                "%(count)d source failed at its last harvest",
                "%(count)d sources failed at their last harvest",
                n,
            )
            % {"count": n}
        ),
        count=lambda: Source.objects.failing().aggregate(count=Count("pk")),
        query=lambda: {"active__exact": "1", "last_status__exact": Source.Status.FAILED},
        order=45,
    )
)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to each person who suggested one of them"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
    )


class ClassifyForm(forms.Form):
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Comma-separated."), max_length=500
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class LinkFilter(admin.SimpleListFilter):
    title = _("link")
    parameter_name = "link"

    def lookups(self, request, model_admin):
        return [
            ("broken", _("Broken")),
            ("ok", _("Working")),
            ("unchecked", _("Not checked")),
            ("none", _("No link yet")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "broken":
            return queryset.broken_links()
        if self.value() == "ok":
            return queryset.filter(link_status__gte=200, link_status__lt=400)
        if self.value() == "unchecked":
            return queryset.exclude(url="").filter(link_checked_at__isnull=True)
        if self.value() == "none":
            return queryset.filter(url="", file="")
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return LANGUAGES

    def queryset(self, request, queryset):
        return queryset.filter(languages__contains=[self.value()]) if self.value() else queryset


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return regional_country_choices()

    def queryset(self, request, queryset):
        return queryset.filter(countries__contains=[self.value()]) if self.value() else queryset


def _publish(request, resource, data):
    services.resource_publish(resource=resource, by=request.user)
    return _("“%(title)s” is published.") % {"title": resource.title}


def _decline(request, resource, data):
    services.resource_reject(resource=resource, reason=data["reason"], by=request.user)
    return _("“%(title)s” was declined; the reason was sent.") % {"title": resource.title}


class DeclineForm(RejectForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("Reason, sent to the person who suggested it")


@admin.register(Resource)
class ResourceAdmin(ObjectActionsMixin, admin.ModelAdmin):
    object_actions = [
        ObjectAction(
            "publish",
            _("Publish"),
            _publish,
            lambda r: r.status in (Resource.Status.IN_REVIEW, Resource.Status.DRAFT),
            explanation=_(
                "Everyone it is visible to will find it in the library; the member "
                "who suggested it is told by email."
            ),
            primary=True,
        ),
        ObjectAction(
            "decline",
            _("Decline"),
            _decline,
            lambda r: r.status == Resource.Status.IN_REVIEW,
            DeclineForm,
            _(
                "The suggestion is marked as not accepted; the member who suggested it receives "
                "your reason by email."
            ),
        ),
    ]
    list_display = [
        "title",
        "type",
        "status",
        "source",
        "visibility",
        "featured",
        "scope",
        "year",
        "added_by",
        "link_state",
        "published_at",
    ]
    list_filter = [
        "status",
        LinkFilter,
        "type",
        "visibility",
        "featured",
        "scope",
        LanguageFilter,
        CountryFilter,
        "topics",
        "year",
        "source",
        "created_at",
    ]
    list_select_related = ["added_by", "source"]
    search_fields = ["title", "slug", "summary", "publisher", "url", "added_by__email"]
    autocomplete_fields = ["topics", "added_by"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "created_at"
    readonly_fields = [
        "possible_duplicates",
        "link_status",
        "link_error",
        "link_checked_at",
        "link_check_note",
        "source",
        "source_key",
        "source_changed_at",
        "created_at",
        "updated_at",
    ]
    actions = [
        "publish",
        "reject",
        "archive",
        "feature",
        "unfeature",
        "add_classification",
        "remove_classification",
        "check_links",
        "export_csv",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "possible_duplicates",
                    "type",
                    "summary",
                    "body",
                    "url",
                    "file",
                ]
            },
        ),
        (
            _("Description"),
            {"fields": ["publisher", "year", "languages", "scope", "countries", "commitments"]},
        ),
        (_("Classification"), {"fields": ["topics", "tags"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "visibility",
                    "featured",
                    "review_note",
                    "added_by",
                    "published_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
        (
            _("Link check"),
            {"fields": ["link_status", "link_error", "link_checked_at", "link_check_note"]},
        ),
        (_("Harvested"), {"fields": ["source", "source_key", "source_changed_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        # Where it was harvested from, for harvested resources only.
        if obj is None or obj.source_id is None:
            return fieldsets[:-1]
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "countries":
            kwargs["widget"] = forms.SelectMultiple(attrs={"size": 10})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("added_by", "source")

    def save_model(self, request, obj, form, change):
        publishing = "status" in form.changed_data and obj.status == Resource.Status.PUBLISHED
        if publishing and change:
            # Publish through the service so the member who suggested it hears about it.
            obj.status = form.initial["status"]
            super().save_model(request, obj, form, change)
            services.resource_publish(resource=obj, by=request.user)
            return
        if obj.status == Resource.Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        if obj.added_by is None:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected resources"))
    def publish(self, request, queryset):
        # Counted as they are done: the queryset, often filtered by status, is empty after.
        resources = list(
            queryset.exclude(status=Resource.Status.PUBLISHED).select_related("added_by")
        )
        for resource in resources:
            services.resource_publish(resource=resource, by=request.user)
        self.message_user(
            request,
            ngettext("%d resource published.", "%d resources published.", len(resources))
            % len(resources),
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline the selected suggestions, with a reason"))
    def reject(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            resources = list(queryset.select_related("added_by"))
            for resource in resources:
                services.resource_reject(
                    resource=resource, reason=form.cleaned_data["reason"], by=request.user
                )
            self.message_user(
                request,
                ngettext("%d suggestion declined.", "%d suggestions declined.", len(resources))
                % len(resources),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Decline suggestions"),
            "opts": self.model._meta,
            "resources": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/library/resource/reject.html", context)

    @admin.action(description=_("Archive the selected resources"))
    def archive(self, request, queryset):
        count = services.resources_archive(resources=queryset)
        self.message_user(request, _("%(count)d archived.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Feature the selected resources"))
    def feature(self, request, queryset):
        count = services.resources_feature(resources=queryset, featured=True)
        self.message_user(request, _("%(count)d featured.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Stop featuring the selected resources"))
    def unfeature(self, request, queryset):
        count = services.resources_feature(resources=queryset, featured=False)
        self.message_user(
            request, _("%(count)d no longer featured.") % {"count": count}, messages.SUCCESS
        )

    @admin.display(description=_("link"))
    def link_state(self, obj):
        if obj.has_no_link:
            return _("no link yet")
        if not obj.url or obj.link_checked_at is None:
            return "–"
        return _("broken (%(status)s)") % {"status": obj.link_status} if obj.link_broken else "✓"

    @admin.display(description=_("later checks"))
    def link_check_note(self, obj):
        since = obj.link_checked_at
        outages = LinkCheck.objects.filter(network_down=True)
        last = (outages.filter(checked_at__gt=since) if since else outages).latest_first().first()
        if last is None:
            return "–"
        return _(
            "The network seemed down at the check of %(date)s: this link's result was kept."
        ) % {"date": formats.date_format(timezone.localtime(last.checked_at), "DATETIME_FORMAT")}

    @admin.display(description=_("possible duplicates"))
    def possible_duplicates(self, obj):
        if obj.pk is None:
            return "–"
        others = Resource.objects.duplicates_of(title=obj.title, url=obj.url).exclude(pk=obj.pk)
        rows = [
            (reverse("admin:library_resource_change", args=[other.pk]), other.title)
            for other in others[:10]
        ]
        if not rows:
            return _("None found")
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', rows)
        )

    def _classify(self, request, queryset, *, action, add):
        form = ClassifyForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            tags = [name.strip() for name in form.cleaned_data["tags"].split(",") if name.strip()]
            count = services.resources_classify(
                resources=queryset, tags=tags, topics=form.cleaned_data["topics"], add=add
            )
            self.message_user(request, _("%(count)d updated.") % {"count": count}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Add tags and topics") if add else _("Remove tags and topics"),
            "opts": self.model._meta,
            "resources": queryset,
            "form": form,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/library/resource/classify.html", context)

    @admin.action(description=_("Add tags or topics to the selected resources"))
    def add_classification(self, request, queryset):
        return self._classify(request, queryset, action="add_classification", add=True)

    @admin.action(description=_("Remove tags or topics from the selected resources"))
    def remove_classification(self, request, queryset):
        return self._classify(request, queryset, action="remove_classification", add=False)

    @admin.action(description=_("Check the links of the selected resources now"))
    def check_links(self, request, queryset):
        counts = services.resources_check_links(resources=queryset)
        if counts["network_down"]:
            self.message_user(request, network_down_message(counts), messages.ERROR)
            return
        self.message_user(
            request,
            _("%(checked)d links checked, %(broken)d broken.") % counts,
            messages.WARNING if counts["broken"] else messages.SUCCESS,
        )

    def changelist_view(self, request, extra_context=None):
        last = LinkCheck.objects.latest_first().first()
        extra_context = {**(extra_context or {}), "last_link_check": last}
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Export the selected resources as CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="library-resources.csv"'
        services.resources_export(resources=queryset, out=response)
        audit_export(request=request, queryset=queryset)
        return response

    def get_urls(self):
        urls = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="library_resource_import",
            )
        ]
        return urls + super().get_urls()

    def import_view(self, request):
        """Upload a spreadsheet, see what each row would become, then import the valid ones."""
        if not self.has_add_permission(request):
            return redirect("admin:library_resource_changelist")
        report, table = None, None
        upload = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and "confirm" in request.POST:
            try:
                table = Table(**signing.loads(request.POST.get("table", ""), salt=IMPORT_SALT))
            except signing.BadSignature:
                return redirect("admin:library_resource_import")
            publish = bool(request.POST.get("publish"))
            report = services.resources_import(
                table=table, user=request.user, commit=True, publish=publish
            )
            imported = sum(1 for row in report.rows if row.resource)
            message = (
                ngettext("%d resource imported and published.",
                         "%d resources imported and published.", imported)
                if publish
                else ngettext("%d resource imported as a draft.",
                              "%d resources imported as drafts.", imported)
            )  # fmt: skip
            self.message_user(request, message % imported, messages.SUCCESS)
            return redirect("admin:library_resource_changelist")
        if request.method == "POST" and upload.is_valid():
            table = upload.cleaned_data["file"]
            report = services.resources_import(table=table, user=request.user, commit=False)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import resources"),
            "opts": self.model._meta,
            "form": upload,
            "report": report,
            "signed_table": signing.dumps(vars(table), salt=IMPORT_SALT, compress=True)
            if table
            else "",
        }
        return TemplateResponse(request, "admin/library/resource/import.html", context)


IMPORT_SALT = "library.import"


def network_down_message(counts) -> str:
    """Return what to tell a coordinator when a link check found the network down."""
    return (
        _(
            "The network seemed down: %(broken)d of %(checked)d links could not be reached "
            "(%(failure)s). Results kept: every link keeps its previous result."
        )
        % counts
    )


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    list_display = ["checked_at", "checked", "broken", "network_down", "failure"]
    list_filter = ["network_down", "checked_at"]
    search_fields = ["failure"]
    date_hierarchy = "checked_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    autocomplete_fields = ["resource"]
    fields = ["position", "resource", "note"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resource")


@admin.register(Collection)
class CollectionAdmin(TranslatedFieldsAdmin):
    list_display = ["title", "is_published", "ordering", "item_count", "updated_at"]
    list_editable = ["is_published", "ordering"]
    list_filter = ["is_published", "updated_at"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CollectionItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("items"))

    @admin.display(description=_("resources"), ordering="item_total")
    def item_count(self, obj):
        return obj.item_total


# "Harvest now" runs in the request for this many feeds at most, each request given
# HARVEST_NOW_TIMEOUT seconds, well within the app server's timeout; more sources, and
# other portals (whose pages may be many), go to the task queue.
HARVEST_AT_ONCE = 2
HARVEST_NOW_TIMEOUT = 8


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "address",
        "active",
        "last_harvested_at",
        "last_result",
        "last_counts",
        "harvested",
    ]
    list_filter = ["kind", "active", "last_status"]
    search_fields = ["name", "address"]
    autocomplete_fields = ["topics"]
    actions = ["harvest_now"]
    # What the harvester writes: shown, never edited.
    readonly_fields = [
        "last_harvested_at",
        "last_success_at",
        "last_status",
        "last_error",
        "found_count",
        "new_count",
        "updated_count",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "kind", "address", "active"]}),
        (
            _("Feed items"),
            {
                "fields": ["resource_type", "topics", "languages"],
                "description": _(
                    "Applied to a feed’s items; another portal’s resources bring their own."
                ),
            },
        ),
        (_("Last harvest"), {"fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(harvested_total=Count("resources"))

    @admin.display(description=_("resources harvested"), ordering="harvested_total")
    def harvested(self, obj):
        url = reverse("admin:library_resource_changelist")
        return format_html(
            '<a href="{}?source__id__exact={}">{}</a>', url, obj.pk, obj.harvested_total
        )

    def get_fieldsets(self, request, obj=None):
        # A new source has no harvest to show yet.
        fieldsets = super().get_fieldsets(request, obj)
        return fieldsets if obj is not None else fieldsets[:2]

    @admin.display(description=_("items found, new, updated"))
    def last_counts(self, obj):
        if obj.last_harvested_at is None:
            return "–"
        return f"{obj.found_count} / {obj.new_count} / {obj.updated_count}"

    @admin.display(description=_("last result"), ordering="last_status")
    def last_result(self, obj):
        if obj.last_status == Source.Status.FAILED:
            return format_html(
                "<strong>{}</strong><br>{}",
                obj.get_last_status_display(),
                obj.last_error[:300],
            )
        return obj.get_last_status_display() or "–"

    @admin.action(description=_("Harvest the selected sources now"))
    def harvest_now(self, request, queryset):
        sources = list(queryset.order_by("pk"))
        portals = any(source.kind == Source.Kind.PORTAL for source in sources)
        if len(sources) > HARVEST_AT_ONCE or portals:
            harvest_sources.enqueue([source.pk for source in sources])
            self.message_user(
                request,
                ngettext(
                    "%d source will be harvested in the background; see its last result here "
                    "in a few minutes.",
                    "%d sources will be harvested in the background; see their last results "
                    "here in a few minutes.",
                    len(sources),
                )
                % len(sources),
                messages.INFO,
            )
            return
        for result in sources_harvest(sources=sources, timeout=HARVEST_NOW_TIMEOUT):
            if result.busy:
                self.message_user(
                    request,
                    _("%(name)s is being harvested by another run; see its result here soon.")
                    % {"name": result.source.name},
                    messages.INFO,
                )
            elif result.ok:
                self.message_user(
                    request,
                    _("%(name)s: %(found)d found, %(new)d new, %(updated)d updated.")
                    % {
                        "name": result.source.name,
                        "found": result.found,
                        "new": result.new,
                        "updated": result.updated,
                    },
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    _("%(name)s failed: %(error)s")
                    % {"name": result.source.name, "error": result.error},
                    messages.ERROR,
                )
