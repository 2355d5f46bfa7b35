package editor

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/content"
	"gopkg.in/yaml.v3"
)

// input is the kind of control a key is edited with.
type input int

const (
	textIn     input = iota // one line of text
	areaIn                  // a few lines of text
	dateIn                  // a day, or a day and time when the value has one
	numberIn                // a whole number
	urlIn                   // an address
	selectIn                // one of Choices
	hostIn                  // one partner, by name
	partnersIn              // partners, by name
	guestsIn                // people: name and role
	tagsIn                  // topics, with the site's tags suggested
	checkIn                 // true or false
	linesIn                 // a list, one item a line
)

// Name names an input for the templates.
func (i input) Name() string {
	return [...]string{"text", "area", "date", "number", "url", "select", "host", "partners", "guests", "tags", "check", "lines"}[i]
}

// field is one front matter key in the form: its label and help are the
// writers' guide's (docs/poradnik.md).
type field struct {
	Key, Label, Help string
	In               input
	Required         bool
	Choices          [][2]string // value, label
}

var (
	sectors = [][2]string{{"jst", "samorząd (jst)"}, {"ngo", "organizacja pozarządowa (ngo)"}, {"business", "biznes (business)"},
		{"government", "administracja rządowa (government)"}, {"education", "edukacja (education)"}}
	roles = [][2]string{{"leader", "lider (leader)"}, {"secretariat", "sekretariat (secretariat)"}, {"signatory", "sygnatariusz (signatory)"}}
)

// common are the keys every kind ends with.
func common() []field {
	return []field{
		{Key: "slug", Label: "Końcówka adresu (slug)", Help: "Inaczej powstaje z nazwy pliku, np. spotkanie-w-zarach.", In: textIn},
		{Key: "draft", Label: "Szkic", Help: "Szkic nie jest publikowany.", In: checkIn},
		{Key: "publishDate", Label: "Data publikacji", Help: "Przed tym dniem strony nie ma w witrynie.", In: dateIn},
		{Key: "expiryDate", Label: "Data zdjęcia ze strony", Help: "Od tego dnia strony nie ma w witrynie; musi być po dacie publikacji.", In: dateIn},
		{Key: "aliases", Label: "Dawne adresy", Help: "Adresy, które mają tu prowadzić, po jednym w linii, np. /aktualnosci/2015/spotkanie.html.", In: linesIn},
	}
}

// fields are the keys of a kind in the form, in the guide's order;
// params and keys the schema does not know are not in the form and are
// kept as they are.
func fields(k content.Kind) []field {
	switch k {
	case content.Meeting:
		return append([]field{
			{Key: "title", Label: "Tytuł", Help: "Tytuł spotkania.", In: textIn, Required: true},
			{Key: "date", Label: "Data", Help: "Dzień spotkania, a jeśli trzeba, także godzina.", In: dateIn, Required: true},
			{Key: "end", Label: "Koniec", Help: "Kiedy spotkanie się skończyło, w tej samej postaci co data.", In: dateIn},
			{Key: "location", Label: "Miejsce", Help: "Instytucja lub sala i miejscowość, np. WUP, Zielona Góra.", In: textIn, Required: true},
			{Key: "host", Label: "Gospodarz", Help: "Partner, który gościł spotkanie.", In: hostIn},
			{Key: "participants", Label: "Uczestnicy", Help: "Obecni partnerzy.", In: partnersIn},
			{Key: "guests", Label: "Goście", Help: "Goście spoza Partnerstwa: imię i nazwisko, funkcja.", In: guestsIn},
			{Key: "tags", Label: "Tematy", Help: "Tematy spotkania; każdy ma swoją stronę.", In: tagsIn},
			{Key: "summary", Label: "Streszczenie", Help: "Streszczenie do list i wyszukiwarek (inaczej: pierwszy akapit).", In: areaIn},
		}, common()...)
	case content.Partner:
		return append([]field{
			{Key: "title", Label: "Pełna nazwa", Help: "Np. Wojewódzki Urząd Pracy w Zielonej Górze.", In: textIn, Required: true},
			{Key: "short", Label: "Nazwa skrócona", Help: "Np. WUP Zielona Góra.", In: textIn},
			{Key: "sector", Label: "Sektor", Help: "Rodzaj sygnatariusza; katalog partnerów jest według niego podzielony.", In: selectIn, Required: true, Choices: sectors},
			{Key: "role", Label: "Rola", Help: "Rola w Partnerstwie.", In: selectIn, Required: true, Choices: roles},
			{Key: "joined", Label: "Data przystąpienia", Help: "Data podpisania porozumienia.", In: dateIn},
			{Key: "website", Label: "Strona internetowa", Help: "Adres od http:// lub https://.", In: urlIn},
			{Key: "logo", Label: "Logo", Help: "Plik w folderze static/, np. images/partners/wup.svg.", In: textIn},
			{Key: "address", Label: "Adres", Help: "Adres siedziby.", In: textIn},
		}, slices.Delete(common(), 0, 1)...) // a partner has no slug
	}
	return append([]field{
		{Key: "title", Label: "Tytuł", Help: "Tytuł strony.", In: textIn, Required: true},
		{Key: "summary", Label: "Streszczenie", Help: "Streszczenie dla wyszukiwarek.", In: areaIn},
		{Key: "menu", Label: "Miejsce w menu", Help: "Liczba; mniejsza – bardziej na lewo. Puste: strony nie ma w menu.", In: numberIn},
	}, common()...)
}

// guest is one row of the guests group.
type guest struct{ Name, Role string }

// editable reports whether the form can show n for f: a value of
// another shape (a list where text is wanted) stays as written.
func editable(f field, n *yaml.Node) bool {
	if n == nil {
		return true
	}
	switch f.In {
	case partnersIn, tagsIn, linesIn:
		_, ok := listOf(n)
		return ok
	case guestsIn:
		_, ok := guestsOf(n)
		return ok
	}
	return n.Kind == yaml.ScalarNode
}

func guestsOf(n *yaml.Node) ([]guest, bool) {
	if n == nil {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	var out []guest
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			return nil, false
		}
		var g guest
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i].Value, item.Content[i+1]
			if v.Kind != yaml.ScalarNode || (k != "name" && k != "role") {
				return nil, false
			}
			if k == "name" {
				g.Name = v.Value
			} else {
				g.Role = v.Value
			}
		}
		out = append(out, g)
	}
	return out, true
}

// shown is the value a date control shows: "2006-01-02" for a day,
// "2006-01-02T15:04" (datetime-local) for a time, in the site's zone.
func shown(f field, n *yaml.Node, loc *time.Location) string {
	if n == nil {
		return ""
	}
	if f.In != dateIn {
		return n.Value
	}
	s := strings.TrimSpace(n.Value)
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return s
	}
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(loc).Format("2006-01-02T15:04")
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02T15:04")
		}
	}
	return s
}

// hasTime reports whether a date control should take a time of day.
func hasTime(v string) bool { return strings.Contains(v, "T") }

// apply sets the keys whose form values differ from what the form showed;
// a key the writer left as shown keeps its node, comments and bytes. Only
// the keys the form had ("shown") are looked at: an unchecked box and an
// emptied list send nothing, and a key the request does not name is
// kept.
func apply(s *source, kind content.Kind, form url.Values, loc *time.Location) {
	for _, f := range fields(kind) {
		n := s.value(f.Key)
		if !editable(f, n) || !slices.Contains(form["shown"], f.Key) {
			continue
		}
		switch f.In {
		case checkIn:
			v := form.Get(f.Key) != ""
			if v == (n != nil && n.Value == "true") || (!v && n == nil) {
				continue
			}
			s.set(f.Key, scalar("!!bool", strconv.FormatBool(v)))
		case partnersIn, tagsIn, linesIn:
			vals := form[f.Key]
			if f.In == linesIn {
				vals = strings.Split(form.Get(f.Key), "\n")
			}
			items := trimmed(vals)
			old, _ := listOf(n)
			if slices.Equal(items, old) || (f.In == partnersIn && sameSet(items, old)) {
				continue
			}
			if len(items) == 0 {
				s.set(f.Key, nil)
			} else {
				s.set(f.Key, list(n, items))
			}
		case guestsIn:
			names, roles := form["guest-name"], form["guest-role"]
			var gs []guest
			for i, name := range names {
				g := guest{Name: strings.TrimSpace(name)}
				if i < len(roles) {
					g.Role = strings.TrimSpace(roles[i])
				}
				if g.Name != "" || g.Role != "" {
					gs = append(gs, g)
				}
			}
			old, _ := guestsOf(n)
			if slices.Equal(gs, old) {
				continue
			}
			s.set(f.Key, guestsNode(gs))
		default:
			v := strings.TrimSpace(form.Get(f.Key))
			if f.In == areaIn {
				v = strings.TrimSpace(strings.ReplaceAll(form.Get(f.Key), "\r\n", "\n"))
			}
			if v == strings.TrimSpace(shown(f, n, loc)) {
				continue
			}
			switch {
			case v == "" && !f.Required:
				s.set(f.Key, nil)
			case f.In == dateIn:
				s.set(f.Key, scalar("", v)) // plain: a day reads as a date, a local time as text
			case f.In == numberIn:
				s.set(f.Key, scalar("", v))
			default:
				s.set(f.Key, scalar("!!str", v))
			}
		}
	}
}

func guestsNode(gs []guest) *yaml.Node {
	if len(gs) == 0 {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, g := range gs {
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		m.Content = append(m.Content, scalar("!!str", "name"), scalar("!!str", g.Name))
		if g.Role != "" {
			m.Content = append(m.Content, scalar("!!str", "role"), scalar("!!str", g.Role))
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func trimmed(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// check says in Polish what is wrong with the values the writer can fix
// in the form: the common mistakes, by the same rules as content.Parse,
// which still decides (its messages are shown for everything else).
func check(s *source, kind content.Kind, loc *time.Location) map[string][]string {
	out := map[string][]string{}
	for _, f := range fields(kind) {
		n := s.value(f.Key)
		if n == nil || n.Kind != yaml.ScalarNode {
			if n == nil && f.Required {
				out[f.Key] = append(out[f.Key], "To pole jest wymagane.")
			}
			continue
		}
		v := strings.TrimSpace(n.Value)
		switch {
		case v == "" && f.Required:
			out[f.Key] = append(out[f.Key], "To pole jest wymagane.")
		case v == "":
		case f.In == dateIn && !isDate(v, loc):
			out[f.Key] = append(out[f.Key], "To nie jest data: wpisz ją jako RRRR-MM-DD (np. 2015-05-14), a z godziną jako 2015-05-14T10:00.")
		case f.In == numberIn && !isInt(v):
			out[f.Key] = append(out[f.Key], "Wpisz liczbę całkowitą, np. 40.")
		case f.In == urlIn && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://"):
			out[f.Key] = append(out[f.Key], "Wpisz pełny adres, od http:// lub https://.")
		case f.In == selectIn && !slices.ContainsFunc(f.Choices, func(c [2]string) bool { return c[0] == v }):
			out[f.Key] = append(out[f.Key], "Wybierz jedną z podanych wartości.")
		}
	}
	return out
}

func isDate(v string, loc *time.Location) bool {
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if _, err := time.ParseInLocation(layout, v, loc); err == nil {
			return true
		}
	}
	return false
}

func isInt(v string) bool {
	_, err := strconv.Atoi(v)
	return err == nil
}
