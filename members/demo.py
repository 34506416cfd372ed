"""Demo organisations, people and the two demo accounts."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from members.demo_translations import SURVEY as SURVEY_TRANSLATIONS
from members.models import (
    Answer,
    ApplicationEvent,
    JoinApplication,
    Membership,
    Organisation,
    Question,
    Survey,
    SurveyResponse,
    User,
)
from racop import demo as racop_demo
from racop.demo_translations import TOPICS as TOPIC_TRANSLATIONS
from racop.demo_translations import translations_from_english
from racop.models import Topic
from racop.services import COORDINATORS_GROUP
from racop.slugs import slug_from

DEMO_ACCOUNTS = {
    "coordinator": ("coordinator@example.org", "demo-coordinator-2026"),
    "member": ("member@example.org", "demo-member-2026"),
    "applicant": ("applicant@example.org", "demo-applicant-2026"),
}

# Languages of each demo country, for profiles.
COUNTRY_LANGUAGES = {
    "AL": ["sq", "en"], "BA": ["bs", "en"], "HR": ["hr", "en"], "XK": ["sq", "sr", "en"],
    "ME": ["cnr", "en"], "MK": ["mk", "sq", "en"], "RS": ["sr", "en"], "TR": ["tr", "en"],
}  # fmt: skip

BIOS = [
    "I coordinate our work on **open budgets** and train young monitors.",
    "Programme manager. Interested in feedback loops with the people we serve.",
    "Lawyer by training; I support grassroots groups facing pressure on civic space.",
]

# first, last, email, kind, organisation name, country, affiliation, motivation, status
APPLICATIONS = [
    ("Besa", "Gashi", "applicant@example.org", "organisation", "Peja Citizens' Forum", "XK",
     "hub_grantee", "We want to publish what we spend and ask our members what they think.",
     "pending"),
    ("Luka", "Marković", "luka.markovic@example.org", "individual", "", "ME", "neither",
     "As a journalist I follow how organisations account for public money.", "pending"),
    ("Ayşe", "Demir", "ayse.demir@example.org", "organisation", "Izmir Volunteers Platform",
     "TR", "neither", "Our volunteers ask for more say; we want to learn how others do it.",
     "needs_info"),
    ("Milica", "Stanković", "milica.stankovic@example.org", "organisation",
     "Civic Initiatives Network Serbia", "RS", "network_member",
     "I joined the network's secretariat and would like to take part.", "pending"),
]  # fmt: skip

# name, kind, country, city, description
ORGANISATIONS = [
    ("Institute for Democratic Dialogue", "organisation", "AL", "Tirana",
     "Think-tank working on public participation and open local government."),
    ("Partners for Rural Development Albania", "organisation", "AL", "Shkodër",
     "Community development with farmers' associations in northern Albania."),
    ("Centre for Civic Initiatives Mostar", "organisation", "BA", "Mostar",
     "Citizen monitoring of municipal budgets and public services."),
    ("Network of Women's Organisations of Bosnia and Herzegovina", "network", "BA", "Sarajevo",
     "Thirty-two women's organisations advocating for gender equality."),
    ("Open Society Forum Zagreb", "organisation", "HR", "Zagreb",
     "Transparency of public funding for civil society."),
    ("Kosovo Civil Society Resource Centre", "organisation", "XK", "Prishtina",
     "Capacity building and legal support for grassroots organisations."),
    ("Youth Initiative for Accountability Prizren", "organisation", "XK", "Prizren",
     "Young people monitoring local decision-making."),
    ("Montenegrin Centre for Civic Education", "organisation", "ME", "Podgorica",
     "Civic education and monitoring of public institutions."),
    ("Macedonian Centre for Civil Society Cooperation", "organisation", "MK", "Skopje",
     "Enabling environment for civil society and philanthropy."),
    ("Roma Community Centre Tetovo", "organisation", "MK", "Tetovo",
     "Education, health and housing rights of Roma families."),
    ("Civic Initiatives Network Serbia", "network", "RS", "Belgrade",
     "A network of civic organisations defending freedom of association."),
    ("Novi Sad Centre for Regionalism", "organisation", "RS", "Novi Sad",
     "Cross-border cooperation and local democracy."),
    ("Third Sector Foundation Istanbul", "organisation", "TR", "Istanbul",
     "Research and support for an enabling civil-society environment."),
]  # fmt: skip

# first, last, email, organisation index or None, role
PEOPLE = [
    ("Arta", "Hoxha", "arta.hoxha@example.org", 0, "representative"),
    ("Elira", "Kola", "elira.kola@example.org", 1, "representative"),
    ("Amir", "Hadžić", "amir.hadzic@example.org", 2, "representative"),
    ("Lejla", "Mehmedović", "lejla.mehmedovic@example.org", 3, "representative"),
    ("Ivana", "Horvat", "ivana.horvat@example.org", 4, "representative"),
    ("Blerim", "Krasniqi", "blerim.krasniqi@example.org", 5, "representative"),
    ("Dafina", "Berisha", "dafina.berisha@example.org", 6, "staff"),
    ("Marko", "Vujović", "marko.vujovic@example.org", 7, "representative"),
    ("Elena", "Stojanovska", "elena.stojanovska@example.org", 8, "representative"),
    ("Senad", "Ramadani", "senad.ramadani@example.org", 9, "representative"),
    ("Jelena", "Petrović", "jelena.petrovic@example.org", 10, "representative"),
    ("Nikola", "Jovanović", "nikola.jovanovic@example.org", 11, "staff"),
    ("Zeynep", "Aydın", "zeynep.aydin@example.org", 12, "representative"),
    ("Goran", "Nikolić", "goran.nikolic@example.org", None, None),
]


def _person(email, first, last, *, password=None, staff=False, member=True):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "username": email,
            "first_name": first,
            "last_name": last,
            "is_staff": staff,
            "member_since": timezone.now() if member else None,
        },
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user, created


def seed():
    """Create demo organisations, people and the two demo accounts."""
    organisations = []
    for name, kind, country, city, description in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            slug=slug_from(name),
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "city": city,
                "description": description,
            },
        )
        organisations.append(organisation)

    people = 0
    for first, last, email, index, role in PEOPLE:
        user, created = _person(email, first, last)
        people += created
        if index is not None:
            Membership.objects.get_or_create(
                user=user, organisation=organisations[index], defaults={"role": role}
            )

    coordinator_email, coordinator_password = DEMO_ACCOUNTS["coordinator"]
    coordinator, _ = _person(
        coordinator_email, "Maja", "Coordinator", password=coordinator_password, staff=True
    )
    coordinator.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    member_email, member_password = DEMO_ACCOUNTS["member"]
    member, _ = _person(member_email, "Dritan", "Member", password=member_password)
    Membership.objects.get_or_create(
        user=member,
        organisation=organisations[8],
        defaults={"role": Membership.Role.REPRESENTATIVE},
    )
    _profiles(organisations)
    applications = _applications(coordinator)
    responses = _survey()
    _survey_translations()
    return (
        f"{len(organisations)} organisations, {people} people, "
        f"{applications} applications, {responses} survey responses created"
    )


def _profiles(organisations):
    """Give demo organisations and people topics, languages and a short bio, once."""
    topics = list(Topic.objects.for_list()) or [None]
    for index, organisation in enumerate(organisations):
        if not organisation.languages:
            organisation.languages = COUNTRY_LANGUAGES.get(organisation.country.code, ["en"])
            organisation.category = Organisation.Category.ASSOCIATION
            organisation.save()
            organisation.topics.set(filter(None, topics[index % len(topics) :][:2]))
    people = User.objects.members().filter(bio="").prefetch_related("memberships__organisation")
    for index, person in enumerate(people):
        membership = next(iter(person.memberships.all()), None)
        person.country = membership.organisation.country if membership else "RS"
        person.languages = COUNTRY_LANGUAGES.get(person.country.code, ["en"])
        person.bio = BIOS[index % len(BIOS)]
        person.listing = User.Listing.PUBLIC if index % 3 == 0 else User.Listing.MEMBERS
        person.save()
        person.topics.set(filter(None, topics[index % len(topics) :][:3]))


def _applications(coordinator):
    """Create pending applications to try the queue with."""
    created_count = 0
    password = DEMO_ACCOUNTS["applicant"][1]
    topics = list(Topic.objects.for_list()[:2])
    for first, last, email, kind, name, country, affiliation, motivation, status in APPLICATIONS:
        is_demo_account = email == DEMO_ACCOUNTS["applicant"][0]
        user, _ = _person(
            email, first, last, password=password if is_demo_account else None, member=False
        )
        existing = Organisation.objects.matching(name).first() if name else None
        application, created = JoinApplication.objects.get_or_create(
            user=user,
            defaults={
                "applicant_kind": kind,
                "organisation_name": name,
                "existing_organisation": existing,
                "country": country,
                "affiliation": affiliation,
                "motivation": motivation,
                "languages": COUNTRY_LANGUAGES.get(country, ["en"]),
                "status": status,
                "consented_at": timezone.now(),
            },
        )
        if not created:
            continue
        created_count += 1
        application.topics.set(topics)
        ApplicationEvent.objects.create(
            application=application, actor=user, action=ApplicationEvent.Action.SUBMITTED
        )
        if status == JoinApplication.Status.NEEDS_INFO:
            ApplicationEvent.objects.create(
                application=application,
                actor=coordinator,
                action=ApplicationEvent.Action.NEEDS_INFO,
                message="Could you tell us a little about how your platform is governed?",
            )
    return created_count


SURVEY_QUESTIONS = [
    ("Which topics matter most to you?", "multiple", None, True),
    ("Which format do you prefer for exchanges?", "single",
     ["Online", "In person", "Hybrid"], True),
    ("How often should the community meet?", "single",
     ["Monthly", "Every three months", "Twice a year"], True),
    ("Rank these activities by how useful they would be to you.", "ranking",
     ["Peer exchanges", "Trainings", "Toolkits and resources", "Joint advocacy"], False),
    ("How useful do you expect the community to be for your work?", "scale", None, False),
    ("In which languages can you take part?", "multiple",
     ["Albanian", "Bosnian/Croatian/Montenegrin/Serbian", "Macedonian", "Turkish", "English"],
     False),
    ("What could you offer to other members?", "text", None, False),
]  # fmt: skip

OFFERS = [
    "Our feedback toolkit in Albanian.",
    "A session on publishing annual reports people actually read.",
    "",
]


def _survey():
    """Create the expectations and priorities survey with demo answers, once."""
    survey, created = Survey.objects.get_or_create(
        slug="expectations-and-priorities",
        defaults={
            "title": "Expectations and priorities",
            "description": "A short survey to learn what you expect from the community, "
            "which topics and formats you prefer, and what you can offer.",
            "closes_at": timezone.now() + timezone.timedelta(days=60),
        },
    )
    if not created:
        return 0
    topic_names = list(Topic.objects.for_list().values_list("name", flat=True))
    questions = []
    for ordering, (text, kind, options, required) in enumerate(SURVEY_QUESTIONS, start=1):
        choices = options if options is not None else (topic_names if kind == "multiple" else [])
        questions.append(
            Question.objects.create(
                survey=survey,
                text=text,
                kind=kind,
                options="\n".join(choices),
                required=required,
                ordering=ordering,
            )
        )
    respondents = User.objects.members().exclude(is_staff=True).order_by("pk")[:9]
    for index, person in enumerate(respondents):
        response = SurveyResponse.objects.create(
            survey=survey, user=person, submitted_at=timezone.now()
        )
        for question in questions:
            value = _demo_answer(question, index)
            if value:
                Answer.objects.create(response=response, question=question, value=value)
    return len(respondents)


def _survey_translations():
    """Give the demo survey, its questions and their options every language (empty ones)."""
    survey = Survey.objects.filter(slug="expectations-and-priorities").first()
    if survey is None:
        return
    english_topics = {slug: name for name, slug, _description in racop_demo.TOPICS}
    texts = {}
    for language, table in SURVEY_TRANSLATIONS.items():
        # The topics' question offers the topics' names, in the order the demo gave them.
        names = {
            english_topics[slug]: name for slug, (name, _d) in TOPIC_TRANSLATIONS[language].items()
        }
        topics = list(Topic.objects.for_list().values_list("name_en", flat=True))
        texts[language] = dict(table)
        if topics and all(name in names for name in topics):
            texts[language]["\n".join(topics)] = "\n".join(names[name] for name in topics)
    changed = translations_from_english(survey, ["title", "description"], texts)
    if changed:
        survey.save(update_fields=changed)
    for question in survey.questions.all():
        changed = translations_from_english(question, ["text", "options"], texts)
        if changed:
            question.save(update_fields=changed)


def _demo_answer(question, index):
    choices = question.choices
    if question.kind == "text":
        return OFFERS[index % len(OFFERS)]
    if not choices:
        return None
    if question.kind == "multiple":
        return [choices[index % len(choices)], choices[(index + 2) % len(choices)]]
    if question.kind == "ranking":
        return choices[index % len(choices) :] + choices[: index % len(choices)]
    return (
        choices[(index * 7 + 3) % len(choices)]
        if question.kind == "scale"
        else (choices[index % len(choices)])
    )
