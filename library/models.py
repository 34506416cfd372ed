import functools
import re
import uuid
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.validators import URLValidator
from django.db import connection, models
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from racop.access import is_coordinator, sees_members_content
from racop.models import Topic
from racop.slugs import slug_from

# ISO 639 codes of the languages resources are written in.
LANGUAGES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("sr", _("Serbian")),
    ("tr", _("Turkish")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]

# The 12 commitments of the Global Standard for CSO Accountability, by number. A hook until
# the pledges app's Commitment model lands; then this becomes a many-to-many to it.
COMMITMENTS = [
    (1, _("Justice and equality")),
    (2, _("Women's rights and gender equality")),
    (3, _("Healthy planet")),
    (4, _("Lasting positive change")),
    (5, _("People-driven work")),
    (6, _("Strong partnerships")),
    (7, _("Advocating for fundamental change")),
    (8, _("Open organisations")),
    (9, _("Empowered and effective staff and volunteers")),
    (10, _("Well-handled resources")),
    (11, _("Responsive decision-making")),
    (12, _("Responsible leadership")),
]


def country_choices():
    return list(countries)


class ChoiceArrayField(ArrayField):
    """An array of choices, edited as a list of checkboxes instead of comma-separated text."""

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.base_field.choices,
            "coerce": self.base_field.to_python,
            "widget": forms.CheckboxSelectMultiple,
            **kwargs,
        }
        return super(ArrayField, self).formfield(**defaults)


# Python's copy of the database's library_fold() (migration 0001), for highlighting.
FOLD = str.maketrans(
    "абвгдђежзијклмнопрстћуфхцчшѐѝàáâãäåāăąçćčďđðèéêëēėęěğìíîïīįıľĺłñńňòóôõöøōőŕřśşșšťţțùúûüūůűųýÿźżž",
    "abvgddezzijklmnoprstcufhccseiaaaaaaaaacccdddeeeeeeeegiiiiiiilllnnnoooooooorrsssstttuuuuuuuuyyzzz",
)
PAIRS = {
    "љ": "lj", "њ": "nj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    "ß": "ss", "æ": "ae", "œ": "oe",
}  # fmt: skip


def fold(text: str) -> str:
    text = text.lower()
    for letter, latin in PAIRS.items():
        text = text.replace(letter, latin)
    return text.translate(FOLD)


class Fold(Func):
    """Lower-case, strip accents and transliterate Cyrillic (see migration 0001)."""

    function = "library_fold"
    output_field = models.TextField()


class TitleKey(Func):
    """A title folded and stripped of everything but letters and digits, for duplicates."""

    template = "regexp_replace(library_fold(%(expressions)s), '[^a-z0-9]+', '', 'g')"
    output_field = models.TextField()


def title_key(title):
    """Return Python's version of TitleKey for a title."""
    return re.sub(r"[^a-z0-9]+", "", fold(title or ""))


def weighted(field, weight):
    """Return a tsvector expression for one field at one weight: its words folded, and their
    stems in the resource's languages (library_vector(), migration 0009)."""
    return Func(
        Func(
            F("languages"),
            Coalesce(F(field), Value(""), output_field=models.TextField()),
            function="library_vector",
            output_field=SearchVectorField(),
        ),
        Value(weight),
        function="setweight",
        output_field=SearchVectorField(),
    )


def concatenated(*vectors):
    """Return the tsvectors joined into one."""
    return Func(
        *vectors, template="(%(expressions)s)", arg_joiner=" || ", output_field=SearchVectorField()
    )


class StoredGeneratedField(models.GeneratedField):
    """A stored generated column, checked without connecting to the database.

    Django 6.1's GeneratedField check asks every configured database for its version, so
    `manage.py check --deploy` would need a running server; PostgreSQL has supported stored
    generated columns since version 12, so there is nothing to ask.
    """

    def _check_supported(self, databases):
        return []


def resource_upload_to(instance, filename):
    """Store each upload under a random folder with a safe, readable name."""
    path = PurePath(filename)
    stem = slug_from(path.stem, max_length=80, fallback="file")
    suffix = slug_from(path.suffix.lstrip("."), max_length=10)
    name = f"{stem}.{suffix}" if suffix else stem
    return f"library/{uuid.uuid4().hex}/{name}"


# Python's copy of library_search_fold() (migration 0009): "dj" is how people type "đ".
def search_fold(text: str) -> str:
    return fold(text).replace("dj", "d")


def query_terms(text: str, *, stems_only: bool = False, as_written: bool = False) -> str:
    """Return the tsquery (as text) of a web-search query (quotes, or, -word, word*) whose
    words match their folded and stemmed forms in the region's languages. With stems_only,
    what the index is asked: a word by its stems alone where every language stems it (a
    resource holding the word holds its stems; fewer lists to read). With as_written, the
    words folded only, without their stems (what ranks a match: rank_query())."""
    terms = _query_terms(text)
    return terms[2] if as_written else terms[stems_only]


PREFIX = re.compile(r"""([^\s"()*]{3,})\*""")


@functools.lru_cache(maxsize=4096)
def _query_terms(text):
    """Written by the database (library_query(), migration 0009), once per query in a
    process: it stems every word in every language, which would cost a millisecond a word in
    each statement of a search that uses it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT library_query(%s)::text, library_query(%s, true)::text,"
            " websearch_to_tsquery('simple', library_search_fold(%s))::text",
            [text] * 3,
        )
        stemmed, stems_only, written = cursor.fetchone()
    # A word ending in * ranks what it begins, as it matches (library_query()).
    for prefix in {search_fold(word) for word in PREFIX.findall(text)}:
        written = written.replace(f"'{prefix}'", f"'{prefix}':*")
    return stemmed, stems_only, written


class RankQuery(SearchQuery):
    """The words of a web-search query as written (folded), without their stems: what ranks
    the matches. A resource holding the very words ranks first; one that matched by another
    form of them only ranks after it, newest first. Ranking by the stemmed query, whose
    words have an alternative in each of nine languages, cost several times more (ts_rank
    reads every alternative in every candidate's vector: docs/performance.md)."""

    template = "%(expressions)s::tsquery"

    def __init__(self, text):
        super().__init__(Value(query_terms(text, as_written=True)))


def rank_query(text):
    """Return what ranks the matches of a web-search query (RankQuery)."""
    return RankQuery(text)


class LibraryQuery(SearchQuery):
    """A web-search query whose words match their folded and stemmed forms (query_terms)."""

    template = "%(expressions)s::tsquery"

    def __init__(self, text):
        super().__init__(Value(query_terms(text)))


def folded_query(text):
    """Return a web-search query folded and stemmed like the search vector."""
    return LibraryQuery(text)


class HasWords(Func):
    """True where a search vector holds every word a web-search query asks for.

    What the search index answers without reading the rows: phrases are loosened to "all
    these words, in any order" and words to leave out are dropped (PostgreSQL's
    querytree()); a query of only words to leave out ("-donors") keeps every row. The exact
    query is then checked on the few candidates only. Lexemes are quoted in a tsquery's
    text and hold no "<", so only the phrase operators (<->, <N>) are replaced. Everything
    but the vector is a constant, so the planner folds it and estimates with the real words.
    """

    output_field = models.BooleanField()

    def __init__(self, vector, text):
        super().__init__(F(vector), Value(query_terms(text, stems_only=True)))

    def as_sql(self, compiler, connection, **extra):
        vector, vector_params = compiler.compile(self.source_expressions[0])
        text, text_params = compiler.compile(self.source_expressions[1])
        tree = f"querytree({text}::tsquery)"
        sql = (
            f"({tree} = 'T' OR {vector} @@"
            f" regexp_replace({tree}, '<(-|[0-9]+)>', '&', 'g')::tsquery)"
        )
        return sql, (*text_params, *vector_params, *text_params)


def has_words(text):
    """Return the condition: the resource holds every word of the query (see HasWords)."""
    return HasWords("search_vector", text)


class ResourceQuerySet(models.QuerySet):
    def published(self):
        """Return published resources."""
        return self.filter(status=Resource.Status.PUBLISHED)

    def visible_to(self, user):
        """Return resources the user may see: members and coordinators see members-only ones."""
        if sees_members_content(user):
            return self
        return self.filter(visibility=Resource.Visibility.PUBLIC)

    def viewable_by(self, user):
        """Return what the user may open: published visible ones, their own; coordinators all."""
        if is_coordinator(user):
            return self
        if not user.is_authenticated:
            return self.published().visible_to(user)
        # Plain conditions (not "pk in a sub-select"), so a look-up by slug stays on its index.
        visible = Q(status=Resource.Status.PUBLISHED)
        if not sees_members_content(user):
            visible &= Q(visibility=Resource.Visibility.PUBLIC)
        return self.filter(visible | Q(added_by=user))

    def developments(self):
        """Return news on regional and global developments."""
        return self.filter(
            type=Resource.Type.NEWS, scope__in=[Resource.Scope.REGIONAL, Resource.Scope.GLOBAL]
        )

    def for_list(self):
        """Return resources with their topics and tags (feeds), newest first."""
        return self.for_cards().prefetch_related("tags")

    def for_cards(self):
        """Return resources with what cards show (their topics), newest first; the search
        vector (kilobytes a resource) stays in the database."""
        return (
            self.prefetch_related("topics")
            .defer("search_vector")
            .order_by(F("published_at").desc(nulls_last=True), "-created_at")
        )

    def search(self, query):
        """Return resources matching a web-search query, best first."""
        return (
            self.filter(search_vector=folded_query(query))
            .annotate(rank=SearchRank(F("search_vector"), rank_query(query)))
            .order_by("-rank", F("published_at").desc(nulls_last=True))
        )

    def duplicates_of(self, *, title="", url=""):
        """Return resources with the same link or a title that differs only in case,
        accents, script or punctuation."""
        condition = Q(pk__in=[])
        if url:
            condition |= Q(url__iexact=url.strip())
        key = title_key(title)
        if key:
            condition |= Q(title_key=key)
        return self.annotate(title_key=TitleKey("title")).filter(condition)

    def broken_links(self):
        """Return resources whose link failed its last check."""
        return self.filter(link_status__isnull=False).exclude(
            link_status__gte=200, link_status__lt=400
        )

    def related_to(self, resource):
        """Return other resources sharing topics or tags with this one, closest first.

        Only the newest RELATED_CANDIDATES resources of each shared topic and tag are
        weighed, so the cost stays the same however large a topic grows.
        """
        topic_ids = [topic.pk for topic in resource.topics.all()]
        tag_ids = [tag.pk for tag in resource.tags.all()]
        if not topic_ids and not tag_ids:
            return self.none()
        candidates = RawSQL(
            "SELECT x.id FROM unnest(%s::bigint[]) AS t(topic_id), LATERAL (SELECT"
            " rt.resource_id AS id FROM library_resource_topics rt WHERE rt.topic_id ="
            " t.topic_id ORDER BY rt.resource_id DESC LIMIT %s) AS x UNION SELECT y.id FROM"
            " unnest(%s::bigint[]) AS g(tag_id), LATERAL (SELECT ti.object_id AS id FROM"
            " taggit_taggeditem ti JOIN django_content_type ct ON ct.id = ti.content_type_id"
            " AND ct.app_label = 'library' AND ct.model = 'resource' WHERE ti.tag_id ="
            " g.tag_id ORDER BY ti.object_id DESC LIMIT %s) AS y",
            [topic_ids, RELATED_CANDIDATES, tag_ids, RELATED_CANDIDATES],
        )
        shared_topics = (
            Resource.topics.through.objects.filter(
                resource_id=OuterRef("pk"), topic_id__in=topic_ids
            )
            .order_by()
            .values("resource_id")
            .annotate(n=Count("*"))
            .values("n")
        )
        shared_tags = (
            TaggedItem.objects.filter(
                object_id=OuterRef("pk"),
                content_type__app_label="library",
                content_type__model="resource",
                tag_id__in=tag_ids,
            )
            .order_by()
            .values("object_id")
            .annotate(n=Count("*"))
            .values("n")
        )
        shared = Coalesce(Subquery(shared_topics), 0) + Coalesce(Subquery(shared_tags), 0)
        return (
            self.filter(pk__in=candidates)
            .exclude(pk=resource.pk)
            .annotate(shared=shared)
            .order_by("-shared", F("published_at").desc(nulls_last=True))
        )


RELATED_CANDIDATES = 50


class Resource(models.Model):
    """A link, an uploaded file, or both, curated for the community's library."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "library"

    class Type(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TOOLKIT = "toolkit", _("Toolkit")
        CASE_STUDY = "case_study", _("Case study")
        RESEARCH = "research", _("Research or report")
        POLICY = "policy", _("Policy")
        TEMPLATE = "template", _("Template")
        MEDIA = "media", _("Video or podcast")
        NEWS = "news", _("News")

    class Scope(models.TextChoices):
        REGIONAL = "regional", _("Regional")
        GLOBAL = "global", _("Global")
        COUNTRIES = "countries", _("Countries")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not accepted")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(
        _("summary"), max_length=1000, blank=True, help_text=_("One or two plain sentences.")
    )
    body = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    type = models.CharField(_("type"), max_length=20, choices=Type, default=Type.GUIDE)
    languages = ChoiceArrayField(
        models.CharField(max_length=3, choices=LANGUAGES),
        verbose_name=_("languages"),
        default=list,
        blank=True,
        help_text=_("The languages the resource itself is written in."),
    )
    scope = models.CharField(
        _("geographic scope"), max_length=20, choices=Scope, default=Scope.REGIONAL
    )
    countries = ChoiceArrayField(
        models.CharField(max_length=2, choices=country_choices),
        verbose_name=_("countries"),
        default=list,
        blank=True,
    )
    publisher = models.CharField(_("publisher or author"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    tags = TaggableManager(
        _("tags"), blank=True, help_text=_("Comma-separated, for example: feedback, annual report.")
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="resources", blank=True
    )
    commitments = ChoiceArrayField(
        models.PositiveSmallIntegerField(choices=COMMITMENTS),
        verbose_name=_("Global Standard commitments"),
        default=list,
        blank=True,
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=resource_upload_to, max_length=300, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility, default=Visibility.PUBLIC
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    featured = models.BooleanField(_("featured"), default=False)
    review_note = models.TextField(
        _("note to the suggester"),
        blank=True,
        help_text=_("Why a suggestion was not accepted; sent to the person who suggested it."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        verbose_name=_("added by"),
        related_name="library_resources",
        null=True,
        blank=True,
    )
    source = models.ForeignKey(
        "Source",
        models.SET_NULL,
        verbose_name=_("harvested from"),
        related_name="resources",
        null=True,
        blank=True,
        editable=False,
    )
    source_key = models.CharField(
        _("identifier at the source"), max_length=500, blank=True, editable=False
    )
    # A digest of what the source said last (title, summary, date, address): a change there
    # is told from a coordinator's edit here.
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    source_changed_at = models.DateTimeField(
        _("changed at the source"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The source changed this item after it left the curation queue; the change was "
            "not applied here."
        ),
    )
    keywords = models.TextField(
        _("search keywords"),
        blank=True,
        editable=False,
        help_text=_("Tag and topic names, kept in step for search."),
    )
    search_vector = StoredGeneratedField(
        expression=concatenated(
            weighted("title", "A"),
            weighted("summary", "B"),
            weighted("body", "C"),
            weighted("keywords", "C"),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    link_status = models.PositiveSmallIntegerField(
        _("link status"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The HTTP status of the last link check; 0 when the site did not answer."),
    )
    link_error = models.CharField(_("link problem"), max_length=200, blank=True, editable=False)
    link_checked_at = models.DateTimeField(_("link checked"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            GinIndex(fields=["search_vector"], name="resource_search_gin"),
            GinIndex(fields=["languages"], name="resource_languages_gin"),
            GinIndex(fields=["countries"], name="resource_countries_gin"),
            GinIndex(fields=["commitments"], name="resource_commitments_gin"),
            # Listings in the orders they are shown in, over published resources only.
            models.Index(
                F("published_at").desc(nulls_last=True),
                F("created_at").desc(),
                name="resource_newest_idx",
                condition=Q(status="published"),
            ),
            models.Index(
                F("featured").desc(),
                F("published_at").desc(nulls_last=True),
                name="resource_featured_idx",
                condition=Q(status="published"),
            ),
            models.Index(fields=["title"], name="resource_title_idx"),
            # Duplicate detection looks resources up by link and by folded title.
            models.Index(Upper("url"), name="resource_url_upper_idx"),
            models.Index(TitleKey("title"), name="resource_title_key_idx"),
            models.Index(fields=["type", "status"], name="resource_type_idx"),
            models.Index(fields=["year"], name="resource_year_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2100),
                name="resource_year_plausible",
            ),
            models.UniqueConstraint(
                fields=["source", "source_key"], name="resource_source_key_unique"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:resource_detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("library:resource_download", kwargs={"slug": self.slug})

    @property
    def text_language(self):
        """Return the language of its title and summary: English when the resource has an
        English version (the library describes those in English), else its first language."""
        if not self.languages or "en" in self.languages:
            return "en"
        return self.languages[0]

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC

    @property
    def file_name(self):
        return PurePath(self.file.name).name if self.file else ""

    def get_languages_display(self):
        names = dict(LANGUAGES)
        return [names.get(code, code) for code in self.languages]

    def get_countries_display(self):
        return [countries.name(code) for code in self.countries]

    def get_commitments_display(self):
        names = dict(COMMITMENTS)
        return [names[number] for number in self.commitments if number in names]

    def refresh_keywords(self):
        """Copy tag and topic names into the searchable keywords."""
        names = [tag.name for tag in self.tags.all()] + [t.name for t in self.topics.all()]
        self.keywords = " ".join(names)
        Resource.objects.filter(pk=self.pk).update(keywords=self.keywords)

    @property
    def has_no_link(self):
        """True for a resource with neither a link nor a file yet (a printed report, a
        reference imported from a spreadsheet)."""
        return not self.url and not self.file

    @property
    def link_broken(self):
        return self.link_status is not None and not 200 <= self.link_status < 400

    def publish(self):
        """Make the resource public in the library (from any state)."""
        self.status = self.Status.PUBLISHED
        self.review_note = ""
        self.published_at = self.published_at or timezone.now()
        self.save(update_fields=["status", "review_note", "published_at", "updated_at"])


class CollectionQuerySet(models.QuerySet):
    def published(self):
        """Return collections shown on the site."""
        return self.filter(is_published=True)


class Collection(models.Model):
    """An ordered reading list coordinators curate, such as a first path through a topic."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "library"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    body = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    is_published = models.BooleanField(_("published"), default=False)
    ordering = models.PositiveIntegerField(_("ordering"), default=100)
    resources = models.ManyToManyField(
        Resource,
        through="CollectionItem",
        verbose_name=_("resources"),
        related_name="collections",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "title"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:collection_detail", kwargs={"slug": self.slug})


class CollectionItem(models.Model):
    """A resource's place in a collection, with the curator's note on why to read it."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "library"

    collection = models.ForeignKey(
        Collection, models.CASCADE, related_name="items", verbose_name=_("collection")
    )
    resource = models.ForeignKey(
        Resource, models.CASCADE, related_name="collection_items", verbose_name=_("resource")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.TextField(_("note"), blank=True, max_length=1000)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="collection_item_unique"
            )
        ]

    def __str__(self):
        return f"{self.collection} – {self.resource}"


class FacetCount(models.Model):
    """How many published resources of a visibility have a facet's value.

    Kept by the database's own triggers in the transaction of every change to resources,
    their topics and their tags (library/migrations/0007_facet_counts.py), whatever made
    it: the whole library's facet counts, total and pager are read from here, exact, and
    never counted over every resource. ``value`` is a topic's or a tag's id for those.
    """

    visibility = models.CharField(max_length=20)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        constraints = [
            models.UniqueConstraint(
                fields=["visibility", "facet", "value"], name="facetcount_unique"
            )
        ]

    def __str__(self):
        return f"{self.visibility} {self.facet}={self.value}: {self.count}"


class Word(models.Model):
    """A folded word of published resources' titles or of tags, and how many hold it.

    Kept by database triggers like FacetCount (library/migrations/0008_words.py): the
    vocabulary that "did you mean" suggests from is read, not split out of every title.
    """

    word = models.CharField(max_length=200, unique=True)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("word")
        verbose_name_plural = _("words")

    def __str__(self):
        return self.word


class LinkCheckQuerySet(models.QuerySet):
    def latest_first(self):
        """Return link checks, the most recent first."""
        return self.order_by("-checked_at", "-pk")


class LinkCheck(models.Model):
    """One run of the link checker: what it found, and whether the network seemed down.

    When most links fail the same way (a DNS failure, no route, a timeout) the fault is
    most likely the server's own connection: that run keeps the previous results of every
    link and says so here, instead of listing the whole library as broken.
    """

    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    checked = models.PositiveIntegerField(_("links checked"), default=0)
    broken = models.PositiveIntegerField(_("broken"), default=0)
    network_down = models.BooleanField(
        _("network seemed down"),
        default=False,
        help_text=_("Most links failed the same way; the previous results were kept."),
    )
    failure = models.CharField(_("most common failure"), max_length=200, blank=True)

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-checked_at"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return f"{self.checked_at:%Y-%m-%d %H:%M}: {self.broken}/{self.checked}"


def http_url_validator(value):
    """Accept only web addresses (http and https)."""
    URLValidator(schemes=["http", "https"])(value)


class SourceQuerySet(models.QuerySet):
    def active(self):
        """Return the sources harvested by `manage.py harvest`."""
        return self.filter(active=True)

    def failing(self):
        """Return active sources whose last harvest failed."""
        return self.active().filter(last_status=Source.Status.FAILED)


class Source(models.Model):
    """Another portal's API or a partner's news feed, harvested into the curation queue."""

    class Kind(models.TextChoices):
        PORTAL = "portal", _("Another portal’s API")
        FEED = "feed", _("RSS or Atom feed")

    class Status(models.TextChoices):
        OK = "ok", _("OK")
        FAILED = "failed", _("Failed")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.FEED)
    address = models.URLField(
        _("address"),
        max_length=500,
        validators=[http_url_validator],
        help_text=_(
            "A feed’s address, or another portal’s address (its API is at /api/v1/resources/)."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    resource_type = models.CharField(
        _("type of feed items"), max_length=20, choices=Resource.Type, default=Resource.Type.NEWS
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics of feed items"),
        related_name="library_sources",
        blank=True,
    )
    languages = ChoiceArrayField(
        models.CharField(max_length=3, choices=LANGUAGES),
        verbose_name=_("languages of feed items"),
        default=list,
        blank=True,
    )
    last_harvested_at = models.DateTimeField(_("last harvested"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last harvested without error"), null=True, blank=True)
    last_status = models.CharField(_("last result"), max_length=10, choices=Status, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    found_count = models.PositiveIntegerField(_("items found"), default=0)
    new_count = models.PositiveIntegerField(_("new items"), default=0)
    updated_count = models.PositiveIntegerField(_("updated items"), default=0)
    # What the feed's server said last, asked back so an unchanged feed is not sent again.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    modified = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name
