package corpus

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
)

// frontMatter writes YAML front matter the way people do: plain scalars
// where they are safe, quoted strings elsewhere, block lists mostly and
// flow lists now and then.
type frontMatter struct {
	b strings.Builder
	r *rand.Rand
}

func newFrontMatter(r *rand.Rand) *frontMatter {
	f := &frontMatter{r: r}
	f.b.WriteString("---\n")
	return f
}

// plainSafe matches strings that YAML reads back as the same string when
// written without quotes.
var plainSafe = regexp.MustCompile(`^\p{L}[\p{L}\p{N} ,.–„”“’()/-]*[\p{L}\p{N}.)”’]$`)

var yamlWords = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true}

func (f *frontMatter) scalar(s string) string {
	if plainSafe.MatchString(s) && !yamlWords[strings.ToLower(s)] && !chance(f.r, 0.4) {
		return s
	}
	return strconv.Quote(s)
}

func (f *frontMatter) str(key, val string) {
	f.b.WriteString(key + ": " + f.scalar(val) + "\n")
}

func (f *frontMatter) raw(key, val string) {
	f.b.WriteString(key + ": " + val + "\n")
}

func (f *frontMatter) list(key string, vals []string) {
	if chance(f.r, 0.3) {
		quoted := make([]string, len(vals))
		for i, v := range vals {
			quoted[i] = strconv.Quote(v)
			if plainSafe.MatchString(v) && !strings.ContainsAny(v, ",") && !yamlWords[strings.ToLower(v)] {
				quoted[i] = v
			}
		}
		f.b.WriteString(key + ": [" + strings.Join(quoted, ", ") + "]\n")
		return
	}
	f.b.WriteString(key + ":\n")
	for _, v := range vals {
		f.b.WriteString("  - " + f.scalar(v) + "\n")
	}
}

func (f *frontMatter) line(s string) { f.b.WriteString(s + "\n") }

func (f *frontMatter) end(body string) []byte {
	f.b.WriteString("---\n")
	if chance(f.r, 0.7) {
		f.b.WriteString("\n")
	}
	f.b.WriteString(body)
	return []byte(f.b.String())
}

func (g *generator) meetingFile(r *rand.Rand, i int, m *meeting, lang int) []byte {
	f := newFrontMatter(r)
	f.str("title", m.title[lang])
	if m.hasTime {
		offset := "+01:00"
		if mo := m.date.Month(); mo >= 4 && mo <= 10 {
			offset = "+02:00"
		}
		f.raw("date", m.date.Format("2006-01-02T15:04:05")+offset)
	} else {
		f.raw("date", m.date.Format("2006-01-02"))
	}
	location := [2]string{"Urząd Marszałkowski Województwa Lubuskiego", "Marshal’s Office of the Lubuskie Voivodeship"}[lang]
	if m.host >= 0 {
		location = g.partners[m.host].title[lang]
	}
	f.str("location", location+", "+m.town.Name)
	if m.host >= 0 {
		f.raw("host", g.partners[m.host].id)
	}
	if len(m.participants) > 0 {
		ids := make([]string, len(m.participants))
		for j, p := range m.participants {
			ids[j] = g.partners[p].id
		}
		f.list("participants", ids)
	}
	if len(m.guests) > 0 {
		f.line("guests:")
		for _, gu := range m.guests {
			switch {
			case gu.role[lang] == "":
				f.line("  - name: " + f.scalar(gu.name))
			case chance(r, 0.3):
				f.line("  - {name: " + strconv.Quote(gu.name) + ", role: " + strconv.Quote(gu.role[lang]) + "}")
			default:
				f.line("  - name: " + f.scalar(gu.name))
				f.line("    role: " + f.scalar(gu.role[lang]))
			}
		}
	}
	f.list("tags", m.tags[lang])
	if m.summary[lang] != "" {
		f.str("summary", m.summary[lang])
	}
	if m.slug[lang] != "" {
		f.raw("slug", m.slug[lang])
	}
	switch m.draft {
	case 1:
		f.raw("draft", "true")
	case 2:
		f.raw("draft", "false")
	}
	if m.aliases {
		if lang == pl {
			f.list("aliases", []string{"/aktualnosci/" + m.base + ".html", "/archiwum/" + strconv.Itoa(m.date.Year()) + "/" + m.base + "/"})
		} else {
			f.list("aliases", []string{"/en/news/" + m.base + ".html"})
		}
	}
	if m.params {
		f.line("params:")
		f.line("  photos: " + strconv.Itoa(r.IntN(40)))
		f.line("  organiser: " + f.scalar([2]string{"Sekretariat Partnerstwa", "Partnership secretariat"}[lang]))
		f.line("  documents:")
		f.line("    - https://partnerstwo-es.example.org/pliki/" + m.base + ".pdf")
	}

	w := g.newWriter(r, lang, "meetings", m.town, i)
	if m.host >= 0 {
		w.partners = append(w.partners, m.host)
	}
	w.partners = append(w.partners, m.participants...)
	w.guests = m.guests
	w.table = chance(r, 0.25)
	w.meetingIntro(m)
	w.body(m.words)
	return f.end(w.String())
}

func (g *generator) partnerFile(r *rand.Rand, p *partner, lang int) []byte {
	f := newFrontMatter(r)
	f.str("title", p.title[lang])
	if p.short != "" {
		f.str("short", p.short)
	}
	f.raw("sector", p.sector)
	f.raw("role", p.role)
	if !p.joined.IsZero() {
		f.raw("joined", p.joined.Format("2006-01-02"))
	}
	if p.website != "" {
		f.str("website", p.website)
	}
	if p.logo != "" {
		if chance(r, 0.3) {
			f.raw("logo", "/"+p.logo)
		} else {
			f.raw("logo", p.logo)
		}
	}
	if p.address != "" {
		f.str("address", p.address)
	}
	if p.aliases {
		f.list("aliases", []string{[2]string{"/partnerzy/archiwum/", "/en/partners/archive/"}[lang] + p.id + ".html"})
	}
	if p.params {
		f.line("params:")
		f.line("  krs: \"" + fmt.Sprintf("%010d", r.IntN(1000000)) + "\"")
		f.line("  employees: " + strconv.Itoa(3+r.IntN(200)))
	}
	w := g.newWriter(r, lang, "partners", p.town, -1)
	w.partner = p
	w.partnerBody(p, 100+r.IntN(301))
	return f.end(w.String())
}

func (g *generator) pageFile(r *rand.Rand, p *page, lang int) []byte {
	f := newFrontMatter(r)
	f.str("title", p.title[lang])
	w := g.newWriter(r, lang, folder(p.key), p.town, -1)
	if p.summary {
		w.plain = true
		f.str("summary", w.sentence())
		w.plain = false
	}
	if lang == en && p.slug != "" {
		f.raw("slug", p.slug)
	}
	if p.menu > 0 {
		f.raw("menu", strconv.Itoa(p.menu))
	}
	if p.aliases {
		name := p.key[strings.LastIndexByte(p.key, '/')+1:]
		f.list("aliases", []string{[2]string{"/strony/", "/en/pages/"}[lang] + name + ".html"})
	}
	if p.params {
		f.line("params: {icon: " + pick(r, []string{"book", "people", "document"}) + ", order: " + strconv.Itoa(r.IntN(10)) + "}")
	}
	words := 300 + r.IntN(701)
	if p.key == "index" {
		words = 80 + r.IntN(120)
	}
	w.table = chance(r, 0.4)
	w.pageIntro(p)
	w.body(words)
	return f.end(w.String())
}
