"""The shapes the public API answers with (see api_shape in the README's "The public API")."""

import datetime

from ninja import Schema
from pydantic import Field


class Error(Schema):
    """Why a request was refused."""

    detail: str = Field(examples=["page_size: Input should be less than or equal to 100"])


class Page(Schema):
    """One page of a list: how many there are in all and the addresses of its neighbours."""

    count: int = Field(ge=0, description="How many items match, on every page.")
    next: str | None = Field(description="The address of the next page, or null on the last.")
    previous: str | None = Field(
        description="The address of the previous page, or null on the first."
    )


class ResourceOut(Schema):
    id: int
    slug: str = Field(examples=["open-books-guide"])
    url: str = Field(description="The resource's page on the portal, in English.")
    title: str
    summary: str
    authors: list[str] = Field(
        description="The publisher or authors, split at semicolons; may be empty."
    )
    publisher: str
    year: int | None
    published: datetime.date | None = Field(description="When the library published it.")
    type: str = Field(examples=["guide"])
    languages: list[str] = Field(examples=[["en", "sr"]])
    countries: list[str] = Field(examples=[["MK", "RS"]])
    scope: str = Field(examples=["regional"])
    topics: list[str] = Field(description="The slugs of its topics.")
    tags: list[str] = Field(description="The names of its tags.")
    link: str | None = Field(description="Its address elsewhere on the web, if any.")
    file: str | None = Field(description="The address of its file on the portal, if any.")
    changed: datetime.datetime = Field(description="When it was last changed.")


class ResourcePage(Page):
    results: list[ResourceOut]


class CollectionOut(Schema):
    id: int
    slug: str
    url: str
    title: str
    summary: str
    resources: list[str] = Field(description="The slugs of its public resources, in order.")
    changed: datetime.datetime


class CollectionPage(Page):
    results: list[CollectionOut]


class TopicOut(Schema):
    id: int
    slug: str
    url: str
    name: str
    description: str = Field(description="Markdown.")


class TopicPage(Page):
    results: list[TopicOut]


class TagOut(Schema):
    slug: str
    name: str
    resources: int = Field(ge=1, description="How many public resources carry it.")


class TagPage(Page):
    results: list[TagOut]


class EventOut(Schema):
    id: int
    slug: str
    url: str
    title: str
    starts: datetime.datetime
    ends: datetime.datetime
    timezone: str = Field(examples=["Europe/Belgrade"])
    format: str = Field(examples=["hybrid"])
    online: bool = Field(description="Whether people can take part online.")
    place: str = Field(description="Venue, address, city and country; empty when online only.")
    status: str = Field(description="upcoming, ongoing or past.", examples=["upcoming"])
    changed: datetime.datetime = Field(description="When the event last changed.")


class EventPage(Page):
    results: list[EventOut]


class PageOut(Schema):
    slug: str
    title: str
    url: str
    changed: datetime.datetime


class PagePage(Page):
    results: list[PageOut]
