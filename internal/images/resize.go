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

// resize scales m to width w with Catmull-Rom, the sharpest of
// x/image/draw's kernels that does not ring visibly on photos.
func resize(m *image.RGBA, w int) *image.RGBA {
	sw, sh := m.Rect.Dx(), m.Rect.Dy()
	if w == sw {
		return m
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, heightFor(w, sw, sh)))
	xdraw.CatmullRom.Scale(dst, dst.Rect, m, m.Rect, draw.Src, nil)
	return dst
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
