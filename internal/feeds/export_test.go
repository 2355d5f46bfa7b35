package feeds

import "net/url"

// Unexported helpers that the external tests check directly.
var (
	Fold       = fold
	EscapeText = escapeText
	EscapeXML  = escapeXML
)

// Abs is linker.abs for the base URL base.
func Abs(base *url.URL, path string) string { return newLinker(base).abs(path) }

// AbsSlow is what url.URL gives, which abs must equal.
func AbsSlow(base *url.URL, path string) string { return linker{base: base}.abs(path) }
