package content_test

import (
	"testing"

	"github.com/lubuskie-es/sitegen/internal/content"
)

// TestSkipped is the rule by which the build and `sitegen check` walk
// content/.
func TestSkipped(t *testing.T) {
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"content", true, false},
		{"content/meetings", true, false},
		{"content/_drafts", true, true},
		{"content/.git", true, true},
		{"content/meetings/_old", true, true},
		{"content/_index.md", false, false}, // "_" sets aside folders only
		{"content/.x.md.swp", false, true},
		{"content/.DS_Store", false, true},
		{"content/o-nas.md", false, false},
	}
	for _, tt := range tests {
		if got := content.Skipped(tt.path, tt.isDir); got != tt.want {
			t.Errorf("Skipped(%q, %v) = %v, want %v", tt.path, tt.isDir, got, tt.want)
		}
	}
}
