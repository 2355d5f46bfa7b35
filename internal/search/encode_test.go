package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// decodePostings is the script's decode, in Go, for tests.
func decodePostings(s string) []posting {
	var out []posting
	doc, n := -1, 0
	for i := range len(s) {
		v := strings.IndexByte(digits, s[i])
		n = n*32 + v&31
		if v < 32 {
			doc += n>>2 + 1
			out = append(out, posting{doc, n & 3})
			n = 0
		}
	}
	return out
}

func TestEncodePostings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var ps []posting
		doc := -1
		for range r.IntN(50) + 1 {
			doc += 1 + r.IntN([]int{2, 40, 5000, 1 << 20}[r.IntN(4)])
			ps = append(ps, posting{doc, r.IntN(4)})
		}
		enc := encodePostings(ps)
		if got := decodePostings(enc); !slices.Equal(got, ps) {
			t.Fatalf("%v encodes as %q, which decodes as %v", ps, enc, got)
		}
	}
	// Dense postings take one character each.
	if got := encodePostings([]posting{{0, 3}, {1, 0}, {2, 1}, {9, 0}}); got != "301o" {
		t.Errorf("got %q", got)
	}
}

// TestSplit: every term lands in exactly one shard, the one with the
// longest key it starts with; shards stay under ShardBytes unless they
// hold a single key's terms that cannot be split further.
func TestSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	letters := []rune("abcdeśżź")
	encoded := map[string]string{}
	for range 20000 {
		var b strings.Builder
		for range 2 + r.IntN(8) {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		encoded[b.String()] = strings.Repeat("x", 1+r.IntN(30))
	}
	encoded["a"] = "1"
	terms := make([]string, 0, len(encoded))
	for k := range encoded {
		terms = append(terms, k)
	}
	slices.Sort(terms)
	shards := split(terms, encoded, "")
	if len(shards) < 10 {
		t.Fatalf("%d shards", len(shards))
	}
	keys := map[string]bool{}
	seen := 0
	for _, sh := range shards {
		if keys[sh.key] {
			t.Errorf("two shards %q", sh.key)
		}
		keys[sh.key] = true
		size := 0
		for _, term := range sh.terms {
			size += len(term) + len(encoded[term]) + 6
		}
		if size > ShardBytes {
			t.Errorf("shard %q: %d bytes", sh.key, size)
		}
		seen += len(sh.terms)
	}
	if seen != len(terms) {
		t.Errorf("%d terms in shards, want %d", seen, len(terms))
	}
	for _, sh := range shards {
		for _, term := range sh.terms {
			best := ""
			for k := range keys {
				if strings.HasPrefix(term, k) && len(k) >= len(best) {
					best = k
				}
			}
			if best != sh.key {
				t.Fatalf("%q is in shard %q, want %q", term, sh.key, best)
			}
		}
	}
	t.Logf("%d terms in %d shards", len(terms), len(shards))
}
