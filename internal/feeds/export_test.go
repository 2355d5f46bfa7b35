package feeds

import (
	"net/url"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// MachineFiles makes the sitemap files and robots.txt of s with sitemaps
// of at most urls addresses and bytes bytes.
func MachineFiles(s *site.Site, urls, bytes int) ([]output.File, diag.List) {
	var problems diag.List
	base, _ := url.Parse(s.Config.BaseURL)
	files := machineFiles(s, newLinker(base), sitemapLimits{urls, bytes}, &problems)
	return files, problems
}

// SitemapLimits are the sitemaps.org limits of one sitemap.
const (
	MaxSitemapURLs  = maxSitemapURLs
	MaxSitemapBytes = maxSitemapBytes
)

// Unexported helpers that the external tests check directly.
var (
	Fold       = fold
	EscapeText = escapeText
	EscapeXML  = escapeXML
)
