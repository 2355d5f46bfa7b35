package render

import "github.com/lubuskie-es/sitegen/internal/site"

type menuState struct {
	section *site.Page
	current string
}

// derive sets the fields of v that follow from the others (see View).
func (r *Renderer) derive(v *View) {
	p := v.Page
	v.IsHome = p.Kind == site.Home
	v.IsSearch = v.Lang.SearchPage != nil && p == v.Lang.SearchPage
	v.Described = p.Kind != site.Alias && p.Kind != notFound
	v.Article = p.Kind == site.Meeting || p.Kind == site.Article
	v.AbsURL, _ = r.absURL(p) // fails only for a nil page
	if path := r.image(p); v.Described && path != "" {
		v.ImageURL, _ = r.absURL(path)
	}
	if v.Section != nil {
		v.MenuState = menuState{v.Section, v.SectionCurrent}
	}
	def := v.Site.Config.Default().Code
	v.Alternates = make([]Alternate, 0, len(v.Languages))
	for _, l := range v.Languages {
		if l.Translation {
			u, _ := r.absURL(l.Page)
			v.Alternates = append(v.Alternates, Alternate{l.Lang.Code, u})
			if l.Lang.Code == def {
				v.XDefault = u
			}
		}
	}
}
