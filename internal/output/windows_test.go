package output

import (
	"strings"
	"testing"
)

// TestValidateWindows checks that Validate refuses every kind of path
// Windows cannot hold, in any segment, and paths that differ only in case.
func TestValidateWindows(t *testing.T) {
	cases := []struct {
		paths []string
		want  string
	}{
		{[]string{"con/index.html"}, `"con" is a device name`},
		{[]string{"a/CON.html"}, `"CON" is a device name`},
		{[]string{"a/Aux.txt/x"}, `"Aux" is a device name`},
		{[]string{"nul"}, `"nul" is a device name`},
		{[]string{"x/com1.csv"}, `"com1" is a device name`},
		{[]string{"LPT9/a.html"}, `"LPT9" is a device name`},
		{[]string{"a/b:c.html"}, `it holds ":"`},
		{[]string{"a<b/index.html"}, `it holds "<"`},
		{[]string{"a/b?.html"}, `it holds "?"`},
		{[]string{`a"b.html`}, `it holds "\""`},
		{[]string{"a|b"}, `it holds "|"`},
		{[]string{"a*b"}, `it holds "*"`},
		{[]string{"a\x1bb"}, `it holds "\x1b"`},
		{[]string{"spotkania./index.html"}, "ends in a dot or a space"},
		{[]string{"a/b /index.html"}, "ends in a dot or a space"},
		{[]string{"a/x.html."}, "ends in a dot or a space"},
		{[]string{"Logo.png", "logo.png"}, `"Logo.png" and "logo.png" differ only in case`},
		{[]string{"A/b.html", "a/B.html"}, `"A/b.html" and "a/B.html" differ only in case`},
		{[]string{"ŁÓDŹ.html", "łódź.html"}, `differ only in case`},
		{[]string{"Spotkania", "spotkania/index.html"}, `"Spotkania" is a file, but "spotkania/index.html" needs it to be a folder on a case-insensitive disk`},
	}
	for _, c := range cases {
		var files []File
		for _, p := range c.paths {
			files = append(files, File{Path: p})
		}
		err := Validate(files)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%q) = %v, want %s", c.paths, err, c.want)
		}
	}
	// Folders that differ in case hold different files: a case-insensitive
	// disk merges them, and nothing is lost.
	if err := Validate([]File{{Path: "A/x.html"}, {Path: "a/y.html"}, {Path: "console/com10.html"}}); err != nil {
		t.Errorf("Validate refuses what Windows holds: %v", err)
	}
}
