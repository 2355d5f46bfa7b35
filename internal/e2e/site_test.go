// Package e2e tests what the public sees: the repository's own sample site,
// built with the real templates, served on loopback and read by a real
// headless Chromium (axe-core, keyboard, language switcher, screenshots) and
// by the W3C Nu HTML Checker.
//
// The tools come from outside Go: Debian's chromium, a Java runtime and
// tools/a11y/node_modules (npm ci there). Without them a test skips and says
// why; with CI=true it fails instead, so that CI never passes by skipping.
package e2e_test

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// root is the repository root, where the sample site lives.
const root = "../.."

// sampleNow is the fixed "now" of the sample builds, as in internal/build's
// tests, so that nothing here changes with the calendar.
var sampleNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// toolsDir holds the pinned npm tools (tools/a11y/package-lock.json).
var toolsDir = filepath.Join(root, "tools", "a11y", "node_modules")

// sample is the built sample site, shared by every test of the package.
var sample struct {
	res  *build.Result
	dir  string // the site written to disk, for the validator
	srv  *httptest.Server
	err  error
	html []string // HTML files, relative to dir, sorted
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "sitegen-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sample.err = setUp(tmp)
	code := m.Run()
	if sample.srv != nil {
		sample.srv.Close()
	}
	stopBrowser()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// setUp builds the sample site, writes it under tmp and serves it on
// 127.0.0.1 only.
func setUp(tmp string) error {
	res := build.Run(os.DirFS(root), build.Options{Now: sampleNow})
	if res.Problems.Len() > 0 {
		var b strings.Builder
		res.Problems.Print(&b)
		return fmt.Errorf("the sample site has problems:\n%s", b.String())
	}
	dir := filepath.Join(tmp, "public")
	if err := output.Write(dir, res.Files); err != nil {
		return err
	}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".html") {
			sample.html = append(sample.html, f.Path)
		}
	}
	slices.Sort(sample.html)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := httptest.NewUnstartedServer(http.FileServer(http.Dir(dir)))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	sample.res, sample.dir, sample.srv = res, dir, srv
	return nil
}

// built returns the sample build, failing the test when it did not build.
func built(t *testing.T) *build.Result {
	t.Helper()
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	return sample.res
}

// file returns one built file by its path in public/.
func file(t *testing.T, p string) []byte {
	t.Helper()
	for _, f := range built(t).Files {
		if f.Path == p {
			return f.Data
		}
	}
	t.Fatalf("%s was not built", p)
	return nil
}

// pageURL is the address of a site path on the test server.
func pageURL(path string) string { return sample.srv.URL + path }

// need skips the test when a tool is missing, or fails it under CI, where
// every tool must be installed (.ci/run installs them).
func need(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%s is not available: %v", what, err)
	if inCI() {
		t.Fatalf("%s (CI=true: the end-to-end tests must run; see .ci/run)", msg)
	}
	t.Skipf("%s; skipping (install it as .ci/run does, or run with CI=true to make this a failure)", msg)
}

func inCI() bool {
	v := os.Getenv("CI")
	return v == "true" || v == "1"
}

// chromiumPath finds the browser: $CHROMIUM, else Debian's chromium.
func chromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH (Debian: apt-get install chromium)")
}

// npmTool returns the path of a file installed by npm ci in tools/a11y.
func npmTool(rel string) (string, error) {
	p := filepath.Join(toolsDir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s is missing (run npm ci in tools/a11y)", p)
	}
	return p, nil
}

// pageTypes lists one URL for every kind of page in every language, every
// content page (each has its own text and perhaps tables), and 404.html.
func pageTypes(t *testing.T) []string {
	t.Helper()
	res := built(t)
	seen := map[string]bool{}
	var urls []string
	for _, p := range res.Site.Pages {
		key := string(p.Kind) + "/" + p.Lang.Code
		if p.Kind == site.Alias || (seen[key] && p.Kind != site.Article) {
			continue
		}
		seen[key] = true
		urls = append(urls, p.URL)
	}
	return append(urls, "/404.html")
}

// writeScreenshot saves a PNG where git does not look: testdata/screenshots
// at the repository root.
func writeScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := filepath.Join(root, "testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("%s: the screenshot is not a PNG", name)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
