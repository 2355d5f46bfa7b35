package newdoc

// The files `sitegen new` writes, by kind and by the language of their
// comments. Every key of the kind is there: the required ones with a value
// that builds, the optional ones commented out as "#key: example", so that
// deleting the # gives a valid line. A comment that explains starts with
// "# " (hash, space); TestEveryKeyUncommented relies on that difference.
//
// The body is an HTML comment: the build drops comments silently, so a
// file fresh from `sitegen new` builds into an empty page, not a page of
// instructions.

const meetingPL = `---
# Linie zaczynające się od # to komentarze: strona ich nie pokazuje.
# Aby użyć klucza zapisanego jako #klucz: …, usuń znak # na początku linii.
# Poradnik: docs/poradnik.md

# Tytuł spotkania, tak jak ma się pokazać na stronie (wymagany).
title: {{.Title}}
# Data spotkania, RRRR-MM-DD, albo z godziną: {{.Date}}T10:00:00+01:00 (wymagana).
# Spotkanie z datą w przyszłości jest zapowiedzią: trafia do „Nadchodzących”.
date: {{.Date}}
# Miejsce: instytucja lub sala i miejscowość (wymagane).
location: "(uzupełnij: miejsce i miejscowość)"
# Gospodarz: partner, w którego siedzibie odbyło się spotkanie. Wpisz jego
# identyfikator: nazwę pliku z content/partners/ bez języka i .md.
#host: wup-zielona-gora
# Uczestnicy: identyfikatory partnerów obecnych na spotkaniu, w nawiasach [ ], po przecinku.
#participants: [marszalek-wojewodztwa-lubuskiego, wup-zielona-gora]
# Goście spoza Partnerstwa: imię i nazwisko (name) oraz funkcja (role).
#guests: [{name: "Jan Kowalski", role: "Wicemarszałek Województwa Lubuskiego"}]
# Tematy spotkania; każdy temat dostaje stronę z listą spotkań.
#tags: ["ekonomia społeczna", "Regionalny Program Operacyjny"]
# Streszczenie do list spotkań i wyszukiwarek; bez niego – pierwszy akapit tekstu.
#summary: "Jedno lub dwa zdania o tym, czego dotyczyło spotkanie."
# Końcówka adresu strony; bez niej – nazwa pliku bez daty i języka.
#slug: {{.Slug}}
# true – szkic: strona nie jest publikowana (zobaczysz ją po sitegen build --drafts).
draft: false
# Dawne adresy tej strony (np. ze starej witryny), które mają tu prowadzić.
#aliases: [/aktualnosci/{{.Year}}/{{.Slug}}.html]
# Dowolne dodatkowe dane dla szablonów.
#params: {fotograf: "Jan Kowalski"}
---

<!--
Tu napisz relację ze spotkania, zwykłym tekstem w Markdown:
pusta linia zaczyna nowy akapit, ## Śródtytuł – śródtytuł,
[nazwa partnera](../partners/wup-zielona-gora.pl.md) – odnośnik do innej strony,
![co widać na zdjęciu](/images/zdjecie.jpg) – zdjęcie z opisem.
Ten komentarz możesz usunąć; strona go nie pokazuje.
-->
`

const meetingEN = `---
# Lines starting with # are comments: the site does not show them.
# To use a key written as #key: …, delete the # at the start of the line.
# Guide (in Polish): docs/poradnik.md

# The meeting's title, as the page will show it (required).
title: {{.Title}}
# When the meeting took place, YYYY-MM-DD, or with a time: {{.Date}}T10:00:00+01:00 (required).
# A meeting dated in the future is an announcement, listed under "Upcoming".
date: {{.Date}}
# Where: venue and town (required).
location: "(to be filled in: venue and town)"
# Host: the partner whose premises hosted the meeting. Write its id: the
# file name in content/partners/ without the language and .md.
#host: wup-zielona-gora
# Participants: the ids of the partners present, in [ ], separated by commas.
#participants: [marszalek-wojewodztwa-lubuskiego, wup-zielona-gora]
# Guests who are not partners: their name and role.
#guests: [{name: "Jan Kowalski", role: "Deputy Marshal of the Lubuskie Voivodeship"}]
# Topics of the meeting; each topic gets a page listing its meetings.
#tags: ["social economy", "Regional Operational Programme"]
# A summary for lists of meetings and search engines; else the first paragraph.
#summary: "One or two sentences on what the meeting was about."
# The last part of the page's address; else the file name without date and language.
#slug: {{.Slug}}
# true – a draft: not published (sitegen build --drafts shows it).
draft: false
# Old addresses of this page (e.g. from the previous site) that should lead here.
#aliases: [/news/{{.Year}}/{{.Slug}}.html]
# Free-form data for the templates.
#params: {photographer: "Jan Kowalski"}
---

<!--
Write the report of the meeting here, in Markdown: an empty line starts a
new paragraph, ## Subheading makes a subheading,
[partner's name](../partners/wup-zielona-gora.en.md) links to another page,
![what the photo shows](/images/photo.jpg) adds a photo with its description.
You may delete this comment; the page does not show it.
-->
`

const partnerPL = `---
# Linie zaczynające się od # to komentarze: strona ich nie pokazuje.
# Aby użyć klucza zapisanego jako #klucz: …, usuń znak # na początku linii.
# Nazwa tego pliku (bez języka i .md) to identyfikator partnera, którym
# spotkania wskazują go w host: i participants:.
# Poradnik: docs/poradnik.md

# Pełna nazwa partnera (wymagana).
title: {{.Title}}
# Nazwa skrócona, np. „WUP Zielona Góra”.
#short: "Skrót nazwy"
# Sektor (wymagany), jeden z: jst (samorząd), ngo (organizacja pozarządowa),
# business (biznes), government (administracja rządowa), education (edukacja).
sector: ngo
# Rola w Partnerstwie (wymagana): leader (lider), secretariat (sekretariat)
# albo signatory (sygnatariusz).
role: signatory
# Data podpisania porozumienia partnerskiego, RRRR-MM-DD.
#joined: {{.Date}}
# Adres strony internetowej partnera, od http:// albo https://.
#website: https://example.org/
# Logo: plik w folderze static/, np. static/images/partners/{{.Slug}}.svg.
#logo: images/partners/{{.Slug}}.svg
# Adres siedziby.
#address: "ul. Przykładowa 1, 65-001 Zielona Góra"
# true – szkic: strona nie jest publikowana (zobaczysz ją po sitegen build --drafts).
draft: false
# Dawne adresy tej strony (np. ze starej witryny), które mają tu prowadzić.
#aliases: [/partnerzy/{{.Slug}}.html]
# Dowolne dodatkowe dane dla szablonów.
#params: {krs: "0000000000"}
---

<!--
Tu opisz partnera: czym się zajmuje i co robi w Partnerstwie.
Listę spotkań, które gościł i w których brał udział, strona zbuduje sama.
Ten komentarz możesz usunąć; strona go nie pokazuje.
-->
`

const partnerEN = `---
# Lines starting with # are comments: the site does not show them.
# To use a key written as #key: …, delete the # at the start of the line.
# The name of this file (without language and .md) is the partner's id,
# which meetings use in host: and participants:.
# Guide (in Polish): docs/poradnik.md

# The partner's full name (required).
title: {{.Title}}
# A short name, e.g. "WUP Zielona Góra".
#short: "Short name"
# Sector (required), one of: jst (local government), ngo (non-governmental
# organisation), business, government (government body), education.
sector: ngo
# Role in the Partnership (required): leader, secretariat or signatory.
role: signatory
# When it signed the partnership agreement, YYYY-MM-DD.
#joined: {{.Date}}
# The partner's website, starting with http:// or https://.
#website: https://example.org/
# Logo: a file in the static/ folder, e.g. static/images/partners/{{.Slug}}.svg.
#logo: images/partners/{{.Slug}}.svg
# The address of its seat.
#address: "ul. Przykładowa 1, 65-001 Zielona Góra"
# true – a draft: not published (sitegen build --drafts shows it).
draft: false
# Old addresses of this page (e.g. from the previous site) that should lead here.
#aliases: [/partners/{{.Slug}}.html]
# Free-form data for the templates.
#params: {registry_number: "0000000000"}
---

<!--
Describe the partner here: what it does and what it does in the Partnership.
The site lists the meetings it hosted and attended by itself.
You may delete this comment; the page does not show it.
-->
`

const pagePL = `---
# Linie zaczynające się od # to komentarze: strona ich nie pokazuje.
# Aby użyć klucza zapisanego jako #klucz: …, usuń znak # na początku linii.
# Poradnik: docs/poradnik.md

# Tytuł strony (wymagany).
title: {{.Title}}
# Streszczenie dla wyszukiwarek i podglądu linku; bez niego – pierwszy akapit tekstu.
#summary: "Jedno lub dwa zdania o tym, co jest na stronie."
# Końcówka adresu strony; bez niej – nazwa pliku bez języka.
#slug: {{.Slug}}
# Miejsce w menu głównym: liczba, mniejsza – bardziej na lewo; bez niej strony nie ma w menu.
#menu: 50
# true – szkic: strona nie jest publikowana (zobaczysz ją po sitegen build --drafts).
draft: false
# Dawne adresy tej strony (np. ze starej witryny), które mają tu prowadzić.
#aliases: [/{{.Slug}}.html]
# Dowolne dodatkowe dane dla szablonów.
#params: {autor: "Jan Kowalski"}
---

<!--
Tu napisz treść strony w Markdown. Śródtytuły zaczynaj od ##.
Ten komentarz możesz usunąć; strona go nie pokazuje.
-->
`

const pageEN = `---
# Lines starting with # are comments: the site does not show them.
# To use a key written as #key: …, delete the # at the start of the line.
# Guide (in Polish): docs/poradnik.md

# The page's title (required).
title: {{.Title}}
# A summary for search engines and link previews; else the first paragraph.
#summary: "One or two sentences on what the page is about."
# The last part of the page's address; else the file name without the language.
#slug: {{.Slug}}
# Place in the main menu: a number, smaller is further left; without it the page is not in the menu.
#menu: 50
# true – a draft: not published (sitegen build --drafts shows it).
draft: false
# Old addresses of this page (e.g. from the previous site) that should lead here.
#aliases: [/{{.Slug}}.html]
# Free-form data for the templates.
#params: {author: "Jan Kowalski"}
---

<!--
Write the page here, in Markdown. Start subheadings with ##.
You may delete this comment; the page does not show it.
-->
`
