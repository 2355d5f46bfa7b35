package corpus

import (
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/slug"
)

// Language indexes: every bilingual value is a [2]string{pl, en}.
const (
	pl = 0
	en = 1
)

var langCodes = [2]string{"pl", "en"}

var sectors = []string{"jst", "ngo", "business", "government", "education"}

type partner struct {
	id      string
	title   [2]string
	short   string
	sector  string
	role    string
	town    town
	joined  time.Time // zero: not given
	website string
	address string
	logo    string // path under static/, "" for none
	aliases bool
	params  bool
}

type guest struct {
	name string
	role [2]string
}

type meeting struct {
	base         string // file name without language and extension: "2015-05-14-x"
	date         time.Time
	hasTime      bool
	title        [2]string
	slug         [2]string // "" when not written
	town         town
	host         int // index in partners, -1 for none
	participants []int
	guests       []guest
	tags         [2][]string
	summary      [2]string
	draft        int // 0: no key, 1: draft: true, 2: draft: false
	aliases      bool
	params       bool
	words        int
}

type page struct {
	key     string // path under content/ without language: "poradnik/x"
	title   [2]string
	slug    string // English slug, "" for none
	menu    int    // 0: not in the menu
	summary bool
	aliases bool
	params  bool
	only    bool // Polish only, no translation
	fixed   int  // index in fixedPages + 1, or 0 for generated pages
	town    town
}

type generator struct {
	opts Options
	c    *Corpus
	r    *rand.Rand // planning only; each file has its own

	partners []*partner
	meetings []*meeting
	pages    []*page
	linkable []int // meetings that may be linked to (not drafts)
	// pagesLinkable are pages other links may point at (not the home text).
	pagesLinkable []int
}

func newGenerator(opts Options, c *Corpus) *generator {
	return &generator{opts: opts, c: c, r: rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15))}
}

// fileRand is the generator of one file, so that a file's text does not
// depend on how much randomness the files before it used.
func (g *generator) fileRand(kind, i, lang int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.opts.Seed)^0x5bd1e995, uint64(kind)<<56|uint64(lang)<<48|uint64(i)))
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// unique returns s, or s-2, s-3 … whichever is not in used yet, and marks
// it used.
func unique(used map[string]bool, prefix, s string) string {
	out := s
	for n := 2; used[prefix+out]; n++ {
		out = s + "-" + strconv.Itoa(n)
	}
	used[prefix+out] = true
	return out
}

func (g *generator) plan() {
	pairs := g.opts.Pages / 2
	nPartners := max(minPartners, pairs/5)
	nPages := max(minPages, pairs/10)
	nMeetings := pairs - nPartners - nPages
	g.planPartners(nPartners)
	g.planPages(nPages, g.opts.Pages%2 == 1)
	g.planMeetings(nMeetings)
}

func (g *generator) planPartners(n int) {
	r := g.r
	used := map[string]bool{}
	fixed := []*partner{
		{id: "marszalek-wojewodztwa-lubuskiego", title: [2]string{"Marszałek Województwa Lubuskiego", "Marshal of the Lubuskie Voivodeship"},
			sector: "jst", role: "leader", town: towns[0]},
		{id: "wup-zielona-gora", title: [2]string{"Wojewódzki Urząd Pracy w Zielonej Górze", "Regional Labour Office in Zielona Góra"},
			short: "WUP Zielona Góra", sector: "jst", role: "secretariat", town: towns[0]},
	}
	for _, p := range fixed {
		used[p.id] = true
		g.partners = append(g.partners, p)
	}
	for i := len(fixed); i < n; i++ {
		sector := ""
		if j := i - len(fixed); j < len(sectors) {
			sector = sectors[j]
		} else {
			sector = weighted(r, sectors, []int{30, 25, 20, 10, 15})
		}
		kind := pick(r, orgKinds[sector])
		t := pick(r, towns)
		name := pick(r, orgNames)
		num := strconv.Itoa(1 + r.IntN(12))
		fill := func(s string) string {
			return strings.NewReplacer("{T}", t.Name, "{L}", t.Loc, "{N}", name, "{n}", num).Replace(s)
		}
		p := &partner{title: [2]string{fill(kind.PL), fill(kind.EN)}, short: fill(kind.Short),
			sector: sector, role: "signatory", town: t}
		p.id = unique(used, "", slug.Make(cmpOr(p.short, p.title[pl])))
		g.partners = append(g.partners, p)
	}
	for i, p := range g.partners {
		if i >= len(fixed) && chance(r, 0.3) && p.short == "" {
			p.short = shortOf(p.title[pl])
		}
		if chance(r, 0.8) {
			p.joined = time.Date(2008+r.IntN(17), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		if chance(r, 0.7) {
			p.website = "https://www." + p.id + ".example.pl/"
			if chance(r, 0.2) {
				p.website = "http://" + p.id + ".example.org/o-nas"
			}
		}
		if chance(r, 0.8) {
			p.address = fmt.Sprintf("ul. %s %d, %02d-%03d %s", pick(r, streets), 1+r.IntN(120), 65+r.IntN(4), r.IntN(1000), p.town.Name)
		}
		if chance(r, 0.3) {
			p.logo = "images/partners/" + p.id + ".svg"
		}
		p.aliases = chance(r, 0.1)
		p.params = chance(r, 0.2)
	}
}

// shortOf is an acronym of a title's capitalised words: "Bank Spółdzielczy w
// Żarach" → "BSŻ".
func shortOf(title string) string {
	var b strings.Builder
	for _, w := range strings.Fields(title) {
		r := []rune(w)
		if len(r) > 1 && strings.ToUpper(string(r[0])) == string(r[0]) && strings.ToLower(string(r[0])) != string(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func weighted(r *rand.Rand, items []string, weights []int) string {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return items[i]
		}
		n -= w
	}
	return items[len(items)-1]
}

// fixedPages are the pages every site has, in the order of the first
// planned pages.
var fixedPages = []struct {
	key    string
	title  [2]string
	enSlug string
	menu   int
}{
	{"index", [2]string{"Partnerstwo na rzecz ekonomii społecznej", "Partnership for the Social Economy"}, "", 0},
	{"deklaracja-dostepnosci", [2]string{"Deklaracja dostępności", "Accessibility statement"}, "accessibility-statement", 0},
	{"o-partnerstwie", [2]string{"O Partnerstwie", "About the Partnership"}, "about", 10},
	{"ekonomia-spoleczna", [2]string{"Ekonomia społeczna", "The social economy"}, "social-economy", 20},
	{"kontakt", [2]string{"Kontakt", "Contact"}, "contact", 40},
}

func (g *generator) planPages(n int, extra bool) {
	r := g.r
	used := map[string]bool{}   // keys
	usedEN := map[string]bool{} // folder/slug of English URLs
	for i, f := range fixedPages {
		used[f.key] = true
		usedEN[f.enSlug] = true
		g.pages = append(g.pages, &page{key: f.key, title: f.title, slug: f.enSlug, menu: f.menu,
			summary: i > 0, fixed: i + 1, town: towns[0]})
	}
	total := n
	if extra {
		total++
	}
	for i := len(fixedPages); i < total; i++ {
		k := pick(r, pageKinds)
		t := pick(r, towns)
		name := pick(r, orgNames)
		year := strconv.Itoa(2008 + r.IntN(18))
		fill := func(s string) string {
			return strings.NewReplacer("{T}", t.Name, "{L}", t.Loc, "{N}", name, "{Y}", year).Replace(s)
		}
		p := &page{title: [2]string{fill(k.PL), fill(k.EN)}, town: t}
		prefix := ""
		if k.Folder != "" {
			prefix = k.Folder + "/"
		}
		p.key = prefix + unique(used, prefix, slug.Make(p.title[pl]))
		p.slug = unique(usedEN, prefix, slug.Make(p.title[en]))
		p.summary = chance(r, 0.5)
		p.aliases = chance(r, 0.1)
		p.params = chance(r, 0.2)
		p.only = extra && i == total-1
		g.pages = append(g.pages, p)
	}
	for i, p := range g.pages {
		if p.key != "index" {
			g.pagesLinkable = append(g.pagesLinkable, i)
		}
	}
}

func (g *generator) planMeetings(n int) {
	r := g.r
	used := map[string]bool{}   // year/slug, Polish
	usedEN := map[string]bool{} // year/slug, English
	first := time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
	for i := range n {
		m := &meeting{host: -1}
		m.date = first.AddDate(0, 0, r.IntN(days))
		if chance(r, 0.15) {
			m.hasTime = true
			m.date = m.date.Add(time.Duration(9+r.IntN(8))*time.Hour + time.Duration(30*r.IntN(2))*time.Minute)
		}
		m.town = pick(r, towns)
		k := pick(r, meetingKinds)
		fill := func(s string) string {
			return strings.NewReplacer("{T}", m.town.Name, "{L}", m.town.Loc).Replace(s)
		}
		m.title = [2]string{fill(k[0]), fill(k[1])}
		year := strconv.Itoa(m.date.Year()) + "/"
		name := unique(used, year, slug.Make(m.title[pl]))
		m.base = m.date.Format("2006-01-02") + "-" + name
		if chance(r, 0.1) {
			m.slug[pl] = name
		}
		m.slug[en] = unique(usedEN, year, slug.Make(m.title[en]))

		if chance(r, 0.8) {
			m.host = r.IntN(len(g.partners))
		}
		if chance(r, 0.85) {
			for _, p := range r.Perm(len(g.partners))[:min(len(g.partners), r.IntN(9))] {
				if p != m.host {
					m.participants = append(m.participants, p)
				}
			}
		}
		if chance(r, 0.5) {
			for range 1 + r.IntN(3) {
				m.guests = append(m.guests, g.guest(r))
			}
		}
		for _, t := range r.Perm(len(tags))[:1+r.IntN(5)] {
			m.tags[pl] = append(m.tags[pl], variant(r, tags[t][pl], true))
			m.tags[en] = append(m.tags[en], variant(r, tags[t][en], false))
		}
		if chance(r, 0.4) {
			obj := r.IntN(len(objectsPL))
			m.summary = [2]string{
				"Sygnatariusze Partnerstwa spotkali się " + m.town.Loc + ", aby omówić " + objectsPL[obj] + ".",
				"The Partnership’s signatories met in " + m.town.Name + " to discuss " + objectsEN[obj] + ".",
			}
		}
		switch {
		case chance(r, 0.02):
			m.draft = 1
		case chance(r, 0.03):
			m.draft = 2
		}
		m.aliases = chance(r, 0.1)
		m.params = chance(r, 0.15)
		m.words = 300 + r.IntN(1201)
		g.meetings = append(g.meetings, m)
		if m.draft != 1 {
			g.linkable = append(g.linkable, i)
		}
	}
}

func (g *generator) guest(r *rand.Rand) guest {
	var name string
	if chance(r, 0.5) {
		name = pick(r, femaleFirst) + " " + pick(r, femaleLast)
	} else {
		name = pick(r, maleFirst) + " " + pick(r, maleLast)
	}
	return guest{name: name, role: pick(r, guestRoles)}
}

// variant is a spelling of a tag that slugs like the tag itself: mostly as
// listed, sometimes capitalised, and in Polish sometimes typed without
// Polish letters.
func variant(r *rand.Rand, tag string, polish bool) string {
	switch n := r.IntN(10); {
	case n < 6:
		return tag
	case n < 8:
		rs := []rune(tag)
		return strings.ToUpper(string(rs[0])) + string(rs[1:])
	case n == 8 && polish:
		return foldPolish(tag)
	default:
		return strings.ToLower(tag)
	}
}

var polishFold = strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z",
	"Ą", "A", "Ć", "C", "Ę", "E", "Ł", "L", "Ń", "N", "Ó", "O", "Ś", "S", "Ź", "Z", "Ż", "Z")

func foldPolish(s string) string { return polishFold.Replace(s) }

// File kinds for fileRand.
const (
	kindMeeting = iota + 1
	kindPartner
	kindPage
	kindLogo
)

// emit writes every content file and partner logo into the corpus.
func (g *generator) emit() {
	for i, p := range g.partners {
		for lang := range 2 {
			r := g.fileRand(kindPartner, i, lang)
			g.put("content/partners/"+p.id+"."+langCodes[lang]+".md", g.partnerFile(r, p, lang))
			g.c.Partners++
		}
		if p.logo != "" {
			g.c.Files["static/"+p.logo] = logoSVG(g.fileRand(kindLogo, i, 0), p)
		}
	}
	for i, p := range g.pages {
		for lang := range 2 {
			if p.only && lang == en {
				continue
			}
			r := g.fileRand(kindPage, i, lang)
			g.put("content/"+p.key+"."+langCodes[lang]+".md", g.pageFile(r, p, lang))
			g.c.Pages++
		}
	}
	for i, m := range g.meetings {
		for lang := range 2 {
			r := g.fileRand(kindMeeting, i, lang)
			g.put("content/meetings/"+m.base+"."+langCodes[lang]+".md", g.meetingFile(r, i, m, lang))
			g.c.Meetings++
			if m.draft == 1 {
				g.c.DraftMeetings++
			}
		}
	}
}

// put stores a content file, now and then the way a Windows editor saves
// it: with CRLF line endings or a byte order mark.
func (g *generator) put(p string, data []byte) {
	h := fnv.New64a()
	h.Write([]byte(p))
	r := rand.New(rand.NewPCG(uint64(g.opts.Seed), h.Sum64()))
	if chance(r, 0.02) {
		data = []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))
	}
	if chance(r, 0.01) {
		data = append([]byte("\xEF\xBB\xBF"), data...)
	}
	g.c.Files[p] = data
}

func logoSVG(r *rand.Rand, p *partner) []byte {
	colors := []string{"#1b5e20", "#0d47a1", "#b71c1c", "#4a148c", "#e65100", "#263238"}
	label := cmpOr(shortOf(p.title[pl]), "P")
	if len([]rune(label)) > 5 {
		label = string([]rune(label)[:5])
	}
	return fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120" width="240" height="120" role="img">
  <title>%s</title>
  <rect x="0" y="0" width="240" height="120" rx="12" ry="12" fill="%s"/>
  <circle cx="48" cy="60" r="%d" fill="#ffffff" fill-opacity="0.85"/>
  <text x="150" y="72" font-family="Arial, sans-serif" font-size="36" font-weight="bold" text-anchor="middle" fill="#ffffff">%s</text>
</svg>
`, xmlEscape(p.title[pl]), pick(r, colors), 20+r.IntN(12), xmlEscape(label))
}

// xmlEscape escapes s for the text of an SVG, by xml.EscapeText.
func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
