"""The feeds every app offers, for the feeds index (/feeds/) and pages' <link rel="alternate">.

racop imports no app: each app registers its feeds in its ``AppConfig.ready()``. A feed has
one address per language (the interface language of its titles); a feed per topic has one
per topic too.
"""

from dataclasses import dataclass
from typing import Any

# What a format is called and the Content-Type a <link rel="alternate"> announces.
FORMATS = {
    "atom": ("Atom", "application/atom+xml"),
    "rss": ("RSS", "application/rss+xml"),
    "ical": ("iCalendar", "text/calendar"),
}


@dataclass(frozen=True)
class Feed:
    name: str
    title: Any
    description: Any
    # (format, URL name): the same feed in each format, e.g. ("atom", "library:feed_atom").
    formats: tuple
    # The URL takes a topic's slug: one feed per topic.
    per_topic: bool = False
    # The pages (URL names) that announce it with <link rel="alternate"> in their <head>;
    # a per-topic feed is announced on pages whose address carries the topic's slug.
    shown_on: tuple = ()
    order: int = 100


feeds: list[Feed] = []


def feed_register(feed: Feed) -> None:
    """Add a feed once (ready() can run twice under the autoreloader)."""
    if all(existing.name != feed.name for existing in feeds):
        feeds.append(feed)
        feeds.sort(key=lambda f: f.order)
