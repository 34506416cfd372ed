"""The demo topics in every language of the site, and Serbian's second script.

Written for the demo community, following docs/glossary.md. Serbian in Cyrillic is the
Serbian Latin text transliterated letter by letter, as Serbian readers expect.
"""

LATIN_TO_CYRILLIC = {
    "Lj": "Љ", "LJ": "Љ", "lj": "љ", "Nj": "Њ", "NJ": "Њ", "nj": "њ", "Dž": "Џ", "DŽ": "Џ",
    "dž": "џ", "A": "А", "B": "Б", "C": "Ц", "Č": "Ч", "Ć": "Ћ", "D": "Д", "Đ": "Ђ", "E": "Е",
    "F": "Ф", "G": "Г", "H": "Х", "I": "И", "J": "Ј", "K": "К", "L": "Л", "M": "М", "N": "Н",
    "O": "О", "P": "П", "R": "Р", "S": "С", "Š": "Ш", "T": "Т", "U": "У", "V": "В", "Z": "З",
    "Ž": "Ж", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е",
    "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н",
    "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з",
    "ž": "ж",
}  # fmt: skip


def to_cyrillic(text: str) -> str:
    """Return Serbian Latin text in Serbian Cyrillic (digraphs lj, nj, dž as one letter)."""
    out = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in LATIN_TO_CYRILLIC:
            out.append(LATIN_TO_CYRILLIC[pair])
            index += 2
            continue
        out.append(LATIN_TO_CYRILLIC.get(text[index], text[index]))
        index += 1
    return "".join(out)


def to_montenegrin(text: str) -> str:
    """Return the Bosnian demo wording with the words Montenegrin usage prefers."""
    for bosnian, montenegrin in MONTENEGRIN_WORDS:
        text = text.replace(bosnian, montenegrin)
    return text


# Where the demo's Montenegrin (ijekavian, Latin) differs from its Bosnian wording.
MONTENEGRIN_WORDS = [
    ("prirodnu okolinu", "prirodnu životnu sredinu"),
    ("efikasno", "djelotvorno"),
    ("Naši lideri", "Naši rukovodioci"),
    ("sigurnom prostoru", "bezbjednom prostoru"),
    ("Siguran prostor", "Bezbjedan prostor"),
    ("Unapređujemo", "Unaprjeđujemo"),
    ("šablona", "obrazaca"),
]

# Topic slug → (name, description), per language.
TOPICS = {
    "sq": {
        "localisation-of-accountability": (
            "Lokalizimi i llogaridhënies",
            "Llogaridhënia e sjellë në shtëpi: gjuhë vendore, komunitete vendore dhe praktika "
            "që i përshtaten Ballkanit Perëndimor në vend të shablloneve të donatorëve.",
        ),
        "communications-legitimacy-public-trust": (
            "Komunikimi për legjitimitet dhe besim publik",
            "Si organizatat e shoqërisë civile e shpjegojnë punën, paratë dhe vendimet e tyre "
            "që publiku t'u besojë.",
        ),
        "dynamic-accountability-in-practice": (
            "Llogaridhënia dinamike në praktikë",
            "Shembuj se si duket në punën e përditshme një qasje e udhëhequr nga njerëzit, që "
            "dëgjon dhe u përgjigjet.",
        ),
        "shifting-power": (
            "Zhvendosja e pushtetit te njerëzit të cilëve u shërbejmë",
            "Pjesëmarrje që ndryshon vendimet: nga plotësimi i formaliteteve te ndarja e "
            "pushtetit.",
        ),
        "civic-space-resilience": (
            "Hapësira qytetare dhe qëndrueshmëria",
            "Përgjigje e përbashkët ndaj ngushtimit të hapësirës qytetare në rajon.",
        ),
        "failures-lessons-learned": (
            "Dështimet dhe mësimet e nxjerra",
            "Një hapësirë e sigurt për të folur për atë që nuk funksionoi dhe çfarë ndryshuam.",
        ),
        "transparency-finances-governance": (
            "Transparenca e financave dhe e qeverisjes",
            "Buxhete të hapura, borde dhe raporte vjetore që njerëzit i lexojnë vërtet.",
        ),
    },
    "mk": {
        "localisation-of-accountability": (
            "Локализација на отчетноста",
            "Разговорите за отчетност да се вратат дома: локални јазици, локални заедници и "
            "практики што одговараат на Западен Балкан наместо донаторски шаблони.",
        ),
        "communications-legitimacy-public-trust": (
            "Комуникации за легитимност и јавна доверба",
            "Како граѓанските организации ја објаснуваат својата работа, своите пари и своите "
            "одлуки за јавноста да може да им верува.",
        ),
        "dynamic-accountability-in-practice": (
            "Динамична отчетност во пракса",
            "Примери за тоа како изгледа пристап воден од луѓето, што слуша и одговара, во "
            "секојдневната работа.",
        ),
        "shifting-power": (
            "Пренесување на моќта на луѓето на кои им служиме",
            "Учество што ги менува одлуките: од пополнување формулари до споделување на моќта.",
        ),
        "civic-space-resilience": (
            "Граѓански простор и отпорност",
            "Заеднички одговор на стеснувањето на граѓанскиот простор во регионот.",
        ),
        "failures-lessons-learned": (
            "Неуспеси и научени лекции",
            "Безбеден простор да зборуваме за она што не успеало и што сме промениле.",
        ),
        "transparency-finances-governance": (
            "Транспарентност на финансиите и управувањето",
            "Отворени буџети, одбори и годишни извештаи што луѓето навистина ги читаат.",
        ),
    },
    "hr": {
        "localisation-of-accountability": (
            "Lokalizacija odgovornosti",
            "Rasprave o odgovornosti vraćamo kući: lokalni jezici, lokalne zajednice i prakse "
            "primjerene zapadnom Balkanu umjesto donatorskih predložaka.",
        ),
        "communications-legitimacy-public-trust": (
            "Komunikacija za legitimnost i povjerenje javnosti",
            "Kako organizacije civilnoga društva objašnjavaju svoj rad, svoj novac i svoje "
            "odluke kako bi im javnost mogla vjerovati.",
        ),
        "dynamic-accountability-in-practice": (
            "Dinamička odgovornost u praksi",
            "Primjeri kako u svakodnevnom radu izgleda pristup koji vode ljudi, koji sluša i "
            "odgovara.",
        ),
        "shifting-power": (
            "Prijenos moći na ljude kojima služimo",
            "Sudjelovanje koje mijenja odluke: od ispunjavanja obrazaca do dijeljenja moći.",
        ),
        "civic-space-resilience": (
            "Civilni prostor i otpornost",
            "Zajednički odgovor na sužavanje civilnog prostora u regiji.",
        ),
        "failures-lessons-learned": (
            "Neuspjesi i naučene lekcije",
            "Siguran prostor za razgovor o onome što nije uspjelo i što smo promijenili.",
        ),
        "transparency-finances-governance": (
            "Transparentnost financija i upravljanja",
            "Otvoreni proračuni, upravni odbori i godišnja izvješća koja ljudi stvarno čitaju.",
        ),
    },
    "bs": {
        "localisation-of-accountability": (
            "Lokalizacija odgovornosti",
            "Razgovore o odgovornosti vraćamo kući: lokalni jezici, lokalne zajednice i prakse "
            "primjerene Zapadnom Balkanu umjesto donatorskih šablona.",
        ),
        "communications-legitimacy-public-trust": (
            "Komunikacija za legitimnost i povjerenje javnosti",
            "Kako organizacije civilnog društva objašnjavaju svoj rad, svoj novac i svoje "
            "odluke da bi im javnost mogla vjerovati.",
        ),
        "dynamic-accountability-in-practice": (
            "Dinamička odgovornost u praksi",
            "Primjeri kako u svakodnevnom radu izgleda pristup koji vode ljudi, koji sluša i "
            "odgovara.",
        ),
        "shifting-power": (
            "Prenošenje moći na ljude kojima služimo",
            "Učešće koje mijenja odluke: od popunjavanja formulara do dijeljenja moći.",
        ),
        "civic-space-resilience": (
            "Civilni prostor i otpornost",
            "Zajednički odgovor na sužavanje civilnog prostora u regionu.",
        ),
        "failures-lessons-learned": (
            "Neuspjesi i naučene lekcije",
            "Siguran prostor za razgovor o onome što nije uspjelo i šta smo promijenili.",
        ),
        "transparency-finances-governance": (
            "Transparentnost finansija i upravljanja",
            "Otvoreni budžeti, upravni odbori i godišnji izvještaji koje ljudi zaista čitaju.",
        ),
    },
    "sr-latn": {
        "localisation-of-accountability": (
            "Lokalizacija odgovornosti",
            "Razgovore o odgovornosti vraćamo kući: lokalni jezici, lokalne zajednice i prakse "
            "primerene Zapadnom Balkanu umesto donatorskih šablona.",
        ),
        "communications-legitimacy-public-trust": (
            "Komunikacija za legitimnost i poverenje javnosti",
            "Kako organizacije civilnog društva objašnjavaju svoj rad, svoj novac i svoje "
            "odluke da bi im javnost mogla verovati.",
        ),
        "dynamic-accountability-in-practice": (
            "Dinamička odgovornost u praksi",
            "Primeri kako u svakodnevnom radu izgleda pristup koji vode ljudi, koji sluša i "
            "odgovara.",
        ),
        "shifting-power": (
            "Prenošenje moći na ljude kojima služimo",
            "Učešće koje menja odluke: od popunjavanja formulara do deljenja moći.",
        ),
        "civic-space-resilience": (
            "Civilni prostor i otpornost",
            "Zajednički odgovor na sužavanje civilnog prostora u regionu.",
        ),
        "failures-lessons-learned": (
            "Neuspesi i naučene lekcije",
            "Bezbedan prostor za razgovor o onome što nije uspelo i šta smo promenili.",
        ),
        "transparency-finances-governance": (
            "Transparentnost finansija i upravljanja",
            "Otvoreni budžeti, upravni odbori i godišnji izveštaji koje ljudi zaista čitaju.",
        ),
    },
    "tr": {
        "localisation-of-accountability": (
            "Hesap verebilirliğin yerelleştirilmesi",
            "Hesap verebilirlik tartışmalarını yerele taşımak: yerel diller, yerel topluluklar "
            "ve bağışçı şablonları yerine Batı Balkanlar'a uyan uygulamalar.",
        ),
        "communications-legitimacy-public-trust": (
            "Meşruiyet ve kamu güveni için iletişim",
            "Sivil toplum kuruluşlarının, kamuoyu onlara güvenebilsin diye çalışmalarını, "
            "paralarını ve kararlarını nasıl açıkladıkları.",
        ),
        "dynamic-accountability-in-practice": (
            "Uygulamada dinamik hesap verebilirlik",
            "İnsanların yönlendirdiği, dinleyen ve yanıt veren bir yaklaşımın günlük çalışmada "
            "neye benzediğine dair örnekler.",
        ),
        "shifting-power": (
            "Gücü hizmet ettiğimiz insanlara devretmek",
            "Kararları değiştiren katılım: formalite yerine getirmekten gücü paylaşmaya.",
        ),
        "civic-space-resilience": (
            "Sivil alan ve dayanıklılık",
            "Bölgede sivil alanın daralmasına birlikte yanıt vermek.",
        ),
        "failures-lessons-learned": (
            "Başarısızlıklar ve çıkarılan dersler",
            "İşe yaramayan şeyleri ve neyi değiştirdiğimizi konuşmak için güvenli bir alan.",
        ),
        "transparency-finances-governance": (
            "Finans ve yönetişimde şeffaflık",
            "Açık bütçeler, yönetim kurulları ve insanların gerçekten okuduğu yıllık raporlar.",
        ),
    },
}
TOPICS["cnr"] = {
    slug: (to_montenegrin(name), to_montenegrin(description))
    for slug, (name, description) in TOPICS["bs"].items()
}
TOPICS["sr"] = {
    slug: (to_cyrillic(name), to_cyrillic(description))
    for slug, (name, description) in TOPICS["sr-latn"].items()
}


def translations_fill(obj, language: str, values: dict) -> list[str]:
    """Set obj's empty translated fields in language; return the fields set (not saved)."""
    from modeltranslation.utils import build_localized_fieldname

    changed = []
    for field, value in values.items():
        name = build_localized_fieldname(field, language)
        if not getattr(obj, name):
            setattr(obj, name, value)
            changed.append(name)
    return changed
