"""The demo Pledge and the 12 commitments in every language of the site.

Written for the demo community, following docs/glossary.md; the commitments' titles are
the interface catalogs' wording. Serbian in Cyrillic is transliterated from Serbian Latin,
Montenegrin adapted from the Bosnian wording (racop.demo_translations).
"""

from racop.demo_translations import to_cyrillic, to_montenegrin

# Language → the Pledge's title, text (version 1), sixth point (added by version 2),
# why it matters, and what version 2 changed.
PLEDGE = {
    "sq": {
        "title": "Zotimi për veprim të përbashkët për llogaridhënien",
        "text": """\
Ne, organizata të shoqërisë civile, rrjete dhe aktivistë, i bashkohemi këtij komuniteti
praktike për të forcuar llogaridhënien dhe transparencën e veprimeve tona.

Ne zotohemi:

1. **T'i japim llogari vetes** sipas 12 angazhimeve të Standardit Global për
   Llogaridhënien e organizatave të shoqërisë civile, dhe ta vlerësojmë praktikën tonë çdo
   vit me dëshmi.
2. **T'i vëmë njerëzit në radhë të parë**: t'i lëmë njerëzit me të cilët punojmë të
   formësojnë vendimet tona e të na thonë kur nuk ia dalim, dhe të veprojmë sipas asaj që na
   thonë.
3. **Të jemi të hapur** për atë se kush jemi, si financohemi, si vendosim dhe çfarë arrijmë.
4. **Të mësojmë së bashku**: të ndajmë mekanizmat e suksesshëm, si dhe dështimet dhe
   mësimet e nxjerra, në një hapësirë të sigurt.
5. **Ta mbajmë njëri-tjetrin llogaridhënës**, me solidaritet, ndërsa hapësira qytetare
   ngushtohet.
""",
        "sixth": """\
6. **Të zhvendosim pushtetin**: të punojmë si të barabartë me partnerët dhe komunitetet
   bazë, dhe ta bëjmë llogaridhënien të udhëhequr nga njerëzit, jo nga donatorët.
""",
        "why": "Llogaridhënia mund të jetë levë ndryshimi. Kur hapësira qytetare ngushtohet, "
        "besimi i publikut është mbrojtja jonë më e fortë, dhe ai fitohet duke qenë "
        "transparentë dhe të përgjegjshëm. Nënshkrimi i Zotimit është një premtim publik, dhe "
        "vetëvlerësimi vjetor me rishikim nga kolegët e kthen atë në praktikë.\n",
        "changes": "Shton një angazhim të gjashtë: zhvendosjen e pushtetit te partnerët dhe "
        "komunitetet.",
    },
    "mk": {
        "title": "Заложба за заедничка акција за отчетност",
        "text": """\
Ние, граѓански организации, мрежи и активисти, се приклучуваме кон оваа заедница на
практика за да ја зајакнеме отчетноста и транспарентноста на сопствените дејствија.

Се обврзуваме:

1. **Да бидеме отчетни** според 12-те обврски на Глобалниот стандард за отчетност на
   граѓанските организации, и секоја година да ја оценуваме нашата пракса со докази.
2. **Луѓето на прво место**: луѓето со кои работиме да ги обликуваат нашите одлуки и да ни
   кажат кога не успеваме, и да постапуваме според она што ни го кажуваат.
3. **Да бидеме отворени** за тоа кои сме, како се финансираме, како одлучуваме и што
   постигнуваме.
4. **Да учиме заедно**: да ги споделуваме успешните механизми, како и неуспесите и
   научените лекции, во безбеден простор.
5. **Да се држиме меѓусебно отчетни**, солидарно, додека граѓанскиот простор се стеснува.
""",
        "sixth": """\
6. **Да ја пренесеме моќта**: да работиме како еднакви со партнерите и локалните заедници,
   и отчетноста да ја водат луѓето, а не донаторите.
""",
        "why": "Отчетноста може да биде лост за промена. Кога граѓанскиот простор се "
        "стеснува, довербата на јавноста е нашата најсилна заштита, а таа се заработува со "
        "транспарентност и одзивност. Потпишувањето на Заложбата е јавно ветување, а "
        "годишната самопроценка со колегијална проценка го претвора во пракса.\n",
        "changes": "Додава шеста обврска: пренесување на моќта на партнерите и заедниците.",
    },
    "hr": {
        "title": "Izjava o odgovornosti za zajedničko djelovanje",
        "text": """\
Mi, organizacije civilnoga društva, mreže i aktivisti, pridružujemo se ovoj zajednici
prakse kako bismo ojačali odgovornost i transparentnost vlastitoga djelovanja.

Obvezujemo se:

1. **Polagati račune** prema 12 obveza Globalnog standarda za odgovornost organizacija
   civilnoga društva te svake godine procjenjivati svoju praksu na temelju dokaza.
2. **Staviti ljude na prvo mjesto**: omogućiti ljudima s kojima radimo da oblikuju naše
   odluke i kažu nam kada ne ispunjavamo očekivanja te djelovati prema onome što nam kažu.
3. **Biti otvoreni** o tome tko smo, kako se financiramo, kako odlučujemo i što postižemo.
4. **Učiti zajedno**: dijeliti uspješne mehanizme, ali i neuspjehe i naučene lekcije, u
   sigurnom prostoru.
5. **Međusobno se pozivati na odgovornost**, solidarno, dok se civilni prostor sužava.
""",
        "sixth": """\
6. **Prenijeti moć**: raditi kao ravnopravni s partnerima i lokalnim zajednicama te učiniti
   da odgovornost vode ljudi, a ne donatori.
""",
        "why": "Odgovornost može biti poluga promjene. Kad se civilni prostor sužava, "
        "povjerenje javnosti naša je najjača zaštita, a stječe se transparentnošću i "
        "responzivnošću. Potpisivanje Izjave javno je obećanje, a godišnja samoprocjena s "
        "kolegijalnom procjenom pretvara ga u praksu.\n",
        "changes": "Dodaje šestu obvezu: prijenos moći na partnere i zajednice.",
    },
    "bs": {
        "title": "Izjava o odgovornosti za zajedničko djelovanje",
        "text": """\
Mi, organizacije civilnog društva, mreže i aktivisti, pridružujemo se ovoj zajednici prakse
kako bismo ojačali odgovornost i transparentnost vlastitog djelovanja.

Obavezujemo se da ćemo:

1. **Polagati račune** prema 12 obaveza Globalnog standarda za odgovornost organizacija
   civilnog društva i svake godine procjenjivati svoju praksu na osnovu dokaza.
2. **Staviti ljude na prvo mjesto**: omogućiti ljudima s kojima radimo da oblikuju naše
   odluke i kažu nam kada ne ispunjavamo očekivanja, i postupati prema onome što nam kažu.
3. **Biti otvoreni** o tome ko smo, kako se finansiramo, kako odlučujemo i šta postižemo.
4. **Učiti zajedno**: dijeliti uspješne mehanizme, ali i neuspjehe i naučene lekcije, u
   sigurnom prostoru.
5. **Jedni druge pozivati na odgovornost**, solidarno, dok se civilni prostor sužava.
""",
        "sixth": """\
6. **Prenijeti moć**: raditi kao ravnopravni s partnerima i lokalnim zajednicama, tako da
   odgovornost vode ljudi, a ne donatori.
""",
        "why": "Odgovornost može biti poluga promjene. Kada se civilni prostor sužava, "
        "povjerenje javnosti je naša najjača zaštita, a stiče se transparentnošću i "
        "responzivnošću. Potpisivanje Izjave je javno obećanje, a godišnja samoprocjena s "
        "kolegijalnom procjenom pretvara ga u praksu.\n",
        "changes": "Dodaje šestu obavezu: prenošenje moći na partnere i zajednice.",
    },
    "sr-latn": {
        "title": "Izjava o odgovornosti za zajedničko delovanje",
        "text": """\
Mi, organizacije civilnog društva, mreže i aktivisti, pridružujemo se ovoj zajednici prakse
kako bismo ojačali odgovornost i transparentnost sopstvenog delovanja.

Obavezujemo se da ćemo:

1. **Polagati račune** prema 12 obaveza Globalnog standarda za odgovornost organizacija
   civilnog društva i svake godine procenjivati svoju praksu na osnovu dokaza.
2. **Staviti ljude na prvo mesto**: omogućiti ljudima sa kojima radimo da oblikuju naše
   odluke i kažu nam kada ne ispunjavamo očekivanja, i postupati prema onome što nam kažu.
3. **Biti otvoreni** o tome ko smo, kako se finansiramo, kako odlučujemo i šta postižemo.
4. **Učiti zajedno**: deliti uspešne mehanizme, ali i neuspehe i naučene lekcije, u
   bezbednom prostoru.
5. **Jedni druge pozivati na odgovornost**, solidarno, dok se civilni prostor sužava.
""",
        "sixth": """\
6. **Preneti moć**: raditi kao ravnopravni sa partnerima i lokalnim zajednicama, tako da
   odgovornost vode ljudi, a ne donatori.
""",
        "why": "Odgovornost može biti poluga promene. Kada se civilni prostor sužava, "
        "poverenje javnosti je naša najjača zaštita, a stiče se transparentnošću i "
        "responzivnošću. Potpisivanje Izjave je javno obećanje, a godišnja samoprocena sa "
        "kolegijalnom procenom pretvara ga u praksu.\n",
        "changes": "Dodaje šestu obavezu: prenošenje moći na partnere i zajednice.",
    },
    "tr": {
        "title": "Hesap verebilirlik için ortak eylem Taahhütnamesi",
        "text": """\
Biz, sivil toplum kuruluşları, ağlar ve aktivistler, kendi eylemlerimizin hesap
verebilirliğini ve şeffaflığını güçlendirmek için bu uygulama topluluğuna katılıyoruz.

Şunları taahhüt ediyoruz:

1. **Hesap vermek**: Sivil Toplum Kuruluşlarının Hesap Verebilirliği için Küresel
   Standart'ın 12 yükümlülüğüne göre uygulamalarımızı her yıl kanıtlarla değerlendirmek.
2. **Önce insanlar**: birlikte çalıştığımız insanların kararlarımızı şekillendirmesine ve
   eksik kaldığımızda bunu bize söylemesine imkân vermek, söylediklerine göre hareket etmek.
3. **Açık olmak**: kim olduğumuz, nasıl finanse edildiğimiz, nasıl karar verdiğimiz ve neler
   başardığımız konusunda.
4. **Birlikte öğrenmek**: başarılı mekanizmaları, başarısızlıkları ve çıkarılan dersleri
   güvenli bir ortamda paylaşmak.
5. **Birbirimizi hesap verebilir tutmak**, sivil alan daralırken dayanışma içinde.
""",
        "sixth": """\
6. **Gücü devretmek**: ortaklarla ve yerel topluluklarla eşit olarak çalışmak, hesap
   verebilirliği bağışçıların değil insanların yönlendirmesini sağlamak.
""",
        "why": "Hesap verebilirlik değişim için bir kaldıraç olabilir. Sivil alan "
        "daraldığında kamuoyunun güveni en güçlü korumamızdır ve bu güven şeffaf ve duyarlı "
        "olarak kazanılır. Taahhütnameyi imzalamak kamuya verilmiş bir sözdür; yıllık öz "
        "değerlendirme ve akran değerlendirmesi onu uygulamaya dönüştürür.\n",
        "changes": "Altıncı bir yükümlülük ekler: gücün ortaklara ve topluluklara devredilmesi.",
    },
}

# Language → the 12 commitments' (title, summary), in number order.
COMMITMENTS = {
    "sq": [
        ("Drejtësi dhe barazi",
         "Luftojmë diskriminimin dhe përjashtimin, dhe punojmë që çdokush të mund t'i kërkojë "
         "të drejtat e veta, duke filluar nga më të margjinalizuarit."),
        ("Të drejtat e grave dhe barazia gjinore",
         "Përparojmë të drejtat e grave dhe barazinë gjinore në punën tonë, në partneritetet "
         "tona dhe brenda organizatës sonë."),
        ("Planet i shëndetshëm",
         "Mbrojmë mjedisin natyror për brezat e sotëm dhe të ardhshëm, dhe pakësojmë dëmin që "
         "shkaktojnë veprimtaritë tona."),
        ("Ndryshim pozitiv i qëndrueshëm",
         "Synojmë rezultate që zgjasin: mësojmë çfarë funksionon, përshtatemi dhe jemi të "
         "sinqertë për atë që nuk funksionoi."),
        ("Punë e udhëhequr nga njerëzit",
         "Njerëzit me të cilët punojmë marrin pjesë në vendimet që i prekin dhe mund të na "
         "kërkojnë llogari, me reagime sipas të cilave veprojmë."),
        ("Partneritete të forta",
         "Punojmë me të tjerët si të barabartë, respektojmë pavarësinë e tyre, ndajmë burimet "
         "në mënyrë të drejtë dhe u japim llogari partnerëve."),
        ("Avokim për ndryshim thelbësor",
         "Trajtojmë shkaqet rrënjësore të padrejtësisë, dhe avokimi ynë mbështetet në dëshmi "
         "dhe në zërat e njerëzve të prekur."),
        ("Organizata të hapura",
         "Jemi transparentë për atë se kush jemi, çfarë bëjmë, si financohemi dhe si vendosim, "
         "dhe ndajmë informacion që njerëzit mund ta përdorin."),
        ("Staf dhe vullnetarë të fuqizuar dhe efektivë",
         "Sillemi drejt me stafin dhe vullnetarët, investojmë në aftësitë dhe mirëqenien e "
         "tyre, dhe u japim zë të vërtetë."),
        ("Burime të menaxhuara mirë",
         "Mbledhim dhe përdorim paratë dhe burimet e tjera me përgjegjësi, etikë dhe "
         "efikasitet, dhe japim llogari hapur për to."),
        ("Vendimmarrje e ndjeshme",
         "Vendimet tona marrin parasysh pikëpamjet e njerëzve të prekur, dhe shpjegojmë si "
         "arritëm te to."),
        ("Udhëheqje e përgjegjshme",
         "Drejtuesit dhe bordi ynë veprojnë me integritet, mbikëqyrin organizatën në mënyrë të "
         "pavarur dhe nxisin llogaridhënien në çdo nivel."),
    ],
    "mk": [
        ("Правда и еднаквост",
         "Се спротивставуваме на дискриминацијата и исклучувањето и работиме секој да може да "
         "ги остварува своите права, почнувајќи од најмаргинализираните."),
        ("Права на жените и родова еднаквост",
         "Ги унапредуваме правата на жените и родовата еднаквост во нашата работа, во "
         "партнерствата и во самата организација."),
        ("Здрава планета",
         "Ја штитиме природната средина за сегашните и идните генерации и ја намалуваме "
         "штетата што ја предизвикуваат нашите активности."),
        ("Трајна позитивна промена",
         "Се стремиме кон трајни резултати: учиме што функционира, се прилагодуваме и сме "
         "искрени за она што не успеало."),
        ("Работа водена од луѓето",
         "Луѓето со кои работиме учествуваат во одлуките што ги засегаат и можат да нè "
         "повикаат на одговорност, со повратни информации според кои постапуваме."),
        ("Силни партнерства",
         "Работиме со другите како еднакви, ја почитуваме нивната независност, праведно ги "
         "делиме ресурсите и сме отчетни кон партнерите."),
        ("Застапување за суштинска промена",
         "Ги решаваме коренските причини за неправдата, а нашето застапување се темели на "
         "докази и на гласовите на засегнатите луѓе."),
        ("Отворени организации",
         "Транспарентни сме за тоа кои сме, што правиме, како се финансираме и како "
         "одлучуваме, и споделуваме информации што луѓето можат да ги користат."),
        ("Оспособени и ефективни вработени и волонтери",
         "Праведно се однесуваме кон вработените и волонтерите, вложуваме во нивните вештини "
         "и благосостојба и им даваме вистински глас."),
        ("Добро управувани ресурси",
         "Собираме и користиме пари и други ресурси одговорно, етички и ефикасно, и отворено "
         "известуваме за нив."),
        ("Одзивно донесување одлуки",
         "Нашите одлуки ги земаат предвид ставовите на засегнатите луѓе, и објаснуваме како "
         "сме дошле до нив."),
        ("Одговорно лидерство",
         "Нашите лидери и одбор постапуваат со интегритет, независно ја надгледуваат "
         "организацијата и ја промовираат отчетноста на секое ниво."),
    ],
    "hr": [
        ("Pravda i jednakost",
         "Borimo se protiv diskriminacije i isključenosti i radimo na tome da svatko može "
         "ostvariti svoja prava, počevši od najmarginaliziranijih."),
        ("Prava žena i rodna ravnopravnost",
         "Promičemo prava žena i rodnu ravnopravnost u svojem radu, partnerstvima i unutar "
         "vlastite organizacije."),
        ("Zdrav planet",
         "Štitimo prirodni okoliš za sadašnje i buduće generacije i smanjujemo štetu koju "
         "uzrokuje naše poslovanje."),
        ("Trajna pozitivna promjena",
         "Težimo trajnim rezultatima: učimo što djeluje, prilagođavamo se i iskreni smo o "
         "onome što nije uspjelo."),
        ("Rad koji pokreću ljudi",
         "Ljudi s kojima radimo sudjeluju u odlukama koje ih se tiču i mogu nas pozvati na "
         "odgovornost, a prema njihovim povratnim informacijama djelujemo."),
        ("Snažna partnerstva",
         "S drugima radimo kao ravnopravni, poštujemo njihovu neovisnost, pravedno dijelimo "
         "resurse i odgovorni smo svojim partnerima."),
        ("Zagovaranje temeljnih promjena",
         "Bavimo se temeljnim uzrocima nepravde, a naše se zagovaranje temelji na dokazima i "
         "glasovima ljudi o kojima je riječ."),
        ("Otvorene organizacije",
         "Transparentni smo o tome tko smo, što radimo, kako se financiramo i kako odlučujemo "
         "te dijelimo informacije koje ljudi mogu koristiti."),
        ("Osnaženo i učinkovito osoblje i volonteri",
         "Prema osoblju i volonterima odnosimo se pravedno, ulažemo u njihove vještine i "
         "dobrobit i dajemo im stvaran glas."),
        ("Dobro upravljani resursi",
         "Novac i druge resurse prikupljamo i koristimo odgovorno, etično i učinkovito te o "
         "njima otvoreno polažemo račune."),
        ("Responzivno donošenje odluka",
         "Naše odluke uzimaju u obzir stavove ljudi na koje utječu, a objašnjavamo i kako smo "
         "do njih došli."),
        ("Odgovorno vodstvo",
         "Naši čelnici i upravni odbor djeluju čestito, neovisno nadziru organizaciju i "
         "promiču odgovornost na svim razinama."),
    ],
    "bs": [
        ("Pravda i jednakost",
         "Borimo se protiv diskriminacije i isključenosti i radimo na tome da svako može "
         "ostvariti svoja prava, počevši od najmarginalizovanijih."),
        ("Prava žena i rodna ravnopravnost",
         "Unapređujemo prava žena i rodnu ravnopravnost u svom radu, partnerstvima i unutar "
         "vlastite organizacije."),
        ("Zdrav planet",
         "Štitimo prirodnu okolinu za sadašnje i buduće generacije i smanjujemo štetu koju "
         "uzrokuje naš rad."),
        ("Trajna pozitivna promjena",
         "Težimo trajnim rezultatima: učimo šta djeluje, prilagođavamo se i iskreni smo o "
         "onome što nije uspjelo."),
        ("Rad koji pokreću ljudi",
         "Ljudi s kojima radimo učestvuju u odlukama koje ih se tiču i mogu nas pozvati na "
         "odgovornost, a po njihovim povratnim informacijama postupamo."),
        ("Snažna partnerstva",
         "S drugima radimo kao ravnopravni, poštujemo njihovu nezavisnost, pravedno dijelimo "
         "resurse i odgovorni smo svojim partnerima."),
        ("Zagovaranje temeljnih promjena",
         "Bavimo se korijenskim uzrocima nepravde, a naše zagovaranje zasniva se na dokazima "
         "i glasovima ljudi o kojima je riječ."),
        ("Otvorene organizacije",
         "Transparentni smo o tome ko smo, šta radimo, kako se finansiramo i kako odlučujemo, "
         "i dijelimo informacije koje ljudi mogu koristiti."),
        ("Osnaženo i efikasno osoblje i volonteri",
         "Prema osoblju i volonterima odnosimo se pravedno, ulažemo u njihove vještine i "
         "dobrobit i dajemo im stvaran glas."),
        ("Dobro upravljani resursi",
         "Novac i druge resurse prikupljamo i koristimo odgovorno, etično i efikasno, i o "
         "njima otvoreno polažemo račune."),
        ("Responzivno donošenje odluka",
         "Naše odluke uzimaju u obzir stavove ljudi na koje utiču, a objašnjavamo i kako smo "
         "do njih došli."),
        ("Odgovorno vodstvo",
         "Naši lideri i upravni odbor djeluju s integritetom, nezavisno nadziru organizaciju "
         "i promovišu odgovornost na svim nivoima."),
    ],
    "sr-latn": [
        ("Pravda i jednakost",
         "Borimo se protiv diskriminacije i isključenosti i radimo na tome da svako može da "
         "ostvari svoja prava, počev od najmarginalizovanijih."),
        ("Prava žena i rodna ravnopravnost",
         "Unapređujemo prava žena i rodnu ravnopravnost u svom radu, partnerstvima i unutar "
         "sopstvene organizacije."),
        ("Zdrava planeta",
         "Štitimo prirodnu sredinu za sadašnje i buduće generacije i smanjujemo štetu koju "
         "izaziva naš rad."),
        ("Trajne pozitivne promene",
         "Težimo trajnim rezultatima: učimo šta deluje, prilagođavamo se i iskreni smo o "
         "onome što nije uspelo."),
        ("Rad vođen ljudima",
         "Ljudi sa kojima radimo učestvuju u odlukama koje ih se tiču i mogu da nas pozovu na "
         "odgovornost, a po njihovim povratnim informacijama postupamo."),
        ("Snažna partnerstva",
         "Sa drugima radimo kao ravnopravni, poštujemo njihovu nezavisnost, pravično delimo "
         "resurse i odgovorni smo svojim partnerima."),
        ("Zagovaranje suštinskih promena",
         "Bavimo se suštinskim uzrocima nepravde, a naše zagovaranje zasniva se na dokazima i "
         "glasovima ljudi o kojima je reč."),
        ("Otvorene organizacije",
         "Transparentni smo o tome ko smo, šta radimo, kako se finansiramo i kako odlučujemo, "
         "i delimo informacije koje ljudi mogu da koriste."),
        ("Osnaženo i delotvorno osoblje i volonteri",
         "Prema osoblju i volonterima odnosimo se pravično, ulažemo u njihove veštine i "
         "dobrobit i dajemo im stvaran glas."),
        ("Dobro upravljani resursi",
         "Novac i druge resurse prikupljamo i koristimo odgovorno, etično i delotvorno, i o "
         "njima otvoreno polažemo račune."),
        ("Responzivno odlučivanje",
         "Naše odluke uzimaju u obzir stavove ljudi na koje utiču, a objašnjavamo i kako smo "
         "do njih došli."),
        ("Odgovorno rukovođenje",
         "Naši rukovodioci i upravni odbor deluju sa integritetom, nezavisno nadziru "
         "organizaciju i promovišu odgovornost na svim nivoima."),
    ],
    "tr": [
        ("Adalet ve eşitlik",
         "Ayrımcılık ve dışlanmayla mücadele ediyor, en çok ötekileştirilenlerden başlayarak "
         "herkesin haklarını arayabilmesi için çalışıyoruz."),
        ("Kadın hakları ve toplumsal cinsiyet eşitliği",
         "Çalışmalarımızda, ortaklıklarımızda ve kendi kuruluşumuzda kadın haklarını ve "
         "toplumsal cinsiyet eşitliğini ilerletiyoruz."),
        ("Sağlıklı gezegen",
         "Doğal çevreyi bugünkü ve gelecek kuşaklar için koruyor, kendi faaliyetlerimizin "
         "verdiği zararı azaltıyoruz."),
        ("Kalıcı olumlu değişim",
         "Kalıcı sonuçları hedefliyoruz: neyin işe yaradığını öğreniyor, uyum sağlıyor ve işe "
         "yaramayan konusunda dürüst davranıyoruz."),
        ("İnsan odaklı çalışma",
         "Birlikte çalıştığımız insanlar kendilerini etkileyen kararlara katılır ve bizden "
         "hesap sorabilir; geri bildirimlerine göre hareket ederiz."),
        ("Güçlü ortaklıklar",
         "Başkalarıyla eşit olarak çalışıyor, bağımsızlıklarına saygı gösteriyor, kaynakları "
         "adil paylaşıyor ve ortaklarımıza hesap veriyoruz."),
        ("Köklü değişimi savunmak",
         "Adaletsizliğin kök nedenlerini ele alıyoruz; savunuculuğumuz kanıtlara ve ilgili "
         "insanların seslerine dayanır."),
        ("Açık kuruluşlar",
         "Kim olduğumuz, ne yaptığımız, nasıl finanse edildiğimiz ve nasıl karar verdiğimiz "
         "konusunda şeffafız ve insanların kullanabileceği bilgileri paylaşıyoruz."),
        ("Güçlendirilmiş ve etkili çalışanlar ve gönüllüler",
         "Çalışanlara ve gönüllülere adil davranıyor, becerilerine ve iyi oluşlarına yatırım "
         "yapıyor ve onlara gerçek bir söz hakkı tanıyoruz."),
        ("İyi yönetilen kaynaklar",
         "Parayı ve diğer kaynakları sorumlu, etik ve verimli biçimde topluyor ve kullanıyor, "
         "bunların hesabını açıkça veriyoruz."),
        ("Duyarlı karar alma",
         "Kararlarımız etkilenen insanların görüşlerini dikkate alır ve bu kararlara nasıl "
         "vardığımızı açıklarız."),
        ("Sorumlu liderlik",
         "Liderlerimiz ve yönetim kurulumuz dürüstlükle hareket eder, kuruluşu bağımsız olarak "
         "denetler ve her düzeyde hesap verebilirliği savunur."),
    ],
}  # fmt: skip

# Montenegrin titles follow the interface catalog (locale/cnr).
CNR_TITLES = [
    "Pravda i jednakost", "Prava žena i rodna ravnopravnost", "Zdrava planeta",
    "Trajne pozitivne promjene", "Rad vođen ljudima", "Snažna partnerstva",
    "Zagovaranje suštinskih promjena", "Otvorene organizacije",
    "Osnaženo i djelotvorno osoblje i volonteri", "Dobro upravljani resursi",
    "Responzivno odlučivanje", "Odgovorno rukovođenje",
]  # fmt: skip

PLEDGE["cnr"] = {key: to_montenegrin(value) for key, value in PLEDGE["bs"].items()}
PLEDGE["sr"] = {key: to_cyrillic(value) for key, value in PLEDGE["sr-latn"].items()}
COMMITMENTS["cnr"] = [
    (title, to_montenegrin(summary))
    for title, (_bosnian, summary) in zip(CNR_TITLES, COMMITMENTS["bs"], strict=True)
]
COMMITMENTS["sr"] = [
    (to_cyrillic(title), to_cyrillic(summary)) for title, summary in COMMITMENTS["sr-latn"]
]
