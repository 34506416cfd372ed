"""The demo events in every language of the site, following docs/glossary.md.

Montenegrin and Serbian Cyrillic come from the Bosnian and Serbian Latin wording
(racop.demo_translations.with_derived_languages).
"""

from racop.demo_translations import with_derived_languages

# English → translation, per language: the events' titles and descriptions.
EVENTS = with_derived_languages({
    "sq": {
        "Regional convening: accountability under pressure":
            "Takim rajonal: llogaridhënia nën presion",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Takimi i parë rajonal i komunitetit: çfarë do të thotë llogaridhënia dinamike për "
            "organizatat nën presion.",
        "Online exchange: feedback mechanisms that people use":
            "Shkëmbim online: mekanizmat e reagimeve që njerëzit i përdorin",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Tre anëtarë tregojnë mekanizmat e reagimeve që drejtojnë dhe çfarë ndryshoi falë "
            "tyre.",
        "Workshop in Skopje: transparent finances in practice":
            "Punëtori në Shkup: financa transparente në praktikë",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Një punëtori praktike: publikoni një buxhet njëfaqësh që e kuptojnë njerëzit të "
            "cilëve u shërbeni. Grup i vogël, prandaj ka listë pritjeje.",
    },
    "bs": {
        "Regional convening: accountability under pressure":
            "Regionalni susret: odgovornost pod pritiskom",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Prvi regionalni susret zajednice: šta dinamička odgovornost znači za organizacije "
            "pod pritiskom.",
        "Online exchange: feedback mechanisms that people use":
            "Online razmjena: mehanizmi povratnih informacija koje ljudi koriste",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Tri članice pokazuju mehanizme povratnih informacija koje vode i šta se "
            "zahvaljujući njima promijenilo.",
        "Workshop in Skopje: transparent finances in practice":
            "Radionica u Skoplju: transparentne finansije u praksi",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Praktična radionica: objavite budžet na jednoj stranici koji razumiju ljudi kojima "
            "služite. Mala grupa, pa postoji lista čekanja.",
    },
    "hr": {
        "Regional convening: accountability under pressure":
            "Regionalni susret: odgovornost pod pritiskom",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Prvi regionalni susret zajednice: što dinamička odgovornost znači za organizacije "
            "pod pritiskom.",
        "Online exchange: feedback mechanisms that people use":
            "Online razmjena: mehanizmi povratnih informacija kojima se ljudi služe",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Tri članice pokazuju mehanizme povratnih informacija koje vode i što se "
            "zahvaljujući njima promijenilo.",
        "Workshop in Skopje: transparent finances in practice":
            "Radionica u Skopju: transparentne financije u praksi",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Praktična radionica: objavite proračun na jednoj stranici koji razumiju ljudi kojima "
            "služite. Mala skupina, pa postoji lista čekanja.",
    },
    "sr-latn": {
        "Regional convening: accountability under pressure":
            "Regionalni susret: odgovornost pod pritiskom",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Prvi regionalni susret zajednice: šta dinamička odgovornost znači za organizacije "
            "pod pritiskom.",
        "Online exchange: feedback mechanisms that people use":
            "Onlajn razmena: mehanizmi povratnih informacija koje ljudi koriste",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Tri članice pokazuju mehanizme povratnih informacija koje vode i šta se "
            "zahvaljujući njima promenilo.",
        "Workshop in Skopje: transparent finances in practice":
            "Radionica u Skoplju: transparentne finansije u praksi",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Praktična radionica: objavite budžet na jednoj stranici koji razumeju ljudi kojima "
            "služite. Mala grupa, pa postoji lista čekanja.",
    },
    "mk": {
        "Regional convening: accountability under pressure":
            "Регионална средба: отчетност под притисок",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Првата регионална средба на заедницата: што значи динамичната отчетност за "
            "организациите под притисок.",
        "Online exchange: feedback mechanisms that people use":
            "Онлајн размена: механизми за повратни информации што луѓето ги користат",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Три членки ги покажуваат механизмите за повратни информации што ги водат и што се "
            "промени благодарение на нив.",
        "Workshop in Skopje: transparent finances in practice":
            "Работилница во Скопје: транспарентни финансии во пракса",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Практична работилница: објавете буџет на една страница што го разбираат луѓето на "
            "кои им служите. Мала група, па има листа на чекање.",
    },
    "tr": {
        "Regional convening: accountability under pressure":
            "Bölgesel buluşma: baskı altında hesap verebilirlik",
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.":
            "Topluluğun ilk bölgesel buluşması: dinamik hesap verebilirlik baskı altındaki "
            "kuruluşlar için ne anlama geliyor.",
        "Online exchange: feedback mechanisms that people use":
            "Çevrim içi paylaşım: insanların kullandığı geri bildirim mekanizmaları",
        "Three members show the feedback mechanisms they run and what changed because of them.":
            "Üç üye yürüttükleri geri bildirim mekanizmalarını ve bunlar sayesinde nelerin "
            "değiştiğini gösteriyor.",
        "Workshop in Skopje: transparent finances in practice":
            "Üsküp'te atölye: uygulamada şeffaf finans",
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.":
            "Uygulamalı bir atölye: hizmet ettiğiniz insanların anlayacağı tek sayfalık bir "
            "bütçe yayımlayın. Küçük bir grup, bu yüzden bekleme listesi var.",
    },
})  # fmt: skip
