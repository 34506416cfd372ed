"""People and organisations in the site search, as the member directory shows them: people
who chose to be listed to the reader (members-only profiles to members), organisations to
everyone."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, User
from racop.access import sees_members_content
from racop.search import CAP, Found, Hit, Provider


def _full_search(request, words, group, directory_type=""):
    """The directory for members (its own search by name), this search's group otherwise."""
    if sees_members_content(request.user):
        params = {"q": words[:100], **({"type": directory_type} if directory_type else {})}
        return reverse("members:directory") + "?" + urlencode(params)
    return reverse("search") + "?" + urlencode({"q": words, "in": group})


def search_people(words, request, limit):
    """Return the people listed to the reader whose names hold the words."""
    people = list(
        User.objects.listed_for(request.user)
        .named(words)
        .order_by()
        .only("pk", "slug", "first_name", "last_name", "country")[: CAP + 1]
    )
    # Sorted here: ordered in SQL, PostgreSQL would walk the whole directory in name order
    # testing every name, instead of asking the index of names for the words.
    people.sort(key=lambda person: (person.last_name, person.first_name, person.pk))
    hits = [
        Hit(
            title=person.get_full_name() or str(person),
            url=person.get_absolute_url(),
            facts=[person.country.name] if person.country else [],
        )
        for person in people[:limit]
    ]
    return Found(len(people), hits, _full_search(request, words, "people", "people"))


def search_organisations(words, request, limit):
    """Return the organisations whose names hold the words."""
    organisations = list(
        Organisation.objects.named(words)
        .order_by()
        .only("pk", "slug", "name", "kind", "country")[: CAP + 1]
    )
    organisations.sort(key=lambda organisation: (organisation.name, organisation.pk))
    hits = [
        Hit(
            title=organisation.name,
            url=organisation.get_absolute_url(),
            kind=organisation.get_kind_display(),
            facts=[organisation.country.name] if organisation.country else [],
        )
        for organisation in organisations[:limit]
    ]
    return Found(len(organisations), hits, _full_search(request, words, "organisations"))


people_provider = Provider(name="people", label=_("People"), search=search_people, order=50)
organisations_provider = Provider(
    name="organisations",
    label=_("Organisations"),
    search=search_organisations,
    order=60,
)
