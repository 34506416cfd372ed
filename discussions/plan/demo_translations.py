"""The demo action plan in every language of the site, following docs/glossary.md.

{year} is filled in as in English; Montenegrin and Serbian Cyrillic come from the Bosnian
and Serbian Latin wording.
"""

from racop.demo_translations import with_derived_languages

CURRENT = (
    "Agreed with the members at the first regional convening and open to new proposals all year."
)
TOOLKIT = "Translate the feedback-mechanisms toolkit into Albanian and Macedonian"
WHY = (
    "Members asked for this in the expectations survey: it answers a need many of us share, "
    "and it is small enough to do this year."
)

# English → translation, per language: periods' names and summaries, items' titles and
# descriptions.
PLAN = with_derived_languages({
    "sq": {
        "Action plan {year}": "Plani i veprimit {year}",
        CURRENT: "Dakorduar me anëtarët në takimin e parë rajonal dhe i hapur për propozime të "
        "reja gjatë gjithë vitit.",
        "The community's first plan.": "Plani i parë i komunitetit.",
        "Quarterly online exchange on feedback mechanisms":
            "Shkëmbim online çdo tre muaj për mekanizmat e reagimeve",
        "Regional convening on accountability under pressure":
            "Takim rajonal për llogaridhënien nën presion",
        "Lessons-learned space for members": "Hapësirë për mësimet e nxjerra për anëtarët",
        "Mapping of donors' accountability requirements":
            "Hartëzimi i kërkesave të donatorëve për llogaridhënie",
        "Launch the community portal": "Lansimi i portalit të komunitetit",
        TOOLKIT: "Përkthimi i udhëzuesit për mekanizmat e reagimeve në shqip dhe maqedonisht",
        "Agreed at the regional convening.": "Dakorduar në takimin rajonal.",
        WHY: "Anëtarët e kërkuan këtë në anketën e pritshmërive: u përgjigjet një nevoje që e "
        "ndajnë shumë prej nesh dhe është mjaft e vogël për t'u bërë këtë vit.",
    },
    "bs": {
        "Action plan {year}": "Akcioni plan {year}",
        CURRENT: "Dogovoren sa članovima na prvom regionalnom susretu i otvoren za nove "
        "prijedloge cijele godine.",
        "The community's first plan.": "Prvi plan zajednice.",
        "Quarterly online exchange on feedback mechanisms":
            "Tromjesečna online razmjena o mehanizmima povratnih informacija",
        "Regional convening on accountability under pressure":
            "Regionalni susret o odgovornosti pod pritiskom",
        "Lessons-learned space for members": "Prostor za naučene lekcije za članove",
        "Mapping of donors' accountability requirements":
            "Mapiranje zahtjeva donatora u vezi s odgovornošću",
        "Launch the community portal": "Pokretanje portala zajednice",
        TOOLKIT: "Prevod priručnika o mehanizmima povratnih informacija na albanski i makedonski",
        "Agreed at the regional convening.": "Dogovoreno na regionalnom susretu.",
        WHY: "Članovi su ovo tražili u anketi o očekivanjima: odgovara na potrebu koju mnogi od "
        "nas dijele i dovoljno je malo da se uradi ove godine.",
    },
    "hr": {
        "Action plan {year}": "Akcijski plan {year}",
        CURRENT: "Dogovoren s članovima na prvom regionalnom susretu i otvoren za nove "
        "prijedloge cijele godine.",
        "The community's first plan.": "Prvi plan zajednice.",
        "Quarterly online exchange on feedback mechanisms":
            "Tromjesečna online razmjena o mehanizmima povratnih informacija",
        "Regional convening on accountability under pressure":
            "Regionalni susret o odgovornosti pod pritiskom",
        "Lessons-learned space for members": "Prostor za naučene lekcije za članove",
        "Mapping of donors' accountability requirements":
            "Mapiranje zahtjeva donatora u vezi s odgovornošću",
        "Launch the community portal": "Pokretanje portala zajednice",
        TOOLKIT: "Prijevod priručnika o mehanizmima povratnih informacija na albanski i "
        "makedonski",
        "Agreed at the regional convening.": "Dogovoreno na regionalnom susretu.",
        WHY: "Članovi su ovo tražili u anketi o očekivanjima: odgovara na potrebu koju mnogi od "
        "nas dijele i dovoljno je malo da se napravi ove godine.",
    },
    "sr-latn": {
        "Action plan {year}": "Akcioni plan {year}",
        CURRENT: "Dogovoren sa članovima na prvom regionalnom susretu i otvoren za nove "
        "predloge cele godine.",
        "The community's first plan.": "Prvi plan zajednice.",
        "Quarterly online exchange on feedback mechanisms":
            "Tromesečna onlajn razmena o mehanizmima povratnih informacija",
        "Regional convening on accountability under pressure":
            "Regionalni susret o odgovornosti pod pritiskom",
        "Lessons-learned space for members": "Prostor za naučene lekcije za članove",
        "Mapping of donors' accountability requirements":
            "Mapiranje zahteva donatora u vezi sa odgovornošću",
        "Launch the community portal": "Pokretanje portala zajednice",
        TOOLKIT: "Prevod priručnika o mehanizmima povratnih informacija na albanski i makedonski",
        "Agreed at the regional convening.": "Dogovoreno na regionalnom susretu.",
        WHY: "Članovi su ovo tražili u anketi o očekivanjima: odgovara na potrebu koju mnogi od "
        "nas dele i dovoljno je malo da se uradi ove godine.",
    },
    "mk": {
        "Action plan {year}": "Акциски план {year}",
        CURRENT: "Договорен со членовите на првата регионална средба и отворен за нови предлози "
        "цела година.",
        "The community's first plan.": "Првиот план на заедницата.",
        "Quarterly online exchange on feedback mechanisms":
            "Квартална онлајн размена за механизмите за повратни информации",
        "Regional convening on accountability under pressure":
            "Регионална средба за отчетноста под притисок",
        "Lessons-learned space for members": "Простор за научени лекции за членовите",
        "Mapping of donors' accountability requirements":
            "Мапирање на барањата на донаторите за отчетност",
        "Launch the community portal": "Лансирање на порталот на заедницата",
        TOOLKIT: "Превод на прирачникот за механизми за повратни информации на албански и "
        "македонски",
        "Agreed at the regional convening.": "Договорено на регионалната средба.",
        WHY: "Членовите го побараа ова во анкетата за очекувањата: одговара на потреба што ја "
        "споделуваат многумина од нас и е доволно мало за да се направи оваа година.",
    },
    "tr": {
        "Action plan {year}": "{year} eylem planı",
        CURRENT: "İlk bölgesel buluşmada üyelerle kararlaştırıldı ve yıl boyunca yeni önerilere "
        "açık.",
        "The community's first plan.": "Topluluğun ilk planı.",
        "Quarterly online exchange on feedback mechanisms":
            "Geri bildirim mekanizmaları üzerine üç ayda bir çevrim içi paylaşım",
        "Regional convening on accountability under pressure":
            "Baskı altında hesap verebilirlik üzerine bölgesel buluşma",
        "Lessons-learned space for members": "Üyeler için çıkarılan dersler alanı",
        "Mapping of donors' accountability requirements":
            "Bağışçıların hesap verebilirlik şartlarının haritalanması",
        "Launch the community portal": "Topluluk portalının açılması",
        TOOLKIT: "Geri bildirim mekanizmaları araç setinin Arnavutçaya ve Makedoncaya çevrilmesi",
        "Agreed at the regional convening.": "Bölgesel buluşmada kararlaştırıldı.",
        WHY: "Üyeler bunu beklentiler anketinde istedi: çoğumuzun paylaştığı bir ihtiyaca yanıt "
        "veriyor ve bu yıl yapılabilecek kadar küçük.",
    },
})  # fmt: skip
