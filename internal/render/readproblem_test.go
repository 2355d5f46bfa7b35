package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// deny is a file system in which some paths exist but cannot be read. It
// has only Open, so that fs.ReadFile, fs.ReadDir and fs.Glob go through it.
type deny struct {
	files  fstest.MapFS
	denied map[string]bool
}

func (d deny) Open(name string) (fs.File, error) {
	if d.denied[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.files.Open(name)
}

func TestUnreadableTemplates(t *testing.T) {
	files := fstest.MapFS{}
	for _, name := range append([]string{"base", notFound}, func() []string {
		var out []string
		for _, k := range kinds {
			out = append(out, string(k))
		}
		return out
	}()...) {
		files[Dir+"/layouts/"+name+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}x{{end}}`)}
	}
	files[Dir+"/partials/a.html"] = &fstest.MapFile{Data: []byte(`{{define "a"}}a{{end}}`)}
	for _, c := range []struct {
		denied, want string
	}{
		{Dir + "/layouts/base.html", "templates/layouts/base.html: the base layout cannot be read: permission denied"},
		{Dir + "/layouts/meeting.html", "templates/layouts/meeting.html: the layout for meeting pages cannot be read: permission denied"},
		{Dir + "/layouts/404.html", "templates/layouts/404.html: the layout for 404 pages cannot be read: permission denied"},
		{Dir + "/partials", "templates/partials: the partials folder cannot be read: permission denied"},
		{Dir + "/partials/a.html", "templates/partials/a.html: the partial cannot be read: permission denied"},
	} {
		_, problems := parseTemplates(deny{files, map[string]bool{c.denied: true}}, nil, nil)
		var got []string
		for _, p := range problems.Items() {
			got = append(got, p.String())
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%s denied: %q, want %q", c.denied, got, c.want)
		}
	}
	delete(files, Dir+"/layouts/tag.html")
	_, problems := parseTemplates(files, nil, nil)
	if items := problems.Items(); len(items) != 1 || items[0].String() != "templates/layouts/tag.html: the layout for tag pages is missing" {
		t.Errorf("missing layout: %v", items)
	}
}
