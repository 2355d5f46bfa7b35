// Package search writes the index that the search page of each language
// reads in the browser, so that the site can be searched on any static
// host, without a server.
//
// For a language whose search page is /szukaj/ it writes:
//
//	/szukaj/index.json          the manifest: the rules (rules.json), the shards and chunks
//	/szukaj/t.<hash>.json       term shards: {"term": "postings", …}
//	/szukaj/d.<hash>.json       doc chunks: [[kind, url, title, date, shown date, text], …]
//
// A term is a folded, stemmed word (see Rules). Each document carries the
// fields a visitor searches for: title (and a partner's short name), names
// (tags, host and participants, guests, location, address), the summary and
// the first words of the body. Its postings say which documents contain it,
// and in which field at best, so that the script can rank title matches
// first. Terms are split into shards by their first letters, as deep as
// needed to keep each shard under ShardBytes, and documents into chunks of
// ChunkDocs, so that a query loads one or two small shards and the chunks
// of the results it shows, whatever the size of the site.
//
// Shard and chunk names carry a hash of their content: a cached old shard
// can never be read with a new manifest.
package search

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// ManifestName is the index's entry point in the search page's folder,
// which the search page's template names too.
const ManifestName = "index.json"

// Sizes that shape the index. The defaults are chosen so that the whole
// index of the sample site is one shard and one chunk, and a query on a
// site of 10,000 pages loads tens of kilobytes, not megabytes.
const (
	// ShardBytes is the size above which a term shard is split by the
	// next letter of its terms.
	ShardBytes = 48 << 10
	// ChunkDocs is the number of documents in one doc chunk.
	ChunkDocs = 32
	// BodyWords is how many words of a page's body are indexed and kept
	// for snippets; titles, names and summaries are indexed whole.
	BodyWords = 60
)

// Fields of a document, in rising order of weight: the postings carry the
// best field a term is found in.
const (
	fieldBody = iota
	fieldSummary
	fieldNames
	fieldTitle
)

// Kinds of document as the index writes them.
const (
	kindMeeting = "m"
	kindPartner = "p"
	kindPage    = "a"
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
	// Shards maps a prefix to the file holding the terms that start with
	// it and with no longer prefix listed ("" holds every term when the
	// index is one shard).
	Shards map[string]string `json:"t"`
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

// documents lists what a language's search finds, in the order ties are
// shown: partners (alphabetical), content pages (by address), meetings
// (newest first).
func documents(s *site.Site, l *site.Lang) []*site.Page {
	docs := slices.Clone(l.Partners)
	for _, p := range s.Pages {
		if p.Doc != nil && p.Lang == l.Config && (p.Kind == site.Article || p.Kind == site.Home) {
			docs = append(docs, p)
		}
	}
	return append(docs, l.Meetings...)
}

// index is one language's index while it is built.
type index struct {
	rules *Rules
	docs  [][6]string
	// Each term has a number, the index of its postings: doc ids
	// (ascending, as docs are added in order) with the best field of
	// each. A term found again in the same document updates its last
	// posting, so no set of a document's terms is needed.
	ids      map[string]int
	terms    []string
	postings [][]posting
	buf      termBuf
}

type posting struct {
	doc   int
	field int
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
		}
		ps := ix.postings[t]
		if last := len(ps) - 1; last >= 0 && ps[last].doc == id {
			ps[last].field = max(ps[last].field, f)
			return
		}
		ix.postings[t] = append(ps, posting{id, f})
	}
	field := func(fld int, texts ...string) {
		f = fld
		for _, t := range texts {
			ix.rules.terms(&ix.buf, t, found)
		}
	}
	d := p.Doc
	field(fieldTitle, d.Title, d.Short)
	field(fieldNames, d.Tags...)
	field(fieldNames, d.Location, d.Address)
	for _, partner := range append([]*site.Page{p.Host}, p.Participants...) {
		if partner != nil {
			field(fieldNames, partner.Doc.Title, partner.Doc.Short)
		}
	}
	for _, g := range d.Guests {
		field(fieldNames, g.Name)
		field(fieldBody, g.Role)
	}
	body := bodyText(p)
	field(fieldSummary, p.Summary)
	field(fieldBody, body)

	kind, date, shown := kindPage, "", ""
	switch p.Kind {
	case site.Meeting:
		kind, date = kindMeeting, d.Date.Format("2006-01-02")
		if c != nil {
			shown = c.Date(d.Date)
		}
	case site.Partner:
		kind = kindPartner
	}
	text := strings.TrimSpace(p.Summary + " " + body)
	ix.docs = append(ix.docs, [6]string{kind, base + p.URL, d.Title, date, shown, text})
}

// bodyText is the start of a page's text that is indexed and kept for
// snippets: BodyWords words after the summary, when the text begins with
// the summary (as it does when the summary is the first paragraph).
func bodyText(p *site.Page) string {
	return cutWords(strings.TrimSpace(strings.TrimPrefix(p.Text, p.Summary)), BodyWords)
}

// KeptText returns the start of a page's plain text that the index reads,
// given the page's summary: all the index needs, so that a build may keep
// just that in Page.Text rather than the whole text of every page until
// the index is made. The index made from it is the same.
func KeptText(text, summary string) string {
	rest := strings.TrimPrefix(text, summary)
	body := strings.TrimLeftFunc(rest, unicode.IsSpace)
	end := len(text) - len(body) + len(cutWords(strings.TrimSpace(body), BodyWords))
	return strings.Clone(text[:end])
}

// cutWords returns text up to the end of its n-th word.
func cutWords(text string, n int) string {
	count, inWord := 0, false
	for i, c := range text {
		w := isWordRune(c)
		if inWord && !w {
			count++
			if count == n {
				return text[:i]
			}
		}
		inWord = w
	}
	return text
}

// files encodes the index: chunks, shards and the manifest, in the
// search page's folder dir ("/szukaj/").
func (ix *index) files(dir, lang string) []output.File {
	dir = strings.TrimPrefix(dir, "/")
	var files []output.File
	put := func(name string, v any) string {
		data, _ := json.Marshal(v) // strings, numbers and maps of them only
		hashed, _ := output.Fingerprint(name, data)
		files = append(files, output.File{Path: dir + hashed, Data: data})
		return hashed
	}
	m := Manifest{Version: 1, Lang: lang, Rules: ix.rules, Docs: len(ix.docs), Chunk: ChunkDocs,
		Chunks: []string{}, Shards: map[string]string{}}
	for i := 0; i < len(ix.docs); i += ChunkDocs {
		m.Chunks = append(m.Chunks, put("d.json", ix.docs[i:min(i+ChunkDocs, len(ix.docs))]))
	}
	terms := slices.Sorted(slices.Values(ix.terms))
	encoded := make(map[string]string, len(terms))
	for _, t := range terms {
		encoded[t] = encodePostings(ix.postings[ix.ids[t]])
	}
	for _, sh := range split(terms, encoded, "") {
		shard := make(map[string]string, len(sh.terms))
		for _, t := range sh.terms {
			shard[t] = encoded[t]
		}
		m.Shards[sh.key] = put("t.json", shard)
	}
	data, _ := json.Marshal(m)
	return append(files, output.File{Path: dir + ManifestName, Data: data})
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

// digits is the alphabet of encoded postings: JSON needs no escapes for
// any of them.
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// encodePostings writes each posting as the number gap*4+field, where gap
// is the distance from the previous document id less one (the first id
// itself), in base 32, most significant digit first: every digit but the
// last is written as digits[32+d], the last as digits[d].
func encodePostings(ps []posting) string {
	var b strings.Builder
	prev := -1
	var buf [16]byte
	for _, p := range ps {
		v := (p.doc-prev-1)*4 + p.field
		prev = p.doc
		i := len(buf) - 1
		buf[i] = digits[v%32]
		for v /= 32; v > 0; v /= 32 {
			i--
			buf[i] = digits[32+v%32]
		}
		b.Write(buf[i:])
	}
	return b.String()
}
