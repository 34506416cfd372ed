from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from library.imports import ImportFileError, table_read
from library.models import Resource
from racop.models import Topic
from racop.uploads import validate_image_dimensions

OLE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}
# What the content of a file with each name ending must be; None: plain UTF-8 text.
CONTENT_TYPES = {
    "pdf": {"application/pdf"},
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
    "txt": None,
    "csv": None,
    "md": None,
}


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut in half at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def validate_upload(upload):
    """Accept only configured file types, checked from the content, within the size limit."""
    allowed = [ext for ext in settings.LIBRARY_UPLOAD_EXTENSIONS if ext in CONTENT_TYPES]
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    if extension not in allowed:
        raise ValidationError(
            _("Files ending in “.%(extension)s” are not accepted. Accepted: %(allowed)s."),
            code="file_type",
            params={"extension": extension or "", "allowed": ", ".join(allowed)},
        )
    limit = settings.LIBRARY_UPLOAD_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    expected = CONTENT_TYPES[extension]
    if expected is None:
        matches = _is_text(head)
    else:
        kind = filetype.guess(head)
        matches = kind is not None and kind.mime in expected
    if not matches:
        raise ValidationError(
            _("The file's content is not a .%(extension)s file, whatever its name says."),
            code="file_content",
            params={"extension": extension},
        )
    if expected and all(mime.startswith("image/") for mime in expected):
        validate_image_dimensions(upload)


def regional_country_choices():
    return [(code, countries.name(code)) for code in settings.LIBRARY_COUNTRIES]


class ResourceSuggestForm(forms.ModelForm):
    """What a member fills in to suggest a resource; only a title and a link or file needed."""

    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=_("Comma-separated, for example: feedback, annual report."),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "url",
            "file",
            "type",
            "summary",
            "body",
            "publisher",
            "year",
            "languages",
            "scope",
            "countries",
            "topics",
            "commitments",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "url": _("Where people can read or watch it."),
            "body": _("Why it is useful; Markdown is allowed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_upload)
        self.fields["file"].help_text = _(
            "Optional if you give a link. Accepted: %(types)s; up to %(size)s MB."
        ) % {
            "types": ", ".join(settings.LIBRARY_UPLOAD_EXTENSIONS),
            "size": settings.LIBRARY_UPLOAD_MAX_MB,
        }
        self.fields["countries"].choices = regional_country_choices()
        self.fields["year"].widget.attrs.update({"min": 1900, "max": 2100})

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 1900 <= year <= 2100:
            raise ValidationError(_("Give a year between 1900 and 2100."), code="year")
        return year

    def clean_tags(self):
        names = [name.strip() for name in self.cleaned_data["tags"].split(",")]
        names = [name for name in names if name]
        if any(len(name) > 50 for name in names):
            raise ValidationError(_("Keep each tag under 50 characters."), code="tag_length")
        return names

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("url") and not cleaned.get("file") and not self.has_error("file"):
            self.add_error("url", _("Give a link, upload a file, or both."))
        duplicate = (
            Resource.objects.filter(
                status__in=[Resource.Status.PUBLISHED, Resource.Status.IN_REVIEW]
            )
            .duplicates_of(title=cleaned.get("title", ""), url=cleaned.get("url", ""))
            .first()
        )
        if duplicate:
            field = (
                "url"
                if cleaned.get("url") and duplicate.url.lower() == cleaned["url"].lower()
                else "title"
            )
            self.add_error(
                field,
                _("The library already has this, or something very like it: “%(title)s”.")
                % {"title": duplicate.title},
            )
        if cleaned.get("scope") == Resource.Scope.COUNTRIES and not cleaned.get("countries"):
            self.add_error("countries", _("Choose the countries the resource is about."))
        return cleaned


class ResourceImportForm(forms.ModelForm):
    """One row of an import (its values already read by library.imports), validated like
    any resource; a row without a link imports, as a resource with no link yet."""

    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), required=False)

    class Meta:
        model = Resource
        fields = [
            "title",
            "url",
            "type",
            "summary",
            "body",
            "publisher",
            "year",
            "languages",
            "scope",
            "countries",
            "commitments",
            "topics",
            "visibility",
        ]

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 1900 <= year <= 2100:
            raise ValidationError(_("Give a year between 1900 and 2100."), code="year")
        return year


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            "Excel (.xlsx) or CSV, separated by commas or semicolons, with a row of column "
            "headings in any of the site's languages."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("Import at most 5 MB at a time."), code="file_size")
        try:
            return table_read(upload.read(), name=upload.name)
        except ImportFileError as error:
            raise ValidationError(str(error), code="file_content") from None
