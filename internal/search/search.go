// Package search writes the index that the search page of each language
// reads in the browser, so that the site can be searched on any static
// host, without a server.
//
// For a language whose search page is /szukaj/ it writes:
//
//	/szukaj/index.json      the manifest: rules (rules.json), shards, chunks, filters
//	/szukaj/t.<hash>.json   term shards: {"term": "postings", …}
//	/szukaj/w.<hash>.json   position shards: {"term": "positions", …}
//	/szukaj/d.<hash>.json   doc chunks: [[kind, url, title, date, shown date, text file], …]
//	/szukaj/x.<hash>.json   one document's text: [front matter text, summary and body]
//	/szukaj/s.<hash>.json   the partner sectors filter: {"ngo": "postings", …}
//
// A term is a folded, stemmed word (see Rules). Every word a visitor may
// search for is indexed: the title (and a partner's short name), the front
// matter's text (tags, host and participants, guests and their roles,
// location, address), the summary and the whole body. A term's postings
// say which documents contain it, and in which field at best, so that the
// script ranks title matches first; its positions say where, counted in
// words, so that the script finds phrases and ranks nearer words higher.
// Postings and positions are split into shards by the terms' first
// letters, as deep as needed to keep each shard under ShardBytes, and
// documents into chunks of ChunkDocs, so that a query loads one or two
// small shards; the text of a document, from which the script cuts the
// excerpt, is loaded only for the results shown, whatever the size of the
// site.
//
// Documents are numbered partners first, then content pages, then
// meetings newest first, so that a kind, and a year of meetings, is a
// range of numbers the manifest gives: those filters and recency cost no
// download.
//
// Every file but the manifest is named by a hash of its content: a cached
// old shard can never be read with a new manifest.
package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// ManifestName is the index's entry point in the search page's folder,
// which the search page's template names too.
const ManifestName = "index.json"

// Version is the format of the index that the manifest declares.
const Version = 2

// Sizes that shape the index. The defaults are chosen so that the whole
// index of the sample site is one shard and one chunk, and a query on a
// site of 10,000 pages loads tens of kilobytes, not megabytes.
const (
	// ShardBytes is the size above which a term or position shard is
	// split by the next letter of its terms.
	ShardBytes = 48 << 10
	// ChunkDocs is the number of documents in one doc chunk.
	ChunkDocs = 32
)

// Fields of a document, in rising order of weight: the postings carry the
// best field a term is found in.
const (
	fieldBody = iota
	fieldSummary
	fieldNames
	fieldTitle
)

// Kinds of document as the index writes them, in the order of their
// numbers.
const (
	kindPartner = "p"
	kindPage    = "a"
	kindMeeting = "m"
)

// Manifest is index.json.
type Manifest struct {
	Version int    `json:"v"`
	Lang    string `json:"lang"`
	Rules   *Rules `json:"rules"`
	Docs    int    `json:"docs"`
	// Chunk is the number of documents per file of Chunks: document i is
	// entry i%Chunk of Chunks[i/Chunk].
	Chunk  int      `json:"chunk"`
	Chunks []string `json:"d"`
	// Shards maps a prefix to the file holding the postings of the terms
	// that start with it and with no longer prefix listed ("" holds
	// every term when the index is one shard).
	Shards map[string]string `json:"t"`
	// Places is Shards for the terms' positions, split by their own size.
	Places map[string]string `json:"w"`
	// Kinds gives the documents of each kind: [first, end).
	Kinds map[string][2]int `json:"k"`
	// Years gives the meetings of each year: [first, end).
	Years map[string][2]int `json:"y"`
	// Sectors is the file that lists, for each partner sector, the
	// partners of that sector and the meetings one of them hosted or
	// attended (postings of field 0).
	Sectors string `json:"s"`
}

// Files makes the index of every language that has a search page, one
// language per goroutine. The Markdown phase must have run: summaries and
// body text come from it. catalogs give the dates in the site's own format.
func Files(s *site.Site, catalogs map[string]*i18n.Catalog) ([]output.File, diag.List) {
	var problems diag.List
	base := strings.TrimSuffix(s.Config.BasePath(), "/")
	perLang := make([][]output.File, len(s.Langs))
	errs := make([]error, len(s.Langs))
	var wg sync.WaitGroup
	for i, l := range s.Langs {
		if l.SearchPage == nil {
			continue
		}
		wg.Go(func() {
			rules, err := LoadRules(l.Config.Code)
			if err != nil {
				errs[i] = err
				return
			}
			ix := newIndex(rules)
			for _, p := range documents(s, l) {
				ix.add(p, base, catalogs[l.Config.Code])
			}
			perLang[i] = ix.files(l.SearchPage.URL, l.Config.Code)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			problems.Add(diag.Problem{Path: "internal/search/rules.json", Message: err.Error()})
			return nil, problems
		}
	}
	return slices.Concat(perLang...), problems
}

// documents lists what a language's search finds, in the order of their
// numbers, which is also the order ties are shown: partners
// (alphabetical), content pages (by address), meetings (newest first).
func documents(s *site.Site, l *site.Lang) []*site.Page {
	docs := slices.Clone(l.Partners)
	for _, p := range s.Pages {
		if p.Doc != nil && p.Lang == l.Config && (p.Kind == site.Article || p.Kind == site.Home) {
			docs = append(docs, p)
		}
	}
	return append(docs, l.Meetings...)
}

// doc is one document while the index is built.
type doc struct {
	kind, url, title, date, shown string
	year                          int
	sectors                       []string
	// front and text are what the excerpt is cut from: the front
	// matter's words, and the summary and body.
	front, text string
}

// index is one language's index while it is built.
type index struct {
	rules *Rules
	docs  []doc
	// Each term has a number, the index of its postings: doc ids
	// (ascending, as docs are added in order) with the best field of
	// each. A term found again in the same document updates its last
	// posting, so no set of a document's terms is needed. Its positions
	// are written as they come (see encodePositions).
	ids      map[string]int
	terms    []string
	postings [][]posting
	places   []positions
	buf      termBuf
}

type posting struct {
	doc   int
	field int
}

// positions are one term's encoded positions while they are written:
// for each posting, the word positions of the term in that document,
// each as the gap from the one before less one (the first as itself), in
// the digits of encodePostings; postings are separated by ",".
type positions struct {
	b    []byte
	last int // the last position written in the last document
}

func newIndex(r *Rules) *index {
	return &index{rules: r, ids: map[string]int{}}
}

// add indexes one page.
func (ix *index) add(p *site.Page, base string, c *i18n.Catalog) {
	id := len(ix.docs)
	var f int
	found := func(term []byte) {
		// Looking a term up by its bytes allocates nothing; only a
		// new term is made a string.
		t, ok := ix.ids[string(term)]
		if !ok {
			t = len(ix.terms)
			s := string(term)
			ix.ids[s] = t
			ix.terms = append(ix.terms, s)
			ix.postings = append(ix.postings, nil)
			ix.places = append(ix.places, positions{})
		}
		pos := ix.buf.pos - 1 // the word just counted
		ps, w := ix.postings[t], &ix.places[t]
		if last := len(ps) - 1; last >= 0 && ps[last].doc == id {
			ps[last].field = max(ps[last].field, f)
			w.b = appendNumber(w.b, pos-w.last-1)
			w.last = pos
			return
		}
		if len(ps) > 0 {
			w.b = append(w.b, ',')
		}
		w.b = appendNumber(w.b, pos)
		w.last = pos
		ix.postings[t] = append(ps, posting{id, f})
	}
	// Positions run through the fields in the order below; a field ends
	// with a word's gap, so that a phrase never joins two of them.
	ix.buf.pos = 0
	field := func(fld int, texts ...string) {
		f = fld
		for _, t := range texts {
			if t != "" {
				ix.rules.terms(&ix.buf, t, found)
				ix.buf.pos++
			}
		}
	}
	d := p.Doc
	field(fieldTitle, d.Title)
	if d.Short != d.Title {
		field(fieldTitle, d.Short)
	}
	front := frontText(p)
	field(fieldNames, front...)
	field(fieldSummary, p.Summary)
	body := bodyText(p)
	field(fieldBody, body)

	// The excerpt shows a partner's short name, which its title does not
	// hold, when that is what was found.
	shown := front
	if d.Short != d.Title {
		shown = append([]string{d.Short}, front...)
	}
	dc := doc{kind: kindPage, url: base + p.URL, title: d.Title,
		front: strings.Join(slices.DeleteFunc(shown, func(s string) bool { return s == "" }), " · "),
		text:  strings.TrimSpace(p.Summary + " " + body)}
	switch p.Kind {
	case site.Meeting:
		dc.kind, dc.date, dc.year = kindMeeting, d.Date.Format("2006-01-02"), d.Date.Year()
		if c != nil {
			dc.shown = c.Date(d.Date)
		}
		for _, partner := range append([]*site.Page{p.Host}, p.Participants...) {
			if partner != nil && !slices.Contains(dc.sectors, partner.Doc.Sector) {
				dc.sectors = append(dc.sectors, partner.Doc.Sector)
			}
		}
	case site.Partner:
		dc.kind, dc.sectors = kindPartner, []string{d.Sector}
	}
	ix.docs = append(ix.docs, dc)
}

// frontText is the text of a page's front matter that is searched, field
// by field: tags, location and address, the host's and participants'
// names, the guests' names and roles.
func frontText(p *site.Page) []string {
	d := p.Doc
	out := slices.Clone(d.Tags)
	out = append(out, d.Location, d.Address)
	for _, partner := range append([]*site.Page{p.Host}, p.Participants...) {
		if partner != nil {
			out = append(out, partner.Doc.Title)
			if partner.Doc.Short != partner.Doc.Title {
				out = append(out, partner.Doc.Short)
			}
		}
	}
	for _, g := range d.Guests {
		out = append(out, g.Name, g.Role)
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// bodyText is a page's text after the summary, when the text begins with
// the summary (as it does when the summary is the first paragraph), so
// that the summary's words are not counted twice.
func bodyText(p *site.Page) string {
	return strings.TrimSpace(strings.TrimPrefix(p.Text, p.Summary))
}

// files encodes the index: texts, chunks, shards, filters and the
// manifest, in the search page's folder dir ("/szukaj/").
func (ix *index) files(dir, lang string) []output.File {
	dir = strings.TrimPrefix(dir, "/")
	var files []output.File
	written := map[string]bool{}
	put := func(name string, v any) string {
		data, _ := json.Marshal(v) // strings, numbers and maps of them only
		hashed, _ := output.Fingerprint(name, data)
		// Two pages with the same text (twins, copies) share its file:
		// the name is made from the bytes.
		if !written[hashed] {
			written[hashed] = true
			files = append(files, output.File{Path: dir + hashed, Data: data})
		}
		return hashed
	}
	m := Manifest{Version: Version, Lang: lang, Rules: ix.rules, Docs: len(ix.docs), Chunk: ChunkDocs,
		Chunks: []string{}, Shards: map[string]string{}, Places: map[string]string{},
		Kinds: map[string][2]int{}, Years: map[string][2]int{}}
	sectors := map[string][]posting{}
	for i := 0; i < len(ix.docs); i += ChunkDocs {
		var chunk [][6]string
		for _, d := range ix.docs[i:min(i+ChunkDocs, len(ix.docs))] {
			chunk = append(chunk, [6]string{d.kind, d.url, d.title, d.date, d.shown, put("x.json", [2]string{d.front, d.text})})
		}
		m.Chunks = append(m.Chunks, put("d.json", chunk))
	}
	for i, d := range ix.docs {
		extend(m.Kinds, d.kind, i)
		if d.year != 0 {
			extend(m.Years, strconv.Itoa(d.year), i)
		}
		for _, s := range d.sectors {
			sectors[s] = append(sectors[s], posting{doc: i})
		}
	}
	enc := make(map[string]string, len(sectors))
	for s, ps := range sectors {
		enc[s] = encodePostings(ps) // written in the order of the keys
	}
	m.Sectors = put("s.json", enc)

	terms := slices.Sorted(slices.Values(ix.terms))
	postings := make(map[string]string, len(terms))
	places := make(map[string]string, len(terms))
	for _, t := range terms {
		postings[t] = encodePostings(ix.postings[ix.ids[t]])
		places[t] = string(ix.places[ix.ids[t]].b)
	}
	for _, out := range []struct {
		files   map[string]string
		name    string
		encoded map[string]string
	}{{m.Shards, "t.json", postings}, {m.Places, "w.json", places}} {
		for _, sh := range split(terms, out.encoded, "") {
			shard := make(map[string]string, len(sh.terms))
			for _, t := range sh.terms {
				shard[t] = out.encoded[t]
			}
			out.files[sh.key] = put(out.name, shard)
		}
	}
	data, _ := json.Marshal(m)
	return append(files, output.File{Path: dir + ManifestName, Data: data})
}

// extend makes the range of key in ranges reach document i, which is
// after every document already in it.
func extend(ranges map[string][2]int, key string, i int) {
	r, ok := ranges[key]
	if !ok {
		r[0] = i
	}
	r[1] = i + 1
	ranges[key] = r
}

// shard is the terms that start with key (and no longer key).
type shard struct {
	key   string
	terms []string
}

// split divides sorted terms that start with key into shards of at most
// ShardBytes, by the next letter, as deep as it must.
func split(terms []string, encoded map[string]string, key string) []shard {
	size := 0
	for _, t := range terms {
		size += len(t) + len(encoded[t]) + 6 // "t":"p",
	}
	if size <= ShardBytes || len(terms) < 2 {
		return []shard{{key, terms}}
	}
	depth := utf8.RuneCountInString(key) + 1
	var out []shard
	var here []string // terms no longer than key: key itself
	for i := 0; i < len(terms); {
		p, ok := prefix(terms[i], depth)
		if !ok {
			here = append(here, terms[i])
			i++
			continue
		}
		j := i
		for j < len(terms) && strings.HasPrefix(terms[j], p) {
			j++
		}
		out = append(out, split(terms[i:j], encoded, p)...)
		i = j
	}
	if len(here) > 0 {
		out = append(out, shard{key, here})
	}
	return out
}

// prefix returns the first n characters of s, if it has that many.
func prefix(s string, n int) (string, bool) {
	i := 0
	for range n {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], true
}

// digits is the alphabet of encoded postings and positions: JSON needs
// no escapes for any of them.
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// encodePostings writes each posting as the number gap*4+field, where gap
// is the distance from the previous document id less one (the first id
// itself), with appendNumber.
func encodePostings(ps []posting) string {
	var b []byte
	prev := -1
	for _, p := range ps {
		b = appendNumber(b, (p.doc-prev-1)*4+p.field)
		prev = p.doc
	}
	return string(b)
}

// appendNumber writes v ≥ 0 in base 32, most significant digit first:
// every digit but the last as digits[32+d], the last as digits[d].
func appendNumber(b []byte, v int) []byte {
	var buf [16]byte
	i := len(buf) - 1
	buf[i] = digits[v%32]
	for v /= 32; v > 0; v /= 32 {
		i--
		buf[i] = digits[32+v%32]
	}
	return append(b, buf[i:]...)
}
