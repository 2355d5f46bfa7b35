package markdown

import "testing"

// referenceWrite is plainText.write as first written, a byte at a time.
func referenceWrite(t *plainText, p []byte) {
	for len(p) > 0 {
		if asciiSpace[p[0]] {
			t.pending = true
			p = p[1:]
			continue
		}
		end := 1
		for end < len(p) {
			if !asciiSpace[p[end]] {
				end++
			} else if p[end] == ' ' && end+1 < len(p) && !asciiSpace[p[end+1]] {
				end += 2
			} else {
				break
			}
		}
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.Write(p[:end])
		p = p[end:]
	}
}

func FuzzPlainTextWrite(f *testing.F) {
	for _, s := range []string{benchPage, "", " ", "a  b", "a \tb", "ab \x01cd\x00 e\x7f\x80\xff ", "  za żółć  gęślą\u00a0jaźń \n"} {
		f.Add(s, s[len(s)/2:])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var got, want plainText
		got.write([]byte(a))
		got.space()
		got.write([]byte(b))
		referenceWrite(&want, []byte(a))
		want.space()
		referenceWrite(&want, []byte(b))
		if got.String() != want.String() || got.pending != want.pending {
			t.Errorf("%q, %q: got %q, want %q", a, b, got.String(), want.String())
		}
	})
}
