package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func TestResolveInSite(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	fsys := fstest.MapFS{
		"content/a.md":             {Data: []byte("a")},
		"content/in.md":            link("a.md"),
		"content/up.md":            link("../notes/n.md"),
		"notes/n.md":               {Data: []byte("n")},
		"content/out.md":           link("../../secret.md"),
		"content/abs.md":           link("/etc/passwd"),
		"content/win.md":           link(`C:\Windows\win.ini`),
		"content/unc.md":           link(`\\host\share\x.md`),
		"content/chain.md":         link("in.md"),
		"content/loop.md":          link("loop2.md"),
		"content/loop2.md":         link("loop.md"),
		"content/none.md":          link("missing.md"),
		"content/dir":              link("../notes"),
		"content/through.md":       link("dir/n.md"),
		"content/dirout":           link(".."),
		"content/through-out.md":   link("dirout/../secret.md"),
		"content/dots.md":          link("./../content/./a.md"),
		"content/deep/x.md":        link("../../../x.md"),
		"content/deep/ok.md":       link("../../notes/n.md"),
		"static/logo.svg":          link("../assets/logo.svg"),
		"assets/logo.svg":          {Data: []byte("<svg/>")},
		"linked-root":              link("content"),
		"content/via-root.md":      link("../linked-root/a.md"),
		"content/self-climbing.md": link("../content/../../x.md"),
	}
	for _, c := range []struct {
		name, want string
		err        error
	}{
		{"content/a.md", "content/a.md", nil},
		{"content/in.md", "content/a.md", nil},
		{"content/up.md", "notes/n.md", nil},
		{"content/chain.md", "content/a.md", nil},
		{"content/through.md", "notes/n.md", nil},
		{"content/dots.md", "content/a.md", nil},
		{"content/deep/ok.md", "notes/n.md", nil},
		{"static/logo.svg", "assets/logo.svg", nil},
		{"content/via-root.md", "content/a.md", nil},
		{"linked-root/a.md", "content/a.md", nil},
		{"content/out.md", "", errLeavesSite},
		{"content/deep/x.md", "", errLeavesSite},
		{"content/through-out.md", "", errLeavesSite},
		{"content/self-climbing.md", "", errLeavesSite},
		{"content/abs.md", "", errAbsolute},
		{"content/win.md", "", errAbsolute},
		{"content/unc.md", "", errAbsolute},
		{"content/loop.md", "", errLinkLoop},
		{"content/none.md", "", fs.ErrNotExist},
	} {
		got, err := resolveInSite(fsys, c.name)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("resolveInSite(%q) = %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
	}
}

// TestLinksInSite builds a site on the disk whose content/ and static/ hold
// symbolic links of every kind: those that stay in the site are followed,
// every other one is an error at its own path, and nothing outside the
// site is read.
func TestLinksInSite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := t.TempDir()
	site := filepath.Join(root, "site")
	outside := filepath.Join(root, "outside")
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(site, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(site, "site.yaml"), "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n")
	write(t, filepath.Join(site, "content", "o-nas.md"), "---\ntitle: O nas\n---\nTekst.\n")
	write(t, filepath.Join(site, "notes", "wspolny.md"), "---\ntitle: Wspólny\n---\nWspólny tekst.\n")
	write(t, filepath.Join(site, "assets", "wspolny.css"), "body{color:red}\n")
	write(t, filepath.Join(outside, "secret.md"), "---\ntitle: SEKRET\n---\nSEKRET\n")
	write(t, filepath.Join(outside, "secret.css"), "body{background:url(SEKRET)}\n")
	for link, target := range map[string]string{
		"content/abs.md":         filepath.Join(outside, "secret.md"),
		"content/up.md":          "../../outside/secret.md",
		"content/folder":         "../../outside",
		"content/none.md":        "brak.md",
		"content/loop.md":        "loop.md",
		"content/wspolny.md":     "../notes/wspolny.md",
		"static/secret.css":      "../../outside/secret.css",
		"static/css/wspolny.css": "../../assets/wspolny.css",
		"static/assets":          "../assets",
	} {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	res := Run(os.DirFS(site), Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	want := []string{
		"content/abs.md: symbolic link to " + filepath.Join(outside, "secret.md") + " is an absolute link, which may lead outside the site (copy the file into the site instead of linking to it, or make the link relative to a file inside the site)",
		"content/folder: symbolic link to ../../outside leads outside the site (copy the file into the site instead of linking to it)",
		"content/loop.md: symbolic link to loop.md goes round in a loop of links (copy the file into the site instead of linking to it)",
		"content/none.md: symbolic link to brak.md leads to nothing (correct the link or remove it)",
		"content/up.md: symbolic link to ../../outside/secret.md leads outside the site (copy the file into the site instead of linking to it)",
		"static/assets: symbolic link to a folder, which the build does not follow (copy the folder into the site, or link its files one by one)",
		"static/secret.css: symbolic link to ../../outside/secret.css leads outside the site (copy the file into the site instead of linking to it)",
	}
	var got []string
	for _, p := range res.Problems.Items() {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}

	// Without the bad links, the good ones are followed.
	for _, link := range []string{"content/abs.md", "content/up.md", "content/folder", "content/none.md", "content/loop.md", "static/secret.css", "static/assets"} {
		if err := os.Remove(filepath.Join(site, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	res = Run(os.DirFS(site), Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Problems.HasErrors() {
		t.Fatalf("problems: %v", res.Problems.Items())
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
		if strings.Contains(string(f.Data), "SEKRET") {
			t.Errorf("%s holds the secret", f.Path)
		}
	}
	if !strings.Contains(files["wspolny/index.html"], "Wspólny tekst.") {
		t.Errorf("the linked page was not built from notes/wspolny.md")
	}
	if !slices.ContainsFunc(slices.Collect(mapKeys(files)), func(p string) bool { return strings.HasPrefix(p, "css/wspolny.") }) {
		t.Errorf("the linked static file was not copied")
	}
}

// TestContentAndStaticFoldersAsLinks: content/ or static/ may itself be a
// link, but only to a folder inside the site.
func TestContentAndStaticFoldersAsLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.CopyFS(filepath.Join(site, "templates"), os.DirFS(filepath.Join("..", "..", "templates"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(site, "src", "static"), os.DirFS(filepath.Join("..", "..", "static"))); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "site.yaml"), "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n")
	write(t, filepath.Join(root, "elsewhere", "o-nas.md"), "---\ntitle: O nas\n---\nTekst.\n")
	if err := os.Symlink("src/static", filepath.Join(site, "static")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../elsewhere", filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	res := Run(os.DirFS(site), Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	var got []string
	for _, p := range res.Problems.Items() {
		got = append(got, p.String())
	}
	want := []string{"content: symbolic link to ../elsewhere leads outside the site (copy the file into the site instead of linking to it)"}
	if !slices.Equal(got, want) {
		t.Fatalf("problems:\n got %q\nwant %q", got, want)
	}
}

// TestNamedPipeInContent: reading a named pipe would wait for ever; the
// build names it instead.
func TestNamedPipeInContent(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	site := t.TempDir()
	write(t, filepath.Join(site, "site.yaml"), "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n")
	write(t, filepath.Join(site, "content", "o-nas.md"), "---\ntitle: O nas\n---\n")
	if err := syscall.Mkfifo(filepath.Join(site, "content", "rura.md"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(site, "content", "notatki.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Result, 1)
	go func() { done <- Run(os.DirFS(site), Options{}) }()
	select {
	case res := <-done:
		var got []string
		for _, p := range res.Problems.Items() {
			got = append(got, p.String())
		}
		want := "content/rura.md: not a regular file (a named pipe) (remove it: the site is built from files and folders only)"
		if !slices.Contains(got, want) {
			t.Errorf("problems %q lack %q", got, want)
		}
		for _, g := range got {
			if strings.Contains(g, "notatki.txt") {
				t.Errorf("a pipe that is not content is reported: %s", g)
			}
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the build hangs on a named pipe")
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestFileNames: a static file whose name a web address cannot carry, and a
// content file whose name would break the line its problems are printed
// on, are reported by name instead of failing the write.
func TestFileNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows forbids these names")
	}
	site := t.TempDir()
	write(t, filepath.Join(site, "site.yaml"), "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n")
	write(t, filepath.Join(site, "content", "o-nas.md"), "---\ntitle: O nas\n---\n")
	write(t, filepath.Join(site, "content", "nowa\nlinia.md"), "---\ntitle: X\n---\n")
	write(t, filepath.Join(site, "content", `ukośnik\.md`), "---\ntitle: Ukośnik\n---\n")
	write(t, filepath.Join(site, "static", `css\site.css`), "a{}")
	write(t, filepath.Join(site, "static", "img", "logo\r.svg"), "<svg/>")
	res := Run(os.DirFS(site), Options{})
	var got []string
	for _, p := range res.Problems.Items() {
		if strings.HasPrefix(p.Path, "templates") {
			continue // this site has no templates; not the point here
		}
		got = append(got, p.String())
	}
	want := []string{
		`content: the file name "content/nowa\nlinia.md" has a control character (rename the file)`,
		`static: the file name "static/img/logo\r.svg" has a control character (rename the file)`,
		`static/css\site.css: the file name has a backslash (\), which Windows and some servers read as a folder separator (rename the file)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}
