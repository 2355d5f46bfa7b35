package check_test

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/check"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const siteYAML = `baseURL: https://example.org/
languages:
  - code: pl
    name: Polski
    title: Partnerstwo
    sections: {meetings: spotkania, partners: partnerzy, tags: tagi}
  - code: en
    name: English
    title: Partnership
`

// base is a small valid site, translated whole; cases add to it or
// replace its files.
var base = map[string]string{
	"site.yaml":                  siteYAML,
	"content/o-nas.pl.md":        "---\ntitle: O nas\nmenu: 1\n---\n\n## Cele\n\nTekst.\n\n## Kontakt\n\nTekst.\n",
	"content/o-nas.en.md":        "---\ntitle: About\nslug: about\nmenu: 1\n---\n\n## Goals\n\nText.\n",
	"content/partners/wup.pl.md": "---\ntitle: Wojewódzki Urząd Pracy\nsector: jst\nrole: secretariat\n---\n\nSekretariat.\n",
	"content/partners/wup.en.md": "---\ntitle: Regional Labour Office\nsector: jst\nrole: secretariat\n---\n\nSecretariat.\n",
	// The information the 2019 act on accessibility asks for.
	"content/tekst-latwy-do-czytania.pl.md": "---\ntitle: Tekst łatwy do czytania\n---\n\nJesteśmy Partnerstwem.\n",
	"content/tekst-latwy-do-czytania.en.md": "---\ntitle: Easy read\nslug: easy-read\n---\n\nWe are a partnership.\n",
	"content/jezyk-migowy.pl.md":            "---\ntitle: Język migowy\nparams: {video: video/pjm.mp4}\n---\n\nTranskrypcja.\n",
	"content/jezyk-migowy.en.md":            "---\ntitle: Sign language\nslug: sign-language\nparams: {video: video/pjm.mp4}\n---\n\nTranscript.\n",
	"static/video/pjm.mp4":                  "not a real video: the build only copies it",
}

// siteFS is the repository's templates and static files with base and
// files on top (a file set to "" is removed).
func siteFS(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, dir := range []string{"templates", "static"} {
		err := fs.WalkDir(os.DirFS("../.."), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(os.DirFS("../.."), p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []map[string]string{base, files} {
		for p, s := range m {
			if s == "" {
				delete(fsys, p)
				continue
			}
			fsys[p] = &fstest.MapFile{Data: []byte(s)}
		}
	}
	return fsys
}

// fakeHistory is a version history given as data.
type fakeHistory struct {
	times map[string]time.Time
	err   error
}

func (h fakeHistory) LastChanges(paths []string) (map[string]time.Time, error) {
	if h.err != nil {
		return nil, h.err
	}
	out := map[string]time.Time{}
	for _, p := range paths {
		if t, ok := h.times[p]; ok {
			out[p] = t
		}
	}
	return out, nil
}

// runCheck builds fsys and checks it, as `sitegen check` does.
func runCheck(t *testing.T, fsys fs.FS, baseURL string, h check.History) *check.Report {
	t.Helper()
	res := build.Run(fsys, build.Options{Now: now, BaseURL: baseURL})
	if res.Problems.HasErrors() {
		r := &check.Report{}
		r.AddBuild(res.Problems)
		return r
	}
	r := check.Run(res.Files, res.Site, check.Options{History: h, Source: fsys})
	r.AddBuild(res.Problems)
	return r
}

// lines formats findings as "path:line:col: [warning: ]message [rule]",
// without hints, which TestHints looks at.
func lines(r *check.Report) []string {
	var out []string
	for _, f := range r.Findings {
		p := f.Problem
		p.Hint = ""
		out = append(out, p.String()+" ["+f.Rule+"]")
	}
	return out
}

// TestRules runs each rule on a small broken site: every problem must be
// found at the right file, line and column, and nothing else.
func TestRules(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		baseURL string
		want    []string
	}{
		{
			name: "the base site is clean",
		},
		{
			name:  "no easy-to-read text",
			files: map[string]string{"content/tekst-latwy-do-czytania.pl.md": "", "content/tekst-latwy-do-czytania.en.md": ""},
			want:  []string{"content: warning: there is no information about the partnership's activity in easy-to-read text (art. 6 pt 3 of the 2019 act on accessibility) [accessibility-info]"},
		},
		{
			name:  "no Polish Sign Language page",
			files: map[string]string{"content/jezyk-migowy.pl.md": "", "content/jezyk-migowy.en.md": ""},
			want:  []string{"content: warning: there is no information about the partnership's activity in Polish Sign Language (art. 6 pt 3 of the 2019 act on accessibility) [accessibility-info]"},
		},
		{
			name:  "a sign language page without its recording",
			files: map[string]string{"content/jezyk-migowy.pl.md": "---\ntitle: Język migowy\n---\n\nTranskrypcja.\n"},
			want:  []string{"content/jezyk-migowy.pl.md:1:1: warning: the Polish Sign Language page has no recording yet [accessibility-info]"},
		},
		{
			name:  "link to a page that does not exist",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\nZob. [stare spotkania](/spotkania/2014/).\n"},
			want:  []string{"content/o-nas.pl.md:5:6: link to a page that does not exist: /spotkania/2014/ [link]"},
		},
		{
			name:  "fragment that is not an id of the target page",
			files: map[string]string{"content/partners/wup.pl.md": "---\ntitle: WUP\nsector: jst\nrole: secretariat\n---\n\nPisz do nas:\n[kontakt](../o-nas.pl.md#kontak).\n"},
			want:  []string{"content/partners/wup.pl.md:8:1: link to #kontak, which is not an id on /o-nas/: /o-nas/#kontak [anchor]"},
		},
		{
			name:  "fragment on the same page",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n## Cele\n\nZob. [cele](#cele) i [zadania](#zadania).\n"},
			want:  []string{"content/o-nas.pl.md:7:22: link to #zadania, which is not an id on /o-nas/: #zadania [anchor]"},
		},
		{
			name:  "image that does not exist, and one that does",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n![Mapa powiatów](/images/mapa.png)\n\n![-](/favicon.svg)\n"},
			want:  []string{"content/o-nas.pl.md:5:1: link to an image that does not exist: /images/mapa.png [link]"},
		},
		{
			name: "relative image that the build does not copy from content/",
			files: map[string]string{
				"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n![Logo](logo.svg)\n",
				"content/logo.svg":    "<svg xmlns='http://www.w3.org/2000/svg'/>",
			},
			want: []string{
				"content/logo.svg: warning: not a Markdown file (.md), so the build leaves it out of the site [stray-file]",
				"content/o-nas.pl.md:5:1: link to an image that does not exist: logo.svg [link]",
			},
		},
		{
			name:  "link without text",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\nTekst [](partners/wup.pl.md).\n"},
			want:  []string{"content/o-nas.pl.md:5:7: link without text: /partnerzy/wup/ [link-text]"},
		},
		{
			name: "vague link texts, per language",
			files: map[string]string{
				"content/o-nas.pl.md": "---\ntitle: O nas\nmenu: 1\n---\n\nO partnerach [kliknij tutaj](partners/wup.pl.md), o nas [Więcej…](o-nas.pl.md).\n",
				"content/o-nas.en.md": "---\ntitle: About\nslug: about\n---\n\nThe secretariat is [here](partners/wup.en.md); [Read more](#top) or [more about the office](partners/wup.en.md).\n",
			},
			want: []string{
				"content/o-nas.en.md:6:20: warning: link text \"here\" does not say where the link leads [vague-link-text]",
				"content/o-nas.en.md:6:48: warning: link text \"Read more\" does not say where the link leads [vague-link-text]",
				"content/o-nas.pl.md:6:14: warning: link text \"kliknij tutaj\" does not say where the link leads [vague-link-text]",
				"content/o-nas.pl.md:6:57: warning: link text \"Więcej…\" does not say where the link leads [vague-link-text]",
			},
		},
		{
			name:  "headings that skip a level",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n### Cele\n\n## Zadania\n\n#### Szczegóły\n\n# Drugi tytuł\n"},
			want: []string{
				"content/o-nas.pl.md:5:1: warning: heading level ### skips ## (after #, the page's title) [heading-order]",
				"content/o-nas.pl.md:9:1: warning: heading level #### skips ### (after ##) [heading-order]",
				"content/o-nas.pl.md:11:1: warning: a level-1 heading (#) in the text: the page's title is already its level-1 heading [heading-order]",
			},
		},
		{
			name: "pages missing in English",
			files: map[string]string{
				"content/partners/wup.en.md": "",
				"content/kontakt.md":         "---\ntitle: Kontakt\n---\n",
			},
			want: []string{
				"content/kontakt.md: warning: no English (en) translation [translation-missing]",
				"content/partners/wup.pl.md: warning: no English (en) translation [translation-missing]",
			},
		},
		{
			name:  "a Notepad file and a folder the build skips",
			files: map[string]string{"content/aktualnosci.md.txt": "---\ntitle: x\n---\n", "content/_szkice/a.txt": "x"},
			want:  []string{"content/aktualnosci.md.txt: warning: not a Markdown file (.md), so the build leaves it out of the site [stray-file]"},
		},
		{
			// The build moves root-relative Markdown links under the
			// base URL's path, so the image resolves there.
			name:    "a root-relative image under a preview address",
			files:   map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n![-](/favicon.svg)\n"},
			baseURL: "https://example.org/podglad/",
			want:    nil,
		},
		{
			// An absolute address on the site's host but outside its
			// path would leave a preview for the published site.
			name:    "a link to the site's host outside its base path",
			files:   map[string]string{"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n[Strona](https://example.org/inna/)\n"},
			baseURL: "https://example.org/podglad/",
			want:    []string{"content/o-nas.pl.md:5:1: link outside the site's address /podglad/: https://example.org/inna/ [link]"},
		},
		{
			name:  "the build's own problems",
			files: map[string]string{"content/o-nas.pl.md": "---\ntitel: O nas\n---\n"},
			want: []string{
				"content/o-nas.pl.md:2:1: unknown key \"titel\" in the front matter of a page [build]",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := runCheck(t, siteFS(t, tc.files), tc.baseURL, nil)
			got := lines(r)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if got == nil {
				got = []string{}
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
		})
	}
}

// TestTemplateProblemsOnce puts a broken link and an image without alt
// text in the footer: each is reported once, at the output file, with
// the number of other pages that have it.
func TestTemplateProblemsOnce(t *testing.T) {
	fsys := siteFS(t, nil)
	const footer = "templates/partials/footer.html"
	text := string(fsys[footer].Data)
	if !strings.Contains(text, `{{define "footer"}}`) {
		t.Skip("the footer template has changed shape; update this test")
	}
	text = strings.Replace(text, `{{define "footer"}}`, `{{define "footer"}}<a href="/archiwum/">Archiwum</a><img src="/favicon.svg">`, 1)
	fsys[footer] = &fstest.MapFile{Data: []byte(text)}
	got := lines(runCheck(t, fsys, "", nil))
	if len(got) != 2 {
		t.Fatalf("want 2 findings, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i, want := range []string{
		"public/404.html: image without alt text: /favicon.svg (in the HTML the templates write; also on ",
		"public/404.html: link to a page that does not exist: /archiwum/ (in the HTML the templates write; also on ",
	} {
		if !strings.HasPrefix(got[i], want) || !strings.Contains(got[i], " other pages)") {
			t.Errorf("finding %d\n got: %s\nwant: %s… other pages)", i, got[i], want)
		}
	}
}

// TestStaleTranslations compares commit times from a fake history: only a
// translation committed before its source's last change is reported.
func TestStaleTranslations(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	h := fakeHistory{times: map[string]time.Time{
		"content/o-nas.pl.md":        at("2026-03-02 10:00"),
		"content/o-nas.en.md":        at("2026-01-10 09:00"),
		"content/partners/wup.pl.md": at("2026-01-10 09:00"),
		"content/partners/wup.en.md": at("2026-01-10 09:00"), // same commit: up to date
	}}
	r := runCheck(t, siteFS(t, nil), "", h)
	want := []string{"content/o-nas.en.md: warning: the translation is older than its source: content/o-nas.pl.md changed on 2026-03-02 10:00, this file last on 2026-01-10 09:00 [translation-stale]"}
	if got := lines(r); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if r.Stats.History != 4 {
		t.Errorf("history of %d files, want 4", r.Stats.History)
	}
	if len(r.Notes) != 0 {
		t.Errorf("notes: %q", r.Notes)
	}
}

// TestNoHistory: outside a repository the comparison is skipped with a
// note, not a problem.
func TestNoHistory(t *testing.T) {
	r := runCheck(t, siteFS(t, nil), "", fakeHistory{err: &check.NoHistoryError{Reason: "the site's folder is not in a git repository"}})
	if len(r.Findings) != 0 {
		t.Errorf("findings: %q", lines(r))
	}
	want := []string{"translations were not compared with their sources: the site's folder is not in a git repository"}
	if !slices.Equal(r.Notes, want) {
		t.Errorf("notes %q, want %q", r.Notes, want)
	}
}

// TestCoverage counts translated pages per language.
func TestCoverage(t *testing.T) {
	r := runCheck(t, siteFS(t, map[string]string{
		"content/kontakt.pl.md":  "---\ntitle: Kontakt\n---\n",
		"content/szkic.pl.md":    "---\ntitle: Szkic\ndraft: true\n---\n", // drafts are not pages
		"content/tylko-en.en.md": "---\ntitle: Only in English\n---\n",
	}), "", nil)
	want := []check.Coverage{{Lang: "en", Total: 5, Translated: 4, Missing: []string{"content/kontakt.pl.md"}}} // with the base site's 4
	if len(r.Coverage) != 1 || r.Coverage[0].Lang != "en" || r.Coverage[0].Total != want[0].Total ||
		r.Coverage[0].Translated != want[0].Translated || !slices.Equal(r.Coverage[0].Missing, want[0].Missing) {
		t.Errorf("coverage %+v, want %+v", r.Coverage, want)
	}
}

// TestHints checks that messages say how to fix what they report.
func TestHints(t *testing.T) {
	r := runCheck(t, siteFS(t, map[string]string{
		"content/o-nas.pl.md": "---\ntitle: O nas\n---\n\n## Kontakt\n\n[pisz](#kontak) [tutaj](#kontakt)\n\n#### Adres\n",
	}), "", nil)
	hints := map[string]string{}
	for _, f := range r.Findings {
		hints[f.Rule] = f.Hint
	}
	for rule, want := range map[string]string{
		check.RuleAnchor:        "did you mean #kontakt?",
		check.RuleVagueLinkText: "kliknij tutaj",
		check.RuleHeadingOrder:  "use ###",
	} {
		if !strings.Contains(hints[rule], want) {
			t.Errorf("%s hint %q does not contain %q", rule, hints[rule], want)
		}
	}
}

// TestSampleSiteClean: the repository's own site has no problem but one
// it cannot mend itself: the Polish Sign Language recording is still to be
// made by an interpreter (the page holds its transcript).
func TestSampleSiteClean(t *testing.T) {
	r := runCheck(t, os.DirFS("../.."), "", fakeHistory{})
	want := []string{"content/jezyk-migowy.pl.md:1:1: warning: the Polish Sign Language page has no recording yet [accessibility-info]"}
	if got := lines(r); !slices.Equal(got, want) {
		t.Errorf("the sample site has problems:\n%s\nwant only:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Stats.Pages < 30 || r.Stats.Links < 500 {
		t.Errorf("checked too little to be believed: %+v", r.Stats)
	}
	for _, c := range r.Coverage {
		if len(c.Missing) > 0 {
			t.Errorf("%s lacks %v", c.Lang, c.Missing)
		}
	}
}

// smallPNG is a 64×48 PNG, a photo for bundle tests.
func smallPNG(t *testing.T) string {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range m.Pix {
		m.Pix[i] = byte(i * 7)
	}
	for i := 3; i < len(m.Pix); i += 4 {
		m.Pix[i] = 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestBundleFiles: files of a bundle that nothing names are reported, the
// ones its photos, documents and text use are not; a translation without
// its own alt text is warned about.
func TestBundleFiles(t *testing.T) {
	photo := smallPNG(t)
	fm := "title: Spotkanie\ndate: 2015-05-14\nlocation: Zielona Góra\n"
	r := runCheck(t, siteFS(t, map[string]string{
		"content/meetings/2015-05-14-x/index.pl.md": "---\n" + fm + "photos:\n  - {file: sala.png, alt: Sala obrad, caption: Obrady}\n" +
			"documents:\n  - {file: program.pdf, title: Program}\n---\n\nTekst ![Stół](stol.png).\n",
		"content/meetings/2015-05-14-x/index.en.md": "---\n" + fm + "---\n\nText.\n",
		"content/meetings/2015-05-14-x/sala.png":    photo,
		"content/meetings/2015-05-14-x/stol.png":    photo,
		"content/meetings/2015-05-14-x/program.pdf": "%PDF-1.4\n",
		"content/meetings/2015-05-14-x/stare.jpg":   "nothing uses it",
	}), "", nil)
	want := []string{
		"content/meetings/2015-05-14-x/index.en.md: warning: document program.pdf has no title in this language: the pl one is shown [translation-alt]",
		"content/meetings/2015-05-14-x/index.en.md: warning: photo sala.png has no alt text in this language: the pl text is shown [translation-alt]",
		"content/meetings/2015-05-14-x/stare.jpg: warning: a file of the bundle that nothing uses, so the build leaves it out of the site [stray-file]",
	}
	var got []string
	for _, l := range lines(r) {
		if strings.Contains(l, "2015-05-14-x") {
			got = append(got, l)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
