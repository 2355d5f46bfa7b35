package markdown

import "testing"

func TestRefusedScheme(t *testing.T) {
	for _, tc := range []struct {
		dest    string
		resolve bool
		want    string
	}{
		{"https://example.org/a_(b)?x=1&y=2#c", true, ""},
		{"/pl/o-nas/", true, ""},
		{"mailto:a@b.pl", true, ""},
		{"javascript:alert(1)", true, "javascript"},
		{"JavaScript:x", false, "javascript"},
		{" \x01java\tscript:x", true, "javascript"},
		{"VBSCRIPT:x", true, "vbscript"},
		{"data:text/html,x", true, "data"},
		{"data:image/png;base64,x", true, "data"},
		{"javascript", true, ""},
		{"xjavascript:x", true, ""},
		// Only dangerous once goldmark resolves the references.
		{"&#106;avascript:x", true, "javascript"},
		{"javascript&colon;x", true, "javascript"},
		{"&#106;avascript:x", false, ""},
		{`java\script:x`, true, ""},
	} {
		if got := refusedScheme([]byte(tc.dest), tc.resolve); got != tc.want {
			t.Errorf("refusedScheme(%q, %v) = %q, want %q", tc.dest, tc.resolve, got, tc.want)
		}
	}
}
