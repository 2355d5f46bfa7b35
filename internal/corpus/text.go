package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// writer writes the Markdown body of one file.
type writer struct {
	g    *generator
	r    *rand.Rand
	lang int
	dir  string // the file's folder under content/, for relative links
	town town
	self int // the file's meeting index, or -1

	partners []int   // partners the text is about (host, participants)
	guests   []guest // people who may be quoted
	partner  *partner
	table    bool // a table may still be added
	plain    bool // no Markdown: for front matter values

	b        strings.Builder
	words    int
	notes    []string
	sinceH   int // blocks since the last heading
	hadH2    bool
	headings int
}

func (g *generator) newWriter(r *rand.Rand, lang int, dir string, t town, self int) *writer {
	return &writer{g: g, r: r, lang: lang, dir: dir, town: t, self: self}
}

func (w *writer) String() string {
	if len(w.notes) > 0 {
		w.b.WriteString("\n")
		for i, n := range w.notes {
			w.b.WriteString("[^" + strconv.Itoa(i+1) + "]: " + n + "\n")
		}
		w.notes = nil
	}
	return w.b.String()
}

// block appends a block and the blank line after it.
func (w *writer) block(s string) {
	if w.b.Len() > 0 {
		w.b.WriteString("\n")
	}
	w.b.WriteString(s)
	w.b.WriteString("\n")
	w.words += len(strings.Fields(s))
	w.sinceH++
}

func (w *writer) pl() bool { return w.lang == pl }

// fill replaces the placeholders of vocabulary strings: {T} a town, {L}
// its Polish locative, {C} a county, {Y} a year, {N5} a number from 5,
// {P} a link to a partner, {G} a link to a page, {M} a link to a meeting.
func (w *writer) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(w.placeholder(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func (w *writer) placeholder(name string) string {
	r := w.r
	switch name {
	case "T":
		return w.someTown().Name
	case "L":
		return w.someTown().Loc
	case "C":
		c := pick(r, counties)
		if w.pl() {
			return c.PL
		}
		return c.EN
	case "Y":
		return strconv.Itoa(2008 + r.IntN(18))
	case "N5":
		return strconv.Itoa(5 + r.IntN(56))
	case "P":
		return w.partnerLink()
	case "G":
		return w.pageLink()
	case "M":
		return w.meetingLink()
	}
	return "{" + name + "}"
}

// someTown is mostly the file's own town.
func (w *writer) someTown() town {
	if chance(w.r, 0.7) {
		return w.town
	}
	return pick(w.r, towns)
}

func (w *writer) link(text, target string) string {
	if w.plain {
		return text
	}
	return "[" + text + "](" + rel(w.dir, target) + ")"
}

func (w *writer) partnerLink() string {
	var p *partner
	if len(w.partners) > 0 && chance(w.r, 0.6) {
		p = w.g.partners[pick(w.r, w.partners)]
	} else {
		p = pick(w.r, w.g.partners)
	}
	target := "partners/" + p.id + "." + langCodes[w.lang] + ".md"
	if chance(w.r, 0.1) {
		target = "partners/" + p.id + ".md" // the page's own language
	}
	return w.link(p.title[w.lang], target)
}

func (w *writer) pageLink() string {
	p := w.g.pages[pick(w.r, w.g.pagesLinkable)]
	lang := w.lang
	if p.only {
		lang = pl
	}
	target := p.key + "." + langCodes[lang] + ".md"
	if !w.plain && chance(w.r, 0.05) {
		target += "#" + [2]string{"kontakt", "contact"}[w.lang]
	}
	return w.link(p.title[w.lang], target)
}

func (w *writer) meetingLink() string {
	if len(w.g.linkable) == 0 || (len(w.g.linkable) == 1 && w.g.linkable[0] == w.self) {
		return w.pageLink()
	}
	for {
		i := pick(w.r, w.g.linkable)
		if i == w.self {
			continue
		}
		m := w.g.meetings[i]
		return w.link(m.title[w.lang], "meetings/"+m.base+"."+langCodes[w.lang]+".md")
	}
}

func (w *writer) dateText(m *meeting) string {
	d := m.date
	if w.pl() {
		return strconv.Itoa(d.Day()) + " " + monthsGenitivePL[d.Month()-1] + " " + strconv.Itoa(d.Year()) + " r."
	}
	return d.Format("2 January 2006")
}

// sentence is one sentence: made of a subject, verb, object and
// adverbial, or one of the ready sentences; either with links and
// emphasis unless plain.
func (w *writer) sentence() string {
	r := w.r
	subjects, verbs, objects, adverbials, ready := subjectsPL, verbsPL, objectsPL, adverbialsPL, sentencesPL
	if !w.pl() {
		subjects, verbs, objects, adverbials, ready = subjectsEN, verbsEN, objectsEN, adverbialsEN, sentencesEN
	}
	if chance(r, 0.55) {
		s := w.fill(pick(r, ready))
		if !w.plain && chance(r, 0.03) {
			w.notes = append(w.notes, w.fill([2]string{
				"Dane Wojewódzkiego Urzędu Pracy w Zielonej Górze za {Y} r.",
				"Data of the Regional Labour Office in Zielona Góra for {Y}.",
			}[w.lang]))
			s = s[:len(s)-1] + "[^" + strconv.Itoa(len(w.notes)) + "]" + s[len(s)-1:]
		}
		return s
	}
	sub := pick(r, subjects)
	verb := pick(r, verbs)[0]
	if sub.Plural {
		verb = pick(r, verbs)[1]
	}
	obj := pick(r, objects)
	if !w.plain {
		switch n := r.IntN(100); {
		case n < 8:
			obj = "*" + obj + "*"
		case n < 12:
			obj = "**" + obj + "**"
		case n < 16:
			obj = "\"" + obj + "\""
		case n < 18:
			obj = "_" + obj + "_"
		}
	}
	s := w.fill(sub.Text) + " " + verb + " " + obj
	if chance(r, 0.6) {
		s += " " + w.fill(pick(r, adverbials))
	}
	return s + "."
}

func (w *writer) paragraph(sentences int) {
	parts := make([]string, sentences)
	for i := range parts {
		parts[i] = w.sentence()
	}
	text := strings.Join(parts, " ")
	if chance(w.r, 0.2) {
		text = wrap(text, 78)
	}
	w.block(text)
}

// wrap breaks a paragraph into lines the way some editors save it, only
// before words that start with a letter, so no line starts a new block.
func wrap(s string, width int) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	n := 0
	for i, word := range words {
		if i > 0 {
			if n+1+len(word) > width && startsWithLetter(word) {
				b.WriteString("\n")
				n = 0
			} else {
				b.WriteString(" ")
				n++
			}
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

func startsWithLetter(s string) bool {
	for _, c := range s {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 0x7f && c != '„' && c != '“' && c != '–' && c != '—'
	}
	return false
}

func (w *writer) heading() {
	hs := headingsPL
	if !w.pl() {
		hs = headingsEN
	}
	level := "## "
	if w.hadH2 && chance(w.r, 0.25) {
		level = "### "
	}
	w.hadH2 = true
	w.headings++
	h := level + w.fill(pick(w.r, hs))
	if chance(w.r, 0.1) {
		h += " {#" + [2]string{"sekcja-", "section-"}[w.lang] + strconv.Itoa(w.headings) + "}"
	}
	w.block(h)
	w.sinceH = 0
}

func (w *writer) list() {
	items := listItemsPL
	if !w.pl() {
		items = listItemsEN
	}
	bullet := "- "
	if chance(w.r, 0.2) {
		bullet = "* "
	}
	n := 3 + w.r.IntN(4)
	var lines []string
	for i := range n {
		item := w.fill(pick(w.r, items))
		if chance(w.r, 0.15) {
			item = w.fill("{P}")
		}
		lines = append(lines, bullet+item)
		if i == 0 && chance(w.r, 0.2) {
			for range 2 {
				lines = append(lines, "  "+bullet+w.fill(pick(w.r, items)))
			}
		}
	}
	w.block(strings.Join(lines, "\n"))
}

func (w *writer) orderedList() {
	var lines []string
	for i := range 3 + w.r.IntN(4) {
		lines = append(lines, strconv.Itoa(i+1)+". "+w.sentence())
	}
	w.block(strings.Join(lines, "\n"))
}

func (w *writer) tasks() {
	items := listItemsPL
	if !w.pl() {
		items = listItemsEN
	}
	var lines []string
	for range 2 + w.r.IntN(4) {
		box := "[ ] "
		if chance(w.r, 0.5) {
			box = "[x] "
		}
		lines = append(lines, "- "+box+w.fill(pick(w.r, items)))
	}
	w.block(strings.Join(lines, "\n"))
}

var quotesPL = []string{
	"Ekonomia społeczna to szansa dla tych, którzy chcą wrócić na rynek pracy.",
	"Spółdzielnia socjalna to nie projekt na rok, tylko miejsce pracy na lata.",
	"Bez współpracy samorządów i organizacji pozarządowych nic byśmy nie osiągnęli.",
	"Każde nowe miejsce pracy w ekonomii społecznej to czyjaś odzyskana samodzielność.",
}

var quotesEN = []string{
	"The social economy is a chance for those who want to get back into work.",
	"A social cooperative is not a one-year project, it is a workplace for years.",
	"Without local governments and NGOs working together we would have achieved nothing.",
	"Every new job in the social economy is someone’s regained independence.",
}

func (w *writer) quote() {
	qs := quotesPL
	if !w.pl() {
		qs = quotesEN
	}
	gu := w.g.guest(w.r)
	if len(w.guests) > 0 {
		gu = pick(w.r, w.guests)
	}
	text := "> \"" + pick(w.r, qs) + "\""
	if chance(w.r, 0.3) {
		text += "\n>\n> " + w.sentence()
	}
	by := gu.name
	if gu.role[w.lang] != "" {
		by += ", " + gu.role[w.lang]
	}
	w.block(text + "\n>\n> -- " + by)
}

func (w *writer) addTable() {
	w.table = false
	head := "| Miejscowość | Spółdzielnie socjalne | Nowe miejsca pracy |"
	total := "**Razem**"
	if !w.pl() {
		head = "| Town | Social cooperatives | New jobs |"
		total = "**Total**"
	}
	lines := []string{head, "| :--- | ---: | ---: |"}
	coops, jobs := 0, 0
	for _, i := range w.r.Perm(len(towns))[:3+w.r.IntN(6)] {
		c, j := 1+w.r.IntN(12), w.r.IntN(80)
		coops, jobs = coops+c, jobs+j
		lines = append(lines, "| "+towns[i].Name+" | "+strconv.Itoa(c)+" | "+strconv.Itoa(j)+" |")
	}
	lines = append(lines, "| "+total+" | "+strconv.Itoa(coops)+" | "+strconv.Itoa(jobs)+" |")
	w.block(strings.Join(lines, "\n"))
}

func (w *writer) image() bool {
	var withLogo []*partner
	for _, i := range w.partners {
		if w.g.partners[i].logo != "" {
			withLogo = append(withLogo, w.g.partners[i])
		}
	}
	if w.partner != nil && w.partner.logo != "" {
		withLogo = append(withLogo, w.partner)
	}
	if len(withLogo) == 0 {
		return false
	}
	p := pick(w.r, withLogo)
	alt := [2]string{"Logo: ", "Logo of "}[w.lang] + p.title[w.lang]
	if chance(w.r, 0.3) {
		alt = "-" // decorative
	}
	w.block("![" + alt + "](/" + p.logo + ")")
	return true
}

func (w *writer) external() {
	links := [][2]string{
		{"Więcej informacji o ekonomii społecznej: <https://www.ekonomiaspoleczna.gov.pl/>.",
			"More about the social economy: <https://www.ekonomiaspoleczna.gov.pl/>."},
		{"Oferta wsparcia jest dostępna na stronie [Ośrodka Wsparcia Ekonomii Społecznej](https://owes.example.pl/oferta?rok=2024).",
			"The support on offer is described on the [Social Economy Support Centre](https://owes.example.pl/oferta?rok=2024) website."},
		{"Pytania można kierować na adres [sekretariat@partnerstwo-es.example.org](mailto:sekretariat@partnerstwo-es.example.org).",
			"Questions can be sent to [sekretariat@partnerstwo-es.example.org](mailto:sekretariat@partnerstwo-es.example.org)."},
	}
	w.block(pick(w.r, links)[w.lang])
}

// body adds blocks until the text has about target words.
func (w *writer) body(target int) {
	for w.words < target {
		if w.sinceH >= 4 || (w.sinceH >= 2 && chance(w.r, 0.35)) {
			w.heading()
			continue
		}
		switch n := w.r.IntN(100); {
		case n < 64:
			w.paragraph(2 + w.r.IntN(5))
		case n < 76:
			w.list()
		case n < 81:
			w.orderedList()
		case n < 83:
			w.tasks()
		case n < 89:
			w.quote()
		case n < 92 && w.table:
			w.addTable()
		case n < 94:
			if !w.image() {
				w.external()
			}
		case n < 97:
			w.external()
		default:
			w.paragraph(1 + w.r.IntN(3))
			if w.b.Len() > 0 && !w.plain {
				// a link to another meeting or page on its own line
				w.block(w.fill([2]string{"Zobacz także: {M}.", "See also: {M}."}[w.lang]))
			}
		}
	}
}

func (w *writer) meetingIntro(m *meeting) {
	future := m.date.After(Now())
	var s []string
	if w.pl() {
		verb := "odbyło się"
		if future {
			verb = "odbędzie się"
		}
		s = append(s, "Dnia "+w.dateText(m)+" "+m.town.Loc+" "+verb+" kolejne wydarzenie Partnerstwa na rzecz ekonomii społecznej.")
		if m.host >= 0 {
			s = append(s, "Gospodarzem spotkania jest partner: "+w.link(w.g.partners[m.host].title[pl], "partners/"+w.g.partners[m.host].id+".pl.md")+".")
		}
	} else {
		verb := "held"
		if future {
			verb = "will hold"
		}
		s = append(s, "On "+w.dateText(m)+" the Partnership for the Social Economy "+verb+" its next event in "+m.town.Name+".")
		if m.host >= 0 {
			s = append(s, "The host is "+w.link(w.g.partners[m.host].title[en], "partners/"+w.g.partners[m.host].id+".en.md")+".")
		}
	}
	if n := len(m.participants); n > 0 {
		var names []string
		for _, p := range m.participants[:min(n, 4)] {
			names = append(names, w.link(w.g.partners[p].title[w.lang], "partners/"+w.g.partners[p].id+"."+langCodes[w.lang]+".md"))
		}
		list := strings.Join(names, ", ")
		if len(names) > 1 {
			and := [2]string{" i ", " and "}[w.lang]
			list = strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
		}
		s = append(s, [2]string{"Udział wzięli przedstawiciele: ", "Representatives of the following took part: "}[w.lang]+list+".")
	}
	w.block(strings.Join(s, " "))
	w.sinceH = 0
}

func (w *writer) partnerBody(p *partner, target int) {
	var s string
	if w.pl() {
		s = p.title[pl] + " jest sygnatariuszem Partnerstwa na rzecz ekonomii społecznej"
		if !p.joined.IsZero() {
			s += " od " + strconv.Itoa(p.joined.Year()) + " r."
		} else {
			s += "."
		}
		s += " Siedziba instytucji znajduje się " + p.town.Loc + "."
	} else {
		s = p.title[en] + " is a signatory of the Partnership for the Social Economy"
		if !p.joined.IsZero() {
			s += " since " + strconv.Itoa(p.joined.Year())
		}
		s += ". Its seat is in " + p.town.Name + "."
	}
	w.block(s + " " + w.sentence())
	w.sinceH = 0
	if p.logo != "" && chance(w.r, 0.3) {
		w.image()
	}
	for w.words < target {
		switch n := w.r.IntN(10); {
		case n < 6:
			w.paragraph(2 + w.r.IntN(4))
		case n < 8:
			w.block([2]string{"## Zakres działań", "## What we do"}[w.lang])
			w.list()
		default:
			w.block(w.fill([2]string{"Więcej o zasadach współpracy na stronie {G}.", "Read more about how we work together on the {G} page."}[w.lang]))
		}
	}
}

func (w *writer) pageIntro(p *page) {
	switch p.key {
	case "deklaracja-dostepnosci":
		w.block([2]string{
			"Partnerstwo na rzecz ekonomii społecznej zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
			"The Partnership for the Social Economy is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public sector bodies.",
		}[w.lang])
	case "index":
		w.block([2]string{
			"Partnerstwo łączy lubuskie samorządy, organizacje pozarządowe, biznes, administrację rządową i szkoły, które wspólnie pracują na rzecz zatrudnienia w ekonomii społecznej.",
			"The Partnership brings together local governments, NGOs, businesses, government bodies and schools of the Lubuskie region, working together for jobs in the social economy.",
		}[w.lang])
	default:
		w.paragraph(2 + w.r.IntN(3))
	}
	w.sinceH = 0
}
