package site

import (
	"slices"

	"github.com/lubuskie-es/sitegen/internal/content"
)

// Photo is a photo of a bundle as a page shows it: its front matter entry
// in the page's language, or, where a translation gives none, the default
// language's text, with AltLang and CaptionLang saying so.
type Photo struct {
	content.Photo
	// AltLang and CaptionLang are the language of Alt and Caption when it
	// is not the page's (the default language's text stands in); "" when
	// it is.
	AltLang, CaptionLang string
}

// Decorative reports a photo marked as decoration (alt: "-"), which is
// written with alt="".
func (p Photo) Decorative() bool { return p.Alt == content.DecorativeAlt }

// Document is a document of a bundle as a page lists it; TitleLang is the
// language of Title when the default language's stands in.
type Document struct {
	content.Document
	TitleLang string
}

// Picture is a photo as published: the build's image phase fills it.
type Picture struct {
	Photo
	// Sources are the modern formats, best first, each with its srcset;
	// Fallback is the classic one (JPEG, or PNG with transparency) whose
	// largest width is the img's src.
	Sources  []Source
	Fallback Source
	// Width and Height are of the largest variant, for the img's
	// attributes: the browser keeps the space before the photo loads.
	Width, Height int
}

// Source is one format of a Picture: its media type, srcset ("u 480w,
// u 800w") and the URL of its largest width.
type Source struct {
	Type, Srcset, Src string
}

// Image is a single published image: the social preview.
type Image struct {
	URL           string // from the site root, without the base path
	Width, Height int
	Alt           string
	AltLang       string // see Photo.AltLang
}

// Download is a document as published.
type Download struct {
	Document
	URL  string // from the site root, without the base path
	Type string // "PDF", "DOCX": the extension in capitals
	Size int64  // bytes
}

// bundleMedia gives every page of a bundle its photos, cover and
// documents: its own entries, and for each file only the default language
// lists, that language's text marked with its code.
func (b *builder) bundleMedia() {
	def := b.site.Config.Default().Code
	for _, p := range b.site.Pages {
		if p.Doc == nil || p.Doc.Bundle == "" || p.Kind == Alias {
			continue
		}
		p.Cover = p.Doc.Cover
		for _, ph := range p.Doc.Photos {
			p.Photos = append(p.Photos, Photo{Photo: ph})
		}
		for _, d := range p.Doc.Documents {
			p.Documents = append(p.Documents, Document{Document: d})
		}
		orig := b.site.byKey[p.Key][def]
		if p.Lang.Code == def || orig == nil || orig.Doc == nil {
			continue
		}
		if p.Cover == "" {
			p.Cover = orig.Doc.Cover
		}
		for _, ph := range orig.Doc.Photos {
			i := slices.IndexFunc(p.Photos, func(x Photo) bool { return x.File == ph.File })
			switch {
			case i < 0:
				p.Photos = append(p.Photos, Photo{Photo: ph, AltLang: def, CaptionLang: langIf(ph.Caption, def)})
			case p.Photos[i].Caption == "" && ph.Caption != "":
				p.Photos[i].Caption, p.Photos[i].CaptionLang = ph.Caption, def
			}
			if i >= 0 && p.Photos[i].Credit == "" {
				p.Photos[i].Credit = ph.Credit // a name is the same in every language
			}
			if i >= 0 && p.Photos[i].Focus == nil {
				p.Photos[i].Focus = ph.Focus
			}
		}
		for _, d := range orig.Doc.Documents {
			if slices.IndexFunc(p.Documents, func(x Document) bool { return x.File == d.File }) < 0 {
				nd := Document{Document: d, TitleLang: def}
				if nd.Lang == "" {
					nd.Lang = def // the document is in the original's language
				}
				if nd.Lang == p.Lang.Code {
					nd.Lang = ""
				}
				p.Documents = append(p.Documents, nd)
			}
		}
	}
}

// CoverPhoto is the page's cover: the photo named by cover, else the
// first; nil without photos.
func (p *Page) CoverPhoto() *Picture {
	for i := range p.Pictures {
		if p.Pictures[i].File == p.Cover {
			return &p.Pictures[i]
		}
	}
	if len(p.Pictures) > 0 {
		return &p.Pictures[0]
	}
	return nil
}

func langIf(text, lang string) string {
	if text == "" {
		return ""
	}
	return lang
}
