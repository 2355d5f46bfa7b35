package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// Sizes is the sizes attribute of a gallery's photos: the text column
// (52rem) on a wide screen, the screen less its margins on a narrow one.
const Sizes = "(min-width: 56rem) 52rem, calc(100vw - 2rem)"

// DefaultSocialImage is the static file (under static/) shown by social
// networks for a page without photos: 1200×630, in the site's colours.
const DefaultSocialImage = "images/social.png"

// Figure is one photo of a gallery as the template writes it: every URL
// with the base path, the alt text empty for a decoration.
type Figure struct {
	Sources       []site.Source
	Src, Srcset   string
	Width, Height int
	Alt, AltLang  string
	Caption       string
	CaptionLang   string
	Credit        string
	// Eager: the page's first photo, likely in view when it opens, loads
	// at once; the others lazily.
	Eager bool
}

// SocialImage is the og:image of a page.
type SocialImage struct {
	URL           string // absolute
	Width, Height int
	Alt           string
}

// File is a document as the list writes it.
type File struct {
	URL, Title, TitleLang string
	Lang                  string // the document's language when not the page's
	LangName              string // that language's name, in that language
	Type                  string // "PDF"
	Size                  string // "1,2 MB"
}

// figures gives the page's gallery.
func (r *Renderer) figures(p *site.Page) []Figure {
	out := make([]Figure, len(p.Pictures))
	for i, pic := range p.Pictures {
		f := Figure{Src: r.basePath + pic.Fallback.Src, Srcset: r.srcset(pic.Fallback.Srcset), Width: pic.Width, Height: pic.Height,
			Alt: pic.Alt, AltLang: pic.AltLang, Caption: pic.Caption, CaptionLang: pic.CaptionLang, Credit: pic.Credit, Eager: i == 0}
		if pic.Decorative() {
			f.Alt, f.AltLang = "", ""
		}
		for _, s := range pic.Sources {
			f.Sources = append(f.Sources, site.Source{Type: s.Type, Srcset: r.srcset(s.Srcset)})
		}
		out[i] = f
	}
	return out
}

// srcset puts the base path in front of each URL of a srcset.
func (r *Renderer) srcset(s string) string {
	if r.basePath == "" || s == "" {
		return s
	}
	parts := strings.Split(s, ", ")
	for i, p := range parts {
		parts[i] = r.basePath + p
	}
	return strings.Join(parts, ", ")
}

// socialImage is the page's preview for social networks: its cover's, or
// the site's default image, or nil when the site has none.
func (r *Renderer) socialImage(v *View) (*SocialImage, error) {
	if s := v.Page.Social; s != nil {
		u, _ := r.absURL(s.URL) // a path never fails
		return &SocialImage{URL: u, Width: s.Width, Height: s.Height, Alt: s.Alt}, nil
	}
	a, ok := r.assets[DefaultSocialImage]
	if !ok {
		return nil, nil
	}
	alt, err := v.L.T("social_image_alt")
	if err != nil {
		return nil, err
	}
	u, _ := r.absURL(a.Path)
	return &SocialImage{URL: u, Width: 1200, Height: 630, Alt: alt}, nil
}

// files gives the page's documents.
func (r *Renderer) files(v *View) ([]File, error) {
	out := make([]File, len(v.Page.Downloads))
	for i, d := range v.Page.Downloads {
		size, err := v.L.Size(d.Size)
		if err != nil {
			return nil, err
		}
		out[i] = File{URL: r.basePath + d.URL, Title: d.Title, TitleLang: d.TitleLang, Lang: d.Lang, LangName: d.Lang, Type: d.Type, Size: size}
		if loc := r.locales[d.Lang]; loc != nil {
			if out[i].LangName, err = loc.T("language_name"); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Size writes a file's size as the language writes it: "1,2 MB" in
// Polish, "1.2 MB" in English (the decimal separator is the UI string
// decimal_separator), in decimal units as file managers show them.
func (l *Locale) Size(n int64) (string, error) {
	sep, err := l.T("decimal_separator")
	if err != nil {
		return "", err
	}
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n), nil
	case n < 1_000_000:
		return fmt.Sprintf("%d kB", (n+500)/1000), nil
	}
	tenths := (n + 50_000) / 100_000
	s := strconv.FormatInt(tenths/10, 10)
	if tenths < 100 && tenths%10 != 0 {
		s += sep + strconv.FormatInt(tenths%10, 10)
	}
	return s + " MB", nil
}
