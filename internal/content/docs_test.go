package content

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocumentedKeys fails when docs/content.md and the parser disagree on
// the front matter keys of a kind: the table under each kind's heading
// lists exactly the keys Parse accepts for it.
func TestDocumentedKeys(t *testing.T) {
	data, err := os.ReadFile("../../docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	row := regexp.MustCompile("(?m)^\\| `([a-zA-Z]+)` \\|")
	for _, kind := range []struct {
		heading string
		keys    []string
	}{
		{"### Meeting", meetingKeys},
		{"### Partner", partnerKeys},
		{"### Page", pageKeys},
	} {
		_, section, ok := strings.Cut(doc, "\n"+kind.heading+"\n")
		if !ok {
			t.Errorf("docs/content.md has no heading %q", kind.heading)
			continue
		}
		section, _, _ = strings.Cut(section, "\n#")
		var documented []string
		for _, m := range row.FindAllStringSubmatch(section, -1) {
			documented = append(documented, m[1])
		}
		for _, k := range kind.keys {
			if !slices.Contains(documented, k) {
				t.Errorf("docs/content.md, %s: key %s is accepted but not documented", kind.heading, k)
			}
		}
		for _, k := range documented {
			if !slices.Contains(kind.keys, k) {
				t.Errorf("docs/content.md, %s: key %s is documented but not accepted", kind.heading, k)
			}
		}
	}
}
