"""The demo collections in every language of the site, following docs/glossary.md.

Montenegrin and Serbian Cyrillic come from the Bosnian and Serbian Latin wording
(racop.demo_translations.with_derived_languages).
"""

from racop.demo_translations import with_derived_languages

# English → translation, per language: the collections' titles and summaries.
COLLECTIONS = with_derived_languages({
    "sq": {
        "Getting started with dynamic accountability": "Hapat e parë në llogaridhënien dinamike",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "Pesë lexime për një organizatë që hedh hapat e parë, nga ideja te praktika.",
        "Opening up your finances and governance": "Hapja e financave dhe e qeverisjes suaj",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Shabllone dhe shembuj për publikimin e buxheteve, pagave dhe vendimeve të bordit.",
    },
    "bs": {
        "Getting started with dynamic accountability": "Prvi koraci u dinamičkoj odgovornosti",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "Pet tekstova za organizaciju koja pravi prve korake, od ideje do prakse.",
        "Opening up your finances and governance": "Otvaranje finansija i upravljanja",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Šabloni i primjeri za objavljivanje budžeta, plata i odluka upravnog odbora.",
    },
    "hr": {
        "Getting started with dynamic accountability": "Prvi koraci u dinamičkoj odgovornosti",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "Pet tekstova za organizaciju koja čini prve korake, od ideje do prakse.",
        "Opening up your finances and governance": "Otvaranje financija i upravljanja",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Predlošci i primjeri za objavu proračuna, plaća i odluka upravnog odbora.",
    },
    "sr-latn": {
        "Getting started with dynamic accountability": "Prvi koraci u dinamičkoj odgovornosti",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "Pet tekstova za organizaciju koja pravi prve korake, od ideje do prakse.",
        "Opening up your finances and governance": "Otvaranje finansija i upravljanja",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Šabloni i primeri za objavljivanje budžeta, plata i odluka upravnog odbora.",
    },
    "mk": {
        "Getting started with dynamic accountability": "Први чекори во динамичната отчетност",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "Пет читања за организација што ги прави првите чекори, од идејата до праксата.",
        "Opening up your finances and governance": "Отворање на финансиите и управувањето",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Шаблони и примери за објавување буџети, плати и одлуки на одборот.",
    },
    "tr": {
        "Getting started with dynamic accountability": "Dinamik hesap verebilirliğe ilk adımlar",
        "Five readings for an organisation taking its first steps, from the idea to practice.":
            "İlk adımlarını atan bir kuruluş için fikirden uygulamaya beş okuma.",
        "Opening up your finances and governance": "Finansınızı ve yönetişiminizi açmak",
        "Templates and examples for publishing budgets, salaries and board decisions.":
            "Bütçeleri, maaşları ve yönetim kurulu kararlarını yayımlamak için şablonlar ve "
            "örnekler.",
    },
})  # fmt: skip
