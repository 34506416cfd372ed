"""The demo survey in every language of the site, following docs/glossary.md.

Options are translated line by line (answers store the English line); Montenegrin and
Serbian Cyrillic come from the Bosnian and Serbian Latin wording.
"""

from racop.demo_translations import with_derived_languages

FORMATS = "Online\nIn person\nHybrid"
FREQUENCIES = "Monthly\nEvery three months\nTwice a year"
ACTIVITIES = "Peer exchanges\nTrainings\nToolkits and resources\nJoint advocacy"
LANGUAGES = "Albanian\nBosnian/Croatian/Montenegrin/Serbian\nMacedonian\nTurkish\nEnglish"

# English → translation, per language: the survey's title and description, its questions and
# their options.
SURVEY = with_derived_languages({
    "sq": {
        "Expectations and priorities": "Pritshmëritë dhe prioritetet",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Një anketë e shkurtër për të mësuar çfarë prisni nga komuniteti, cilat tema dhe "
            "formate preferoni dhe çfarë mund të ofroni.",
        "Which topics matter most to you?": "Cilat tema kanë më shumë rëndësi për ju?",
        "Which format do you prefer for exchanges?": "Cilin format preferoni për shkëmbimet?",
        FORMATS: "Online\nMe prani fizike\nHibrid",
        "How often should the community meet?": "Sa shpesh duhet të takohet komuniteti?",
        FREQUENCIES: "Çdo muaj\nÇdo tre muaj\nDy herë në vit",
        "Rank these activities by how useful they would be to you.":
            "Renditni këto aktivitete sipas dobisë që do të kishin për ju.",
        ACTIVITIES: "Shkëmbime mes kolegësh\nTrajnime\nUdhëzues dhe burime\nAvokim i përbashkët",
        "How useful do you expect the community to be for your work?":
            "Sa të dobishëm prisni që të jetë komuniteti për punën tuaj?",
        "In which languages can you take part?": "Në cilat gjuhë mund të merrni pjesë?",
        LANGUAGES: "Shqip\nBoshnjakisht/Kroatisht/Malazezisht/Serbisht\nMaqedonisht\nTurqisht\n"
        "Anglisht",
        "What could you offer to other members?": "Çfarë mund t'u ofroni anëtarëve të tjerë?",
    },
    "bs": {
        "Expectations and priorities": "Očekivanja i prioriteti",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Kratka anketa da saznamo šta očekujete od zajednice, koje teme i formate više "
            "volite i šta možete ponuditi.",
        "Which topics matter most to you?": "Koje su vam teme najvažnije?",
        "Which format do you prefer for exchanges?": "Koji format razmjene više volite?",
        FORMATS: "Online\nUživo\nHibridno",
        "How often should the community meet?": "Koliko često bi se zajednica trebala sastajati?",
        FREQUENCIES: "Mjesečno\nSvaka tri mjeseca\nDvaput godišnje",
        "Rank these activities by how useful they would be to you.":
            "Rangirajte ove aktivnosti prema tome koliko bi vam bile korisne.",
        ACTIVITIES: "Razmjene među kolegama\nObuke\nPriručnici i resursi\nZajedničko zagovaranje",
        "How useful do you expect the community to be for your work?":
            "Koliko očekujete da će vam zajednica biti korisna u radu?",
        "In which languages can you take part?": "Na kojim jezicima možete učestvovati?",
        LANGUAGES: "Albanski\nBosanski/hrvatski/crnogorski/srpski\nMakedonski\nTurski\nEngleski",
        "What could you offer to other members?": "Šta biste mogli ponuditi drugim članovima?",
    },
    "hr": {
        "Expectations and priorities": "Očekivanja i prioriteti",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Kratka anketa kako bismo saznali što očekujete od zajednice, koje teme i oblike više "
            "volite i što možete ponuditi.",
        "Which topics matter most to you?": "Koje su vam teme najvažnije?",
        "Which format do you prefer for exchanges?": "Koji oblik razmjene više volite?",
        FORMATS: "Online\nUživo\nHibridno",
        "How often should the community meet?": "Koliko bi se često zajednica trebala sastajati?",
        FREQUENCIES: "Mjesečno\nSvaka tri mjeseca\nDvaput godišnje",
        "Rank these activities by how useful they would be to you.":
            "Poredajte ove aktivnosti prema tome koliko bi vam bile korisne.",
        ACTIVITIES: "Razmjene među kolegama\nEdukacije\nPriručnici i izvori\nZajedničko "
        "zagovaranje",
        "How useful do you expect the community to be for your work?":
            "Koliko očekujete da će vam zajednica biti korisna u radu?",
        "In which languages can you take part?": "Na kojim jezicima možete sudjelovati?",
        LANGUAGES: "Albanski\nBosanski/hrvatski/crnogorski/srpski\nMakedonski\nTurski\nEngleski",
        "What could you offer to other members?": "Što biste mogli ponuditi drugim članovima?",
    },
    "sr-latn": {
        "Expectations and priorities": "Očekivanja i prioriteti",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Kratka anketa da saznamo šta očekujete od zajednice, koje teme i formate više "
            "volite i šta možete da ponudite.",
        "Which topics matter most to you?": "Koje su vam teme najvažnije?",
        "Which format do you prefer for exchanges?": "Koji format razmene više volite?",
        FORMATS: "Onlajn\nUživo\nHibridno",
        "How often should the community meet?": "Koliko često bi zajednica trebalo da se sastaje?",
        FREQUENCIES: "Mesečno\nSvaka tri meseca\nDvaput godišnje",
        "Rank these activities by how useful they would be to you.":
            "Rangirajte ove aktivnosti prema tome koliko bi vam bile korisne.",
        ACTIVITIES: "Razmene među kolegama\nObuke\nPriručnici i resursi\nZajedničko zagovaranje",
        "How useful do you expect the community to be for your work?":
            "Koliko očekujete da će vam zajednica biti korisna u radu?",
        "In which languages can you take part?": "Na kojim jezicima možete da učestvujete?",
        LANGUAGES: "Albanski\nBosanski/hrvatski/crnogorski/srpski\nMakedonski\nTurski\nEngleski",
        "What could you offer to other members?": "Šta biste mogli da ponudite drugim članovima?",
    },
    "mk": {
        "Expectations and priorities": "Очекувања и приоритети",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Кратка анкета за да дознаеме што очекувате од заедницата, кои теми и формати ги "
            "претпочитате и што можете да понудите.",
        "Which topics matter most to you?": "Кои теми ви се најважни?",
        "Which format do you prefer for exchanges?": "Кој формат на размена го претпочитате?",
        FORMATS: "Онлајн\nВо живо\nХибридно",
        "How often should the community meet?": "Колку често треба да се среќава заедницата?",
        FREQUENCIES: "Месечно\nСекои три месеци\nДва пати годишно",
        "Rank these activities by how useful they would be to you.":
            "Рангирајте ги овие активности според тоа колку би ви биле корисни.",
        ACTIVITIES: "Размени меѓу колеги\nОбуки\nПрирачници и ресурси\nЗаедничко застапување",
        "How useful do you expect the community to be for your work?":
            "Колку очекувате заедницата да ви биде корисна во работата?",
        "In which languages can you take part?": "На кои јазици можете да учествувате?",
        LANGUAGES: "Албански\nБосански/хрватски/црногорски/српски\nМакедонски\nТурски\nАнглиски",
        "What could you offer to other members?":
            "Што би можеле да им понудите на другите членови?",
    },
    "tr": {
        "Expectations and priorities": "Beklentiler ve öncelikler",
        "A short survey to learn what you expect from the community, which topics and formats "
        "you prefer, and what you can offer.":
            "Topluluktan ne beklediğinizi, hangi konu ve biçimleri tercih ettiğinizi ve neler "
            "sunabileceğinizi öğrenmek için kısa bir anket.",
        "Which topics matter most to you?": "Sizin için en önemli konular hangileri?",
        "Which format do you prefer for exchanges?":
            "Paylaşımlar için hangi biçimi tercih edersiniz?",
        FORMATS: "Çevrim içi\nYüz yüze\nKarma",
        "How often should the community meet?": "Topluluk ne sıklıkla toplanmalı?",
        FREQUENCIES: "Ayda bir\nÜç ayda bir\nYılda iki kez",
        "Rank these activities by how useful they would be to you.":
            "Bu etkinlikleri sizin için ne kadar yararlı olacaklarına göre sıralayın.",
        ACTIVITIES: "Akran paylaşımları\nEğitimler\nAraç setleri ve kaynaklar\nOrtak savunuculuk",
        "How useful do you expect the community to be for your work?":
            "Topluluğun çalışmanız için ne kadar yararlı olmasını bekliyorsunuz?",
        "In which languages can you take part?": "Hangi dillerde katılabilirsiniz?",
        LANGUAGES: "Arnavutça\nBoşnakça/Hırvatça/Karadağca/Sırpça\nMakedonca\nTürkçe\nİngilizce",
        "What could you offer to other members?": "Diğer üyelere neler sunabilirsiniz?",
    },
})  # fmt: skip
