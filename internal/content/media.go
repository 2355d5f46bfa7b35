package content

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/yamlx"
	"gopkg.in/yaml.v3"
)

// DecorativeAlt is the alt text that marks a photo as decoration: it gets
// alt="" and no caption is expected.
const DecorativeAlt = "-"

// Photo is one entry of photos: a file of the bundle and its texts in the
// document's language.
type Photo struct {
	// File is the path in the bundle, slash-separated ("sala.jpg").
	File    string
	Alt     string // DecorativeAlt for decoration
	Caption string
	Credit  string // the author, shown as "fot. …"
	// Focus is the point to keep when the photo is cropped for a social
	// preview, as fractions of its width and height; nil: the centre.
	Focus *Focus
	Pos   Pos // of the entry
}

// Focus is a point of a photo, 0–1 from its left and top edges.
type Focus struct{ X, Y float64 }

// Document is one entry of documents: a file offered for download.
type Document struct {
	File  string // path in the bundle
	Title string
	Lang  string // the document's language when not the page's; "" if it is
	Pos   Pos
}

var (
	photoKeys    = []string{"file", "alt", "caption", "credit", "focus"}
	documentKeys = []string{"file", "title", "lang"}
)

// readPhotos reads photos: a list of {file, alt, caption?, credit?, focus?}.
func readPhotos(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options) {
	seen := map[string]bool{}
	for _, item := range listItems(r, f, d, "- {file: sala.jpg, alt: Sala obrad z uczestnikami}") {
		p := Photo{Pos: pos(r, item)}
		var sawAlt bool
		for _, pf := range r.Fields(item, "a photo", photoKeys) {
			switch pf.Name() {
			case "file":
				p.File, _ = bundleFile(r, pf, d, opts, seen)
			case "alt":
				sawAlt = true
				p.Alt, _ = r.NonEmptyString(pf)
			case "caption":
				p.Caption, _ = r.String(pf)
			case "credit":
				p.Credit, _ = r.String(pf)
			case "focus":
				p.Focus = readFocus(r, pf)
			}
		}
		if !isMapping(item) {
			continue
		}
		if !sawAlt {
			r.ErrorHint(item, "say what the photo shows, e.g. alt: Uczestnicy przy stole obrad; write alt: \"-\" only for a decoration",
				"a photo needs alt text")
		}
		if p.File == "" {
			if !hasKey(item, "file") {
				r.ErrorHint(item, "name the photo's file in the bundle, e.g. file: sala.jpg", "a photo needs a file")
			}
			continue
		}
		d.Photos = append(d.Photos, p)
	}
}

// readDocuments reads documents: a list of {file, title, lang?}.
func readDocuments(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options) {
	seen := map[string]bool{}
	for _, item := range listItems(r, f, d, "- {file: program.pdf, title: Program spotkania}") {
		doc := Document{Pos: pos(r, item)}
		var sawTitle bool
		for _, df := range r.Fields(item, "a document", documentKeys) {
			switch df.Name() {
			case "file":
				doc.File, _ = bundleFile(r, df, d, opts, seen)
			case "title":
				sawTitle = true
				doc.Title, _ = r.NonEmptyString(df)
			case "lang":
				if l, ok := r.NonEmptyString(df); ok {
					if !langLike.MatchString(l) {
						r.ErrorHint(df.Value, "write a two-letter language code, e.g. lang: en", "lang %q is not a language code", l)
					} else if l != d.Lang {
						doc.Lang = l
					}
				}
			}
		}
		if !isMapping(item) {
			continue
		}
		if !sawTitle {
			r.ErrorHint(item, "say what the document is, e.g. title: Program spotkania", "a document needs a title")
		}
		if doc.File == "" {
			if !hasKey(item, "file") {
				r.ErrorHint(item, "name the document's file in the bundle, e.g. file: program.pdf", "a document needs a file")
			}
			continue
		}
		d.Documents = append(d.Documents, doc)
	}
}

// readCover reads cover: the file of one of the photos.
func readCover(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options) {
	if d.Bundle == "" {
		r.ErrorHint(f.Key, bundleHint(d), "cover needs the %s to be a bundle", d.Kind)
		return
	}
	d.Cover, _ = bundleFile(r, f, d, opts, nil)
	d.CoverPos = pos(r, f.Value)
}

// listItems returns the entries of a list of mappings, reporting a list
// in a single file, which has no bundle to hold the files.
func listItems(r *yamlx.Reader, f yamlx.Field, d *Doc, example string) []*yaml.Node {
	if d.Bundle == "" {
		r.ErrorHint(f.Key, bundleHint(d), "%s need the %s to be a bundle: a folder holding its files", f.Name(), d.Kind)
		return nil
	}
	if f.Value.Kind != yaml.SequenceNode {
		r.ErrorHint(f.Value, "write a list of entries like "+example, "%s must be a list, not %s", f.Name(), yamlx.Describe(f.Value))
		return nil
	}
	return f.Value.Content
}

// bundleHint says how to turn a single file into a bundle.
func bundleHint(d *Doc) string {
	dir, file := path.Split(strings.TrimPrefix(d.Path, Dir+"/"))
	name := strings.TrimSuffix(file, path.Ext(file))
	lang := path.Ext(name)
	name = strings.TrimSuffix(name, lang)
	return fmt.Sprintf("make a folder %s%s%s/ and move this file into it as index%s.md, beside the photos and documents", Dir+"/", dir, name, lang)
}

// bundleFile reads a file name of the bundle, refusing paths that leave it
// and files that are not there, and, with seen, a file listed twice.
func bundleFile(r *yamlx.Reader, f yamlx.Field, d *Doc, opts Options, seen map[string]bool) (string, bool) {
	s, ok := r.NonEmptyString(f)
	if !ok {
		return "", false
	}
	clean := path.Clean(s)
	if strings.HasPrefix(s, "/") || strings.Contains(s, "\\") || strings.Contains(s, "://") || clean != s ||
		clean == ".." || strings.HasPrefix(clean, "../") || clean == "." {
		r.ErrorHint(f.Value, "name a file in the bundle's folder (content/"+d.Bundle+"/), e.g. "+f.Name()+": sala.jpg",
			"%s %q is not a file in the bundle", f.Name(), s)
		return "", false
	}
	if strings.HasSuffix(clean, ".md") {
		r.ErrorHint(f.Value, "name a photo or document, not a text file", "%s %q is a Markdown file", f.Name(), s)
		return "", false
	}
	if opts.BundleFiles != nil && !opts.BundleFiles(d.Bundle+"/"+clean) {
		r.ErrorHint(f.Value, "put the file in "+Dir+"/"+d.Bundle+"/ or correct its name", "file %s/%s/%s does not exist", Dir, d.Bundle, clean)
		return "", false
	}
	if seen != nil {
		if seen[clean] {
			r.ErrorHint(f.Value, "list each file once", "%s is listed twice", clean)
			return "", false
		}
		seen[clean] = true
	}
	return clean, true
}

// readFocus reads focus: {x, y}, each from 0 to 1.
func readFocus(r *yamlx.Reader, f yamlx.Field) *Focus {
	var fo Focus
	var n int
	for _, ff := range r.Fields(f.Value, "focus", []string{"x", "y"}) {
		v, err := strconv.ParseFloat(ff.Value.Value, 64)
		if ff.Value.Kind != yaml.ScalarNode || err != nil || !(v >= 0 && v <= 1) {
			r.ErrorHint(ff.Value, "give a fraction of the photo's size from 0 (left, top) to 1 (right, bottom), e.g. x: 0.5",
				"focus %s must be a number from 0 to 1", ff.Name())
			return nil
		}
		if ff.Name() == "x" {
			fo.X = v
		} else {
			fo.Y = v
		}
		n++
	}
	if n != 2 {
		if isMapping(f.Value) {
			r.ErrorHint(f.Value, "write focus: {x: 0.5, y: 0.3}", "focus needs both x and y")
		}
		return nil
	}
	return &fo
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// checkCover reports a cover that is not one of the photos.
func checkCover(r *yamlx.Reader, d *Doc, n *yaml.Node) {
	if d.Cover == "" || n == nil {
		return
	}
	for _, p := range d.Photos {
		if p.File == d.Cover {
			return
		}
	}
	r.ErrorHint(n, "list it under photos: with its alt text, or name one of the photos", "cover %s is not one of the photos", d.Cover)
	d.Cover = ""
}
