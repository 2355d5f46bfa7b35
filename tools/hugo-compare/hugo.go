package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// hugoFiles are our own layouts and translations for the Hugo copy of the
// corpus, copied into the Hugo site as they are.
//
//go:embed all:hugo-layouts
var hugoFiles embed.FS

// version is a Hugo release, major.minor.patch.
type version [3]int

func (v version) String() string { return fmt.Sprintf("%d.%d.%d", v[0], v[1], v[2]) }

func (v version) atLeast(major, minor int) bool {
	return v[0] > major || v[0] == major && v[1] >= minor
}

// hugoVersion runs `hugo version`, which prints "hugo v0.111.3-… linux/amd64 …".
func hugoVersion(bin string) (version, error) {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return version{}, fmt.Errorf("%s version: %w", bin, err)
	}
	f := strings.Fields(string(out))
	if len(f) < 2 || !strings.HasPrefix(f[1], "v") {
		return version{}, fmt.Errorf("%s version: unexpected output %q", bin, out)
	}
	s, _, _ := strings.Cut(strings.TrimPrefix(f[1], "v"), "-")
	s, _, _ = strings.Cut(s, "+")
	var v version
	for i, part := range strings.SplitN(s, ".", 3) {
		n, err := strconv.Atoi(part)
		if err != nil {
			return version{}, fmt.Errorf("%s version: unexpected output %q", bin, out)
		}
		v[i] = n
	}
	return v, nil
}

// writeHugoConfig writes the configuration for one Hugo release into the
// site and returns its path: pagination moved from `paginate` to a
// [pagination] table in 0.128, and later releases refuse the old key.
func writeHugoConfig(site string, v version) (string, error) {
	var b strings.Builder
	b.WriteString(hugoConfig)
	if v.atLeast(0, 128) {
		b.WriteString("\n[pagination]\n  pagerSize = 10\n")
	} else {
		b.WriteString("\npaginate = 10\n")
	}
	name := filepath.Join(site, "hugo-"+v.String()+".toml")
	return name, os.WriteFile(name, []byte(b.String()), 0o644)
}

// hugoConfig is site.yaml in Hugo's words. Outputs are cut to what sitegen
// writes: no RSS for every list page (the meetings section asks for its
// own feed in its front matter), no robots.txt.
const hugoConfig = `baseURL = "https://partnerstwo-es.example.org/"
defaultContentLanguage = "pl"
defaultContentLanguageInSubdir = false
timeZone = "Europe/Warsaw"
buildFuture = true # meetings to come are pages too; "upcoming" is decided against params.now, as sitegen --now
disableKinds = ["robotsTXT"]

[params]
  now = "2026-01-15"

[taxonomies]
  tag = "tags"

[outputs]
  home = ["HTML"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[languages.pl]
  weight = 1
  title = "Partnerstwo na rzecz ekonomii społecznej"
  [languages.pl.params]
    description = "Lubuskie partnerstwo samorządów, organizacji pozarządowych, biznesu, administracji rządowej i szkół na rzecz zatrudnienia w ekonomii społecznej."
    locale = "pl_PL"

[languages.en]
  weight = 2
  title = "Partnership for the Social Economy"
  [languages.en.params]
    description = "A partnership of local governments, NGOs, businesses, government bodies and schools in the Lubuskie region, building jobs in the social economy."
    locale = "en_GB"
`

// writeHugoSite converts the corpus into a Hugo site in dir: the content
// files as they are but for three changes Hugo needs (meetings in a folder
// per year, so that each year has its list page; the home text as
// _index; `menu: N` as Hugo's menu map), list pages' _index files, the
// static files, and the layouts of hugo-layouts/.
func writeHugoSite(c *corpus.Corpus, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	files := map[string][]byte{}
	years := map[string]bool{}
	for _, p := range c.Paths() {
		data := c.Files[p]
		switch {
		case strings.HasPrefix(p, "static/"):
			files[p] = data
		case strings.HasPrefix(p, "content/meetings/"):
			name := path.Base(p)
			year := name[:4]
			years[year] = true
			files["content/meetings/"+year+"/"+name] = hugoFrontMatter(data)
		case p == "content/index.pl.md" || p == "content/index.en.md":
			files["content/_"+strings.TrimPrefix(p, "content/")] = hugoFrontMatter(data)
		case strings.HasPrefix(p, "content/"):
			files[p] = hugoFrontMatter(data)
		}
	}
	titles := map[string][2]string{"meetings": {"Spotkania", "Meetings"}, "partners": {"Partnerzy", "Partners"}, "tags": {"Tagi", "Tags"}}
	for _, lang := range []int{0, 1} {
		code := [2]string{"pl", "en"}[lang]
		files["content/meetings/_index."+code+".md"] = []byte("---\ntitle: " + titles["meetings"][lang] + "\noutputs: [HTML, RSS]\nmenu:\n  main:\n    weight: 25\n---\n")
		files["content/partners/_index."+code+".md"] = []byte("---\ntitle: " + titles["partners"][lang] + "\nmenu:\n  main:\n    weight: 30\n---\n")
		files["content/tags/_index."+code+".md"] = []byte("---\ntitle: " + titles["tags"][lang] + "\n---\n")
		for y := range years {
			files["content/meetings/"+y+"/_index."+code+".md"] = []byte("---\ntitle: \"" + y + "\"\nyear: " + y + "\n---\n")
		}
	}
	err := fs.WalkDir(hugoFiles, "hugo-layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoFiles.ReadFile(p)
		files[strings.TrimPrefix(p, "hugo-layouts/")] = data
		return err
	})
	if err != nil {
		return err
	}
	for p, data := range files {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoFrontMatter rewrites the one front matter key Hugo reads otherwise
// than sitegen: `menu: 25` (a weight in the main menu) becomes Hugo's
// `menu: {main: {weight: 25}}`. The other keys stay: Hugo keeps the ones
// it does not know (host, participants, guests, location, sector…) as
// page params.
func hugoFrontMatter(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	for i := 1; i < len(lines) && strings.TrimSpace(lines[i]) != "---"; i++ {
		if w, ok := strings.CutPrefix(lines[i], "menu: "); ok {
			lines[i] = "menu:\n  main:\n    weight: " + strings.TrimSpace(w) + "\n"
		}
	}
	return []byte(strings.Join(lines, ""))
}
