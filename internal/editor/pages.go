package editor

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"gopkg.in/yaml.v3"
)

// option is one choice of a select or checkbox group.
type option struct {
	Value, Label string
	Selected     bool
}

// fieldView is a field as the form shows it.
type fieldView struct {
	field
	ID       string
	Value    string
	Values   []string // tags
	Guests   []guest
	Options  []option // select, host, participants
	Checked  bool
	Editable bool
	Raw      string // the value as written, when the form cannot edit it
	DateTime bool
	Errors   []string
}

// formView is the form of one document.
type formView struct {
	Token, Path, Hash, Title, Kind string
	Fields                         []fieldView
	Body                           string
	SourceMode                     bool   // the file opens as text: its front matter is not a mapping
	Source                         string // the whole file, in SourceMode
	Problems                       []string
	Saved, Preview                 bool
	Tags                           []string
	Links                          []option // the documents of its language, as links from it
	Mine, Disk, DiskHash           string   // a conflict: the writer's version and the file's
	OrigPath, Orig                 string   // the file translated, shown beside its translation
	Conflict                       bool
}

var kindNames = map[content.Kind]string{content.Meeting: "spotkanie", content.Partner: "partner", content.Page: "strona"}

// open shows the form of rel as it is on disk, with the text of the file
// orig beside it when it is a translation of that file.
func (h *Handler) open(w http.ResponseWriter, rel, orig string, saved bool) {
	data, err := h.root.ReadFile(rel)
	if err != nil {
		http.Error(w, "Nie udało się odczytać pliku.", http.StatusInternalServerError)
		return
	}
	v, err := h.form(rel, data, data, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	v.Saved = saved
	if orig != "" {
		if data, err := h.root.ReadFile(orig); err == nil {
			v.OrigPath, v.Orig = orig, string(data)
		}
	}
	h.render(w, http.StatusOK, "form", v)
}

// form makes the view of rel showing src, a version of the file whose
// bytes on disk are disk; problems are shown at their fields.
func (h *Handler) form(rel string, src, disk []byte, problems []diag.Problem) (*formView, error) {
	cfg, err := h.site()
	if err != nil {
		return nil, err
	}
	doc, _ := content.Parse(rel, src, parseOptions(cfg))
	v := &formView{Token: h.token, Path: rel, Hash: hash(disk), Title: doc.Title, Kind: kindNames[doc.Kind], Preview: h.opts.Preview != nil}
	if v.Title == "" {
		v.Title = rel
	}
	s, err := split(src)
	if err != nil {
		v.SourceMode, v.Source = true, string(src)
		for _, p := range problems {
			v.Problems = append(v.Problems, polish(p))
		}
		return v, nil
	}
	v.Body = string(s.body)
	byKey := problemsByKey(s, problems)
	if len(problems) > 0 {
		// Where the editor can say it in Polish, it does, instead of
		// the build's English.
		for key, msgs := range check(s, doc.Kind, cfg.Location) {
			byKey[key] = msgs
		}
	}
	v.Problems = byKey[""]
	ix := h.index(cfg)
	v.Tags = ix.tags[doc.Lang]
	for _, d := range ix.docs {
		if d.Value != rel && ix.langs[d.Value] == doc.Lang {
			v.Links = append(v.Links, option{Value: relLink(rel, d.Value), Label: d.Label})
		}
	}
	slices.SortFunc(v.Links, func(a, b option) int { return strings.Compare(a.Label, b.Label) })
	for _, f := range fields(doc.Kind) {
		n := s.value(f.Key)
		fv := fieldView{field: f, ID: "f-" + f.Key, Editable: editable(f, n), Errors: byKey[f.Key]}
		if !fv.Editable {
			fv.Raw = nodeText(n)
			v.Fields = append(v.Fields, fv)
			continue
		}
		switch f.In {
		case checkIn:
			fv.Checked = n != nil && n.Value == "true"
		case tagsIn, linesIn:
			fv.Values, _ = listOf(n)
			fv.Value = strings.Join(fv.Values, "\n")
		case guestsIn:
			fv.Guests, _ = guestsOf(n)
			fv.Guests = append(fv.Guests, guest{})
		case partnersIn, hostIn:
			chosen, _ := listOf(n)
			if f.In == hostIn && n != nil {
				chosen = []string{n.Value}
			}
			fv.Options = partnerOptions(ix.partners, chosen)
		case selectIn:
			cur := ""
			if n != nil {
				cur = n.Value
			}
			for _, c := range f.Choices {
				fv.Options = append(fv.Options, option{Value: c[0], Label: c[1], Selected: c[0] == cur})
			}
		default:
			fv.Value = shown(f, n, cfg.Location)
			fv.DateTime = f.In == dateIn && hasTime(fv.Value)
		}
		v.Fields = append(v.Fields, fv)
	}
	return v, nil
}

// partnerOptions are the site's partners by name, the chosen ones
// marked; a chosen id that is no partner is kept, named as such.
func partnerOptions(partners []option, chosen []string) []option {
	out := make([]option, 0, len(partners))
	for _, p := range partners {
		p.Selected = slices.Contains(chosen, p.Value)
		out = append(out, p)
	}
	for _, id := range chosen {
		if !slices.ContainsFunc(partners, func(p option) bool { return p.Value == id }) {
			out = append(out, option{Value: id, Label: id + " (nie ma takiego partnera)", Selected: true})
		}
	}
	return out
}

// problemsByKey puts each problem at the front matter key whose lines
// hold it ("" for the rest), in Polish where the editor knows the words.
func problemsByKey(s *source, problems []diag.Problem) map[string][]string {
	out := map[string][]string{}
	first := bytes.Count(s.head, []byte("\n")) // lines before the YAML
	last := first + bytes.Count(s.front, []byte("\n"))
	for _, p := range problems {
		key := ""
		if p.Line > first && p.Line <= last {
			for i := 0; i+1 < len(s.root.Content); i += 2 {
				if s.root.Content[i].Line+first <= p.Line {
					key = s.root.Content[i].Value
				}
			}
		}
		out[key] = append(out[key], polish(p))
	}
	return out
}

// polish says a problem in the editor's language: the build's messages
// are in English, so they are given after a Polish lead with their line.
func polish(p diag.Problem) string {
	msg := p.Message
	if p.Hint != "" {
		msg += " (" + p.Hint + ")"
	}
	if p.Line > 0 {
		return fmt.Sprintf("Błąd w linii %d: %s", p.Line, msg)
	}
	return "Błąd: " + msg
}

// editedFile reads rel from disk and applies the posted form to it; on a
// failure it has answered the request, and ok is false.
func (h *Handler) editedFile(w http.ResponseWriter, r *http.Request, rel string) (disk, src []byte, ok bool) {
	disk, err := h.root.ReadFile(rel)
	if err != nil {
		http.Error(w, "Nie udało się odczytać pliku.", http.StatusInternalServerError)
		return nil, nil, false
	}
	src, err = h.edited(r.PostForm, rel, disk)
	if err != nil {
		badEdit(w, err)
		return nil, nil, false
	}
	return disk, src, true
}

// save writes the form's version of rel unless the file changed since
// the form was opened or the new front matter is invalid.
func (h *Handler) save(w http.ResponseWriter, r *http.Request, rel string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	disk, src, ok := h.editedFile(w, r, rel)
	if !ok {
		return
	}
	if r.PostForm.Get("hash") != hash(disk) {
		v, err := h.form(rel, src, disk, nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		v.Conflict, v.Mine, v.Disk, v.DiskHash = true, string(src), string(disk), hash(disk)
		h.render(w, http.StatusConflict, "conflict", v)
		return
	}
	cfg, err := h.site()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, problems := content.Parse(rel, src, parseOptions(cfg))
	if errs := problems.Errors(); len(errs) > 0 {
		v, err := h.form(rel, src, disk, errs)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h.render(w, http.StatusUnprocessableEntity, "form", v)
		return
	}
	if !bytes.Equal(src, disk) {
		if err := h.writeFile(rel, src, false); err != nil {
			http.Error(w, "Nie udało się zapisać pliku.", http.StatusInternalServerError)
			return
		}
	}
	http.Redirect(w, r, editURL(rel)+"&saved=1", http.StatusSeeOther)
}

// errNotForm is a form sent for a file whose front matter the form cannot
// show (it changed on disk into one since it was opened).
var errNotForm = errors.New("the file's front matter cannot be edited in a form")

// badEdit answers a form that cannot be applied.
func badEdit(w http.ResponseWriter, err error) {
	msg := err.Error()
	if errors.Is(err, errNotForm) {
		msg = "Tego pliku nie da się edytować w formularzu; otwórz go od nowa."
	}
	http.Error(w, msg, http.StatusBadRequest)
}

// edited is the file as the form wants it: the whole text in source
// mode, else the file on disk with the changed keys and text.
func (h *Handler) edited(form url.Values, rel string, disk []byte) ([]byte, error) {
	if form.Has("source") {
		text := form.Get("source")
		if !bytes.Contains(disk, []byte("\r\n")) {
			text = strings.ReplaceAll(text, "\r\n", "\n")
		}
		return []byte(text), nil
	}
	cfg, err := h.site()
	if err != nil {
		return nil, err
	}
	s, err := split(disk)
	if err != nil {
		return nil, errNotForm
	}
	doc, _ := content.Parse(rel, disk, parseOptions(cfg))
	apply(s, doc.Kind, form, cfg.Location)
	if form.Has("body") {
		s.setBody(form.Get("body"))
	}
	if err := s.encode(); err != nil {
		return nil, err
	}
	return s.bytes(), nil
}

// preview renders the form's version of rel without saving it.
func (h *Handler) preview(w http.ResponseWriter, r *http.Request, rel string) {
	if h.opts.Preview == nil {
		http.NotFound(w, r)
		return
	}
	_, src, ok := h.editedFile(w, r, rel)
	if !ok {
		return
	}
	page, problems := h.opts.Preview(rel, src)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if errs := problems.Errors(); len(errs) > 0 || page == nil {
		var msgs []string
		for _, p := range errs {
			msgs = append(msgs, polish(p))
		}
		h.render(w, http.StatusOK, "previewErrors", msgs)
		return
	}
	w.Write(page)
}

// entry is one document in the list, with its translations.
type entry struct {
	Title, Date, Path, Kind, Token string
	Langs                          []option // Value: path ("" when missing), Label: language code
}

// index is what the list and the pickers need of every file.
type siteIndex struct {
	entries  []entry
	partners []option            // id, name
	tags     map[string][]string // by language
	docs     []option            // every document: path, title (language)
	langs    map[string]string   // path → language
}

// index reads every content file. Files that do not parse are listed
// under their path, so that they can be opened and fixed.
func (h *Handler) index(cfg *config.Config) siteIndex {
	var ix siteIndex
	byKey := map[string]*entry{}
	var order []string
	tags := map[string]map[string]bool{}
	ix.tags, ix.langs = map[string][]string{}, map[string]string{}
	fsys := h.root.FS()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return nil
		}
		if content.Skipped(content.Dir+"/"+p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		doc, _ := content.Parse(p, data, parseOptions(cfg))
		e := byKey[doc.Key]
		if e == nil {
			e = &entry{Kind: kindNames[doc.Kind]}
			for _, c := range cfg.Codes() {
				e.Langs = append(e.Langs, option{Label: c})
			}
			byKey[doc.Key] = e
			order = append(order, doc.Key)
		}
		for i := range e.Langs {
			if e.Langs[i].Label == doc.Lang {
				e.Langs[i].Value = p
			}
		}
		if doc.Lang == cfg.Default().Code || e.Path == "" {
			e.Path, e.Title = p, doc.Title
			if e.Title == "" {
				e.Title = p
			}
			if !doc.Date.IsZero() {
				e.Date = doc.Date.In(cfg.Location).Format("2006-01-02")
			}
			if doc.Kind == content.Partner {
				name := doc.Title
				if name == "" {
					name = doc.Name
				}
				ix.partners = slices.DeleteFunc(ix.partners, func(o option) bool { return o.Value == doc.Name })
				ix.partners = append(ix.partners, option{Value: doc.Name, Label: name})
			}
		}
		if tags[doc.Lang] == nil {
			tags[doc.Lang] = map[string]bool{}
		}
		for _, t := range doc.Tags {
			tags[doc.Lang][t] = true
		}
		title := doc.Title
		if title == "" {
			title = p
		}
		ix.docs = append(ix.docs, option{Value: p, Label: title})
		ix.langs[p] = doc.Lang
		return nil
	})
	for _, k := range order {
		ix.entries = append(ix.entries, *byKey[k])
	}
	slices.SortFunc(ix.partners, func(a, b option) int { return strings.Compare(a.Label, b.Label) })
	for lang, set := range tags {
		for t := range set {
			ix.tags[lang] = append(ix.tags[lang], t)
		}
		slices.Sort(ix.tags[lang])
	}
	return ix
}

// listView is the list page.
type listView struct {
	Token, Query, Sort string
	Groups             []group
	Langs              []option
	Error              string
}

type group struct {
	Title, Kind string
	Entries     []entry
}

// list shows every document, filtered by the search box and sorted.
func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	cfg, err := h.site()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	sort := r.URL.Query().Get("sort")
	if sort != "asc" && sort != "title" {
		sort = "desc"
	}
	v := listView{Token: h.token, Query: q, Sort: sort, Error: r.URL.Query().Get("error")}
	for _, c := range cfg.Languages {
		v.Langs = append(v.Langs, option{Value: c.Code, Label: c.Name, Selected: c.Code == cfg.Default().Code})
	}
	groups := []group{{Title: "Spotkania", Kind: "spotkanie"}, {Title: "Partnerzy", Kind: "partner"}, {Title: "Strony", Kind: "strona"}}
	needle := strings.ToLower(q)
	for _, e := range h.index(cfg).entries {
		if needle != "" && !strings.Contains(strings.ToLower(e.Title), needle) && !strings.Contains(strings.ToLower(e.Path), needle) {
			continue
		}
		e.Token = h.token
		for i := range groups {
			if groups[i].Kind == e.Kind {
				groups[i].Entries = append(groups[i].Entries, e)
			}
		}
	}
	for i := range groups {
		slices.SortStableFunc(groups[i].Entries, func(a, b entry) int {
			switch {
			case sort == "title" || groups[i].Kind != "spotkanie":
				return strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
			case sort == "asc":
				return strings.Compare(a.Date+a.Title, b.Date+b.Title)
			}
			return strings.Compare(b.Date+b.Title, a.Date+a.Title)
		})
	}
	v.Groups = groups
	h.render(w, http.StatusOK, "list", v)
}

func (h *Handler) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, "template: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// nodeText is a value the form cannot edit, shown as YAML.
func nodeText(n *yaml.Node) string {
	out, err := yaml.Marshal(n)
	if err != nil {
		return ""
	}
	return string(out)
}

// relLink is the Markdown link from the file from to the file to, both
// under content/: "../partners/wup.pl.md".
func relLink(from, to string) string {
	f := strings.Split(path.Dir(from), "/")
	if f[0] == "." {
		f = nil
	}
	t := strings.Split(to, "/")
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
}

// translate starts the translation of rel into a language: a copy of
// rel at its translation's path, opened beside rel. An existing
// translation is opened, never replaced.
func (h *Handler) translate(w http.ResponseWriter, r *http.Request, rel string) {
	cfg, err := h.site()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	lang := r.PostForm.Get("lang")
	if cfg.Language(lang) == nil {
		http.Error(w, "Nieznany język.", http.StatusBadRequest)
		return
	}
	data, err := h.root.ReadFile(rel)
	if err != nil {
		http.Error(w, "Nie udało się odczytać pliku.", http.StatusInternalServerError)
		return
	}
	doc, _ := content.Parse(rel, data, parseOptions(cfg))
	target, err := cleanPath(doc.Key + "." + lang + ".md")
	if err != nil || doc.Lang == lang {
		http.Error(w, "Niedozwolona ścieżka pliku.", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	err = h.writeFile(target, data, true)
	h.mu.Unlock()
	if err != nil && !errors.Is(err, fs.ErrExist) {
		http.Error(w, "Nie udało się zapisać pliku.", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, editURL(target)+"&source="+url.QueryEscape(rel), http.StatusSeeOther)
}
