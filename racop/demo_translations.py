"""The demo topics in every language of the site, and Serbian's second script.

Written for the demo community, following docs/glossary.md. Serbian in Cyrillic is the
Serbian Latin text transliterated letter by letter, as Serbian readers expect.
"""

import re

from django.conf import settings

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
    ("siguran prostor", "bezbjedan prostor"),
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


# Placeholders ({email}) and addresses stay in Latin letters in Serbian Cyrillic.
_KEEP_LATIN = re.compile(r"(\{[a-z_]+\}|\(mailto:[^)]*\)|https?://\S+)")


def to_cyrillic_text(text: str) -> str:
    """Return to_cyrillic(text) with placeholders and addresses left as they are."""
    parts = _KEEP_LATIN.split(text)
    return "".join(part if index % 2 else to_cyrillic(part) for index, part in enumerate(parts))


def with_derived_languages(texts: dict) -> dict:
    """Return texts {language: value} with Montenegrin from the Bosnian and Serbian Cyrillic
    from the Serbian Latin, the way the demo writes them; values are strings or tuples."""

    def derive(value, convert):
        if isinstance(value, str):
            return convert(value)
        if isinstance(value, dict):
            return {key: derive(item, convert) for key, item in value.items()}
        return type(value)(derive(item, convert) for item in value)

    return {
        **texts,
        "cnr": derive(texts["bs"], to_montenegrin),
        "sr": derive(texts["sr-latn"], to_cyrillic_text),
    }


def _filled(text: str, values: dict) -> str | None:
    """Return text with its placeholders filled, or None when values lack one."""
    try:
        return text.format(**values)
    except KeyError:
        return None


def translations_from_english(obj, fields, texts: dict, **values) -> list[str]:
    """Fill obj's empty translations of fields from texts {language: {English: translation}};
    return the fields set (not saved). Only a field whose English is the demo's own is filled,
    so a text coordinators rewrote never gets the translation of the old one. values fill
    placeholders ({year}) on both sides."""
    from modeltranslation.utils import build_localized_fieldname

    english = settings.LANGUAGE_CODE
    changed = []
    for language, table in texts.items():
        found = {}
        for field in fields:
            own = getattr(obj, build_localized_fieldname(field, english)) or ""
            for source, translation in table.items():
                if own and _filled(source, values) == own:
                    found[field] = translation.format(**values)
        changed += translations_fill(obj, language, found)
    return changed


# The demo's static pages (racop.demo.PAGES), slug → (title, summary, body), per language;
# {name}, {operator} and {email} are filled in as in English.
PAGES = {
    "sq": {
        "about": (
            "Rreth komunitetit",
            "Një komunitet praktike rajonal ku organizatat e shoqërisë civile, rrjetet dhe "
            "aktivistët zotohen ta bëjnë punën e tyre më llogaridhënëse dhe më transparente, dhe "
            "mësojnë nga njëri-tjetri ndërsa hapësira qytetare ngushtohet.",
            """**{name}** është një forum rajonal i drejtuar nga {operator}. Organizatat, rrjetet
dhe aktivistët individualë ndajnë mënyrën si zbatojnë praktika llogaridhënëse dhe transparente
në punën e tyre të përditshme, dhe i përgjigjen së bashku ngushtimit të hapësirës qytetare.

## Si funksionon komuniteti

- **Një Zotim për veprim të përbashkët**: anëtarët angazhohen të forcojnë llogaridhënien dhe
  transparencën e veprimeve të tyre, bazuar në 12 angazhimet e Standardit Global për
  Llogaridhënien e OShC-ve.
- **Një hapësirë e sigurt takimesh** për shkëmbim dhe diskutim, online dhe me prani fizike,
  për temat kryesore të përcaktuara me anëtarët.
- **Një bibliotekë e hapur** burimesh, e përditësuar rregullisht, dhe lajme për zhvillimet
  rajonale dhe globale të llogaridhënies.
- **Përputhje me komunitetin global të praktikës** për llogaridhënien dinamike, për të krijuar
  sinergji dhe mësim të përbashkët.

## Kush mund të anëtarësohet

Komuniteti është i hapur për anëtarët e rrjetit, komunitetet që ata u shërbejnë dhe përfituesit
e granteve të tyre, si dhe për çdo organizatë, rrjet ose aktivist që dëshiron të forcojë
legjitimitetin, transparencën dhe llogaridhënien e vet. Pyetje: na shkruani në
[{email}](mailto:{email}).
""",
        ),
        "concept-note": (
            "Koncept-shënim",
            "Pse një komunitet praktike për llogaridhënien dinamike dhe çfarë do të bëjë.",
            """## Llogaridhënia dinamike

Rreth pesëdhjetë praktikues nga organizatat e shoqërisë civile, donatorët dhe akademia u takuan
për të reflektuar mbi një mënyrë më dinamike të praktikimit të llogaridhënies. Ata arritën në
përfundimin se llogaridhënia dinamike:

- është një mënyrë praktike për të zhvendosur pushtetin dhe duhet të përfshijë transparencën;
- kërkon një ndryshim kulturor të ngulitur në organizatë;
- udhëhiqet nga njerëzit, jo nga donatorët, dhe është qasje e gjithë sektorit;
- do të thotë komunikim me një larmi të madhe njerëzish në gjuhë të ndryshme;
- përfshin dëgjimin dhe vendimmarrjen që u përgjigjet njerëzve, dhe do të thotë ndryshim i
  vazhdueshëm.

## Çfarë kërkuan praktikuesit

- të identifikohen kampionë të llogaridhënies dinamike në nivele të ndryshme;
- të mblidhen shembuj se çfarë do të thotë llogaridhënia dinamike në praktikë;
- të krijohet një hapësirë e sigurt për të folur për sfidat dhe dështimet;
- ta mbajnë njëri-tjetrin llogaridhënës dhe të ndajnë mekanizmat e suksesshëm, dështimet dhe
  mësimet.

## Çfarë do të bëjë komuniteti

Korniza e aktiviteteve dhe plani i veprimit hartohen me anëtarët, përmes një procesi
bashkëkrijimi, që të përputhen me nevojat dhe interesat e tyre.
""",
        ),
        "code-of-conduct": (
            "Kodi i sjelljes",
            "Si sillemi me njëri-tjetrin në një hapësirë të sigurt.",
            """Jemi këtu për të mësuar nga njëri-tjetri, edhe nga dështimet. Që kjo të mbetet një
hapësirë e sigurt:

1. **Respektoni konfidencialitetin.** Ajo që ndahet sipas Rregullit të Chatham House mund të
   përdoret, por identiteti ose përkatësia e folësit nuk mund të zbulohet.
2. **Jini bujarë.** Supozoni qëllim të mirë, kritikoni idetë dhe jo njerëzit.
3. **Asnjë ngacmim** i asnjë lloji, online ose në takime.
4. **Mbroni njerëzit në rrezik.** Mos ndani kurrë informacion që mund të ekspozojë një aktivist
   ose një organizatë që punon në një mjedis armiqësor.
5. **Raportoni problemet** te koordinatorët në [{email}](mailto:{email}); raportimet trajtohen
   në mirëbesim.
""",
        ),
        "privacy": (
            "Njoftim për privatësinë",
            "Çfarë ruajmë për ju, pse, dhe si ta merrni ose ta fshini.",
            """{operator} e drejton këtë portal dhe është përgjegjës për të dhënat tuaja.

- **Çfarë ruajmë**: llogarinë tuaj (emri, email-i, hash-i i fjalëkalimit), kërkesën tuaj për
  anëtarësim, të dhënat e organizatës suaj, atë që shkruani dhe takimet për të cilat
  regjistroheni.
- **Pse**: për të drejtuar komunitetin ku jeni anëtarësuar. Ne nuk i shesim dhe nuk i ndajmë të
  dhënat tuaja, dhe asnjë faqe nuk ngarkon asgjë nga një faqe tjetër interneti, kështu që asnjë
  palë e tretë nuk mëson se na vizitoni.
- **Të drejtat tuaja**: mund t'i eksportoni të dhënat tuaja dhe ta fshini llogarinë tuaj në çdo
  kohë nga faqja e llogarisë suaj, ose të na shkruani në [{email}](mailto:{email}).
""",
        ),
    },
    "bs": {
        "about": (
            "O zajednici",
            "Regionalna zajednica prakse u kojoj se organizacije civilnog društva, mreže i "
            "aktivisti obavezuju da svoj rad učine odgovornijim i transparentnijim i uče jedni "
            "od drugih dok se civilni prostor sužava.",
            """**{name}** je regionalni forum koji vodi {operator}. Organizacije, mreže i
pojedinačni aktivisti dijele kako u svakodnevnom radu primjenjuju odgovorne i transparentne prakse
i zajedno odgovaraju na sužavanje civilnog prostora.

## Kako zajednica radi

- **Izjava o odgovornosti za zajedničko djelovanje**: članovi se obavezuju da jačaju
  odgovornost i transparentnost svog djelovanja, na osnovu 12 obaveza Globalnog standarda za
  odgovornost OCD-a.
- **Siguran prostor za susrete**, razmjenu i raspravu, online i uživo, o ključnim temama
  utvrđenim sa članovima.
- **Otvorena biblioteka** resursa, koja se redovno dopunjava, i vijesti o regionalnim i
  globalnim kretanjima u oblasti odgovornosti.
- **Povezanost s globalnom zajednicom prakse** o dinamičkoj odgovornosti, radi sinergije i
  zajedničkog učenja.

## Ko se može pridružiti

Zajednica je otvorena za članice mreže, zajednice kojima služe i korisnike njihovih grantova,
te za svaku organizaciju, mrežu ili aktivistu koji žele ojačati svoju legitimnost,
transparentnost i odgovornost. Pitanja: pišite na [{email}](mailto:{email}).
""",
        ),
        "concept-note": (
            "Konceptualni dokument",
            "Zašto zajednica prakse o dinamičkoj odgovornosti i šta će raditi.",
            """## Dinamička odgovornost

Pedesetak praktičara iz organizacija civilnog društva, donatorskih organizacija i akademske
zajednice sastalo se da razmisli o dinamičnijem načinu prakticiranja odgovornosti. Zaključili su
da dinamička odgovornost:

- je praktičan način prenošenja moći i mora uključivati transparentnost;
- podrazumijeva kulturnu promjenu ugrađenu u organizaciju;
- vode je ljudi, a ne donatori, i pristup je cijelog sektora;
- znači komunikaciju s najrazličitijim ljudima na različitim jezicima;
- uključuje slušanje i odlučivanje koje odgovara na potrebe ljudi, i znači stalnu promjenu.

## Šta su praktičari tražili

- da se prepoznaju šampioni dinamičke odgovornosti na različitim nivoima;
- da se prikupe primjeri šta dinamička odgovornost znači u praksi;
- da se stvori siguran prostor za razgovor o izazovima i neuspjesima;
- da jedni druge drže odgovornima i dijele uspješne mehanizme, neuspjehe i lekcije.

## Šta će zajednica raditi

Okvir aktivnosti i akcioni plan osmišljavaju se sa članovima, kroz proces zajedničkog
stvaranja, kako bi odgovarali njihovim potrebama i interesima.
""",
        ),
        "code-of-conduct": (
            "Kodeks ponašanja",
            "Kako se odnosimo jedni prema drugima u sigurnom prostoru.",
            """Ovdje smo da učimo jedni od drugih, pa i iz neuspjeha. Da ovo ostane siguran prostor:

1. **Poštujte povjerljivost.** Ono što se podijeli po pravilu Chatham Housea smije se
   koristiti, ali identitet ili pripadnost govornika ne smiju se otkriti.
2. **Budite velikodušni.** Pretpostavite dobru namjeru, kritikujte ideje, a ne ljude.
3. **Nikakvo uznemiravanje**, ni online ni na susretima.
4. **Zaštitite ljude u opasnosti.** Nikada ne dijelite informacije koje bi mogle izložiti
   aktivistu ili organizaciju koja radi u neprijateljskom okruženju.
5. **Prijavite probleme** koordinatorima na [{email}](mailto:{email}); prijave se rješavaju
   povjerljivo.
""",
        ),
        "privacy": (
            "Obavještenje o privatnosti",
            "Šta čuvamo o vama, zašto i kako to možete dobiti ili izbrisati.",
            """{operator} vodi ovaj portal i odgovoran je za vaše podatke.

- **Šta čuvamo**: vaš račun (ime, e-mail, hash lozinke), vaš zahtjev za članstvo, podatke o
  vašoj organizaciji, ono što pišete i susrete na koje se prijavite.
- **Zašto**: da bismo vodili zajednicu kojoj ste se pridružili. Vaše podatke ne prodajemo niti
  dijelimo, a nijedna stranica ne učitava ništa s druge web stranice, pa nijedna treća strana ne
  saznaje da nas posjećujete.
- **Vaša prava**: svoje podatke možete izvesti i svoj račun izbrisati u bilo kojem trenutku na
  stranici svog računa, ili nam pisati na [{email}](mailto:{email}).
""",
        ),
    },
    "hr": {
        "about": (
            "O zajednici",
            "Regionalna zajednica prakse u kojoj se organizacije civilnoga društva, mreže i "
            "aktivisti obvezuju svoj rad učiniti odgovornijim i transparentnijim te uče jedni od "
            "drugih dok se civilni prostor sužava.",
            """**{name}** regionalni je forum koji vodi {operator}. Organizacije, mreže i
pojedinačni aktivisti dijele kako u svakodnevnom radu primjenjuju odgovorne i transparentne
prakse te zajednički odgovaraju na sužavanje civilnoga prostora.

## Kako zajednica djeluje

- **Izjava o odgovornosti za zajedničko djelovanje**: članovi se obvezuju jačati odgovornost i
  transparentnost svojega djelovanja, na temelju 12 obveza Globalnog standarda za odgovornost
  OCD-a.
- **Siguran prostor za susrete**, razmjenu i raspravu, online i uživo, o ključnim temama
  utvrđenima s članovima.
- **Otvorena knjižnica** izvora koja se redovito dopunjuje te vijesti o regionalnim i globalnim
  kretanjima u području odgovornosti.
- **Povezanost s globalnom zajednicom prakse** o dinamičkoj odgovornosti, radi sinergije i
  zajedničkog učenja.

## Tko se može pridružiti

Zajednica je otvorena članicama mreže, zajednicama kojima služe i korisnicima njihovih potpora
te svakoj organizaciji, mreži ili aktivistu koji žele ojačati svoju legitimnost,
transparentnost i odgovornost. Pitanja: pišite na [{email}](mailto:{email}).
""",
        ),
        "concept-note": (
            "Konceptualni dokument",
            "Zašto zajednica prakse o dinamičkoj odgovornosti i što će raditi.",
            """## Dinamička odgovornost

Pedesetak praktičara iz organizacija civilnoga društva, donatora i akademske zajednice okupilo se
kako bi promišljali o dinamičnijem načinu prakticiranja odgovornosti. Zaključili su da dinamička
odgovornost:

- praktičan je način prijenosa moći i mora uključivati transparentnost;
- podrazumijeva kulturnu promjenu ugrađenu u organizaciju;
- vode je ljudi, a ne donatori, i pristup je cijeloga sektora;
- znači komunikaciju s najrazličitijim ljudima na različitim jezicima;
- uključuje slušanje i odlučivanje koje odgovara na potrebe ljudi te znači stalnu promjenu.

## Što su praktičari tražili

- prepoznati predvodnike dinamičke odgovornosti na različitim razinama;
- prikupiti primjere što dinamička odgovornost znači u praksi;
- stvoriti siguran prostor za razgovor o izazovima i neuspjesima;
- međusobno se držati odgovornima i dijeliti uspješne mehanizme, neuspjehe i lekcije.

## Što će zajednica raditi

Okvir aktivnosti i akcijski plan osmišljavaju se s članovima, u procesu zajedničkog stvaranja,
kako bi odgovarali njihovim potrebama i interesima.
""",
        ),
        "code-of-conduct": (
            "Kodeks ponašanja",
            "Kako se odnosimo jedni prema drugima u sigurnom prostoru.",
            """Ovdje smo kako bismo učili jedni od drugih, pa i iz neuspjeha. Da ovo ostane siguran
prostor:

1. **Poštujte povjerljivost.** Ono što se podijeli prema pravilu Chatham Housea smije se
   koristiti, ali se identitet ili pripadnost govornika ne smiju otkriti.
2. **Budite velikodušni.** Pretpostavite dobru namjeru, kritizirajte ideje, a ne ljude.
3. **Nikakvo uznemiravanje**, ni na internetu ni na susretima.
4. **Zaštitite ljude u opasnosti.** Nikada ne dijelite informacije koje bi mogle izložiti
   aktivista ili organizaciju koja djeluje u neprijateljskom okruženju.
5. **Prijavite probleme** koordinatorima na [{email}](mailto:{email}); prijave se rješavaju
   povjerljivo.
""",
        ),
        "privacy": (
            "Obavijest o privatnosti",
            "Što čuvamo o vama, zašto i kako to možete dobiti ili izbrisati.",
            """{operator} vodi ovaj portal i odgovoran je za vaše podatke.

- **Što čuvamo**: vaš račun (ime, e-pošta, sažetak lozinke), vaš zahtjev za članstvo, podatke o
  vašoj organizaciji, ono što pišete i susrete na koje se prijavite.
- **Zašto**: kako bismo vodili zajednicu kojoj ste se pridružili. Vaše podatke ne prodajemo niti
  dijelimo, a nijedna stranica ne učitava ništa s drugog mrežnog mjesta, pa nijedna treća strana
  ne saznaje da nas posjećujete.
- **Vaša prava**: svoje podatke možete izvesti i svoj račun izbrisati u bilo kojem trenutku na
  stranici svojega računa ili nam pisati na [{email}](mailto:{email}).
""",
        ),
    },
    "sr-latn": {
        "about": (
            "O zajednici",
            "Regionalna zajednica prakse u kojoj se organizacije civilnog društva, mreže i "
            "aktivisti obavezuju da svoj rad učine odgovornijim i transparentnijim i uče jedni "
            "od drugih dok se civilni prostor sužava.",
            """**{name}** je regionalni forum koji vodi {operator}. Organizacije, mreže i
pojedinačni aktivisti dele kako u svakodnevnom radu primenjuju odgovorne i transparentne prakse i
zajedno odgovaraju na sužavanje civilnog prostora.

## Kako zajednica radi

- **Izjava o odgovornosti za zajedničko delovanje**: članovi se obavezuju da jačaju
  odgovornost i transparentnost svog delovanja, na osnovu 12 obaveza Globalnog standarda za
  odgovornost OCD.
- **Bezbedan prostor za susrete**, razmenu i diskusiju, onlajn i uživo, o ključnim temama
  utvrđenim sa članovima.
- **Otvorena biblioteka** resursa, koja se redovno dopunjuje, i vesti o regionalnim i globalnim
  kretanjima u oblasti odgovornosti.
- **Povezanost sa globalnom zajednicom prakse** o dinamičkoj odgovornosti, radi sinergije i
  zajedničkog učenja.

## Ko može da se pridruži

Zajednica je otvorena za članice mreže, zajednice kojima služe i korisnike njihovih grantova,
kao i za svaku organizaciju, mrežu ili aktivistu koji žele da ojačaju svoju legitimnost,
transparentnost i odgovornost. Pitanja: pišite na [{email}](mailto:{email}).
""",
        ),
        "concept-note": (
            "Konceptualni dokument",
            "Zašto zajednica prakse o dinamičkoj odgovornosti i šta će raditi.",
            """## Dinamička odgovornost

Pedesetak praktičara iz organizacija civilnog društva, donatorskih organizacija i akademske
zajednice sastalo se da razmisli o dinamičnijem načinu praktikovanja odgovornosti. Zaključili su
da dinamička odgovornost:

- je praktičan način prenošenja moći i mora da uključuje transparentnost;
- podrazumeva kulturnu promenu ugrađenu u organizaciju;
- vode je ljudi, a ne donatori, i pristup je celog sektora;
- znači komunikaciju sa najrazličitijim ljudima na različitim jezicima;
- uključuje slušanje i odlučivanje koje odgovara na potrebe ljudi, i znači stalnu promenu.

## Šta su praktičari tražili

- da se prepoznaju šampioni dinamičke odgovornosti na različitim nivoima;
- da se prikupe primeri šta dinamička odgovornost znači u praksi;
- da se stvori bezbedan prostor za razgovor o izazovima i neuspesima;
- da jedni druge drže odgovornima i dele uspešne mehanizme, neuspehe i lekcije.

## Šta će zajednica raditi

Okvir aktivnosti i akcioni plan osmišljavaju se sa članovima, kroz proces zajedničkog
stvaranja, kako bi odgovarali njihovim potrebama i interesovanjima.
""",
        ),
        "code-of-conduct": (
            "Kodeks ponašanja",
            "Kako se odnosimo jedni prema drugima u bezbednom prostoru.",
            """Ovde smo da učimo jedni od drugih, pa i iz neuspeha. Da ovo ostane bezbedan prostor:

1. **Poštujte poverljivost.** Ono što se podeli po pravilu Četam hausa sme da se koristi, ali
   identitet ili pripadnost govornika ne sme da se otkrije.
2. **Budite velikodušni.** Pretpostavite dobru nameru, kritikujte ideje, a ne ljude.
3. **Nikakvo uznemiravanje**, ni onlajn ni na susretima.
4. **Zaštitite ljude u opasnosti.** Nikada ne delite informacije koje bi mogle da izlože
   aktivistu ili organizaciju koja radi u neprijateljskom okruženju.
5. **Prijavite probleme** koordinatorima na [{email}](mailto:{email}); prijave se rešavaju
   poverljivo.
""",
        ),
        "privacy": (
            "Obaveštenje o privatnosti",
            "Šta čuvamo o vama, zašto i kako to možete da dobijete ili izbrišete.",
            """{operator} vodi ovaj portal i odgovoran je za vaše podatke.

- **Šta čuvamo**: vaš nalog (ime, imejl, heš lozinke), vaš zahtev za članstvo, podatke o vašoj
  organizaciji, ono što pišete i susrete na koje se prijavite.
- **Zašto**: da bismo vodili zajednicu kojoj ste se pridružili. Vaše podatke ne prodajemo niti
  delimo, a nijedna stranica ne učitava ništa sa drugog veb-sajta, pa nijedna treća strana ne
  saznaje da nas posećujete.
- **Vaša prava**: svoje podatke možete da izvezete i svoj nalog da izbrišete u bilo kom trenutku
  na stranici svog naloga, ili da nam pišete na [{email}](mailto:{email}).
""",
        ),
    },
    "mk": {
        "about": (
            "За заедницата",
            "Регионална заедница на практика во која граѓанските организации, мрежите и "
            "активистите се обврзуваат својата работа да ја направат поотчетна и "
            "потранспарентна и учат едни од други додека граѓанскиот простор се стеснува.",
            """**{name}** е регионален форум што го води {operator}. Организации, мрежи и поединечни
активисти споделуваат како применуваат отчетни и транспарентни практики во секојдневната работа
и заедно одговараат на стеснувањето на граѓанскиот простор.

## Како работи заедницата

- **Заложба за заедничко дејствување**: членовите се обврзуваат да ја зајакнат отчетноста и
  транспарентноста на своето дејствување, врз основа на 12-те обврски од Глобалниот стандард
  за отчетност на граѓанските организации.
- **Безбеден простор за средби**, размена и дискусија, онлајн и во живо, за клучните теми
  утврдени со членовите.
- **Отворена библиотека** на ресурси, што редовно се дополнува, и вести за регионалните и
  глобалните случувања во областа на отчетноста.
- **Усогласеност со глобалната заедница на практика** за динамична отчетност, за синергија и
  заедничко учење.

## Кој може да се зачлени

Заедницата е отворена за членките на мрежата, заедниците на кои им служат и корисниците на
нивните грантови, како и за секоја организација, мрежа или активист што сака да ја зајакне
својата легитимност, транспарентност и отчетност. Прашања: пишете ни на [{email}](mailto:{email}).
""",
        ),
        "concept-note": (
            "Концептуален документ",
            "Зошто заедница на практика за динамична отчетност и што ќе прави.",
            """## Динамична отчетност

Педесетина практичари од граѓански организации, донатори и академската заедница се сретнаа за
да размислат за подинамичен начин на практикување на отчетноста. Заклучија дека динамичната
отчетност:

- е практичен начин за пренесување на моќта и мора да вклучува транспарентност;
- подразбира културна промена вградена во организацијата;
- ја водат луѓето, а не донаторите, и е пристап на целиот сектор;
- значи комуникација со најразлични луѓе на различни јазици;
- вклучува слушање и одлучување што одговара на потребите на луѓето, и значи постојана промена.

## Што побараа практичарите

- да се препознаат шампиони на динамичната отчетност на различни нивоа;
- да се соберат примери што значи динамичната отчетност во пракса;
- да се создаде безбеден простор за разговор за предизвиците и неуспесите;
- меѓусебно да се држат отчетни и да споделуваат успешни механизми, неуспеси и лекции.

## Што ќе прави заедницата

Рамката на активности и акцискиот план се осмислуваат со членовите, преку процес на заедничко
создавање, за да одговараат на нивните потреби и интереси.
""",
        ),
        "code-of-conduct": (
            "Кодекс на однесување",
            "Како се однесуваме едни кон други во безбеден простор.",
            """Тука сме за да учиме едни од други, вклучително и од неуспесите. За ова да остане
безбеден простор:

1. **Почитувајте ја доверливоста.** Она што се споделува според правилото на Четем Хаус може
   да се користи, но идентитетот или припадноста на говорникот не смее да се открие.
2. **Бидете великодушни.** Претпоставете добра намера, критикувајте ги идеите, а не луѓето.
3. **Никакво вознемирување**, ниту онлајн ниту на средбите.
4. **Заштитете ги луѓето во ризик.** Никогаш не споделувајте информации што би можеле да
   изложат активист или организација што работи во непријателска средина.
5. **Пријавете ги проблемите** кај координаторите на [{email}](mailto:{email}); пријавите се
   решаваат доверливо.
""",
        ),
        "privacy": (
            "Известување за приватност",
            "Што чуваме за вас, зошто и како да го добиете или избришете.",
            """{operator} го води овој портал и е одговорен за вашите податоци.

- **Што чуваме**: вашата сметка (име, е-пошта, хаш на лозинката), вашата пријава за членство,
  податоците за вашата организација, она што го пишувате и средбите на кои се пријавувате.
- **Зошто**: за да ја водиме заедницата во која се зачленивте. Не ги продаваме и не ги
  споделуваме вашите податоци, и ниту една страница не вчитува ништо од друга веб-страница, па
  ниту една трета страна не дознава дека нè посетувате.
- **Вашите права**: можете да ги извезете вашите податоци и да ја избришете вашата сметка во
  секое време од страницата на вашата сметка, или да ни пишете на [{email}](mailto:{email}).
""",
        ),
    },
    "tr": {
        "about": (
            "Topluluk hakkında",
            "Sivil toplum kuruluşlarının, ağların ve aktivistlerin kendi çalışmalarını daha "
            "hesap verebilir ve şeffaf kılmayı taahhüt ettiği, sivil alan daralırken "
            "birbirlerinden öğrendiği bölgesel bir uygulama topluluğu.",
            """**{name}**, {operator} tarafından yürütülen bölgesel bir forumdur. Kuruluşlar, ağlar
ve bireysel aktivistler, günlük çalışmalarında hesap verebilir ve şeffaf uygulamaları nasıl hayata
geçirdiklerini paylaşır ve sivil alanın daralmasına birlikte yanıt verir.

## Topluluk nasıl çalışır

- **Ortak eylem için Taahhütname**: üyeler, STK Hesap Verebilirliği Küresel Standardı'nın 12
  yükümlülüğüne dayanarak faaliyetlerinin hesap verebilirliğini ve şeffaflığını güçlendirmeyi
  taahhüt eder.
- **Güvenli bir buluşma alanı**: üyelerle birlikte belirlenen temel konularda, çevrim içi ve yüz
  yüze fikir alışverişi ve tartışma.
- **Açık bir kütüphane**: düzenli olarak güncellenen kaynaklar ve bölgesel ve küresel hesap
  verebilirlik gelişmelerine dair haberler.
- **Küresel uygulama topluluğuyla uyum**: dinamik hesap verebilirlik konusunda sinerji ve ortak
  öğrenme için.

## Kimler katılabilir

Topluluk; ağın üyelerine, hizmet ettikleri topluluklara ve hibe verdikleri kuruluşlara, ayrıca
meşruiyetini, şeffaflığını ve hesap verebilirliğini güçlendirmek isteyen her kuruluşa, ağa ya da
aktiviste açıktır. Sorularınız için [{email}](mailto:{email}) adresine yazın.
""",
        ),
        "concept-note": (
            "Kavram notu",
            "Neden dinamik hesap verebilirlik üzerine bir uygulama topluluğu ve neler yapacak.",
            """## Dinamik hesap verebilirlik

Sivil toplum kuruluşlarından, bağışçılardan ve akademiden yaklaşık elli uygulayıcı, hesap
verebilirliği daha dinamik bir şekilde uygulamanın yollarını düşünmek için bir araya geldi.
Dinamik hesap verebilirlik için şu sonuca vardılar:

- gücü devretmenin pratik bir yoludur ve şeffaflığı içermelidir;
- kuruluşun içine yerleşmiş kültürel bir değişim gerektirir;
- bağışçılar tarafından değil insanlar tarafından yönlendirilir ve tüm sektörü kapsayan bir
  yaklaşımdır;
- farklı dillerde çok çeşitli insanlarla iletişim kurmak demektir;
- dinlemeyi ve insanlara yanıt veren karar almayı içerir ve sürekli değişim demektir.

## Uygulayıcılar ne istedi

- farklı düzeylerde dinamik hesap verebilirlik öncülerini belirlemek;
- dinamik hesap verebilirliğin uygulamada ne anlama geldiğine dair örnekler toplamak;
- zorluklar ve başarısızlıklar hakkında konuşmak için güvenli bir alan yaratmak;
- birbirini hesap verebilir tutmak ve başarılı mekanizmaları, başarısızlıkları ve dersleri
  paylaşmak.

## Topluluk ne yapacak

Faaliyet çerçevesi ve eylem planı, üyelerin ihtiyaç ve ilgi alanlarıyla örtüşmesi için onlarla
birlikte, ortak bir yaratım süreciyle hazırlanır.
""",
        ),
        "code-of-conduct": (
            "Davranış kuralları",
            "Güvenli bir alanda birbirimize nasıl davrandığımız.",
            """Başarısızlıklar da dahil olmak üzere birbirimizden öğrenmek için buradayız. Burayı
güvenli bir alan olarak korumak için:

1. **Gizliliğe saygı gösterin.** Chatham House Kuralı ile paylaşılanlar kullanılabilir, ancak
   konuşanın kimliği veya bağlı olduğu kurum açıklanamaz.
2. **Cömert olun.** İyi niyet varsayın; insanları değil fikirleri eleştirin.
3. **Hiçbir türde taciz yok**; ne çevrim içi ne de buluşmalarda.
4. **Risk altındaki insanları koruyun.** Düşmanca bir ortamda çalışan bir aktivisti ya da
   kuruluşu açığa çıkarabilecek bilgileri asla paylaşmayın.
5. **Sorunları bildirin**: koordinatörlere [{email}](mailto:{email}) adresinden yazın;
   bildirimler gizlilik içinde ele alınır.
""",
        ),
        "privacy": (
            "Gizlilik bildirimi",
            "Hakkınızda neleri sakladığımız, neden sakladığımız ve bunları nasıl alabileceğiniz "
            "ya da silebileceğiniz.",
            """Bu portalı {operator} yürütür ve verilerinizden sorumludur.

- **Neleri saklıyoruz**: hesabınızı (ad, e-posta, parola özeti), katılım başvurunuzu,
  kuruluşunuzun bilgilerini, yazdıklarınızı ve kaydolduğunuz etkinlikleri.
- **Neden**: katıldığınız topluluğu yürütmek için. Verilerinizi satmıyor ve paylaşmıyoruz;
  hiçbir sayfa başka bir web sitesinden bir şey yüklemez, böylece hiçbir üçüncü taraf bizi
  ziyaret ettiğinizi öğrenmez.
- **Haklarınız**: verilerinizi dilediğiniz zaman hesap sayfanızdan dışa aktarabilir ve
  hesabınızı silebilir ya da [{email}](mailto:{email}) adresine yazabilirsiniz.
""",
        ),
    },
}
PAGES = with_derived_languages(PAGES)
