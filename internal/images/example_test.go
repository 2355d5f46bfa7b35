package images_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"github.com/lubuskie-es/sitegen/internal/images"
)

// A build makes one Processor with the site's options and cache, and
// asks it for each photo's variants; the names go into srcset.
func ExampleProcessor() {
	var src bytes.Buffer
	if err := png.Encode(&src, image.NewGray(image.Rect(0, 0, 1000, 750))); err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "site")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	cache, err := images.OpenCache(filepath.Join(dir, images.DefaultCacheDir))
	if err != nil {
		log.Fatal(err)
	}
	p := images.New(images.Options{}, cache, 0)
	variants, err := p.Variants(src.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range variants {
		fmt.Println(v.Format.MediaType(), v.Width, v.Height)
	}
	// A file that is no image is refused with a Kind to report.
	_, err = p.Variants([]byte("%PDF-1.7"))
	var e *images.Error
	fmt.Println(errors.As(err, &e), e.Kind == images.NotImage, err)
	// Output:
	// image/webp 480 360
	// image/webp 800 600
	// image/webp 1000 750
	// image/jpeg 480 360
	// image/jpeg 800 600
	// image/jpeg 1000 750
	// true true a PDF file, not an image: list it under documents
}
