package feeds_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden keeps the sample site's machine-readable files whole, so that
// any change to them shows in review: the feeds and sitemap after the
// meeting, and before it (an announcement: its one-event calendar files
// and Atom feeds with no entries yet). Run with -update to accept changes.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		now    built
		paths  []string
	}{
		{"", buildSample(t, sampleNow), []string{
			"spotkania/feed.xml", "spotkania/calendar.ics",
			"en/meetings/feed.xml", "en/meetings/calendar.ics",
			"sitemap.xml", "robots.txt",
		}},
		{"announce__", buildSample(t, announceNow), []string{
			"spotkania/2015/spotkanie-sygnatariuszy.ics",
			"en/meetings/2015/signatories-meeting.ics",
			"spotkania/feed.xml", "sitemap.xml",
		}},
	} {
		for _, p := range tc.paths {
			got, ok := tc.now.files[p]
			if !ok {
				t.Errorf("%s%s was not written", tc.prefix, p)
				continue
			}
			golden := filepath.Join("testdata", "golden", tc.prefix+strings.ReplaceAll(p, "/", "__"))
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/feeds -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update and review the diff)", p, golden)
			}
		}
	}
}
