package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHugoVersionParses(t *testing.T) {
	tests := []struct {
		out  string
		want version
	}{
		{"hugo v0.111.3 linux/amd64 BuildDate=unknown\n", version{0, 111, 3}},
		{"hugo v0.169.0-a1b2c3+extended linux/amd64 BuildDate=2026-01-01\n", version{0, 169, 0}},
		{"hugo v0.128.0+extended darwin/arm64\n", version{0, 128, 0}},
	}
	for _, tt := range tests {
		bin := filepath.Join(t.TempDir(), "hugo")
		script := "#!/bin/sh\nprintf '%s' '" + tt.out + "'\n"
		if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		got, err := hugoVersion(bin)
		if err != nil {
			t.Fatalf("%q: %v", tt.out, err)
		}
		if got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.out, got, tt.want)
		}
	}
}

func TestHugoFrontMatterRewritesMenuOnly(t *testing.T) {
	tests := []struct{ in, want string }{
		{"---\ntitle: O nas\nmenu: 10\n---\nmenu: 3\n", "---\ntitle: O nas\nmenu:\n  main:\n    weight: 10\n---\nmenu: 3\n"},
		{"---\ntitle: x\n---\n\nbody\n", "---\ntitle: x\n---\n\nbody\n"},
	}
	for _, tt := range tests {
		if got := string(hugoFrontMatter([]byte(tt.in))); got != tt.want {
			t.Errorf("hugoFrontMatter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		in   []float64
		want stat
	}{
		{[]float64{3, 1, 2}, stat{2, 1, 3}},
		{[]float64{4, 1, 3, 2}, stat{2.5, 1, 4}},
		{[]float64{7}, stat{7, 7, 7}},
	}
	for _, tt := range tests {
		if got := summarize(tt.in); got != tt.want {
			t.Errorf("summarize(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		v            version
		major, minor int
		want         bool
	}{
		{version{0, 111, 3}, 0, 128, false},
		{version{0, 128, 0}, 0, 128, true},
		{version{0, 169, 0}, 0, 128, true},
		{version{1, 0, 0}, 0, 128, true},
	}
	for _, tt := range tests {
		if got := tt.v.atLeast(tt.major, tt.minor); got != tt.want {
			t.Errorf("%v.atLeast(%d, %d) = %v, want %v", tt.v, tt.major, tt.minor, got, tt.want)
		}
	}
}
