package images

import (
	"errors"
	"image"
	"testing"
)

// FuzzProbe feeds Probe, and the decoders behind it, broken and hostile
// files: it must never panic, must answer an *Error, must never pass an
// image over the limits, and what it passes must decode to the size it
// said, or fail with an *Error. Seeded with every kind of file the tests
// make.
func FuzzProbe(f *testing.F) {
	small := encodeJPEG(f, quadrants(32, 24))
	for _, seed := range [][]byte{
		small,
		withExif(small, exifTIFF(6)),
		withICC(small, iccProfile("Display P3")),
		small[:len(small)/2],
		cmykJPEG(f, image.NewCMYK(image.Rect(0, 0, 16, 16)), false),
		cmykJPEG(f, image.NewCMYK(image.Rect(0, 0, 16, 16)), true),
		encodePNG(f, image.NewNRGBA64(image.Rect(0, 0, 8, 8))),
		withPNGChunk(encodePNG(f, quadrants(8, 8)), "eXIf", exifTIFF(8)),
		bombPNG(60000, 60000),
		gifBytes(f),
		webpBytes(f),
		[]byte("%PDF-1.7"),
	} {
		f.Add(seed)
	}
	// Small limits keep each decode cheap, so the fuzzer runs many.
	lim := Limits{MaxPixels: 1 << 16, MaxBytes: 1 << 20}
	f.Fuzz(func(t *testing.T, src []byte) {
		info, err := lim.Probe(src)
		var e *Error
		if err != nil {
			if !errors.As(err, &e) {
				t.Fatalf("Probe error %T: %v", err, err)
			}
			return
		}
		if info.Width <= 0 || info.Height <= 0 || int64(info.Width)*int64(info.Height) > lim.MaxPixels {
			t.Fatalf("Probe passed %+v", info)
		}
		if info.Orientation < 1 || info.Orientation > 8 {
			t.Fatalf("orientation %d", info.Orientation)
		}
		m, err := decode(info, src)
		if err != nil {
			if !errors.As(err, &e) {
				t.Fatalf("decode error %T: %v", err, err)
			}
			return
		}
		if m.Rect.Dx() != info.Width || m.Rect.Dy() != info.Height {
			t.Fatalf("Probe said %d×%d, decoded %v", info.Width, info.Height, m.Rect)
		}
	})
}
