// Command socialimage draws the site's default social preview,
// static/images/social.png: 1200×630 (the size social networks show), in
// the site's colours (static/css/site.css: --brand, --accent), with the
// partnership's name in the Go font. Run it from the site's folder:
//
//	go run ./tools/socialimage
//
// The output is the same bytes every run, so it can be committed.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

const (
	width, height = 1200, 630
	out           = "static/images/social.png"
)

var (
	brand  = color.RGBA{0x0b, 0x5a, 0x4d, 0xff}
	accent = color.RGBA{0xf2, 0xc9, 0x4c, 0xff}
	ink    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	tint   = color.RGBA{0xe9, 0xf1, 0xed, 0xff}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "socialimage:", err)
		os.Exit(1)
	}
}

func run() error {
	m := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(m, m.Bounds(), &image.Uniform{brand}, image.Point{}, draw.Src)
	// A band of the accent colour along the left and a thin rule under the
	// title, as the site's header draws them.
	draw.Draw(m, image.Rect(0, 0, 28, height), &image.Uniform{accent}, image.Point{}, draw.Src)
	draw.Draw(m, image.Rect(96, 392, 396, 402), &image.Uniform{accent}, image.Point{}, draw.Src)
	bold, err := face(gobold.TTF, 64)
	if err != nil {
		return err
	}
	regular, err := face(goregular.TTF, 36)
	if err != nil {
		return err
	}
	write(m, bold, ink, 96, 230, "Partnerstwo na rzecz")
	write(m, bold, ink, 96, 310, "ekonomii społecznej")
	write(m, regular, tint, 96, 470, "Województwo lubuskie")
	write(m, regular, tint, 96, 530, "Partnership for the Social Economy")
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

func write(m draw.Image, f font.Face, c color.Color, x, y int, text string) {
	d := &font.Drawer{Dst: m, Src: &image.Uniform{c}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(text)
}
