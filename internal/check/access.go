package check

import (
	"fmt"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Keys of the pages by which a public body gives the information about
// its activity that the 2019 act on accessibility (art. 6 pt 3) asks for:
// in easy-to-read text (whose page the build also writes as a file of
// machine-readable text) and in Polish Sign Language.
const (
	easyReadKey     = "tekst-latwy-do-czytania"
	signLanguageKey = "jezyk-migowy"
)

// accessInfo warns when the site lacks any of the three: the easy-to-read
// page (and so its text file), the Polish Sign Language page, or its
// recording (params.video).
func (c *checker) accessInfo() {
	def := c.site.Config.Default().Code
	if p := c.site.Translation(easyReadKey, def); p == nil || p.Doc == nil {
		c.add(RuleAccessInfo, &origin{path: "content"}, "", diag.Warning,
			"there is no information about the partnership's activity in easy-to-read text (art. 6 pt 3 of the 2019 act on accessibility)",
			fmt.Sprintf("write content/%s.%s.md: short sentences, everyday words; the build also publishes it as a text file", easyReadKey, def))
	}
	p := c.site.Translation(signLanguageKey, def)
	if p == nil || p.Doc == nil {
		c.add(RuleAccessInfo, &origin{path: "content"}, "", diag.Warning,
			"there is no information about the partnership's activity in Polish Sign Language (art. 6 pt 3 of the 2019 act on accessibility)",
			fmt.Sprintf("write content/%s.%s.md with the recording in params.video and its transcript as the text", signLanguageKey, def))
		return
	}
	if _, ok := p.Doc.Params["video"].(string); !ok {
		c.add(RuleAccessInfo, &origin{path: p.Doc.Path, line: 1, col: 1}, "", diag.Warning,
			"the Polish Sign Language page has no recording yet",
			"put the video in static/video/ and name it in the front matter: params: {video: video/pjm.mp4, captions: video/pjm.vtt}")
	}
}
