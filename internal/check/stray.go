package check

import (
	"io/fs"
	"path"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// strayFiles reports files under content/ that the build passes over, as
// it does: only *.md files become pages, and folders starting with . or _
// are skipped. Most are a mistake worth a warning: Notepad saves x.md as
// x.md.txt while Windows hides the extension, and an image put beside the
// text is not published.
func (c *checker) strayFiles(src fs.FS) {
	bundles, used := map[string]bool{}, map[string]bool{}
	for _, p := range c.site.Pages {
		if p.Doc != nil && p.Doc.Bundle != "" {
			bundles[content.Dir+"/"+p.Doc.Bundle] = true
			for _, u := range p.Uses {
				used[content.Dir+"/"+u] = true
			}
		}
	}
	_ = fs.WalkDir(src, content.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // the build reports what it cannot read
		}
		name := d.Name()
		if d.IsDir() {
			if content.Skipped(p, true) {
				return fs.SkipDir
			}
			return nil
		}
		if content.Skipped(p, false) || strings.HasSuffix(name, ".md") || used[p] {
			return nil
		}
		if bundle := bundleOf(p, bundles); bundle != "" {
			c.add(RuleStrayFile, &origin{path: p}, "", diag.Warning,
				"a file of the bundle that nothing uses, so the build leaves it out of the site",
				"list it under photos: or documents: in "+bundle+"/index.*.md, show it in the text as ![what it shows]("+
					strings.TrimPrefix(p, bundle+"/")+"), or delete it")
			return nil
		}
		c.add(RuleStrayFile, &origin{path: p}, "", diag.Warning,
			"not a Markdown file (.md), so the build leaves it out of the site", strayHint(name))
		return nil
	})
}

func strayHint(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".md.txt"):
		return "Notepad added .txt: rename it to " + strings.TrimSuffix(name, name[len(name)-4:]) +
			" (in File Explorer turn on View → File name extensions to see it)"
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return "rename it to end in .md, in lower case"
	case strings.HasSuffix(lower, ".txt"):
		return "if it is meant to be a page, rename it to end in .md and start it with front matter"
	}
	switch path.Ext(lower) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".doc", ".docx", ".odt":
		return "files in content/ are not published: put it in static/ (e.g. static/images/" + name + ") and link it as /images/" + name
	}
	return "only .md files in content/ become pages; other files belong in static/"
}

// bundleOf is the bundle folder holding the file p, or "".
func bundleOf(p string, bundles map[string]bool) string {
	for dir := path.Dir(p); dir != "." && dir != content.Dir; dir = path.Dir(dir) {
		if bundles[dir] {
			return dir
		}
	}
	return ""
}

// translationAlt reports the photos and documents of a translation that
// show the default language's text because the translation gives none.
func (c *checker) translationAlt() {
	for _, p := range c.site.Pages {
		if p.Doc == nil || p.Kind == site.Alias {
			continue
		}
		at := &origin{path: p.Doc.Path}
		hint := "give the " + p.Lang.Code + " text under photos: (alt, caption) or documents: (title) in this file"
		for _, ph := range p.Photos {
			switch {
			case ph.AltLang != "":
				c.add(RuleTranslationAlt, at, "", diag.Warning, "photo "+ph.File+" has no alt text in this language: the "+ph.AltLang+" text is shown", hint)
			case ph.CaptionLang != "":
				c.add(RuleTranslationAlt, at, "", diag.Warning, "photo "+ph.File+" has no caption in this language: the "+ph.CaptionLang+" one is shown", hint)
			}
		}
		for _, d := range p.Documents {
			if d.TitleLang != "" {
				c.add(RuleTranslationAlt, at, "", diag.Warning, "document "+d.File+" has no title in this language: the "+d.TitleLang+" one is shown", hint)
			}
		}
	}
}
