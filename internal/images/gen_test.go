package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"
)

// The tests make every file they read: no real photo is in the repository.

// Colours of the four quadrants of a marker image, as stored.
var (
	red   = color.RGBA{0xff, 0, 0, 0xff}
	green = color.RGBA{0, 0xff, 0, 0xff}
	blue  = color.RGBA{0, 0, 0xff, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// quadrants is a w×h image: red top left, green top right, blue bottom
// left, white bottom right, so any turn or mirror shows.
func quadrants(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := red
			switch {
			case x >= w/2 && y < h/2:
				c = green
			case x < w/2 && y >= h/2:
				c = blue
			case x >= w/2 && y >= h/2:
				c = white
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

// photo is a w×h image with gradients and grain, so encoders work about
// as hard as on a real photo; seed makes each different.
func photo(w, h int, seed uint64) *image.RGBA {
	m := quadrants(w, h)
	r := rand.New(rand.NewPCG(seed, 1))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := m.PixOffset(x, y)
			g := uint8((x*255/w + y*255/h) / 2)
			for c := 0; c < 3; c++ {
				v := int(m.Pix[i+c])/2 + int(g)/2 + r.IntN(7) - 3
				m.Pix[i+c] = uint8(min(max(v, 0), 255))
			}
		}
	}
	return m
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The identifying strings the test EXIF carries; none may be published.
const (
	testMake   = "SitegenTestMake"
	testModel  = "SitegenTestModel X1"
	testArtist = "Jan Testowy, fotograf"
)

type tiffEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte
}

const (
	tiffASCII    = 2
	tiffShort    = 3
	tiffLong     = 4
	tiffRational = 5
)

func ascii(tag uint16, s string) tiffEntry {
	return tiffEntry{tag, tiffASCII, uint32(len(s) + 1), append([]byte(s), 0)}
}

func le16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

// ifd lays out one little-endian IFD at offset base: the entries, the
// next-IFD offset, then the values that do not fit in four bytes.
func ifd(base uint32, entries []tiffEntry, next uint32) []byte {
	data := base + 2 + 12*uint32(len(entries)) + 4
	var head, tail []byte
	head = append(head, le16(uint16(len(entries)))...)
	for _, e := range entries {
		head = append(head, le16(e.tag)...)
		head = append(head, le16(e.typ)...)
		head = append(head, le32(e.count)...)
		if len(e.value) <= 4 {
			v := make([]byte, 4)
			copy(v, e.value)
			head = append(head, v...)
			continue
		}
		head = append(head, le32(data+uint32(len(tail)))...)
		tail = append(tail, e.value...)
		if len(tail)%2 == 1 {
			tail = append(tail, 0) // values start on a word boundary
		}
	}
	head = append(head, le32(next)...)
	return append(head, tail...)
}

// exifTIFF is the TIFF structure of an EXIF block as a phone writes it:
// make, model, orientation, artist, and a GPS IFD with a latitude.
// orientation 0 leaves the tag out.
func exifTIFF(orientation int) []byte {
	ifd0 := []tiffEntry{ascii(0x010f, testMake), ascii(0x0110, testModel)}
	if orientation != 0 {
		ifd0 = append(ifd0, tiffEntry{tagOrientation, tiffShort, 1, le16(uint16(orientation))})
	}
	ifd0 = append(ifd0, ascii(0x013b, testArtist), tiffEntry{0x8825, tiffLong, 1, nil})
	// The GPS IFD goes after IFD0; its offset is known once IFD0 is laid out.
	size := len(ifd(8, ifd0, 0))
	gpsAt := uint32(8 + size + size%2)
	ifd0[len(ifd0)-1].value = le32(gpsAt)
	lat := append(append(append(le32(52), le32(1)...), append(le32(44), le32(1)...)...), append(le32(3000), le32(100)...)...)
	gps := []tiffEntry{ascii(0x0001, "N"), {0x0002, tiffRational, 3, lat}}
	out := []byte("II*\x00")
	out = append(out, le32(8)...)
	out = append(out, ifd(8, ifd0, 0)...)
	for len(out) < int(gpsAt) {
		out = append(out, 0)
	}
	return append(out, ifd(gpsAt, gps, 0)...)
}

// withSegment puts a JPEG marker segment right after SOI.
func withSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xff, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	return append(append(append([]byte{}, jpg[:2]...), seg...), jpg[2:]...)
}

func withExif(jpg, tiff []byte) []byte {
	return withSegment(jpg, 0xe1, append([]byte("Exif\x00\x00"), tiff...))
}

// iccProfile is a minimal ICC profile: a header and a version 2 'desc'
// tag naming it, enough for what Probe reads.
func iccProfile(desc string) []byte {
	tag := []byte("desc\x00\x00\x00\x00")
	tag = binary.BigEndian.AppendUint32(tag, uint32(len(desc)+1))
	tag = append(append(tag, desc...), 0)
	p := make([]byte, 128)
	p = binary.BigEndian.AppendUint32(p, 1) // one tag
	p = append(p, "desc"...)
	p = binary.BigEndian.AppendUint32(p, 144)
	p = binary.BigEndian.AppendUint32(p, uint32(len(tag)))
	p = append(p, make([]byte, 144-len(p))...)
	p = append(p, tag...)
	binary.BigEndian.PutUint32(p, uint32(len(p)))
	return p
}

func withICC(jpg, profile []byte) []byte {
	return withSegment(jpg, 0xe2, append([]byte("ICC_PROFILE\x00\x01\x01"), profile...))
}

// pngChunk is one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(append(c, typ...), data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// withPNGChunk puts a chunk right after IHDR (8 bytes signature, 25 IHDR).
func withPNGChunk(p []byte, typ string, data []byte) []byte {
	return append(append(append([]byte{}, p[:33]...), pngChunk(typ, data)...), p[33:]...)
}

// bombPNG is a valid PNG header claiming w×h pixels, with a token of
// image data: what a decompression bomb looks like before inflating.
func bombPNG(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	p := []byte("\x89PNG\r\n\x1a\n")
	p = append(p, pngChunk("IHDR", ihdr)...)
	p = append(p, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(p, pngChunk("IEND", nil)...)
}

// cmykJPEG makes a 4-component JPEG as Photoshop writes it, inverted
// CMYK with the Adobe APP14 marker, which image/jpeg cannot encode: each
// channel is encoded by image/jpeg as a grayscale JPEG with the same
// quality, so all share one quantization table and the standard Huffman
// tables, and its entropy-coded scan is reused as one non-interleaved
// scan of the 4-component frame.
//
// With ycck, the file is YCCK (APP14 transform 2), as Photoshop also
// writes: the first three channels hold C, M, Y as if they were R, G, B,
// in YCbCr, and K is inverted.
func cmykJPEG(t testing.TB, m *image.CMYK, ycck bool) []byte {
	t.Helper()
	b := m.Bounds()
	var dqt, dht []byte
	var scans [4][]byte
	for c := 0; c < 4; c++ {
		g := image.NewGray(b)
		for i := range g.Pix {
			p := m.Pix[4*i : 4*i+4]
			g.Pix[i] = 0xff - p[c] // Adobe's inversion
			if ycck && c < 3 {
				yy, cb, cr := color.RGBToYCbCr(p[0], p[1], p[2])
				g.Pix[i] = [3]uint8{yy, cb, cr}[c]
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		gj := buf.Bytes()
		jpegSegments(gj, func(marker byte, data []byte) {
			switch marker {
			case 0xdb:
				dqt = data
			case 0xc4:
				dht = data
			}
		})
		sos := bytes.Index(gj, []byte{0xff, 0xda})
		n := int(binary.BigEndian.Uint16(gj[sos+2:]))
		scans[c] = gj[sos+2+n : len(gj)-2] // up to EOI
	}
	seg := func(marker byte, data []byte) []byte {
		s := []byte{0xff, marker}
		s = binary.BigEndian.AppendUint16(s, uint16(len(data)+2))
		return append(s, data...)
	}
	out := []byte{0xff, 0xd8}
	// APP14 "Adobe": version 100, flags, transform 0 (CMYK) or 2 (YCCK).
	app14 := []byte("Adobe\x00\x64\x00\x00\x00\x00\x00")
	if ycck {
		app14[11] = 2
	}
	out = append(out, seg(0xee, app14)...)
	out = append(out, seg(0xdb, dqt)...)
	sof := []byte{8}
	sof = binary.BigEndian.AppendUint16(sof, uint16(b.Dy()))
	sof = binary.BigEndian.AppendUint16(sof, uint16(b.Dx()))
	sof = append(sof, 4)
	for c := byte(1); c <= 4; c++ {
		sof = append(sof, c, 0x11, 0)
	}
	out = append(out, seg(0xc0, sof)...)
	out = append(out, seg(0xc4, dht)...)
	for c := 0; c < 4; c++ {
		out = append(out, seg(0xda, []byte{1, byte(c + 1), 0x00, 0, 63, 0})...)
		out = append(out, scans[c]...)
	}
	return append(out, 0xff, 0xd9)
}
