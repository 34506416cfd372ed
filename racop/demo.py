"""Demo topics and static pages, drawn from the community's call and concept note."""

from django.conf import settings

from racop.demo_translations import PAGES as PAGE_TRANSLATIONS
from racop.demo_translations import TOPICS as TOPIC_TRANSLATIONS
from racop.demo_translations import translations_fill, translations_from_english
from racop.models import Page, Topic

TOPICS = [
    (
        "Localisation of accountability",
        "localisation-of-accountability",
        "Bringing accountability discussions home: local languages, local constituencies, "
        "and practices that fit the Western Balkans rather than donor templates.",
    ),
    (
        "Communications for legitimacy and public trust",
        "communications-legitimacy-public-trust",
        "How civil-society organisations explain their work, their money and their "
        "decisions so that the public can trust them.",
    ),
    (
        "Dynamic accountability in practice",
        "dynamic-accountability-in-practice",
        "Examples of what a people-led, listening and responsive approach looks like "
        "in everyday work.",
    ),
    (
        "Shifting power to the people we serve",
        "shifting-power",
        "Participation that changes decisions: from ticking boxes to sharing power.",
    ),
    (
        "Civic space and resilience",
        "civic-space-resilience",
        "Responding together to the shrinking of civic space in the region.",
    ),
    (
        "Failures and lessons learned",
        "failures-lessons-learned",
        "A safe space to talk about what did not work and what we changed.",
    ),
    (
        "Transparency of finances and governance",
        "transparency-finances-governance",
        "Open budgets, boards and annual reports that people actually read.",
    ),
]

PAGES = {
    "about": (
        "About the community",
        "A regional community of practice where civil-society organisations, networks and "
        "activists pledge to make their own work more accountable and transparent, and learn "
        "from each other while civic space shrinks.",
        """The **{name}** is a regional forum run by the {operator}. Organisations, networks and
individual activists share how they apply accountable and transparent practices in their
everyday work, and respond together to the shrinking of civic space.

## How the community works

- **A Pledge for joint action**: members commit to strengthen the accountability and
  transparency of their actions, based on the 12 commitments of the Global Standard for CSO
  Accountability.
- **A safe convening space** for exchange and discussion, online and in person, on key topics
  identified with the members.
- **An open library** of resources, regularly updated, and news on regional and global
  accountability developments.
- **Alignment with the global community of practice** on dynamic accountability, to create
  synergy and shared learning.

## Who can join

The community is open to the network's members, their constituencies and grantees, and to
every organisation, network or activist willing to enhance their legitimacy, transparency and
accountability. Questions: write to [{email}](mailto:{email}).
""",
    ),
    "concept-note": (
        "Concept note",
        "Why a community of practice on dynamic accountability, and what it will do.",
        """## Dynamic accountability

Around fifty practitioners from civil-society organisations, donors and academia met to
reflect on a more dynamic way to practise accountability. They concluded that dynamic
accountability:

- is a practical way of shifting power, and must include transparency;
- entails a cultural change built into the organisation;
- is people-led, not donor-led, and a whole-sector approach;
- means communicating with a wide variety of people in different languages;
- includes listening and responsive decision-making, and means constant change.

## What practitioners asked for

- to identify dynamic accountability champions at different levels;
- to collect examples of what dynamic accountability means in practice;
- to create a safe space to talk about challenges and failures;
- to keep each other accountable, and share successful mechanisms, failures and lessons.

## What the community will do

The framework of activities and the action plan are devised with the members, through a
co-creation process, so that they align with their needs and interests.
""",
    ),
    "code-of-conduct": (
        "Code of conduct",
        "How we treat each other in a safe space.",
        """We are here to learn from each other, including from failure. To keep this a safe space:

1. **Respect confidentiality.** What is shared under the Chatham House Rule may be used, but
   the identity or affiliation of the speaker may not be revealed.
2. **Be generous.** Assume good intent, criticise ideas and not people.
3. **No harassment** of any kind, online or at convenings.
4. **Protect people at risk.** Never share information that could expose an activist or an
   organisation working in a hostile environment.
5. **Report problems** to the coordinators at [{email}](mailto:{email}); reports are handled
   in confidence.
""",
    ),
    "privacy": (
        "Privacy notice",
        "What we keep about you, why, and how to get it or delete it.",
        """The {operator} runs this portal and is responsible for your data.

- **What we keep**: your account (name, email, password hash), your application to join,
  your organisation's details, what you write and the events you register for.
- **Why**: to run the community you joined. We do not sell or share your data, and no page
  loads anything from another website, so no third party learns that you visit.
- **Your rights**: you can export your data and delete your account at any time from your
  account page, or write to [{email}](mailto:{email}).
""",
    ),
}


def seed():
    """Create the demo topics and fill empty static pages; return what was created."""
    created_topics = 0
    for ordering, (name, slug, description) in enumerate(TOPICS, start=1):
        _, created = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "ordering": ordering}
        )
        created_topics += created
    for topic in Topic.objects.filter(slug__in=[slug for _name, slug, _text in TOPICS]):
        changed = []
        for language, topics in TOPIC_TRANSLATIONS.items():
            name, description = topics[topic.slug]
            changed += translations_fill(
                topic, language, {"name": name, "description": description}
            )
        if changed:
            topic.save(update_fields=changed)
    values = {
        "name": settings.SITE_NAME,
        "operator": settings.SITE_OPERATOR,
        "email": settings.SITE_CONTACT_EMAIL,
    }
    filled_pages = 0
    for slug, (title, summary, body) in PAGES.items():
        page, _ = Page.objects.get_or_create(slug=slug, defaults={"title": title})
        if not page.body:
            page.summary = page.summary or summary
            page.body = body.format(**values)
            page.save()
            filled_pages += 1
    page_translations = {
        language: {
            english: translated
            for slug, texts in pages.items()
            for english, translated in zip(PAGES[slug], texts, strict=True)
        }
        for language, pages in PAGE_TRANSLATIONS.items()
    }
    for page in Page.objects.filter(slug__in=PAGES):
        changed = translations_from_english(
            page, ["title", "summary", "body"], page_translations, **values
        )
        if changed:
            page.save(update_fields=changed)
    return f"{created_topics} topics, {filled_pages} pages filled"
