"""What each operation of the API does, in words: the OpenAPI document says it in English, the
documentation page (/api/) in the reader's language. The strings are marked for the catalogs
here and translated where the page shows them."""

from dataclasses import dataclass

from django.utils.translation import gettext_noop

PAGE_SIZE = 50
PAGE_SIZE_MAX = 100

PARAMETERS = {
    "q": gettext_noop(
        "Words, as in the library's search box: quotes for a phrase, -word to leave a word"
        " out, word* for its beginning. Best match first."
    ),
    "type": gettext_noop("Any of these types; repeat the parameter for several."),
    "language": gettext_noop("Any of these languages, by ISO 639 code (en, sq, mk…)."),
    "country": gettext_noop("Any of these countries, by ISO 3166 code (MK, RS…)."),
    "topic": gettext_noop("Any of these topics, by slug."),
    "tag": gettext_noop("Any of these tags, by slug."),
    "year": gettext_noop("Any of these years."),
    "changed_since": gettext_noop(
        "Only what changed at or after this time (ISO 8601, such as 2026-01-31T00:00:00Z),"
        " the oldest change first: for harvesting."
    ),
    "page": gettext_noop("The page, from 1. A page after the last answers 404."),
    "page_size": gettext_noop("How many items a page holds: 50 unless asked, at most 100."),
    "slug": gettext_noop("The slug, as in the item's address on the site."),
}

PAGING = ("page", "page_size")


@dataclass(frozen=True)
class Operation:
    """One GET operation: its address, what it answers and an example request."""

    path: str
    summary: str
    description: str
    parameters: tuple = PAGING
    example: str = ""

    def openapi(self):
        """Return the OpenAPI details the operation's signature does not give."""
        headers = {
            "ETag": {"description": "A digest of the body.", "schema": {"type": "string"}},
            "Last-Modified": {
                "description": "When this body was first served.",
                "schema": {"type": "string"},
            },
        }
        return {
            "description": self.description,
            "responses": {
                200: {"headers": headers},
                304: {"description": "Not modified: the ETag or date the client sent is current."},
                400: {
                    "description": "A parameter is wrong: the detail says which and why.",
                    "content": {
                        "application/json": {
                            "example": {
                                "detail": "page_size: Input should be less than or equal to 100"
                            }
                        }
                    },
                },
                404: {
                    "description": "Nothing there: no such item, or a page after the last.",
                    "content": {"application/json": {"example": {"detail": "Not Found"}}},
                },
                429: {
                    "description": "Too many requests from this address: wait Retry-After seconds.",
                    "headers": {
                        "Retry-After": {
                            "description": "Seconds to wait.",
                            "schema": {"type": "integer"},
                        }
                    },
                    "content": {
                        "application/json": {
                            "example": {"detail": "Too many requests: try again in 42 seconds."}
                        }
                    },
                },
            },
        }


OPERATIONS = {
    "resource_list": Operation(
        path="/api/v1/resources/",
        summary=gettext_noop("List the library's public resources"),
        description=gettext_noop(
            "Published, public resources, filtered like the library page; newest first, best"
            " match first with words, oldest change first with changed_since."
        ),
        parameters=(
            "q",
            "type",
            "language",
            "country",
            "topic",
            "tag",
            "year",
            "changed_since",
            *PAGING,
        ),
        example="?q=budget&language=en&page_size=10",
    ),
    "resource_detail": Operation(
        path="/api/v1/resources/{slug}/",
        summary=gettext_noop("One public resource"),
        description=gettext_noop(
            "A published, public resource by its slug; anything else answers 404."
        ),
        parameters=("slug",),
    ),
    "collection_list": Operation(
        path="/api/v1/collections/",
        summary=gettext_noop("List the published collections"),
        description=gettext_noop(
            "Reading lists in the coordinators' order, with their public resources."
        ),
    ),
    "collection_detail": Operation(
        path="/api/v1/collections/{slug}/",
        summary=gettext_noop("One published collection"),
        description=gettext_noop(
            "A collection by its slug, with the slugs of its public resources in order."
        ),
        parameters=("slug",),
    ),
    "topic_list": Operation(
        path="/api/v1/topics/",
        summary=gettext_noop("List the topics"),
        description=gettext_noop("The community's key topics, in the coordinators' order."),
    ),
    "tag_list": Operation(
        path="/api/v1/tags/",
        summary=gettext_noop("List the tags of public resources"),
        description=gettext_noop(
            "Tags with how many public resources carry each, the most used first."
        ),
    ),
    "event_list": Operation(
        path="/api/v1/events/",
        summary=gettext_noop("List the public events"),
        description=gettext_noop(
            "Public events, the latest start first; never a meeting link or who comes."
        ),
    ),
    "page_list": Operation(
        path="/api/v1/pages/",
        summary=gettext_noop("List the public pages"),
        description=gettext_noop("The site's pages, such as about and privacy, by title."),
    ),
}
