package check

import (
	"io/fs"
	"path"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

// strayFiles reports files under content/ that the build passes over, as
// it does: only *.md files become pages, and folders starting with . or _
// are skipped. Most are a mistake worth a warning: Notepad saves x.md as
// x.md.txt while Windows hides the extension, and an image put beside the
// text is not published.
func (c *checker) strayFiles(src fs.FS) {
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
		if content.Skipped(p, false) || strings.HasSuffix(name, ".md") {
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
