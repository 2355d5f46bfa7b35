// Command samplephotos draws the sample site's meeting photos: flat
// illustrations of a meeting room, a table of documents and a building,
// no photos of real people or places. Run from the site's folder:
//
//	go run ./tools/samplephotos
//
// They are drawn from shapes only, so every run writes the same bytes.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
)

const (
	width, height = 1600, 1067
	dir           = "content/meetings/2015-05-14-spotkanie-sygnatariuszy"
)

func main() {
	for name, paint := range map[string]func(*image.RGBA){
		"sala.jpg": room, "dokumenty.jpg": documents, "budynek.jpg": building,
	} {
		m := image.NewRGBA(image.Rect(0, 0, width, height))
		paint(m)
		var b bytes.Buffer
		if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 82}); err != nil {
			fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "samplephotos:", err)
	os.Exit(1)
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func rect(m *image.RGBA, x0, y0, x1, y1 int, c color.Color) {
	draw.Draw(m, image.Rect(x0, y0, x1, y1), &image.Uniform{c}, image.Point{}, draw.Over)
}

// gradient fills the rows y0..y1 from colour a to b.
func gradient(m *image.RGBA, y0, y1 int, a, b color.RGBA) {
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / float64(max(1, y1-y0-1))
		mix := func(p, q uint8) uint8 { return uint8(float64(p) + t*(float64(q)-float64(p))) }
		rect(m, 0, y, width, y+1, rgb(mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B)))
	}
}

func circle(m *image.RGBA, cx, cy, r int, c color.RGBA) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r && image.Pt(x, y).In(m.Bounds()) {
				m.SetRGBA(x, y, c)
			}
		}
	}
}

// trapezoid fills rows y0..y1 between two lines: x from l0 to l1 on the
// left and r0 to r1 on the right, a table seen in perspective.
func trapezoid(m *image.RGBA, y0, y1, l0, l1, r0, r1 int, c color.RGBA) {
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / float64(y1-y0)
		l := int(float64(l0) + t*float64(l1-l0))
		r := int(float64(r0) + t*float64(r1-r0))
		rect(m, l, y, r, y+1, c)
	}
}

// room: a meeting room with a long table, chairs, a window and a screen
// showing a bar chart.
func room(m *image.RGBA) {
	gradient(m, 0, 640, rgb(236, 232, 222), rgb(214, 208, 196))   // wall
	gradient(m, 640, height, rgb(150, 120, 90), rgb(112, 86, 62)) // floor
	rect(m, 120, 110, 520, 480, rgb(170, 205, 225))               // window
	rect(m, 310, 110, 330, 480, rgb(240, 240, 236))
	rect(m, 120, 285, 520, 300, rgb(240, 240, 236))
	rect(m, 640, 90, 1360, 470, rgb(250, 250, 248)) // screen
	rect(m, 640, 470, 1360, 482, rgb(60, 60, 60))
	for i, h := range []int{120, 190, 150, 260, 300} {
		x := 720 + i*120
		rect(m, x, 430-h, x+80, 430, rgb(11, 90, 77))
	}
	rect(m, 700, 140, 1000, 160, rgb(242, 201, 76))
	trapezoid(m, 600, 1000, 640, 260, 960, 1340, rgb(120, 78, 48)) // table
	trapezoid(m, 1000, 1030, 260, 260, 1340, 1340, rgb(84, 54, 34))
	for i := 0; i < 5; i++ { // chairs along both sides
		y := 640 + i*80
		t := float64(y-600) / 400
		l := int(640 - t*380)
		r := int(960 + t*380)
		circle(m, l-40, y+10, 26+i*3, rgb(11, 90, 77))
		circle(m, r+40, y+10, 26+i*3, rgb(11, 90, 77))
		rect(m, l+30, y-8, l+90, y+30, rgb(250, 250, 250)) // papers
		rect(m, r-90, y-8, r-30, y+30, rgb(250, 250, 250))
	}
	for i := 0; i < 3; i++ { // water bottles down the middle
		rect(m, 780+i*10-10, 680+i*110, 800+i*10, 740+i*120, rgb(120, 170, 200))
	}
}

// documents: a table seen from above with the agreement, a pen, a
// programme and a cup.
func documents(m *image.RGBA) {
	gradient(m, 0, height, rgb(132, 92, 60), rgb(104, 70, 44))
	for y := 0; y < height; y += 38 { // grain of the wood
		rect(m, 0, y, width, y+3, rgb(118, 80, 52))
	}
	rect(m, 230, 170, 830, 960, rgb(200, 196, 188)) // shadow
	rect(m, 210, 150, 810, 940, rgb(252, 252, 250)) // the agreement
	rect(m, 290, 220, 730, 250, rgb(60, 60, 60))
	for y := 310; y < 760; y += 40 {
		rect(m, 290, y, 730-(y%120), y+12, rgb(150, 150, 150))
	}
	rect(m, 290, 830, 480, 834, rgb(60, 60, 60)) // signature lines
	rect(m, 540, 830, 730, 834, rgb(60, 60, 60))
	rect(m, 300, 800, 460, 806, rgb(20, 60, 140))
	for i := 0; i < 300; i++ { // the pen, at a slant
		rect(m, 880+i, 760-i/2, 896+i, 774-i/2, rgb(20, 20, 20))
	}
	rect(m, 1180, 600, 1200, 614, rgb(242, 201, 76))
	rect(m, 960, 180, 1420, 520, rgb(11, 90, 77)) // the programme's cover
	rect(m, 1010, 240, 1370, 270, rgb(255, 255, 255))
	rect(m, 1010, 300, 1250, 316, rgb(242, 201, 76))
	circle(m, 1260, 860, 110, rgb(240, 240, 236)) // a cup
	circle(m, 1260, 860, 86, rgb(96, 60, 36))
}

// building: the front of an office building with trees, under a sky.
func building(m *image.RGBA) {
	gradient(m, 0, 760, rgb(150, 196, 230), rgb(220, 236, 246))
	gradient(m, 760, height, rgb(110, 150, 90), rgb(84, 124, 70))
	rect(m, 330, 240, 1270, 820, rgb(226, 214, 190)) // the building
	rect(m, 310, 220, 1290, 250, rgb(150, 70, 50))   // roof edge
	for row := 0; row < 4; row++ {
		for col := 0; col < 8; col++ {
			x, y := 380+col*112, 290+row*120
			rect(m, x, y, x+70, y+80, rgb(90, 130, 160))
			rect(m, x+33, y, x+37, y+80, rgb(230, 230, 226))
		}
	}
	rect(m, 720, 700, 880, 820, rgb(11, 90, 77)) // door
	rect(m, 690, 670, 910, 690, rgb(242, 201, 76))
	rect(m, 600, 820, 1000, 1067, rgb(190, 186, 176)) // path
	for _, x := range []int{150, 1450} {              // trees
		rect(m, x-18, 600, x+18, 860, rgb(90, 60, 40))
		circle(m, x, 540, 150, rgb(60, 120, 60))
		circle(m, x-70, 620, 90, rgb(70, 135, 66))
		circle(m, x+80, 610, 100, rgb(54, 110, 56))
	}
}
