package images

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/webp"
)

// decodeOutput decodes a variant with the standard decoders (and
// x/image/webp, not the encoder's own), checking its size and that it
// carries no metadata.
func decodeOutput(t *testing.T, v Variant) image.Image {
	t.Helper()
	var m image.Image
	var err error
	r := bytes.NewReader(v.Data)
	switch v.Format {
	case WebP:
		m, err = webp.Decode(r)
	case JPEG:
		m, err = jpeg.Decode(r)
	case PNG:
		m, err = png.Decode(r)
	default:
		t.Fatalf("variant in format %q", v.Format)
	}
	if err != nil {
		t.Fatalf("%s %dw: %v", v.Format, v.Width, err)
	}
	if b := m.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
		t.Fatalf("%s says %d×%d, holds %d×%d", v.Format, v.Width, v.Height, b.Dx(), b.Dy())
	}
	if probs := metadataProblems(v); len(probs) > 0 {
		t.Errorf("%s %dw carries %v", v.Format, v.Width, probs)
	}
	return m
}

// near reports whether c is within tol of want in each channel.
func near(c color.Color, want color.RGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return abs(int(x>>8)-int(y)) <= tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func abs(x int) int { return max(x, -x) }

// at samples a point a quarter in from the corner named, away from the
// edges between quadrants.
func at(m image.Image, corner string) color.Color {
	b := m.Bounds()
	x, y := b.Dx()/4, b.Dy()/4
	if strings.Contains(corner, "right") {
		x = b.Dx() - 1 - b.Dx()/4
	}
	if strings.Contains(corner, "bottom") {
		y = b.Dy() - 1 - b.Dy()/4
	}
	return m.At(b.Min.X+x, b.Min.Y+y)
}

// metadataProblems lists whatever in an output file is not image data:
// JPEG APPn and COM segments, WebP chunks other than the image's, PNG
// chunks other than the critical ones and transparency, and any of the
// strings a camera leaves.
func metadataProblems(v Variant) []string {
	var found []string
	d := v.Data
	switch v.Format {
	case JPEG:
		// Entropy-coded data never holds 0xFF but before 0x00 or a
		// restart marker, so any FF En (APPn) or FF FE (COM) anywhere is
		// a segment, wherever the walk of the structure would stop.
		for i := 0; i+1 < len(d); i++ {
			if d[i] == 0xff && (d[i+1]&0xf0 == 0xe0 || d[i+1] == 0xfe) {
				found = append(found, fmt.Sprintf("JPEG segment FF%02X at %d", d[i+1], i))
			}
		}
	case WebP:
		for i := 12; i+8 <= len(d); {
			typ, n := string(d[i:i+4]), int(binary.LittleEndian.Uint32(d[i+4:]))
			switch typ {
			case "VP8 ", "VP8L", "ALPH":
			case "VP8X":
				// Flags: ICC 0x20, EXIF 0x08, XMP 0x04.
				if d[i+8]&0x2c != 0 {
					found = append(found, fmt.Sprintf("VP8X flags %#x", d[i+8]))
				}
			default:
				found = append(found, "WebP chunk "+typ)
			}
			i += 8 + n + n&1
		}
	case PNG:
		for i := 8; i+8 <= len(d); {
			n := int(binary.BigEndian.Uint32(d[i:]))
			typ := string(d[i+4 : i+8])
			if !slices.Contains([]string{"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, typ) {
				found = append(found, "PNG chunk "+typ)
			}
			i += 12 + n
		}
	}
	// (No short strings such as "GPS": compressed data holds any three
	// bytes now and then; GPS data can only come in an EXIF block.)
	for _, s := range []string{"Exif\x00", "http://ns.adobe.com/xap", "Photoshop 3.0", "ICC_PROFILE", testMake, testModel, testArtist} {
		if bytes.Contains(d, []byte(s)) {
			found = append(found, fmt.Sprintf("the string %q", s))
		}
	}
	return found
}

func TestProbe(t *testing.T) {
	small := encodeJPEG(t, quadrants(64, 48))
	for _, tc := range []struct {
		name        string
		src         []byte
		want        Info
		kind        Kind
		profileNote bool
	}{
		{"jpeg", small, Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1}, 0, false},
		{"exif no orientation", withExif(small, exifTIFF(0)), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1}, 0, false},
		{"orientation 3 keeps the size", withExif(small, exifTIFF(3)), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 3}, 0, false},
		{"orientation 6 turns it", withExif(small, exifTIFF(6)), Info{Format: JPEG, Width: 48, Height: 64, Orientation: 6}, 0, false},
		{"orientation 9 is no orientation", withExif(small, exifTIFF(9)), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1}, 0, false},
		// go-exif would allocate count × 2 bytes for this value: 4 GB.
		{"forged orientation count", withExif(small, append([]byte("II*\x00\x08\x00\x00\x00"),
			ifd(8, []tiffEntry{{tagOrientation, tiffShort, 0x7fffffff, le32(26)}}, 0)...)), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1}, 0, false},
		{"broken exif is ignored", withExif(small, []byte("II*\x00\xff\xff\xff\x7f")), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1}, 0, false},
		{"adobe rgb noted", withICC(small, iccProfile("Adobe RGB (1998)")), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1, Profile: "Adobe RGB (1998)"}, 0, true},
		{"srgb profile", withICC(small, iccProfile("sRGB IEC61966-2.1")), Info{Format: JPEG, Width: 64, Height: 48, Orientation: 1, Profile: "sRGB IEC61966-2.1"}, 0, false},
		{"png", encodePNG(t, quadrants(30, 20)), Info{Format: PNG, Width: 30, Height: 20, Orientation: 1}, 0, false},
		{"png exif", withPNGChunk(encodePNG(t, quadrants(30, 20)), "eXIf", exifTIFF(8)), Info{Format: PNG, Width: 20, Height: 30, Orientation: 8}, 0, false},
		{"png display p3", withPNGChunk(encodePNG(t, quadrants(30, 20)), "iCCP", iccpChunk(t, "Display P3")), Info{Format: PNG, Width: 30, Height: 20, Orientation: 1, Profile: "Display P3"}, 0, true},
		{"gif", gifBytes(t), Info{Format: GIF, Width: 16, Height: 8, Orientation: 1}, 0, false},
		{"webp", webpBytes(t), Info{Format: WebP, Width: 40, Height: 30, Orientation: 1}, 0, false},
		{"png bomb", bombPNG(60000, 60000), Info{}, TooLarge, false},
		{"truncated header", small[:20], Info{}, Corrupt, false},
		{"jpeg without frame", []byte("\xff\xd8\xff\xd9"), Info{}, Corrupt, false},
		{"empty", nil, Info{}, NotImage, false},
		{"text", []byte("hello, world"), Info{}, NotImage, false},
		{"pdf", []byte("%PDF-1.7\n"), Info{}, NotImage, false},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), Info{}, NotImage, false},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), Info{}, Unsupported, false},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), Info{}, Unsupported, false},
		{"cmyk without adobe marker", cmykWithoutAdobe(t), Info{}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Probe(tc.src)
			if tc.kind != 0 {
				var e *Error
				if !errors.As(err, &e) || e.Kind != tc.kind || !errors.Is(err, tc.kind) {
					t.Fatalf("Probe: %v (%#v), want a %v", err, err, tc.kind)
				}
				return
			}
			if tc.name == "cmyk without adobe marker" {
				// The header is fine; image/jpeg refuses its pixels.
				if err != nil || info.Format != JPEG {
					t.Fatalf("Probe: %+v, %v", info, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Probe: %v", err)
			}
			if info != tc.want {
				t.Errorf("Probe = %+v, want %+v", info, tc.want)
			}
			if info.NotSRGB() != tc.profileNote {
				t.Errorf("NotSRGB = %v", info.NotSRGB())
			}
		})
	}
}

func gifBytes(t testing.TB) []byte {
	pal := image.NewPaletted(image.Rect(0, 0, 16, 8), color.Palette{red, blue})
	for i := range pal.Pix {
		pal.Pix[i] = uint8(i % 16 / 8)
	}
	var b bytes.Buffer
	if err := gif.Encode(&b, pal, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func webpBytes(t testing.TB) []byte { return webpOf(t, quadrants(40, 30)) }

// webpOf encodes m as a WebP, through this package; a Uniform as 16×16.
func webpOf(t testing.TB, m image.Image) []byte {
	if u, ok := m.(*image.Uniform); ok {
		r := image.NewRGBA(image.Rect(0, 0, 16, 16))
		draw.Draw(r, r.Rect, u, image.Point{}, draw.Src)
		m = r
	}
	v, err := Variants(encodePNG(t, m), Options{Widths: []int{m.Bounds().Dx()}, Formats: []Format{WebP}})
	if err != nil {
		t.Fatal(err)
	}
	return v[0].Data
}

// cmykWithoutAdobe is a CMYK JPEG stripped of its APP14 marker.
func cmykWithoutAdobe(t *testing.T) []byte {
	j := cmykJPEG(t, image.NewCMYK(image.Rect(0, 0, 16, 16)), false)
	n := int(binary.BigEndian.Uint16(j[4:]))
	return append(j[:2:2], j[4+n:]...)
}

func TestLimits(t *testing.T) {
	src := encodePNG(t, quadrants(100, 100))
	for _, tc := range []struct {
		lim Limits
		ok  bool
	}{
		{Limits{}, true},
		{Limits{MaxPixels: 10_000}, true},
		{Limits{MaxPixels: 9_999}, false},
		{Limits{MaxBytes: int64(len(src))}, true},
		{Limits{MaxBytes: int64(len(src)) - 1}, false},
	} {
		_, err := tc.lim.Probe(src)
		if tc.ok != (err == nil) || (err != nil && !errors.Is(err, TooLarge)) {
			t.Errorf("%+v: %v", tc.lim, err)
		}
	}
}

// TestBombNeverDecoded checks the refusal comes from the header: the
// processor is never asked to decode.
func TestBombNeverDecoded(t *testing.T) {
	p := New(Options{}, nil, 1)
	_, err := p.Variants(bombPNG(60000, 60000))
	if !errors.Is(err, TooLarge) {
		t.Fatalf("Variants: %v", err)
	}
	if _, err := p.Social(bombPNG(60000, 60000), nil); !errors.Is(err, TooLarge) {
		t.Fatalf("Social: %v", err)
	}
	if s := p.Stats(); s.Decodes != 0 {
		t.Fatalf("%d decodes", s.Decodes)
	}
}

func TestTruncatedJPEG(t *testing.T) {
	full := encodeJPEG(t, photo(256, 192, 1))
	cut := full[:len(full)/2]
	if _, err := Probe(cut); err != nil {
		t.Fatalf("Probe of a JPEG cut in its scan: %v (its header is whole)", err)
	}
	_, err := Variants(cut, Options{Widths: []int{100}, Formats: []Format{JPEG}})
	var e *Error
	if !errors.As(err, &e) || e.Kind != Corrupt || e.Format != JPEG {
		t.Fatalf("Variants of a cut JPEG: %v", err)
	}
	if !strings.Contains(err.Error(), "cut short") {
		t.Errorf("message %q", err)
	}
}

// TestOrientation turns a quadrant marker image by each EXIF orientation
// and checks which stored quadrant shows in each corner.
func TestOrientation(t *testing.T) {
	src := encodeJPEG(t, quadrants(80, 60))
	// For each orientation: the stored colour shown top left, top right,
	// bottom left (stored: red TL, green TR, blue BL, white BR).
	for o, want := range map[int][3]color.RGBA{
		1: {red, green, blue},
		2: {green, red, white},
		3: {white, blue, green},
		4: {blue, white, red},
		5: {red, blue, green},
		6: {blue, red, white},
		7: {white, green, blue},
		8: {green, white, red},
	} {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			vs, err := Variants(withExif(src, exifTIFF(o)), Options{Widths: []int{1000}, Formats: []Format{PNG}})
			if err != nil {
				t.Fatal(err)
			}
			m := decodeOutput(t, vs[0])
			w, h := 80, 60
			if o >= 5 {
				w, h = h, w
			}
			if vs[0].Width != w || vs[0].Height != h {
				t.Fatalf("%d×%d, want %d×%d", vs[0].Width, vs[0].Height, w, h)
			}
			for i, corner := range []string{"top left", "top right", "bottom left"} {
				if c := at(m, corner); !near(c, want[i], 40) {
					t.Errorf("%s is %v, want %v", corner, c, want[i])
				}
			}
		})
	}
}

func TestPlan(t *testing.T) {
	for _, tc := range []struct {
		widths []int
		w      int
		want   []int
	}{
		{[]int{480, 800, 1200, 1600}, 4000, []int{480, 800, 1200, 1600}},
		{[]int{480, 800, 1200, 1600}, 1000, []int{480, 800, 1000}},
		{[]int{480, 800, 1200, 1600}, 1200, []int{480, 800, 1200}},
		{[]int{480, 800, 1200, 1600}, 300, []int{300}},
		{[]int{1600, 480}, 800, []int{480, 800}},
	} {
		if got := plan(tc.widths, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("plan(%v, %d) = %v, want %v", tc.widths, tc.w, got, tc.want)
		}
	}
}

func TestNoUpscale(t *testing.T) {
	vs, err := Variants(encodeJPEG(t, photo(1000, 500, 2)), Options{Formats: []Format{JPEG}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		decodeOutput(t, v)
		got = append(got, fmt.Sprintf("%d×%d", v.Width, v.Height))
	}
	if want := []string{"480×240", "800×400", "1000×500"}; !slices.Equal(got, want) {
		t.Errorf("sizes %v, want %v", got, want)
	}
}

// TestPhoneJPEG is the whole path on a 12 MP photo as a phone stores a
// portrait: 4000×3000 pixels turned by Orientation 6, with GPS, make,
// model and artist, which no output may carry. Two widths keep it short
// (TestDefaults and TestNoUpscale check the rest of the widths).
func TestPhoneJPEG(t *testing.T) {
	src := withExif(encodeJPEG(t, quadrants(4000, 3000)), exifTIFF(6))
	p := New(Options{Widths: []int{1200, 480}}, nil, 0)
	vs, err := p.Variants(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, fmt.Sprintf("%s %d×%d", v.Format, v.Width, v.Height))
		if probs := metadataProblems(v); len(probs) > 0 {
			t.Errorf("%s %dw carries %v", v.Format, v.Width, probs)
		}
		m := decodeOutput(t, v)
		// Orientation 6: stored bottom left (blue) shows top left.
		if c := at(m, "top left"); !near(c, blue, 40) {
			t.Errorf("%s %dw: top left is %v, want blue", v.Format, v.Width, c)
		}
		if c := at(m, "top right"); !near(c, red, 40) {
			t.Errorf("%s %dw: top right is %v, want red", v.Format, v.Width, c)
		}
	}
	want := []string{"webp 480×640", "webp 1200×1600", "jpeg 480×640", "jpeg 1200×1600"}
	if !slices.Equal(got, want) {
		t.Errorf("variants %v, want %v", got, want)
	}
	s, err := p.Social(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != JPEG || s.Width != SocialWidth || s.Height != SocialHeight {
		t.Errorf("social %s %d×%d", s.Format, s.Width, s.Height)
	}
	if probs := metadataProblems(s); len(probs) > 0 {
		t.Errorf("social preview carries %v", probs)
	}
	decodeOutput(t, s)
	if st := p.Stats(); st.Decodes != 2 || st.Encodes != 5 {
		t.Errorf("stats %+v", st)
	}
}

// TestCMYK reads an inverted Adobe CMYK JPEG: each ink's quadrant must
// come out in its colour.
func TestCMYK(t *testing.T) {
	m := image.NewCMYK(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			c := color.CMYK{C: 0xff} // cyan top left
			switch {
			case x >= 32 && y < 32:
				c = color.CMYK{M: 0xff}
			case x < 32 && y >= 32:
				c = color.CMYK{Y: 0xff}
			case x >= 32 && y >= 32:
				c = color.CMYK{K: 0xff}
			}
			m.SetCMYK(x, y, c)
		}
	}
	for _, ycck := range []bool{false, true} {
		src := cmykJPEG(t, m, ycck)
		info, err := Probe(src)
		if err != nil || info.Format != JPEG || info.Width != 64 {
			t.Fatalf("Probe: %+v, %v", info, err)
		}
		vs, err := Variants(src, Options{Widths: []int{64}, Formats: []Format{PNG}})
		if err != nil {
			t.Fatal(err)
		}
		out := decodeOutput(t, vs[0])
		for corner, want := range map[string]color.RGBA{
			"top left":     {0, 0xff, 0xff, 0xff},
			"top right":    {0xff, 0, 0xff, 0xff},
			"bottom left":  {0xff, 0xff, 0, 0xff},
			"bottom right": {0, 0, 0, 0xff},
		} {
			if c := at(out, corner); !near(c, want, 12) {
				t.Errorf("ycck %v: %s is %v, want %v", ycck, corner, c, want)
			}
		}
	}
	if _, err := Variants(cmykWithoutAdobe(t), Options{}); !errors.Is(err, Unsupported) {
		t.Errorf("CMYK without APP14: %v, want Unsupported", err)
	}
}

// TestPixelTypes runs what the decoders return besides YCbCr: 16-bit,
// gray, paletted, transparent; each must come out 8-bit, right, and with
// transparency as PNG, never as JPEG.
func TestPixelTypes(t *testing.T) {
	n64 := image.NewNRGBA64(image.Rect(0, 0, 20, 10))
	g16 := image.NewGray16(n64.Rect)
	gray := image.NewGray(n64.Rect)
	for i := 0; i < 200; i++ {
		n64.SetNRGBA64(i%20, i/20, color.NRGBA64{0x8080, 0x4040, 0xffff, 0xffff})
		g16.SetGray16(i%20, i/20, color.Gray16{0x6060})
		gray.SetGray(i%20, i/20, color.Gray{0x60})
	}
	half := image.NewNRGBA64(n64.Rect)
	for i := 0; i < 200; i++ {
		half.SetNRGBA64(i%20, i/20, color.NRGBA64{0xffff, 0, 0, 0x8000})
	}
	for _, tc := range []struct {
		name    string
		src     []byte
		want    color.NRGBA
		formats []Format
	}{
		{"16-bit png", encodePNG(t, n64), color.NRGBA{0x80, 0x40, 0xff, 0xff}, []Format{WebP, JPEG}},
		{"16-bit gray png", encodePNG(t, g16), color.NRGBA{0x60, 0x60, 0x60, 0xff}, []Format{WebP, JPEG}},
		{"gray jpeg", encodeJPEG(t, gray), color.NRGBA{0x60, 0x60, 0x60, 0xff}, []Format{WebP, JPEG}},
		// Twice lossy, so a colour WebP keeps well: saturated ones drift.
		{"webp", webpOf(t, image.NewUniform(color.NRGBA{0x80, 0x60, 0x40, 0xff})), color.NRGBA{0x80, 0x60, 0x40, 0xff}, []Format{WebP, JPEG}},
		{"gif frame smaller than its screen", gifOnScreen(t), color.NRGBA{0, 0, 0, 0}, []Format{WebP, PNG}},
		{"paletted gif", gifBytes(t), color.NRGBA{0xff, 0, 0, 0xff}, []Format{WebP, JPEG}},
		{"half-transparent 16-bit png", encodePNG(t, half), color.NRGBA{0xff, 0, 0, 0x80}, []Format{WebP, PNG}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vs, err := Variants(tc.src, Options{Widths: []int{8}})
			if err != nil {
				t.Fatal(err)
			}
			var formats []Format
			for _, v := range vs {
				formats = append(formats, v.Format)
				m := decodeOutput(t, v)
				c := color.NRGBAModel.Convert(m.At(0, 0)).(color.NRGBA)
				tol := 24 // lossy, and chroma at half resolution
				if v.Format == PNG {
					tol = 1
				}
				if abs(int(c.R)-int(tc.want.R)) > tol || abs(int(c.G)-int(tc.want.G)) > tol ||
					abs(int(c.B)-int(tc.want.B)) > tol || abs(int(c.A)-int(tc.want.A)) > 2 {
					t.Errorf("%s: %v, want %v", v.Format, c, tc.want)
				}
			}
			if !slices.Equal(formats, tc.formats) {
				t.Errorf("formats %v, want %v", formats, tc.formats)
			}
		})
	}
}

func TestCropRect(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		f    Focus
		want image.Rectangle
	}{
		{4000, 3000, Focus{0.5, 0.5}, image.Rect(0, 450, 4000, 2550)},
		{4000, 3000, Focus{0.5, 0}, image.Rect(0, 0, 4000, 2100)},
		{4000, 3000, Focus{0.5, 1}, image.Rect(0, 900, 4000, 3000)},
		{4000, 3000, Focus{0.2, 0.3}, image.Rect(0, 0, 4000, 2100)},
		{3000, 4000, Focus{0.5, 0.25}, image.Rect(0, 213, 3000, 1788)},
		{6000, 1000, Focus{0.5, 0.5}, image.Rect(2048, 0, 3953, 1000)},
		{6000, 1000, Focus{0, 0.5}, image.Rect(0, 0, 1905, 1000)},
		{6000, 1000, Focus{1, 0.5}, image.Rect(4095, 0, 6000, 1000)},
		{1200, 630, Focus{0.5, 0.5}, image.Rect(0, 0, 1200, 630)},
	} {
		if got := cropRect(tc.w, tc.h, tc.f); got != tc.want {
			t.Errorf("cropRect(%d, %d, %v) = %v, want %v", tc.w, tc.h, tc.f, got, tc.want)
		}
	}
}

func TestSocial(t *testing.T) {
	// Focus at the bottom right of a 2400×1800 marker: the crop is the
	// bottom 1260 rows, so its top edge runs through the red/green half.
	src := encodeJPEG(t, quadrants(2400, 1800))
	v, err := Social(src, &Focus{X: 1, Y: 1}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := decodeOutput(t, v)
	if v.Width != 1200 || v.Height != 630 {
		t.Fatalf("%d×%d", v.Width, v.Height)
	}
	if c := m.At(100, 10); !near(c, red, 40) {
		t.Errorf("top left %v, want red", c)
	}
	if c := m.At(1100, 620); !near(c, white, 40) {
		t.Errorf("bottom right %v, want white", c)
	}
	small, err := Social(encodePNG(t, quadrants(600, 400)), nil, Options{})
	if err != nil || small.Width != 600 || small.Height != 315 {
		t.Errorf("a small photo's preview: %d×%d, %v (never upscaled)", small.Width, small.Height, err)
	}
	for _, f := range []Focus{{X: 1.5}, {Y: -0.1}, {X: math.NaN()}} {
		if _, err := Social(src, &f, Options{}); !errors.Is(err, BadOption) {
			t.Errorf("focus %v: %v", f, err)
		}
	}
}

func TestBadOptions(t *testing.T) {
	src := encodePNG(t, quadrants(10, 10))
	for _, o := range []Options{{Widths: []int{0}}, {Widths: []int{-5}}, {Formats: []Format{GIF}}, {Formats: []Format{"avif"}}} {
		if _, err := Variants(src, o); !errors.Is(err, BadOption) {
			t.Errorf("%+v: %v", o, err)
		}
	}
}

func TestName(t *testing.T) {
	v := newVariant(WebP, 800, 600, []byte("x"))
	if got, want := v.Name("sala"), "sala-800w.2d711642b7.webp"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
	j := newVariant(JPEG, 480, 360, []byte("x"))
	if got, want := j.Name(""), "480w.2d711642b7.jpg"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
}

func TestDefaults(t *testing.T) {
	o := Options{}.withDefaults()
	if !slices.Equal(o.Widths, []int{480, 800, 1200, 1600}) || o.Quality != 80 ||
		!slices.Equal(o.Formats, []Format{WebP, JPEG}) || o.MaxPixels != 50_000_000 || o.MaxBytes != 30_000_000 {
		t.Errorf("defaults %+v", o)
	}
	if got := plan(o.Widths, 3000); !slices.Equal(got, o.Widths) {
		t.Errorf("a 3000 px wide photo gets %v", got)
	}
	if o := (Options{Widths: []int{800, 480, 800}, Quality: 500}).withDefaults(); !slices.Equal(o.Widths, []int{480, 800}) || o.Quality != 100 {
		t.Errorf("normalized %+v", o)
	}
}

// TestMetadataProblems: the scanner the other tests trust finds metadata
// where there is some.
func TestMetadataProblems(t *testing.T) {
	jpg := withExif(encodeJPEG(t, quadrants(16, 16)), exifTIFF(1))
	webpWithExif := append(webpBytes(t), riffChunk("EXIF", exifTIFF(1))...)
	binary.LittleEndian.PutUint32(webpWithExif[4:], uint32(len(webpWithExif)-8))
	for _, v := range []Variant{
		{Format: JPEG, Data: jpg},
		{Format: JPEG, Data: withICC(encodeJPEG(t, quadrants(16, 16)), iccProfile("sRGB"))},
		{Format: PNG, Data: withPNGChunk(encodePNG(t, quadrants(8, 8)), "eXIf", exifTIFF(1))},
		{Format: PNG, Data: withPNGChunk(encodePNG(t, quadrants(8, 8)), "iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x/>"))},
		{Format: WebP, Data: webpWithExif},
	} {
		if len(metadataProblems(v)) == 0 {
			t.Errorf("no problem found in a %s with metadata", v.Format)
		}
	}
	if p := metadataProblems(Variant{Format: WebP, Data: webpBytes(t)}); len(p) > 0 {
		t.Errorf("problems in a clean WebP: %v", p)
	}
}

// riffChunk is a RIFF chunk: type, little-endian size, data, padding.
func riffChunk(typ string, data []byte) []byte {
	c := append([]byte(typ), le32(uint32(len(data)))...)
	c = append(c, data...)
	if len(data)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

// iccpChunk is the data of a PNG iCCP chunk holding a profile named desc.
func iccpChunk(t *testing.T, desc string) []byte {
	var b bytes.Buffer
	b.WriteString("profile\x00\x00")
	zw := zlib.NewWriter(&b)
	if _, err := zw.Write(iccProfile(desc)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gifOnScreen is a 16×8 GIF whose only frame is 4×4 at (12,4): the rest of
// its screen is transparent.
func gifOnScreen(t *testing.T) []byte {
	frame := image.NewPaletted(image.Rect(12, 4, 16, 8), color.Palette{red})
	var b bytes.Buffer
	err := gif.EncodeAll(&b, &gif.GIF{Image: []*image.Paletted{frame}, Delay: []int{0},
		Config: image.Config{ColorModel: frame.Palette, Width: 16, Height: 8}})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
