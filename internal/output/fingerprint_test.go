package output

import (
	"regexp"
	"testing"
)

func TestFingerprintNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"css/site.css", `^css/site\.[0-9a-f]{10}\.css$`},
		{"site.css", `^site\.[0-9a-f]{10}\.css$`},
		{"js/vendor.min.js", `^js/vendor\.min\.[0-9a-f]{10}\.js$`},
		{"fonts/LICENSE", `^fonts/LICENSE\.[0-9a-f]{10}$`},
		{"a.b/c", `^a\.b/c\.[0-9a-f]{10}$`},
		{".htaccess", `^\.htaccess\.[0-9a-f]{10}$`},
	}
	for _, tt := range tests {
		got, _ := Fingerprint(tt.in, []byte("x"))
		if !regexp.MustCompile(tt.want).MatchString(got) {
			t.Errorf("Fingerprint(%q) = %q, want match for %s", tt.in, got, tt.want)
		}
	}
}

func TestFingerprintIntegrity(t *testing.T) {
	// The example of the Subresource Integrity specification.
	_, sri := Fingerprint("a.js", []byte("alert('Hello, world.');"))
	if want := "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"; sri != want {
		t.Errorf("integrity = %q, want %q", sri, want)
	}
}

func TestFingerprintIsStableAndContentDependent(t *testing.T) {
	a1, i1 := Fingerprint("css/site.css", []byte("a{color:red}"))
	a2, i2 := Fingerprint("css/site.css", []byte("a{color:red}"))
	b, ib := Fingerprint("css/site.css", []byte("a{color:blue}"))
	if a1 != a2 || i1 != i2 {
		t.Errorf("same content, different results: %q %q / %q %q", a1, i1, a2, i2)
	}
	if a1 == b || i1 == ib {
		t.Errorf("different content, same result: %q %q", a1, i1)
	}
	// Pinned, so that an accidental change of scheme shows up: it would
	// rename every asset of every deployed site.
	if want := "css/site.59a1843fd4.css"; a1 != want {
		t.Errorf("got %q, want %q", a1, want)
	}
}
