"""Work the library does in the background (the tasks worker, see the README)."""

from django.http import QueryDict
from django.tasks import task
from django.utils import translation


@task
def refresh_facet_counts(key, query_string, audience, language):
    """Count the whole library's facets for one state again and keep them under key."""
    from library.search import LibrarySearch, audience_user

    with translation.override(language or None):
        search = LibrarySearch(QueryDict(query_string), audience_user(audience))
        search.refresh_counts(key)
