"""Demo library: guides, toolkits, cases and news on CSO accountability in the Western Balkans.

Titles and publishers are invented for the demo; links point to example.org.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from library.models import Collection, CollectionItem, Resource
from members.models import User
from racop.models import Topic

R = Resource.Type
S = Resource.Scope
MEMBERS = Resource.Visibility.MEMBERS

# title, type, summary, topic slugs, tags, languages, scope, countries, publisher, year,
# commitments, members only
RESOURCES = [
    (
        "Dynamic accountability: a practical guide for CSOs",
        R.GUIDE,
        "How to move from reporting to donors to listening to, and acting on, what the people "
        "you serve tell you. Step by step, with worksheets.",
        ["dynamic-accountability-in-practice", "shifting-power"],
        ["dynamic accountability", "feedback", "participation"],
        ["en"],
        S.GLOBAL,
        [],
        "Global Standard for CSO Accountability",
        2023,
        [5, 11],
        False,
    ),
    (
        "Vodič za dinamičnu odgovornost organizacija civilnog društva",
        R.GUIDE,
        "Prevod i prilagodba vodiča o dinamičnoj odgovornosti za organizacije u Bosni i "
        "Hercegovini, Hrvatskoj, Crnoj Gori i Srbiji.",
        ["dynamic-accountability-in-practice", "localisation-of-accountability"],
        ["dynamic accountability", "translation"],
        ["bs", "hr", "sr", "cnr"],
        S.REGIONAL,
        [],
        "Regionalna mreža za odgovornost",
        2024,
        [5, 11],
        False,
    ),
    (
        "Feedback loops toolkit: asking, listening, responding",
        R.TOOLKIT,
        "Templates and short exercises to set up feedback mechanisms with communities, "
        "including a closing-the-loop checklist.",
        ["dynamic-accountability-in-practice", "shifting-power"],
        ["feedback", "toolkit", "community"],
        ["en", "sq", "mk"],
        S.REGIONAL,
        [],
        "Balkan accountability practitioners",
        2022,
        [5, 11],
        False,
    ),
    (
        "Open budgets for small organisations",
        R.TOOLKIT,
        "A spreadsheet template and a guide to publishing a readable budget and annual "
        "financial report on your website.",
        ["transparency-finances-governance"],
        ["annual report", "finances", "template"],
        ["en", "sr"],
        S.REGIONAL,
        [],
        "Civic finance lab",
        2021,
        [8, 10],
        False,
    ),
    (
        "Annual report template that people actually read",
        R.TEMPLATE,
        "A four-page annual report template: what you did, what it cost, who decided, what "
        "you learned and what went wrong.",
        ["transparency-finances-governance", "communications-legitimacy-public-trust"],
        ["annual report", "template"],
        ["en", "sq", "mk", "sr"],
        S.REGIONAL,
        [],
        "Regional accountability community",
        2024,
        [8],
        False,
    ),
    (
        "Board governance self-check",
        R.TEMPLATE,
        "Twenty questions a board can answer in an hour to see whether it governs, or only signs.",
        ["transparency-finances-governance"],
        ["governance", "board", "self-assessment"],
        ["en", "hr"],
        S.GLOBAL,
        [],
        "Governance collective",
        2020,
        [12],
        True,
    ),
    (
        "Case study: a youth centre in Tuzla lets its users set the budget",
        R.CASE_STUDY,
        "How a youth centre handed part of its annual budget to a panel of young people, and "
        "what changed in the programme and in trust.",
        ["shifting-power", "dynamic-accountability-in-practice"],
        ["participatory budgeting", "youth"],
        ["bs", "en"],
        S.COUNTRIES,
        ["BA"],
        "Youth centre Tuzla",
        2023,
        [5, 11],
        False,
    ),
    (
        "Case study: community scorecards in rural North Macedonia",
        R.CASE_STUDY,
        "Local associations used community scorecards to hear what villagers thought of their "
        "services; a frank account of what did not work.",
        ["dynamic-accountability-in-practice", "failures-lessons-learned"],
        ["feedback", "scorecards", "rural"],
        ["mk", "en"],
        S.COUNTRIES,
        ["MK"],
        "Rural development network",
        2022,
        [5, 4],
        False,
    ),
    (
        "Case study: publishing salaries in a Kosovo watchdog",
        R.CASE_STUDY,
        "Why a watchdog decided to publish every staff salary, how the team reacted, and what "
        "the public said.",
        ["transparency-finances-governance", "communications-legitimacy-public-trust"],
        ["salaries", "transparency"],
        ["sq", "en"],
        S.COUNTRIES,
        ["XK"],
        "Watchdog collective Prishtina",
        2024,
        [8, 9],
        False,
    ),
    (
        "Failure report: the feedback hotline nobody called",
        R.CASE_STUDY,
        "An Albanian organisation explains why its feedback hotline failed and what replaced "
        "it. Shared under the Chatham House Rule with members.",
        ["failures-lessons-learned", "dynamic-accountability-in-practice"],
        ["failure", "feedback"],
        ["sq", "en"],
        S.COUNTRIES,
        ["AL"],
        "A member organisation",
        2023,
        [11],
        True,
    ),
    (
        "Shrinking civic space in the Western Balkans: monitoring matrix findings",
        R.RESEARCH,
        "Findings on freedom of association, assembly and expression, and on the financial "
        "environment for CSOs, country by country.",
        ["civic-space-resilience"],
        ["civic space", "monitoring", "enabling environment"],
        ["en"],
        S.REGIONAL,
        [],
        "Regional civil society monitoring team",
        2024,
        [7],
        False,
    ),
    (
        "Public trust in civil society: a regional survey",
        R.RESEARCH,
        "How much do citizens in the region trust CSOs, and why? Survey results and what "
        "organisations can do about them.",
        ["communications-legitimacy-public-trust"],
        ["public trust", "survey"],
        ["en", "sr", "sq"],
        S.REGIONAL,
        [],
        "Institute for civic research",
        2023,
        [8],
        False,
    ),
    (
        "Legitimacy under pressure: CSOs and smear campaigns in Serbia",
        R.RESEARCH,
        "Research on coordinated campaigns against civil-society organisations and the "
        "communication responses that helped.",
        ["civic-space-resilience", "communications-legitimacy-public-trust"],
        ["smear campaigns", "communications", "civic space"],
        ["sr", "en"],
        S.COUNTRIES,
        ["RS"],
        "Centre for media and society",
        2024,
        [7],
        True,
    ),
    (
        "Accountability of networks: who answers to whom?",
        R.RESEARCH,
        "A discussion paper on the accountability of networks and umbrella organisations to "
        "their members and to the public.",
        ["shifting-power", "transparency-finances-governance"],
        ["networks", "governance"],
        ["en"],
        S.GLOBAL,
        [],
        "Global accountability researchers",
        2021,
        [6, 12],
        False,
    ),
    (
        "Code of ethics for civil-society organisations in Montenegro",
        R.POLICY,
        "A voluntary code of ethics and transparency adopted by Montenegrin CSOs, with the "
        "signatories' reporting duties.",
        ["transparency-finances-governance"],
        ["code of ethics", "self-regulation"],
        ["cnr", "en"],
        S.COUNTRIES,
        ["ME"],
        "Montenegrin CSO platform",
        2022,
        [8, 12],
        False,
    ),
    (
        "Model whistleblowing policy for CSOs",
        R.POLICY,
        "A short policy to adapt: how staff and volunteers raise concerns safely and how the "
        "organisation responds.",
        ["transparency-finances-governance"],
        ["whistleblowing", "policy", "template"],
        ["en", "hr", "mk"],
        S.GLOBAL,
        [],
        "Integrity working group",
        2023,
        [9, 12],
        False,
    ),
    (
        "Safeguarding policy template",
        R.TEMPLATE,
        "A safeguarding policy for organisations working with children and vulnerable adults, "
        "with a reporting flowchart.",
        ["shifting-power"],
        ["safeguarding", "policy", "template"],
        ["en", "sq"],
        S.GLOBAL,
        [],
        "Safeguarding network",
        2022,
        [1, 9],
        False,
    ),
    (
        "Webinar: localising accountability in the Balkans",
        R.MEDIA,
        "Recording of a regional webinar: practitioners from five countries on making "
        "accountability local, in language and in practice.",
        ["localisation-of-accountability"],
        ["webinar", "localisation"],
        ["en"],
        S.REGIONAL,
        [],
        "Regional accountability community",
        2024,
        [5],
        False,
    ),
    (
        "Podcast: talking about failure without losing funding",
        R.MEDIA,
        "Three CSO leaders and a donor talk about admitting mistakes in public.",
        ["failures-lessons-learned", "communications-legitimacy-public-trust"],
        ["podcast", "failure", "donors"],
        ["en"],
        S.GLOBAL,
        [],
        "Accountability talks",
        2023,
        [11],
        False,
    ),
    (
        "Priručnik za transparentno izvještavanje donatorima i javnosti",
        R.GUIDE,
        "Kako pisati izvještaje koji služe i donatorima i građanima: primjeri iz Hrvatske i "
        "Bosne i Hercegovine.",
        ["transparency-finances-governance", "communications-legitimacy-public-trust"],
        ["reporting", "donors", "annual report"],
        ["hr", "bs"],
        S.COUNTRIES,
        ["HR", "BA"],
        "Centar za razvoj neprofitnih organizacija",
        2021,
        [8, 10],
        False,
    ),
    (
        "Udhëzues për llogaridhënien ndaj komunitetit",
        R.GUIDE,
        "Udhëzues praktik për organizatat e shoqërisë civile në Shqipëri dhe Kosovë mbi "
        "dëgjimin dhe përgjigjen ndaj komuniteteve.",
        ["dynamic-accountability-in-practice", "localisation-of-accountability"],
        ["feedback", "community"],
        ["sq"],
        S.COUNTRIES,
        ["AL", "XK"],
        "Rrjeti për shoqëri civile",
        2023,
        [5],
        False,
    ),
    (
        "Водич за отчетност на граѓанските организации",
        R.GUIDE,
        "Практичен водич за македонските граѓански организации: транспарентност, повратни "
        "информации и управување.",
        ["dynamic-accountability-in-practice"],
        ["feedback", "governance"],
        ["mk"],
        S.COUNTRIES,
        ["MK"],
        "Македонски центар за граѓанско општество",
        2022,
        [5, 12],
        False,
    ),
    (
        "Друштво и одговорност: искуства организација из Сарајева и Београда",
        R.CASE_STUDY,
        "Два примјера организација које су отвориле своје одлуке грађанима.",
        ["shifting-power", "localisation-of-accountability"],
        ["participation", "case"],
        ["sr", "bs"],
        S.COUNTRIES,
        ["RS", "BA"],
        "Mreža za građanski aktivizam",
        2024,
        [5, 11],
        False,
    ),
    (
        "Sivil toplum kuruluşları için hesap verebilirlik rehberi",
        R.GUIDE,
        "Türkiye'deki sivil toplum kuruluşları için şeffaflık, geri bildirim ve yönetişim üzerine "
        "pratik bir rehber.",
        ["dynamic-accountability-in-practice", "localisation-of-accountability"],
        ["feedback", "governance"],
        ["tr"],
        S.COUNTRIES,
        ["TR"],
        "Sivil toplum destek merkezi",
        2023,
        [5, 8],
        False,
    ),
    (
        "Rechenschaft in der Zivilgesellschaft: ein Leitfaden",
        R.GUIDE,
        "Ein kurzer Leitfaden zu Transparenz und Rechenschaft für Organisationen und ihre "
        "Partner im Westbalkan.",
        ["transparency-finances-governance"],
        ["transparency", "donors"],
        ["de", "en"],
        S.REGIONAL,
        [],
        "Partnerschaftsnetzwerk Südosteuropa",
        2021,
        [8, 6],
        False,
    ),
    (
        "Donor reporting and public reporting: one report for both",
        R.TOOLKIT,
        "A worksheet to merge donor reports into one public account of results, money and lessons.",
        ["transparency-finances-governance", "communications-legitimacy-public-trust"],
        ["reporting", "donors"],
        ["en", "bs"],
        S.REGIONAL,
        [],
        "Civic finance lab",
        2024,
        [10, 8],
        False,
    ),
    (
        "Case study: a Croatian network asks its members to rate it",
        R.CASE_STUDY,
        "A national network ran an anonymous survey of its own members and published the "
        "results, including the critical ones.",
        ["shifting-power", "failures-lessons-learned"],
        ["networks", "survey", "feedback"],
        ["hr", "en"],
        S.COUNTRIES,
        ["HR"],
        "Mreža udruga",
        2025,
        [6, 11],
        False,
    ),
    (
        "Research: volunteers' voice in organisational decisions",
        R.RESEARCH,
        "Interviews with volunteers in five countries on whether and how they shape what their "
        "organisations decide.",
        ["shifting-power"],
        ["volunteers", "participation"],
        ["en", "sq", "sr"],
        S.REGIONAL,
        [],
        "Institute for civic research",
        2022,
        [9, 5],
        True,
    ),
    (
        "Policy brief: tax incentives for giving in the Western Balkans",
        R.POLICY,
        "How tax rules on donations differ across the region and why it matters for local "
        "support of civil society.",
        ["civic-space-resilience", "localisation-of-accountability"],
        ["philanthropy", "enabling environment"],
        ["en"],
        S.REGIONAL,
        [],
        "Regional civil society monitoring team",
        2023,
        [7, 10],
        False,
    ),
    (
        "Video: what closing the feedback loop looks like",
        R.MEDIA,
        "A six-minute video from a community meeting in Shkodër where an organisation reports "
        "back on what it changed after listening.",
        ["dynamic-accountability-in-practice"],
        ["feedback", "video", "community"],
        ["sq", "en"],
        S.COUNTRIES,
        ["AL"],
        "Community media collective",
        2024,
        [11],
        False,
    ),
    (
        "Template: conflict of interest declaration for boards and staff",
        R.TEMPLATE,
        "A one-page declaration form and a register, with guidance on when to step aside.",
        ["transparency-finances-governance"],
        ["governance", "board", "template"],
        ["en", "mk", "sr"],
        S.GLOBAL,
        [],
        "Integrity working group",
        2021,
        [12],
        False,
    ),
    # Developments: news on regional and global accountability.
    (
        "Global Standard partners agree on a dynamic accountability roadmap",
        R.NEWS,
        "Partners of the Global Standard for CSO Accountability agreed on next steps for the "
        "global community of practice on dynamic accountability.",
        ["dynamic-accountability-in-practice"],
        ["global standard", "community of practice"],
        ["en"],
        S.GLOBAL,
        [],
        "Global Standard partners",
        2025,
        [5, 11],
        False,
    ),
    (
        "Regional accountability community opens to new members",
        R.NEWS,
        "The regional community of practice invites organisations, networks and activists to "
        "sign the Pledge and join the discussions.",
        ["shifting-power"],
        ["community of practice", "pledge"],
        ["en", "sq", "mk", "sr"],
        S.REGIONAL,
        [],
        "Regional accountability community",
        2025,
        [],
        False,
    ),
    (
        "New rules on foreign funding proposed in the region: what CSOs should know",
        R.NEWS,
        "Draft laws on 'foreign agents' and foreign funding threaten CSOs' work; an overview "
        "of the proposals and of the joint responses.",
        ["civic-space-resilience"],
        ["civic space", "foreign funding", "legislation"],
        ["en"],
        S.REGIONAL,
        [],
        "Regional civil society monitoring team",
        2025,
        [7],
        False,
    ),
    (
        "Development effectiveness: CSOs prepare for the global partnership review",
        R.NEWS,
        "Civil-society platforms are preparing their contributions to the next review of "
        "development effectiveness commitments.",
        ["civic-space-resilience"],
        ["development effectiveness", "global"],
        ["en"],
        S.GLOBAL,
        [],
        "CSO partnership platform",
        2025,
        [6],
        False,
    ),
    (
        "EU enlargement report highlights the enabling environment for civil society",
        R.NEWS,
        "The annual enlargement package again points at the financial and legal environment "
        "for CSOs in the Western Balkans.",
        ["civic-space-resilience"],
        ["EU accession", "enabling environment"],
        ["en"],
        S.REGIONAL,
        [],
        "Regional civil society monitoring team",
        2025,
        [7],
        False,
    ),
    (
        "Regional convening in Skopje: members share their first self-assessments",
        R.NEWS,
        "Members met in Skopje to compare their self-assessments against the 12 commitments "
        "and to plan peer reviews.",
        ["dynamic-accountability-in-practice"],
        ["convening", "self-assessment"],
        ["en", "mk"],
        S.REGIONAL,
        [],
        "Regional accountability community",
        2025,
        [4, 12],
        True,
    ),
    (
        "Global report: accountability practices of CSOs after the pandemic",
        R.NEWS,
        "A global study finds more organisations asking for feedback, and fewer acting on it.",
        ["dynamic-accountability-in-practice", "failures-lessons-learned"],
        ["feedback", "global"],
        ["en", "es", "fr"],
        S.GLOBAL,
        [],
        "Global accountability researchers",
        2024,
        [11],
        False,
    ),
]

# Waiting for the coordinators' review, suggested by the demo member.
SUGGESTIONS = [
    (
        "Checklist for accessible public events",
        R.TEMPLATE,
        "A checklist we used to make our public consultations accessible to people with "
        "disabilities.",
        ["shifting-power"],
        ["accessibility", "events"],
        ["en", "sr"],
        S.REGIONAL,
        [],
        "A member organisation",
        2025,
        [1],
        False,
    ),
    (
        "Article: why our board now meets in public",
        R.CASE_STUDY,
        "A short article by a member organisation on opening board meetings to the public.",
        ["transparency-finances-governance"],
        ["board", "governance"],
        ["en"],
        S.COUNTRIES,
        ["ME"],
        "A member organisation",
        2025,
        [12],
        False,
    ),
    (
        "Guide to plain-language annual reports in Albanian",
        R.GUIDE,
        "Tips from our own annual report, rewritten with the people we serve.",
        ["communications-legitimacy-public-trust"],
        ["annual report", "plain language"],
        ["sq"],
        S.COUNTRIES,
        ["AL", "XK"],
        "A member organisation",
        2025,
        [8],
        False,
    ),
]


# Reading lists: title, summary, resource titles in reading order.
COLLECTIONS = [
    ("Getting started with dynamic accountability",
     "Five readings for an organisation taking its first steps, from the idea to practice.",
     ["Dynamic accountability: a practical guide for CSOs",
      "Feedback loops toolkit: asking, listening, responding",
      "Case study: a youth centre in Tuzla lets its users set the budget",
      "Case study: community scorecards in rural North Macedonia",
      "Podcast: talking about failure without losing funding"]),
    ("Opening up your finances and governance",
     "Templates and examples for publishing budgets, salaries and board decisions.",
     ["Open budgets for small organisations",
      "Annual report template that people actually read",
      "Case study: publishing salaries in a Kosovo watchdog",
      "Board governance self-check",
      "Code of ethics for civil-society organisations in Montenegro"]),
]  # fmt: skip


def _create(row, *, status, user, number):
    from library.services import resource_unique_slug

    (title, kind, summary, topics, tags, languages, scope, countries, publisher, year,
     commitments, members_only) = row  # fmt: skip
    existing = Resource.objects.filter(title=title).first()
    if existing:
        return existing, False
    published_at = timezone.now() - timedelta(days=3 * number + 1)
    resource = Resource.objects.create(
        title=title,
        slug=resource_unique_slug(title),
        type=kind,
        summary=summary,
        body=f"{summary}\n\n## What you will find\n\n- practical steps\n- examples from "
        f"the region\n- questions to discuss with your team\n",
        languages=languages,
        scope=scope,
        countries=countries,
        publisher=publisher,
        year=year,
        commitments=commitments,
        url=f"https://example.org/library/{number}",
        visibility=MEMBERS if members_only else Resource.Visibility.PUBLIC,
        status=status,
        featured=number < 3,
        added_by=user,
        published_at=published_at if status == Resource.Status.PUBLISHED else None,
    )
    resource.topics.set(Topic.objects.filter(slug__in=topics))
    resource.tags.set(tags)
    return resource, True


def seed():
    """Create the demo resources and suggestions; return what was created."""
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    member = User.objects.filter(email="member@example.org").first()
    created = 0
    for number, row in enumerate(RESOURCES):
        _, new = _create(row, status=Resource.Status.PUBLISHED, user=coordinator, number=number)
        created += new
    for number, row in enumerate(SUGGESTIONS, start=len(RESOURCES)):
        _, new = _create(row, status=Resource.Status.IN_REVIEW, user=member, number=number)
        created += new
    collections = 0
    for ordering, (title, summary, titles) in enumerate(COLLECTIONS, start=1):
        collection, new = Collection.objects.get_or_create(
            title=title,
            defaults={
                "slug": slugify(title),
                "summary": summary,
                "is_published": True,
                "ordering": ordering,
            },
        )
        collections += new
        for resource in Resource.objects.filter(title__in=titles):
            CollectionItem.objects.get_or_create(
                collection=collection,
                resource=resource,
                defaults={"position": titles.index(resource.title) + 1},
            )
    return f"{created} resources, {collections} collections"
