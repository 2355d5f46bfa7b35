package images

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// decode turns a probed file into upright 8-bit sRGB pixels: decoded by
// the format's own decoder (never image.Decode's registry, which another
// package's init could change), converted to RGBA, orientation applied.
func decode(info Info, src []byte) (*image.RGBA, error) {
	r := bytes.NewReader(src)
	var m image.Image
	var err error
	switch info.Format {
	case JPEG:
		m, err = jpeg.Decode(r)
	case PNG:
		m, err = png.Decode(r)
	case GIF:
		// The first frame: a photo, not an animation. It may cover part
		// of the GIF's screen, which is the size Probe gave.
		m, err = gif.Decode(r)
		if err == nil && m.Bounds() != image.Rect(0, 0, info.Width, info.Height) {
			screen := image.NewRGBA(image.Rect(0, 0, info.Width, info.Height))
			draw.Draw(screen, m.Bounds(), m, m.Bounds().Min, draw.Src)
			m = screen
		}
	default:
		m, err = webp.Decode(r)
	}
	if err != nil {
		if info.Format == JPEG && !bytes.HasSuffix(src, []byte{0xff, 0xd9}) {
			// image/jpeg reports a file cut in its scan as bad Huffman
			// data; with no end-of-image marker, it was cut short.
			return nil, errorf(Corrupt, JPEG, err, "the jpeg file is cut short (no end-of-image marker)")
		}
		return nil, decodeError(info.Format, err)
	}
	return orient(toRGBA(m), info.Orientation), nil
}

// toRGBA converts any decoded image to 8-bit premultiplied RGBA, the
// type x/image/draw resamples fastest and image/jpeg encodes directly.
// image/draw has fast paths for what the decoders return most (YCbCr,
// Gray, CMYK, NRGBA); 16-bit PNGs go through RGBA64At, rounded to 8 bits.
// CMYK comes from image/jpeg already un-inverted (it reads the Adobe
// APP14 marker that Photoshop writes) and converts with color.CMYKToRGB:
// the naive formula, as no colour management is done.
func toRGBA(m image.Image) *image.RGBA {
	if rgba, ok := m.(*image.RGBA); ok && rgba.Rect.Min == (image.Point{}) {
		return rgba
	}
	b := m.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, m, b.Min, draw.Src)
	return dst
}

// orient turns stored pixels upright as EXIF orientation o says.
// Orientation names how the stored image must be changed to be shown:
// 2 mirror, 3 turn 180°, 4 flip, 5 transpose, 6 turn 90° clockwise,
// 7 transverse, 8 turn 90° counter-clockwise.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	// from gives the stored pixel shown at (x, y).
	var from func(x, y int) (int, int)
	switch o {
	case 2:
		from = func(x, y int) (int, int) { return w - 1 - x, y }
	case 3:
		from = func(x, y int) (int, int) { return w - 1 - x, h - 1 - y }
	case 4:
		from = func(x, y int) (int, int) { return x, h - 1 - y }
	case 5:
		from = func(x, y int) (int, int) { return y, x }
	case 6:
		from = func(x, y int) (int, int) { return y, h - 1 - x }
	case 7:
		from = func(x, y int) (int, int) { return w - 1 - y, h - 1 - x }
	case 8:
		from = func(x, y int) (int, int) { return w - 1 - y, x }
	}
	for y := 0; y < dh; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*dw]
		for x := 0; x < dw; x++ {
			sx, sy := from(x, y)
			i := sy*m.Stride + 4*sx
			copy(row[4*x:4*x+4], m.Pix[i:i+4])
		}
	}
	return dst
}

// opaque reports whether every pixel is fully opaque, so a JPEG can
// stand for it; an image with transparency falls back to PNG.
func opaque(m *image.RGBA) bool {
	for i := 3; i < len(m.Pix); i += 4 {
		if m.Pix[i] != 0xff {
			return false
		}
	}
	return true
}
