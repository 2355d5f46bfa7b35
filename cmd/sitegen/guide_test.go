package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The writers' guide, docs/poradnik.md, marks its examples with the info
// string of their fenced block:
//
//	```markdown przyklad=content/meetings/….pl.md   a file that builds and checks clean
//	```markdown blad=content/strona.pl.md           a file with a mistake, followed by
//	```text komunikat                               the lines sitegen prints for it
//
// TestGuideExamples puts them into a copy of the sample site and runs the
// real `sitegen check` on it, so that the guide can neither show an
// example that fails nor quote a message that sitegen does not print.
const guidePath = "../../docs/poradnik.md"

type guideBlock struct {
	kind string // "przyklad", "blad" or "komunikat"
	path string // for przyklad and blad
	line int    // where the block starts in the guide
	text string
}

// guideBlocks returns the marked fenced blocks of the guide in order.
func guideBlocks(t *testing.T) []guideBlock {
	t.Helper()
	data, err := os.ReadFile(guidePath)
	if err != nil {
		t.Fatal(err)
	}
	open := regexp.MustCompile("^```(markdown (przyklad|blad)=(\\S+)|text (komunikat))\\s*$")
	var blocks []guideBlock
	var cur *guideBlock
	var body []string
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case cur != nil && line == "```":
			cur.text = strings.Join(body, "\n") + "\n"
			blocks = append(blocks, *cur)
			cur, body = nil, nil
		case cur != nil:
			body = append(body, line)
		case strings.HasPrefix(line, "```markdown") || strings.HasPrefix(line, "```text komunikat"):
			m := open.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s:%d: a markdown block needs przyklad=PATH or blad=PATH: %s", guidePath, i+1, line)
			}
			cur = &guideBlock{kind: m[2] + m[4], path: m[3], line: i + 1}
		}
	}
	if cur != nil {
		t.Fatalf("%s:%d: block not closed", guidePath, cur.line)
	}
	return blocks
}

// copySample copies the repository's site into a new folder.
func copySample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join("../..", p))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "site.yaml"), string(data))
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// imageRef finds images the examples put in static/: /images/… in
// Markdown and images/… as a partner's logo. The guide tells writers to
// put the files there; the test does it for them.
var imageRef = regexp.MustCompile(`\(/(images/[^)\s]+)\)|logo: (images/\S+)`)

// guideSite is the sample site with every good example of the guide.
func guideSite(t *testing.T, blocks []guideBlock) string {
	t.Helper()
	dir := copySample(t)
	for _, b := range blocks {
		if b.kind != "przyklad" {
			continue
		}
		for _, m := range imageRef.FindAllStringSubmatch(b.text, -1) {
			p := filepath.Join(dir, "static", filepath.FromSlash(m[1]+m[2]))
			data := "placeholder"
			if strings.HasSuffix(p, ".svg") {
				data = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`
			}
			writeFile(t, p, data)
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(b.path)), b.text)
	}
	return dir
}

func guideNow() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

func TestGuideExamples(t *testing.T) {
	blocks := guideBlocks(t)
	var good, bad int
	for _, b := range blocks {
		switch b.kind {
		case "przyklad":
			good++
		case "blad":
			bad++
		}
	}
	if good < 4 || bad < 10 {
		t.Fatalf("found %d examples and %d error examples in the guide; the markers must have changed", good, bad)
	}
	site := guideSite(t, blocks)

	t.Run("examples build and check clean", func(t *testing.T) {
		var out, errOut bytes.Buffer
		code := run([]string{"check", "--source", site, "--format", "json"}, &out, &errOut, guideNow)
		var rep jsonReport
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("exit %d, %v\n%s%s", code, err, out.String(), errOut.String())
		}
		for _, p := range rep.Problems {
			// A Polish example without an English translation is fine, and
			// so are the pages the law asks of a whole site, which a
			// guide's examples are not.
			if p.Rule != "translation-missing" && p.Rule != "accessibility-info" {
				t.Errorf("%s:%d:%d: %s: %s (%s)", p.Path, p.Line, p.Col, p.Severity, p.Message, p.Rule)
			}
		}
		if code != exitOK {
			t.Errorf("sitegen check exited %d", code)
		}
		var buildOut bytes.Buffer
		dest := filepath.Join(t.TempDir(), "public")
		if code := run([]string{"build", "--source", site, "--dest", dest}, &buildOut, &buildOut, guideNow); code != exitOK {
			t.Errorf("sitegen build exited %d:\n%s", code, buildOut.String())
		}
	})

	for i, b := range blocks {
		if b.kind != "blad" {
			continue
		}
		t.Run(b.path+" at guide line "+strconv.Itoa(b.line), func(t *testing.T) {
			if i+1 >= len(blocks) || blocks[i+1].kind != "komunikat" {
				t.Fatalf("%s:%d: an error example must be followed by a ```text komunikat block", guidePath, b.line)
			}
			dir := guideSite(t, blocks)
			writeFile(t, filepath.Join(dir, filepath.FromSlash(b.path)), b.text)
			var out, errOut bytes.Buffer
			run([]string{"check", "--source", dir}, &out, &errOut, guideNow)
			lines := strings.Split(out.String(), "\n")
			for _, want := range strings.Split(strings.TrimSpace(blocks[i+1].text), "\n") {
				if !slices.Contains(lines, want) {
					t.Errorf("%s:%d: sitegen check does not print the line the guide quotes:\n  %s\nit printed:\n%s",
						guidePath, blocks[i+1].line, want, out.String())
				}
			}
		})
	}
}

// TestReadmeLinksGuide: writers find the guide from the README.
func TestReadmeLinksGuide(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "(docs/poradnik.md)") {
		t.Error("README.md does not link docs/poradnik.md")
	}
}
