package render

import (
	"html/template"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// View is what a template sees as its dot.
type View struct {
	Page *site.Page
	Lang *site.Lang
	Site *site.Site
	// L speaks the page's language: {{.L.T "key"}}.
	L *Locale
	// Title is the page's heading; Description its summary for metadata.
	Title       string
	Description string
	// Languages is the language switcher: every language, with the page's
	// translation when there is one, else that language's home.
	Languages   []LangLink
	Breadcrumbs []Crumb
	// Section is the main-menu item the page is or belongs to (nil if
	// none); SectionCurrent is the aria-current value for it: "page" when
	// it is the page itself, "true" when the page is within it.
	Section        *site.Page
	SectionCurrent string

	// The fields below are worked out in Go by derive, from the fields
	// above, because they are the same whatever a template does with
	// them: a template reads each with one action instead of working it
	// out with several function calls on every page.

	// IsHome and IsSearch tell the header which of its links, the site
	// title or the search link, is the current page.
	IsHome, IsSearch bool
	// Described is false for a redirect (alias) and for 404.html, which
	// get no description for search engines and social networks; Article
	// is true for meetings and content pages (og:type).
	Described, Article bool
	// AbsURL is the page's absolute address (canonical link, og:url).
	AbsURL string
	// Social is the page's og:image: its cover's preview, else the
	// site's default image; nil when there is neither.
	Social *SocialImage
	// Figures are the page's gallery; Files its documents.
	Figures []Figure
	Files   []File
	// Sizes is the sizes attribute of the gallery's photos.
	Sizes string
	// Alternates are the page and its translations for the hreflang
	// links, XDefault the address of the one in the default language;
	// Locales the og:locale:alternate values of the translations.
	Alternates []Alternate
	XDefault   string
	Locales    []string
	// JSONLD is the schema.org description of the page, encoded by
	// encoding/json (which escapes <, > and & in strings, so front matter
	// cannot close the script element); empty when there is none.
	JSONLD template.JS

	// Chrome, Top and Menu are the keys, and the only data, of the
	// partials cached per language (partialCached): the parts of every
	// page that do not depend on the page, or only on what they name.
	Chrome Chrome
	Top    HeaderTop
	Menu   MenuState
}

// Chrome is what the partials every page of a language shares alike
// (head end, feed links, footer) may read: the language and the site,
// nothing of the page.
type Chrome struct {
	L    *Locale
	Lang *site.Lang
	Site *site.Site
}

// HeaderTop is the data of the top of the header: the same on every page
// of a language but the home and search pages, which it marks.
type HeaderTop struct {
	L                *Locale
	Lang             *site.Lang
	IsHome, IsSearch bool
}

// MenuState is the data of the main menu: the language's menu, and the
// item the page is or lies within (Section, marked SectionCurrent).
type MenuState struct {
	L              *Locale
	Lang           *site.Lang
	Section        *site.Page
	SectionCurrent string
}

// Alternate is the page, or one of its translations, in a language.
type Alternate struct {
	Code string // of the language
	URL  string // absolute
}

// LangLink is one entry of the language switcher.
type LangLink struct {
	Lang *config.Language
	// L speaks the entry's language (the 404 page says its text in each).
	L           *Locale
	Page        *site.Page
	Current     bool
	Translation bool // Page is this page's translation, not just a home page
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Page  *site.Page
}

// derive sets the fields of v that follow from the others (see View).
func (r *Renderer) derive(v *View) error {
	p := v.Page
	v.IsHome = p.Kind == site.Home
	v.IsSearch = v.Lang.SearchPage != nil && p == v.Lang.SearchPage
	v.Described = p.Kind != site.Alias && p.Kind != notFound
	v.Article = p.Kind == site.Meeting || p.Kind == site.Article
	v.AbsURL = r.links.Abs(p.URL)
	v.Figures, v.Sizes = r.figures(p), Sizes
	var err error
	if v.Files, err = r.files(v); err != nil {
		return err
	}
	if v.Described {
		if v.Social, err = r.socialImage(v); err != nil {
			return err
		}
	}
	v.Chrome = Chrome{L: v.L, Lang: v.Lang, Site: v.Site}
	v.Top = HeaderTop{L: v.L, Lang: v.Lang, IsHome: v.IsHome, IsSearch: v.IsSearch}
	v.Menu = MenuState{L: v.L, Lang: v.Lang, Section: v.Section, SectionCurrent: v.SectionCurrent}
	def := v.Site.Config.Default().Code
	v.Alternates = make([]Alternate, 0, len(v.Languages))
	for _, l := range v.Languages {
		if l.Translation {
			u := r.links.Abs(l.Page.URL)
			v.Alternates = append(v.Alternates, Alternate{l.Lang.Code, u})
			if l.Lang.Code == def {
				v.XDefault = u
			}
		}
	}
	for _, t := range p.Translations {
		if t.Lang.Locale != "" {
			v.Locales = append(v.Locales, t.Lang.Locale)
		}
	}
	if !v.Described {
		return nil
	}
	v.JSONLD, err = r.jsonLD(v)
	return err
}
