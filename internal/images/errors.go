package images

import "fmt"

// Kind says what is wrong with an image, so the caller can phrase the
// problem at the path:line:col of the front matter that named the file.
// A Kind is itself an error, so errors.Is(err, images.Corrupt) works.
type Kind int

// The kinds of problem Probe, Variants and Social report.
const (
	// NotImage: the bytes are no image format at all.
	NotImage Kind = iota + 1
	// Unsupported: an image, but in a format or variant this package
	// does not read (TIFF, HEIC, AVIF, arithmetic-coded JPEG …).
	Unsupported
	// Corrupt: the header or the pixel data is broken or cut short.
	Corrupt
	// TooLarge: more bytes or more pixels than Limits allows; refused
	// before any pixel is decoded.
	TooLarge
	// BadOption: an option such as the focus point is out of range.
	BadOption
)

// Error implements error, so a Kind can be the target of errors.Is.
func (k Kind) Error() string {
	switch k {
	case NotImage:
		return "not an image"
	case Unsupported:
		return "unsupported image format"
	case Corrupt:
		return "corrupt image"
	case TooLarge:
		return "image too large"
	case BadOption:
		return "bad image option"
	}
	return fmt.Sprintf("images.Kind(%d)", int(k))
}

// Error is every error this package returns about an image. Message is
// written for the person who put the file there; Err, when set, is the
// decoder's own error.
type Error struct {
	Kind    Kind
	Format  Format // "" when not known
	Message string
	Err     error
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap gives the decoder's error.
func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, images.TooLarge) true for an Error of that Kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

func errorf(kind Kind, format Format, err error, msg string, args ...any) *Error {
	return &Error{Kind: kind, Format: format, Message: fmt.Sprintf(msg, args...), Err: err}
}
