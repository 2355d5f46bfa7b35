package build_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"golang.org/x/net/html"
)

// photoSite is the repository's templates and static files with a
// meeting bundle: a 1600×1200 JPEG stored sideways (EXIF Orientation 6)
// with a camera's make and XMP holding GPS, a 600×400 PNG smaller than
// every width, and a PDF.
func photoSite(t *testing.T, extra map[string][]byte) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	fsys := fstest.MapFS{}
	for _, top := range []string{"site.yaml", "templates", "static"} {
		err := fs.WalkDir(root, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	const dir = "content/meetings/2015-05-14-zdjecia/"
	fm := "title: Spotkanie\ndate: 2015-05-14\nlocation: Zielona Góra\n"
	files := map[string][]byte{
		"content/o-nas.pl.md": []byte("---\ntitle: O nas\n---\n\nTekst.\n"),
		dir + "index.pl.md": []byte("---\n" + fm + "photos:\n  - {file: sala.jpg, alt: Sala obrad, caption: Obrady, credit: Anna Nowak, focus: {x: 0.5, y: 0.2}}\n" +
			"  - {file: mala.png, alt: Mały rysunek}\ndocuments:\n  - {file: Program Spotkania.pdf, title: Program}\n---\n\nTekst ![Znowu sala](sala.jpg).\n"),
		dir + "index.en.md":           []byte("---\n" + fm + "photos:\n  - {file: sala.jpg, alt: The hall}\n---\n\nText.\n"),
		dir + "sala.jpg":              sidewaysJPEG(t, 1600, 1200),
		dir + "mala.png":              smallPNG(t, 600, 400),
		dir + "Program Spotkania.pdf": append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 1_234_567)...),
	}
	for p, data := range extra {
		files[p] = data
	}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// sidewaysJPEG is a w×h JPEG whose EXIF says to turn it 90° clockwise
// (Orientation 6), with a camera's make in EXIF and GPS in XMP.
func sidewaysJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	// TIFF, little-endian: IFD0 with Make (ASCII, at offset 38) and
	// Orientation (SHORT 6).
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	le := binary.LittleEndian
	tiff = le.AppendUint16(tiff, 2)
	tiff = le.AppendUint16(tiff, 0x010F)
	tiff = le.AppendUint16(tiff, 2)
	tiff = le.AppendUint32(tiff, 8)
	tiff = le.AppendUint32(tiff, 38)
	tiff = le.AppendUint16(tiff, 0x0112)
	tiff = le.AppendUint16(tiff, 3)
	tiff = le.AppendUint32(tiff, 1)
	tiff = le.AppendUint32(tiff, 6)
	tiff = le.AppendUint32(tiff, 0)
	tiff = append(tiff, "TestCam\x00"...)
	segment := func(payload []byte) []byte {
		s := []byte{0xFF, 0xE1}
		s = binary.BigEndian.AppendUint16(s, uint16(len(payload)+2))
		return append(s, payload...)
	}
	exif := segment(append([]byte("Exif\x00\x00"), tiff...))
	xmp := segment([]byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>52,30.0N</exif:GPSLatitude></x:xmpmeta>"))
	src := b.Bytes()
	return slices.Concat(src[:2], exif, xmp, src[2:])
}

func smallPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = byte(i / 4 % 251)
	}
	for i := 3; i < len(m.Pix); i += 4 {
		m.Pix[i] = 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// metadata names the metadata an image file still carries: EXIF, XMP,
// IPTC or an ICC profile in a JPEG's APPn segments, or EXIF, XMP or ICC
// chunks of a WebP or PNG.
func metadata(data []byte) []string {
	var found []string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
			marker := data[i+1]
			if marker == 0xDA { // start of scan: no more segments
				break
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			if marker >= 0xE1 && marker <= 0xEF {
				found = append(found, "APP"+string(rune('0'+marker-0xE0)))
			}
			i += 2 + n
		}
	case bytes.HasPrefix(data, []byte("RIFF")):
		for i := 12; i+8 <= len(data); {
			typ := string(data[i : i+4])
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			if typ == "EXIF" || typ == "XMP " || typ == "ICCP" {
				found = append(found, typ)
			}
			i += 8 + n + n%2
		}
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		for i := 8; i+8 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			typ := string(data[i+4 : i+8])
			if typ == "eXIf" || typ == "iTXt" || typ == "tEXt" || typ == "zTXt" || typ == "iCCP" {
				found = append(found, typ)
			}
			i += 12 + n
		}
	}
	for _, s := range []string{"TestCam", "GPSLatitude"} {
		if bytes.Contains(data, []byte(s)) {
			found = append(found, s)
		}
	}
	return found
}

func buildPhotos(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	res := build.Run(fsys, build.Options{Now: sampleNow})
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the site does not build:\n%s", b.String())
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	return files
}

// TestPhotos: variants in srcset with their widths, never upscaled, the
// orientation applied (width and height), no metadata in any output
// image, og:* complete, documents listed with type and size, and the
// same bytes from a second build.
func TestPhotos(t *testing.T) {
	fsys := photoSite(t, nil)
	files := buildPhotos(t, fsys)
	const page = "spotkania/2015/zdjecia/index.html"
	doc, err := html.Parse(bytes.NewReader(files[page]))
	if err != nil {
		t.Fatal(err)
	}
	var imgs, sources []*html.Node
	metas := map[string]string{}
	htmlx.Walk(doc, func(n *html.Node) {
		switch {
		case isElement(n, "img"):
			imgs = append(imgs, n)
		case isElement(n, "source"):
			sources = append(sources, n)
		case isElement(n, "meta"):
			metas[htmlx.Attr(n, "property")+htmlx.Attr(n, "name")] = htmlx.Attr(n, "content")
		}
	})
	widths := regexp.MustCompile(` (\d+)w(,|$)`)
	srcsetWidths := func(s string) (out []string) {
		for _, m := range widths.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	type want struct {
		alt, width, height, loading string
		widths                      []string
	}
	wants := []want{
		// Turned upright: 1200 wide, 1600 tall; 1600 wide would be upscaling.
		{"Sala obrad", "1200", "1600", "", []string{"480", "800", "1200"}},
		// 480 is made; 600, its own width, stands for every larger one.
		{"Mały rysunek", "600", "400", "lazy", []string{"480", "600"}},
		{"Znowu sala", "1200", "1600", "lazy", []string{"480", "800", "1200"}},
	}
	if len(imgs) < len(wants) {
		t.Fatalf("%d images on the page, want at least %d", len(imgs), len(wants))
	}
	var gallery []*html.Node
	for _, n := range imgs {
		if htmlx.Attr(n, "srcset") != "" {
			gallery = append(gallery, n)
		}
	}
	for i, w := range wants {
		n := gallery[i]
		got := want{htmlx.Attr(n, "alt"), htmlx.Attr(n, "width"), htmlx.Attr(n, "height"), htmlx.Attr(n, "loading"), srcsetWidths(htmlx.Attr(n, "srcset"))}
		if got.alt != w.alt || got.width != w.width || got.height != w.height || got.loading != w.loading || !slices.Equal(got.widths, w.widths) {
			t.Errorf("image %d: %+v, want %+v", i, got, w)
		}
		if htmlx.Attr(n, "sizes") == "" || htmlx.Attr(n, "decoding") != "async" {
			t.Errorf("image %d lacks sizes or decoding=async", i)
		}
		src := strings.TrimPrefix(htmlx.Attr(n, "src"), "/")
		if _, ok := files[src]; !ok {
			t.Errorf("image %d: src %s is not in the output", i, src)
		}
	}
	if len(sources) != 2 || htmlx.Attr(sources[0], "type") != "image/webp" || !slices.Equal(srcsetWidths(htmlx.Attr(sources[0], "srcset")), wants[0].widths) {
		t.Errorf("sources: %d, the first %q %q", len(sources), htmlx.Attr(sources[0], "type"), htmlx.Attr(sources[0], "srcset"))
	}
	for _, k := range []string{"og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:card", "twitter:image"} {
		if metas[k] == "" {
			t.Errorf("no %s", k)
		}
	}
	if metas["og:image:width"] != "1200" || metas["og:image:height"] != "630" || metas["og:image:alt"] != "Sala obrad" ||
		metas["twitter:card"] != "summary_large_image" || !strings.HasSuffix(metas["og:image"], ".jpg") {
		t.Errorf("og:image %q %s×%s alt %q, twitter:card %q", metas["og:image"], metas["og:image:width"], metas["og:image:height"], metas["og:image:alt"], metas["twitter:card"])
	}
	social := strings.TrimPrefix(metas["og:image"], "https://partnerstwo-es.example.org/")
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(files[social])); err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("social preview %s: %v, %dx%d", social, err, cfg.Width, cfg.Height)
	}
	body := string(files[page])
	for _, s := range []string{`fot. Anna Nowak`, `href="/spotkania/2015/zdjecia/program-spotkania.pdf"`, `(PDF, 1,2 MB)`} {
		if !strings.Contains(body, s) {
			t.Errorf("the page lacks %s", s)
		}
	}
	if _, ok := files["spotkania/2015/zdjecia/program-spotkania.pdf"]; !ok {
		t.Errorf("the document is not published under the page's address")
	}
	en := string(files["en/meetings/2015/zdjecia/index.html"])
	for _, s := range []string{`alt="Mały rysunek" lang="pl"`, `(PDF, 1.2 MB, <span lang="pl">Polski</span>)`, `hreflang="pl"`} {
		if !strings.Contains(en, s) {
			t.Errorf("the English page lacks %s", s)
		}
	}
	if other := string(files["o-nas/index.html"]); !strings.Contains(other, "/images/social.png") {
		t.Errorf("a page without photos has not the default social image")
	}
	images := 0
	for p, data := range files {
		if strings.HasSuffix(p, ".jpg") || strings.HasSuffix(p, ".webp") || strings.HasSuffix(p, ".png") {
			images++
			if m := metadata(data); len(m) > 0 {
				t.Errorf("%s carries metadata: %v", p, m)
			}
		}
	}
	if images < 11 { // 3 widths × 2 formats, 2 × 2, the preview, the default image
		t.Errorf("%d output images", images)
	}
	again := buildPhotos(t, fsys)
	for p, data := range files {
		if !bytes.Equal(data, again[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestPhotoProblems: a photo that is not an image, or is truncated, is an
// error at its front matter entry.
func TestPhotoProblems(t *testing.T) {
	const dir = "content/meetings/2015-05-14-zdjecia/"
	fsys := photoSite(t, map[string][]byte{
		dir + "sala.jpg": sidewaysJPEG(t, 400, 300)[:900],
		dir + "mala.png": []byte("not an image"),
	})
	res := build.Run(fsys, build.Options{Now: sampleNow})
	var got []string
	for _, p := range res.Problems.Items() {
		got = append(got, p.Path+":"+strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Col))
	}
	for _, w := range []string{dir + "index.pl.md:6:5", dir + "index.pl.md:7:5", dir + "index.en.md:6:5"} {
		if !slices.Contains(got, w) {
			t.Errorf("no problem at %s; got %q", w, problemLines(res))
		}
	}
	// mala.png is the default language's entry: reported there only.
	if slices.Contains(got, dir+"index.en.md:7:5") {
		t.Errorf("a photo the translation does not list is reported in it: %q", problemLines(res))
	}
}

func isElement(n *html.Node, tag string) bool { return n.Type == html.ElementNode && n.Data == tag }
