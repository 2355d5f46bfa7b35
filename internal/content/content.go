// Package content turns ONE content file into a Doc: its kind, language,
// translation key and checked front matter, with the position of every
// value. It knows nothing of other files: references between files (host,
// participants, links) are checked by package site.
package content

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/slug"
	"github.com/lubuskie-es/sitegen/internal/yamlx"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// Dir is the content folder at the site root.
const Dir = "content"

// Skipped reports whether the build passes over p, a file or (isDir) a
// folder under Dir, with all it holds: a name starting with "." (editors'
// and systems' files), or a folder's starting with "_" (work set aside).
// The build and `sitegen check` walk content/ by this one rule.
func Skipped(p string, isDir bool) bool {
	if p == Dir {
		return false
	}
	name := path.Base(p)
	return strings.HasPrefix(name, ".") || isDir && strings.HasPrefix(name, "_")
}

// Kind is decided by the top folder of a file under content/.
type Kind int

const (
	// Page is any file outside meetings/ and partners/.
	Page Kind = iota
	// Meeting is a file under meetings/.
	Meeting
	// Partner is a file under partners/.
	Partner
)

func (k Kind) String() string {
	switch k {
	case Meeting:
		return "meeting"
	case Partner:
		return "partner"
	}
	return "page"
}

// Sectors and roles a partner may have.
var (
	Sectors = []string{"jst", "ngo", "business", "government", "education"}
	Roles   = []string{"leader", "secretariat", "signatory"}
)

// Pos is a line and column in the file, 1-based.
type Pos struct{ Line, Col int }

// Ref is a reference to a partner by id, with where it was written.
type Ref struct {
	ID  string
	Pos Pos
}

// Guest is a person at a meeting who is not a partner.
type Guest struct {
	Name string
	Role string
}

// Doc is one parsed content file.
type Doc struct {
	Path string // relative to the site root: "content/meetings/x.pl.md"
	Kind Kind
	Lang string
	// Key is the translation key: the path under content/ without the
	// language suffix and extension. Translations share it.
	Key string
	// Name is the file name without date prefix, language and extension:
	// a partner's id, a meeting's default slug. In a bundle the folder's
	// name takes the file's place.
	Name string
	// Bundle is the folder under content/ of a bundle's index file
	// ("meetings/2015-05-14-x" for meetings/2015-05-14-x/index.pl.md),
	// "" for a single file. The bundle's other files are its resources,
	// shared by its translations.
	Bundle string

	Title   string
	Summary string
	Slug    string // from front matter, already a slug; "" if not given
	Draft   bool
	Aliases []Ref // ID holds the alias path
	Params  map[string]any
	Menu    int
	InMenu  bool
	// PublishDate and ExpiryDate bound when the document is on the site:
	// it is left out before the day of PublishDate and from the day of
	// ExpiryDate on (zero: no bound). PublishPos and ExpiryPos are where
	// they were written.
	PublishDate, ExpiryDate time.Time
	PublishPos, ExpiryPos   Pos

	// Meeting
	Date    time.Time
	HasTime bool // the date gave a time of day
	// End is when the meeting ends (zero if not given), in the same form
	// as Date: with a time exactly when Date has one.
	End          time.Time
	Location     string
	Host         *Ref
	Participants []Ref
	Guests       []Guest
	Tags         []string

	// Partner
	Short   string
	Sector  string
	Role    string
	Joined  time.Time
	Website string
	Logo    string // path under static/, without leading "/"
	LogoPos Pos
	Address string

	// Photos, Cover and Documents name files of the bundle (see Bundle);
	// a single file has none. Cover is one of the photos' files, or "".
	Photos    []Photo
	Cover     string
	CoverPos  Pos
	Documents []Document

	// Body is the Markdown after the front matter; BodyLine is the line of
	// the file it starts on, so that Markdown problems get file lines.
	Body     []byte
	BodyLine int
}

// Options are the site facts that parsing one file needs.
type Options struct {
	Languages   []string // configured language codes; the first is the default
	Location    *time.Location
	StaticFiles func(path string) bool // reports whether static/<path> exists
	// BundleFiles reports whether content/<path> is a file a bundle may
	// name (any but a .md file); nil takes every file as there.
	BundleFiles func(path string) bool
}

var (
	datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)
	// langLike matches a two-letter suffix, which is almost always meant as a
	// language (x.de.md); longer suffixes (x.old.md) are part of the name.
	langLike = regexp.MustCompile(`^[a-z]{2}$`)
)

var (
	mediaKeys   = []string{"photos", "cover", "documents"}
	commonKeys  = append([]string{"title", "summary", "slug", "draft", "publishDate", "expiryDate", "aliases", "params"}, mediaKeys...)
	meetingKeys = append([]string{"date", "end", "location", "host", "participants", "guests", "tags"}, commonKeys...)
	partnerKeys = []string{"title", "short", "sector", "role", "joined", "website", "logo", "address", "draft", "publishDate", "expiryDate", "aliases", "params", "photos", "cover", "documents"}
	pageKeys    = append([]string{"menu"}, commonKeys...)
)

// Parse reads one content file. rel is its path under content/ with forward
// slashes ("meetings/2015-05-14-x.pl.md"). The Doc is meaningful only when
// the list has no errors.
func Parse(rel string, src []byte, opts Options) (*Doc, diag.List) {
	var problems diag.List
	d := &Doc{Path: Dir + "/" + rel}
	d.Kind, d.Lang, d.Key, d.Name = classify(rel, opts, &problems, d.Path)
	if dir, ok := bundleDir(d.Key); ok {
		d.Bundle, d.Key = dir, dir
		d.Name = datePrefix.ReplaceAllString(path.Base(dir), "")
	}

	src, ok := checkEncoding(d.Path, src, &problems)
	if !ok {
		return d, problems
	}
	front, body, bodyLine, ok := splitFrontMatter(d.Path, src, &problems)
	if !ok {
		return d, problems
	}
	d.Body, d.BodyLine = body, bodyLine

	r := &yamlx.Reader{Path: d.Path, LineOffset: 1, Problems: &problems}
	root := r.Parse(front)
	if root == nil || checkTree(r, root) {
		return d, problems
	}
	readFrontMatter(r, root, d, opts)
	return d, problems
}

// classify derives kind, language, translation key and name from the path.
func classify(rel string, opts Options, problems *diag.List, p string) (Kind, string, string, string) {
	// Names are compared in NFC, so that a file saved decomposed (NFD,
	// as macOS and some zip tools write names) is the page its NFC links
	// and translations name.
	if !norm.NFC.IsNormalString(rel) {
		problems.Add(diag.Problem{Path: p, Severity: diag.Warning,
			Message: fmt.Sprintf("the file name is not in Unicode NFC form (its letters are decomposed: %s); it is read as %s",
				decomposed(p), norm.NFC.String(p)),
			Hint: "rename the file, typing its name again, so that links, translations and other tools agree on it"})
		rel = norm.NFC.String(rel)
	}
	kind := Page
	switch strings.SplitN(rel, "/", 2)[0] {
	case "meetings":
		kind = Meeting
	case "partners":
		kind = Partner
	}
	base := strings.TrimSuffix(rel, path.Ext(rel))
	lang := ""
	if len(opts.Languages) > 0 {
		lang = opts.Languages[0]
	}
	if ext := path.Ext(base); ext != "" {
		code := ext[1:]
		switch {
		case contains(opts.Languages, code):
			lang, base = code, strings.TrimSuffix(base, ext)
		case langLike.MatchString(code):
			problems.Add(diag.Problem{Path: p, Message: fmt.Sprintf("language %q is not configured", code),
				Hint: "add it under languages: in site.yaml, use one of " + strings.Join(opts.Languages, ", ") + ", or rename the file if it is not a translation"})
		}
	}
	name := datePrefix.ReplaceAllString(path.Base(base), "")
	return kind, lang, base, name
}

// bundleDir says whether key (a translation key by file name) is a
// bundle's index file, and gives its folder. content/index.md is the home
// page, and meetings/index.md or partners/index.md no bundle: a bundle is
// one meeting, partner or page in a folder of its own.
func bundleDir(key string) (string, bool) {
	dir, name := path.Split(key)
	dir = strings.TrimSuffix(dir, "/")
	if name != "index" || dir == "" || dir == "meetings" || dir == "partners" {
		return "", false
	}
	return dir, true
}

// decomposed writes a name with each combining mark as \uHHHH, to show
// how an NFD name differs from the NFC one that looks the same.
func decomposed(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.Is(unicode.Mn, r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func checkEncoding(p string, src []byte, problems *diag.List) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	// Notepad's "Unicode" encodings are UTF-16: name them rather than
	// complain about the NUL bytes they are full of.
	if bytes.HasPrefix(src, []byte("\xFF\xFE")) || bytes.HasPrefix(src, []byte("\xFE\xFF")) {
		problems.Add(diag.Problem{Path: p, Line: 1, Col: 1, Message: "the file is saved as UTF-16, not UTF-8",
			Hint: "save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8)"})
		return nil, false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		problems.Add(diag.Problem{Path: p, Line: line, Col: col, Message: "the file contains a NUL byte; it is not a text file",
			Hint: "if it is text, save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8)"})
		return nil, false
	}
	if !utf8.Valid(src) {
		i := invalidUTF8(src)
		line, col := lineCol(src, i)
		msg, hint := yamlx.NotUTF8(src)
		problems.Add(diag.Problem{Path: p, Line: line, Col: col, Message: msg, Hint: hint})
		return nil, false
	}
	// CRLF and lone CR become LF; line numbers stay the same.
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src, true
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

func lineCol(src []byte, off int) (int, int) {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

// splitFrontMatter separates the YAML between the opening and closing
// "---" lines from the Markdown body.
func splitFrontMatter(p string, src []byte, problems *diag.List) (front, body []byte, bodyLine int, ok bool) {
	if len(bytes.TrimSpace(src)) == 0 {
		problems.Add(diag.Problem{Path: p, Line: 1, Col: 1, Message: "the file is empty",
			Hint: "start it with front matter: a line ---, title: …, and another line ---"})
		return nil, nil, 0, false
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		problems.Add(diag.Problem{Path: p, Line: 1, Col: 1, Message: "the file does not start with front matter",
			Hint: "the first line must be --- followed by keys such as title:, then a closing ---"})
		return nil, nil, 0, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == "---" {
			front = rest[:off]
			if end < 0 {
				return front, nil, line + 1, true
			}
			return front, rest[off+end+1:], line + 1, true
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	problems.Add(diag.Problem{Path: p, Line: 1, Col: 1, Message: "the front matter is not closed",
		Hint: "did you forget the closing --- line after the keys?"})
	return nil, nil, 0, false
}

func readFrontMatter(r *yamlx.Reader, root *yaml.Node, d *Doc, opts Options) {
	allowed := pageKeys
	switch d.Kind {
	case Meeting:
		allowed = meetingKeys
	case Partner:
		allowed = partnerKeys
	}
	if root.Kind != yaml.MappingNode {
		// Saying that the title is missing as well would only confuse.
		r.ErrorHint(root, "write one key and its value per line, e.g. title: O nas",
			"the front matter of a %s must be a mapping of keys to values, not %s", d.Kind, yamlx.Describe(root))
		return
	}
	seen := map[string]bool{}
	var end, expiry, cover *yaml.Node
	for _, f := range r.Fields(root, "the front matter of a "+d.Kind.String(), allowed) {
		seen[f.Name()] = true
		readField(r, f, d, opts)
		switch f.Name() {
		case "end":
			end = f.Value
		case "expiryDate":
			expiry = f.Value
		case "cover":
			cover = f.Value
		}
	}
	checkTimes(r, d, end, expiry)
	checkCover(r, d, cover)
	required := []string{"title"}
	switch d.Kind {
	case Meeting:
		required = []string{"title", "date", "location"}
	case Partner:
		required = []string{"title", "sector", "role"}
	}
	// A misspelt required key is already reported with a "did you mean";
	// saying it is missing as well would only confuse.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i].Value; !seen[k] {
			seen[diag.Suggest(k, allowed)] = true
		}
	}
	for _, k := range required {
		if !seen[k] {
			r.ErrorHint(root, fmt.Sprintf("add a line %s: … to the front matter", k), "a %s needs a %s", d.Kind, k)
		}
	}
}

func readField(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options) {
	switch f.Name() {
	case "title":
		d.Title, _ = r.NonEmptyString(f)
	case "summary":
		d.Summary, _ = r.String(f)
	case "slug":
		if s, ok := r.NonEmptyString(f); ok {
			d.Slug = slug.Make(s)
			if d.Slug == "" {
				r.ErrorHint(f.Value, "use letters or digits, e.g. slug: spotkanie-w-zarach", "slug %q has no letters or digits", s)
			}
		}
	case "draft":
		d.Draft, _ = r.Bool(f)
	case "aliases":
		_, nodes, _ := r.Strings(f)
		for _, n := range nodes {
			if a, ok := cleanAlias(n.Value); ok {
				d.Aliases = append(d.Aliases, Ref{ID: a, Pos: pos(r, n)})
			} else {
				r.ErrorHint(n, "write a path on this site, e.g. /aktualnosci/2015/spotkanie.html", "alias %q is not a path on this site", n.Value)
			}
		}
	case "params":
		if m, ok := yamlx.ToAny(f.Value).(map[string]any); ok {
			d.Params = m
		} else {
			r.Errorf(f.Value, "params must be a mapping of names to values")
		}
	case "menu":
		d.Menu, d.InMenu = r.Int(f)
	case "date", "joined", "end", "publishDate", "expiryDate":
		t, hasTime, ok := r.Date(f, opts.Location)
		if !ok {
			return
		}
		switch f.Name() {
		case "date":
			d.Date, d.HasTime = t, hasTime
		case "joined":
			d.Joined = t
		case "end":
			d.End = t
			if hasTime != d.HasTime && !d.Date.IsZero() {
				d.End = time.Time{}
				if d.HasTime {
					r.ErrorHint(f.Value, fmt.Sprintf("write the time the meeting ends, e.g. end: %sT13:00", d.Date.Format(time.DateOnly)),
						"end needs a time of day, as date has one")
				} else {
					r.ErrorHint(f.Value, "write end as a day (YYYY-MM-DD), or give date a time as well",
						"end has a time of day, but date does not")
				}
			}
		case "publishDate":
			d.PublishDate, d.PublishPos = t, pos(r, f.Value)
		case "expiryDate":
			d.ExpiryDate, d.ExpiryPos = t, pos(r, f.Value)
		}
	case "location":
		d.Location, _ = r.NonEmptyString(f)
		if IsPlaceholder(d.Location) {
			r.Problems.Add(diag.Problem{Path: r.Path, Line: f.Value.Line + r.LineOffset, Col: f.Value.Column, Severity: diag.Warning,
				Message: "location is still the placeholder that sitegen new wrote", Hint: "write the venue and the town"})
		}
	case "host":
		if id, ok := r.NonEmptyString(f); ok {
			d.Host = &Ref{ID: id, Pos: pos(r, f.Value)}
		}
	case "participants":
		_, nodes, _ := r.Strings(f)
		for _, n := range nodes {
			d.Participants = append(d.Participants, Ref{ID: n.Value, Pos: pos(r, n)})
		}
	case "guests":
		d.Guests = readGuests(r, f)
	case "tags":
		d.Tags, _, _ = r.Strings(f)
	case "short":
		d.Short, _ = r.NonEmptyString(f)
	case "sector":
		d.Sector, _ = r.Enum(f, Sectors)
	case "role":
		d.Role, _ = r.Enum(f, Roles)
	case "website":
		d.Website, _ = r.HTTPURL(f)
	case "logo":
		readLogo(r, f, d, opts)
	case "address":
		d.Address, _ = r.NonEmptyString(f)
	case "photos":
		readPhotos(r, f, d, opts)
	case "cover":
		readCover(r, f, d, opts)
	case "documents":
		readDocuments(r, f, d, opts)
	}
}

// checkTimes reports an end before the start, and an expiryDate not after
// the publishDate, at the later key.
func checkTimes(r *yamlx.Reader, d *Doc, end, expiry *yaml.Node) {
	if end != nil && !d.End.IsZero() && !d.Date.IsZero() && d.End.Before(d.Date) {
		r.ErrorHint(end, "end is when the meeting ends; it cannot be before date",
			"the meeting ends (%s) before it starts (%s)", end.Value, d.Date.Format(dateForm(d.HasTime)))
	}
	if expiry != nil && !d.PublishDate.IsZero() && !d.ExpiryDate.After(d.PublishDate) {
		r.ErrorHint(expiry, "expiryDate is the first day the document is no longer on the site",
			"expiryDate (%s) is not after publishDate (%s): the document would never be shown", expiry.Value, d.PublishDate.Format(time.DateOnly))
	}
}

func dateForm(hasTime bool) string {
	if hasTime {
		return "2006-01-02 15:04"
	}
	return time.DateOnly
}

func readGuests(r *yamlx.Reader, f yamlx.Field) []Guest {
	if f.Value.Kind != yaml.SequenceNode {
		r.ErrorHint(f.Value, "write a list of entries like - {name: Jan Kowalski, role: wicemarszałek}", "guests must be a list, not %s", yamlx.Describe(f.Value))
		return nil
	}
	var out []Guest
	for _, item := range f.Value.Content {
		var g Guest
		sawName, ok := false, true
		fields := r.Fields(item, "a guest", []string{"name", "role"})
		if fields == nil && !isMapping(item) {
			continue // already reported as not a mapping
		}
		for _, gf := range fields {
			var good bool
			if gf.Name() == "name" {
				sawName = true
				g.Name, good = r.NonEmptyString(gf)
			} else {
				g.Role, good = r.String(gf)
			}
			ok = ok && good
		}
		if !sawName {
			r.ErrorHint(item, "write it as - {name: Jan Kowalski, role: wicemarszałek}", "a guest needs a name")
			continue
		}
		if ok {
			out = append(out, g)
		}
	}
	return out
}

func readLogo(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options) {
	s, ok := r.NonEmptyString(f)
	if !ok {
		return
	}
	p := strings.TrimPrefix(strings.TrimSpace(s), "/")
	clean := path.Clean(p)
	// "//host/x.svg" would keep a leading "/" and, written after "/", make a
	// protocol-relative URL to another site; "." is static/ itself.
	if clean != p || strings.HasPrefix(clean, "../") || clean == ".." || clean == "." || strings.HasPrefix(clean, "/") ||
		strings.Contains(p, "\\") || strings.Contains(p, "://") {
		hint := "give a path under static/, e.g. images/partners/wup.svg"
		if strings.Contains(p, "\\") {
			hint = "separate folders with / rather than \\, e.g. images/partners/wup.svg"
		}
		r.ErrorHint(f.Value, hint, "logo %q is not a plain path under static/", s)
		return
	}
	if opts.StaticFiles != nil && !opts.StaticFiles(clean) {
		r.ErrorHint(f.Value, "put the file in static/"+clean+" or correct the path", "logo file static/%s does not exist", clean)
		return
	}
	d.Logo, d.LogoPos = clean, pos(r, f.Value)
}

// cleanAlias normalizes an alias to a site path starting with "/", refusing
// anything that could point elsewhere (schemes, "..", backslashes). An old
// address copied from a browser is percent-encoded, while a static server
// decodes a request before it looks for the file: the alias is decoded, so
// that its file gets the name the server looks for, and so that "..%2f" is
// refused as the ".." it is.
func cleanAlias(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "%") {
		u, err := url.PathUnescape(s)
		if err != nil {
			return "", false
		}
		s = u
	}
	if s == "" || strings.ContainsAny(s, "\\?#") || strings.ContainsFunc(s, unicode.IsControl) ||
		strings.Contains(s, "://") || strings.HasPrefix(s, "//") {
		return "", false
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	trailing := strings.HasSuffix(s, "/")
	clean := path.Clean(s)
	if clean == "/" || strings.Contains(s, "/../") || strings.HasSuffix(s, "/..") || strings.Contains(s, "/./") {
		return "", false
	}
	if trailing {
		clean += "/"
	}
	return clean, true
}

// MaxDepth is how deeply lists and mappings may nest in front matter. The
// sample site's deepest, params.statement, needs 4; YAML itself stops at
// 10,000, which a file of 20 kB reaches and which templates would then
// have to walk.
const MaxDepth = 64

// checkTree reports every YAML anchor (&name) and alias (*name) in the
// front matter, and nesting deeper than MaxDepth, and says whether there
// was any. Front matter is one short file written by hand: anchors save
// nothing there, while an alias makes positions point at the anchor instead
// of the line that uses it, lets a few lines expand into millions of values
// (the "billion laughs"), and a value such as *Nowość* or &Co is far more
// often text that should have been quoted than a deliberate alias.
func checkTree(r *yamlx.Reader, root *yaml.Node) bool {
	found := false
	aliased := map[string]bool{} // report one use of each anchor, not thousands
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		switch {
		case depth > MaxDepth:
			if !found {
				r.ErrorHint(n, "free-form params may hold lists and mappings, but not this deep: write the data flatter",
					"the front matter nests lists or mappings more than %d levels deep", MaxDepth)
			}
			found = true
			return
		case n.Kind == yaml.AliasNode:
			found = true
			if !aliased[n.Value] {
				aliased[n.Value] = true
				r.ErrorHint(n, "if *"+n.Value+" is part of the text, put the whole value in quotes; else write the value out in full",
					"*%s is a YAML alias, which front matter does not allow", n.Value)
			}
			return // do not follow it: the anchor is reported where it is
		case n.Anchor != "":
			found = true
			r.ErrorHint(n, "if &"+n.Anchor+" is part of the text, put the whole value in quotes; else remove it",
				"&%s is a YAML anchor, which front matter does not allow", n.Anchor)
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return found
}

func isMapping(n *yaml.Node) bool {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.MappingNode
}

func pos(r *yamlx.Reader, n *yaml.Node) Pos {
	return Pos{Line: n.Line + r.LineOffset, Col: n.Column}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IsPlaceholder says whether a value is one that `sitegen new` writes for
// a required key it cannot know ("(uzupełnij: …)", "(to be filled in: …)"):
// it builds, so that a new file can be previewed, but must not be
// published as it is.
func IsPlaceholder(value string) bool {
	return strings.HasPrefix(value, "(uzupełnij:") || strings.HasPrefix(value, "(to be filled in:")
}
