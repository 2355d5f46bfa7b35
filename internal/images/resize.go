package images

import (
	"image"
	"image/draw"
	"math"
	"slices"

	xdraw "golang.org/x/image/draw"
)

// plan gives the widths to make for an image w pixels wide: the
// configured widths it can fill, in increasing order, and its own width
// once in place of every larger one, so nothing is ever upscaled.
func plan(widths []int, w int) []int {
	var out []int
	for _, x := range widths {
		out = append(out, min(x, w))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// heightFor keeps the aspect ratio, rounding to the nearest pixel.
func heightFor(w, srcW, srcH int) int {
	return max(1, int(math.Round(float64(srcH)*float64(w)/float64(srcW))))
}

// resizeAll scales m to each of widths (increasing, none larger than m)
// with Catmull-Rom, the sharpest of x/image/draw's kernels that does not
// ring visibly on photos, keeping m's aspect ratio. Each width is scaled
// from the next larger one, not from m: a kernel's cost grows with the
// source's pixels, so the chain costs about one scale of the full photo
// instead of one per width, and the smaller widths differ from a direct
// scale by less than the encoders' own loss (above 50 dB PSNR).
func resizeAll(m *image.RGBA, widths []int) []*image.RGBA {
	sw, sh := m.Rect.Dx(), m.Rect.Dy()
	out := make([]*image.RGBA, len(widths))
	from := m
	for i := len(widths) - 1; i >= 0; i-- {
		w, h := widths[i], heightFor(widths[i], sw, sh)
		if w == from.Rect.Dx() && h == from.Rect.Dy() {
			out[i] = from
			continue
		}
		out[i] = image.NewRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(out[i], out[i].Rect, from, from.Rect, draw.Src, nil)
		from = out[i]
	}
	return out
}

// The size of a social preview, as Facebook, LinkedIn and X ask for it.
const (
	SocialWidth  = 1200
	SocialHeight = 630
)

// Focus is the point of a photo that a crop keeps in view, as fractions
// of the width and height (0,0 the top left, 1,1 the bottom right).
type Focus struct{ X, Y float64 }

// cropRect is the largest rectangle of the social preview's aspect
// ratio inside a w×h image, centred on the focus as far as the edges
// allow.
func cropRect(w, h int, f Focus) image.Rectangle {
	cw, ch := w, int(math.Round(float64(w)*SocialHeight/SocialWidth))
	if ch > h {
		cw, ch = int(math.Round(float64(h)*SocialWidth/SocialHeight)), h
	}
	cw, ch = min(max(cw, 1), w), min(max(ch, 1), h)
	x := int(math.Round(f.X*float64(w) - float64(cw)/2))
	y := int(math.Round(f.Y*float64(h) - float64(ch)/2))
	x = min(max(x, 0), w-cw)
	y = min(max(y, 0), h-ch)
	return image.Rect(x, y, x+cw, y+ch)
}

// social crops m around the focus and scales the crop to the preview's
// size, or, for an image smaller than that, keeps the crop's own size:
// a preview is never upscaled either.
func social(m *image.RGBA, f Focus) *image.RGBA {
	r := cropRect(m.Rect.Dx(), m.Rect.Dy(), f)
	w, h := SocialWidth, SocialHeight
	if r.Dx() < w {
		w, h = r.Dx(), r.Dy()
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Rect, m, r, draw.Src, nil)
	return dst
}
