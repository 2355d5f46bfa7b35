package images

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/webp"
)

// Format is an image file format this package reads or writes.
type Format string

// The formats read; WebP, JPEG and PNG are also written.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
)

// Ext is the file name extension for the format, without the dot.
func (f Format) Ext() string {
	if f == JPEG {
		return "jpg"
	}
	return string(f)
}

// MediaType is the format's MIME type, as <source type> wants it.
func (f Format) MediaType() string { return "image/" + string(f) }

// Limits bound what Probe lets through to a decoder. The zero value means
// the defaults.
type Limits struct {
	// MaxPixels is the most pixels (width × height) an image may claim
	// in its header; 0 means DefaultMaxPixels.
	MaxPixels int64
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// The default limits: a 50 MP photo is larger than any phone's, and
// decodes to 200 MB of pixels, so a few at once still fit in memory.
const (
	DefaultMaxPixels = 50_000_000
	DefaultMaxBytes  = 30_000_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	return l
}

// Info is what an image's header says, read without decoding a pixel.
type Info struct {
	Format Format
	// Width and Height are as shown: after EXIF orientation, so a
	// portrait photo stored sideways is taller than wide.
	Width, Height int
	// Orientation is the EXIF orientation, 1–8; 1 when there is none or
	// it cannot be read.
	Orientation int
	// Profile is the description of an embedded ICC colour profile, ""
	// when there is none. Pixels are always taken as sRGB (see NotSRGB).
	Profile string
}

// NotSRGB reports an embedded colour profile other than sRGB (Adobe RGB,
// Display P3, a CMYK press profile …). This package does no colour
// management: such pixels are published as if they were sRGB, which
// looks duller or shifted, and the caller may warn about it.
func (i Info) NotSRGB() bool {
	return i.Profile != "" && !strings.Contains(strings.ToLower(i.Profile), "srgb")
}

// Probe reads an image's format, size and orientation from its header
// with the default Limits.
func Probe(src []byte) (Info, error) { return Limits{}.Probe(src) }

// Probe reads an image's format, size and orientation from its header,
// and refuses it, before any pixel is decoded, when the file or the size
// its header claims is over the limits: a decompression bomb never
// reaches a decoder.
func (l Limits) Probe(src []byte) (Info, error) {
	l = l.withDefaults()
	if int64(len(src)) > l.MaxBytes {
		return Info{}, errorf(TooLarge, "", nil, "the file has %d bytes, more than the limit of %d", len(src), l.MaxBytes)
	}
	format, err := sniff(src)
	if err != nil {
		return Info{}, err
	}
	cfg, err := decodeConfig(format, src)
	if err != nil {
		return Info{}, decodeError(format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, errorf(Corrupt, format, nil, "the %s header gives a size of %d×%d", format, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > l.MaxPixels {
		return Info{}, errorf(TooLarge, format, nil, "the %s header claims %d×%d pixels (%d), more than the limit of %d",
			format, cfg.Width, cfg.Height, px, l.MaxPixels)
	}
	meta := readMeta(format, src)
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height, Orientation: 1, Profile: meta.profile}
	if meta.exif != nil {
		info.Orientation = exifOrientation(meta.exif)
	}
	if info.Orientation >= 5 { // the four that turn the image a quarter
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// sniff names the format from the first bytes, and names the common
// formats this package does not read, so the message can say which.
func sniff(src []byte) (Format, error) {
	has := func(off int, magic string) bool {
		return len(src) >= off+len(magic) && string(src[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return JPEG, nil
	case has(0, "\x89PNG\r\n\x1a\n"):
		return PNG, nil
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return GIF, nil
	case has(0, "RIFF") && has(8, "WEBP"):
		return WebP, nil
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "", errorf(Unsupported, "", nil, "a TIFF (or camera raw) file: save it as JPEG or PNG")
	case has(4, "ftypavif"), has(4, "ftypavis"):
		return "", errorf(Unsupported, "", nil, "an AVIF file: save it as JPEG, PNG or WebP")
	case has(4, "ftypheic"), has(4, "ftypheix"), has(4, "ftypmif1"), has(4, "ftyphevc"):
		return "", errorf(Unsupported, "", nil, "a HEIC file (as iPhones save them): save it as JPEG")
	case has(0, "BM"):
		return "", errorf(Unsupported, "", nil, "a BMP file: save it as PNG")
	case has(0, "8BPS"):
		return "", errorf(Unsupported, "", nil, "a Photoshop file: save it as JPEG or PNG")
	case has(0, "%PDF-"):
		return "", errorf(NotImage, "", nil, "a PDF file, not an image: list it under documents")
	}
	head := src[:min(len(src), 1024)]
	if bytes.Contains(head, []byte("<svg")) {
		return "", errorf(NotImage, "", nil, "an SVG file: vector images are published as they are, not as photos")
	}
	return "", errorf(NotImage, "", nil, "not a JPEG, PNG, GIF or WebP image")
}

func decodeConfig(f Format, src []byte) (image.Config, error) {
	r := bytes.NewReader(src)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

// decodeError sorts a decoder's error: an UnsupportedError (arithmetic
// coding, a 4-component JPEG without its Adobe marker …) is not corruption.
func decodeError(f Format, err error) error {
	var ju jpeg.UnsupportedError
	var pu png.UnsupportedError
	switch {
	case errors.As(err, &ju), errors.As(err, &pu):
		return errorf(Unsupported, f, err, "a kind of %s this package cannot read", f)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errorf(Corrupt, f, err, "the %s file is cut short", f)
	}
	return errorf(Corrupt, f, err, "the %s file is corrupt", f)
}

// meta is what the containers carry beside the pixels.
type meta struct {
	exif    []byte // the TIFF structure of an EXIF block, nil when none
	profile string // the ICC profile's description
}

// readMeta finds the EXIF block and the ICC profile, walking the file's
// segments or chunks up to the pixel data. It reads no pixels and returns
// what it found before anything it cannot follow.
func readMeta(f Format, src []byte) meta {
	var m meta
	var icc []byte
	switch f {
	case JPEG:
		var parts [][]byte
		jpegSegments(src, func(marker byte, data []byte) {
			switch {
			case marker == 0xe1 && m.exif == nil && bytes.HasPrefix(data, []byte("Exif\x00\x00")):
				m.exif = data[6:]
			case marker == 0xe2 && bytes.HasPrefix(data, []byte("ICC_PROFILE\x00")) && len(data) > 14:
				// Large profiles are split in numbered parts; writers put
				// them in order, and this keeps that order.
				parts = append(parts, data[14:])
			}
		})
		if len(parts) > 0 {
			icc = bytes.Join(parts, nil)
		}
	case PNG:
		pngChunks(src, func(typ string, data []byte) {
			switch typ {
			case "eXIf":
				m.exif = data
			case "iCCP":
				icc = pngProfile(data)
				if icc == nil {
					m.profile = "ICC"
				}
			}
		})
	case WebP:
		webpChunks(src, func(typ string, data []byte) {
			switch typ {
			case "EXIF":
				m.exif = bytes.TrimPrefix(data, []byte("Exif\x00\x00"))
			case "ICCP":
				icc = data
			}
		})
	}
	if icc != nil {
		m.profile = iccDescription(icc)
	}
	return m
}

// jpegSegments calls fn with each marker segment before the first scan.
func jpegSegments(src []byte, fn func(marker byte, data []byte)) {
	i := 2 // after SOI
	for i+4 <= len(src) {
		if src[i] != 0xff {
			return
		}
		marker := src[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7) {
			i += 2 // no length
			continue
		}
		if marker == 0xda || marker == 0xd9 { // SOS, EOI
			return
		}
		n := int(binary.BigEndian.Uint16(src[i+2:]))
		if n < 2 || i+2+n > len(src) {
			return
		}
		fn(marker, src[i+4:i+2+n])
		i += 2 + n
	}
}

// pngChunks calls fn with each chunk before the image data.
func pngChunks(src []byte, fn func(typ string, data []byte)) {
	i := 8
	for i+12 <= len(src) {
		n := int(binary.BigEndian.Uint32(src[i:]))
		typ := string(src[i+4 : i+8])
		if typ == "IDAT" || typ == "IEND" || n < 0 || n > len(src)-i-12 {
			return
		}
		fn(typ, src[i+8:i+8+n])
		i += 12 + n
	}
}

// webpChunks calls fn with each chunk of the RIFF container.
func webpChunks(src []byte, fn func(typ string, data []byte)) {
	i := 12
	for i+8 <= len(src) {
		typ := string(src[i : i+4])
		n := int(binary.LittleEndian.Uint32(src[i+4:]))
		if n < 0 || n > len(src)-i-8 {
			return
		}
		fn(typ, src[i+8:i+8+n])
		i += 8 + n + n&1 // chunks are padded to an even size
	}
}

// maxProfile bounds the inflated ICC profile of a PNG: real ones are a few
// kilobytes, and an iCCP chunk must not be a bomb of its own.
const maxProfile = 1 << 20

// pngProfile inflates an iCCP chunk: name, NUL, method 0, zlib data.
func pngProfile(data []byte) []byte {
	nul := bytes.IndexByte(data, 0)
	if nul < 0 || nul+2 > len(data) {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(data[nul+2:]))
	if err != nil {
		return nil
	}
	icc, err := io.ReadAll(io.LimitReader(zr, maxProfile))
	if err != nil || len(icc) == maxProfile {
		return nil
	}
	return icc
}

// iccDescription reads the 'desc' tag of an ICC profile (version 2
// 'desc' text or version 4 'mluc', first record); "ICC" when the profile
// names itself in neither.
func iccDescription(p []byte) string {
	const unnamed = "ICC"
	if len(p) < 132 {
		return unnamed
	}
	n := int(binary.BigEndian.Uint32(p[128:]))
	for i := 0; i < n && 132+12*i+12 <= len(p); i++ {
		e := p[132+12*i:]
		if string(e[:4]) != "desc" {
			continue
		}
		off, size := int64(binary.BigEndian.Uint32(e[4:])), int64(binary.BigEndian.Uint32(e[8:]))
		if off+size > int64(len(p)) || size < 16 {
			return unnamed
		}
		d := p[off : off+size]
		switch string(d[:4]) {
		case "desc":
			count := int64(binary.BigEndian.Uint32(d[8:]))
			if 12+count > int64(len(d)) {
				return unnamed
			}
			return nonEmpty(strings.TrimRight(string(d[12:12+count]), "\x00"), unnamed)
		case "mluc":
			if len(d) < 28 || binary.BigEndian.Uint32(d[8:]) == 0 {
				return unnamed
			}
			length, at := int64(binary.BigEndian.Uint32(d[20:])), int64(binary.BigEndian.Uint32(d[24:]))
			if at+length > int64(len(d)) {
				return unnamed
			}
			u := make([]uint16, length/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(d[at+int64(2*j):])
			}
			return nonEmpty(strings.TrimRight(string(utf16.Decode(u)), "\x00"), unnamed)
		}
		return unnamed
	}
	return unnamed
}

func nonEmpty(s, otherwise string) string {
	if strings.TrimSpace(s) == "" {
		return otherwise
	}
	return s
}
