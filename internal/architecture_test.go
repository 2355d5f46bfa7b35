package internal_test

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/lubuskie-es/sitegen/internal/"

// allowed lists, for each package, the project packages it may import.
// Data flows one way (load → resolve → render → write): a package never
// imports one later in the pipeline, and only build knows them all.
var allowed = map[string][]string{
	"diag":     {},
	"work":     {}, // the bounded worker pool of build and output
	"slug":     {},
	"htmlx":    {}, // reading parsed pages: check and the tests
	"yamlx":    {"diag"},
	"i18n":     {"diag"},
	"config":   {"diag", "yamlx"},
	"content":  {"diag", "yamlx", "slug"},
	"markdown": {"diag", "slug"},
	"site":     {"diag", "config", "content", "slug", "i18n"},
	"render":   {"diag", "config", "site", "i18n", "feeds", "jsonld", "opendata"},
	"output":   {"work", "slug"},                   // slug: the names Windows cannot hold
	"feeds":    {"diag", "site", "i18n", "output"}, // render asks it where the feeds are
	"jsonld":   {"site"},                           // render asks it what JSON-LD to write
	"search":   {"diag", "site", "i18n", "output"}, // the search page's index, like feeds
	"opendata": {"diag", "site", "i18n", "output"}, // the registers as CSV, JSON and DCAT-AP
	"build":    {"diag", "config", "content", "site", "markdown", "render", "output", "i18n", "feeds", "search", "opendata", "work", "images", "slug"},
	"corpus":   {"slug"},                                                           // test support: the benchmark corpus and CPU clock
	"e2e":      {"build", "output", "site", "corpus", "server", "watch", "search"}, // test support, test files only: browser and validator checks
	// check reads a finished build: output files + site → problems; it
	// converts Markdown again only to point at the lines that wrote them.
	"check":  {"diag", "config", "content", "site", "markdown", "render", "output", "htmlx"},
	"newdoc": {"config", "content", "site", "slug"}, // `sitegen new`: a file and its URL by site's rules
	// serve: the watcher knows only paths, the server only files and
	// problems; cmd/sitegen wires build between them.
	"watch":  {},
	"server": {"diag", "output"},
	// editor: the writers' forms in serve; given a Preview function, it
	// never imports build (cmd/sitegen wires it, as Rebuild).
	"editor": {"diag", "config", "content", "newdoc", "slug"},
	// images: pixels only; build will call it, it imports no project package.
	"images": {},
}

// TestImportGraph fails on an import the layering forbids.
func TestImportGraph(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var pkg struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&pkg); err != nil {
			t.Fatal(err)
		}
		name, ok := strings.CutPrefix(pkg.ImportPath, module)
		if !ok {
			continue
		}
		may, known := allowed[name]
		if !known {
			t.Errorf("package internal/%s is not in the layering table of %s", name, "architecture_test.go")
			continue
		}
		for _, imp := range pkg.Imports {
			dep, ok := strings.CutPrefix(imp, module)
			if ok && !slices.Contains(may, dep) {
				t.Errorf("internal/%s imports internal/%s, which the layering forbids", name, dep)
			}
		}
	}
}

// testSupport are the packages that exist for tests and benchmarks only.
func testSupport() []string { return []string{"corpus", "e2e"} }

// unwired are product packages written ahead of the change that links
// them: each leaves this list in the commit that makes build call it.
func unwired() []string { return nil }

// TestProductLinksNoTestSupport fails when a package that cmd/sitegen
// links (the product) imports test support, or the standard library's
// testing packages (testing/fstest and the like), and when an internal
// package is neither in the product nor named as test support.
func TestProductLinksNoTestSupport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../cmd/sitegen").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	product := map[string]bool{}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "testing" || strings.HasPrefix(pkg, "testing/") {
			if who := importersOf(t, pkg); len(who) > 0 {
				t.Errorf("sitegen links %s, imported by %v: test code belongs in _test.go files or a test-support package", pkg, who)
			}
		}
		name, ok := strings.CutPrefix(pkg, module)
		if !ok {
			continue
		}
		product[name] = true
		if slices.Contains(testSupport(), name) {
			t.Errorf("sitegen links internal/%s, which is test support", name)
		}
	}
	for name := range allowed {
		if product[name] && slices.Contains(unwired(), name) {
			t.Errorf("sitegen links internal/%s: take it out of unwired (%s)", name, "architecture_test.go")
		}
		if !product[name] && !slices.Contains(testSupport(), name) && !slices.Contains(unwired(), name) {
			t.Errorf("internal/%s is neither linked by sitegen nor in testSupport (%s)", name, "architecture_test.go")
		}
	}
}

// upstreamTesting are third-party packages that import testing in a
// non-test file, which sitegen cannot change: go-exif's
// testing_common.go (helpers for its own tests) is in the package the
// EXIF orientation is read with (internal/images).
func upstreamTesting() []string { return []string{"github.com/dsoprea/go-exif/v3"} }

// importersOf lists the packages linked by cmd/sitegen that import pkg,
// leaving out upstreamTesting.
func importersOf(t *testing.T, pkg string) []string {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../cmd/sitegen").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var who []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 1 && slices.Contains(fields[1:], pkg) && !slices.Contains(upstreamTesting(), fields[0]) {
			who = append(who, fields[0])
		}
	}
	return who
}
