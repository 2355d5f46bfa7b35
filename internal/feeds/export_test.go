package feeds

// Unexported helpers that the external tests check directly.
var (
	Fold       = fold
	EscapeText = escapeText
	EscapeXML  = escapeXML
)
