package images

import (
	"errors"

	exif "github.com/dsoprea/go-exif/v3"
	exifcommon "github.com/dsoprea/go-exif/v3/common"
)

const tagOrientation = 0x0112

// errStop ends go-exif's walk once IFD0 has given what it has: the
// orientation is there, and the rest (GPS, maker notes, thumbnails) is
// never published, so it need not be parsed.
var errStop = errors.New("stop")

// exifOrientation reads the Orientation tag of IFD0 from the TIFF
// structure of an EXIF block: 1 when it is missing, out of range or the
// block cannot be read (browsers then show the stored pixels as they are,
// so 1 keeps what the writer saw).
func exifOrientation(tiff []byte) (orientation int) {
	orientation = 1
	// go-exif turns its own failures into errors with recover, but only
	// those whose value is an error; a parser of a camera's bytes must
	// not take the build down with it.
	defer func() {
		if recover() != nil {
			orientation = 1
		}
	}()
	mapping, err := exifcommon.NewIfdMappingWithStandard()
	if err != nil {
		return 1
	}
	visit := func(ite *exif.IfdTagEntry) error {
		if ii := ite.IfdIdentity(); ii == nil || !ii.Equals(exifcommon.IfdStandardIfdIdentity) {
			return errStop // IFD0 had no orientation
		}
		if ite.TagId() != tagOrientation {
			return nil
		}
		// One SHORT is held in the entry itself. go-exif allocates a
		// value's count × size before reading it, so a forged count
		// would ask for gigabytes: read nothing else.
		if ite.TagType() != exifcommon.TypeShort || ite.UnitCount() != 1 {
			return errStop
		}
		if v, err := ite.Value(); err == nil {
			if s, ok := v.([]uint16); ok && len(s) == 1 && s[0] >= 1 && s[0] <= 8 {
				orientation = int(s[0])
			}
		}
		return errStop
	}
	// The error is errStop, or a broken block: either way orientation
	// holds what was found.
	// An index of the one tag wanted: an empty one fills itself from
	// go-exif's YAML of every standard tag on first use, which took 4 ms a
	// file, most of a warm rebuild's time per photo. Tags not in it still
	// reach the visitor.
	tags := exif.NewTagIndex()
	err = tags.Add(&exif.IndexedTag{Id: tagOrientation, Name: "Orientation",
		IfdPath: exifcommon.IfdStandardIfdIdentity.UnindexedString(), SupportedTypes: []exifcommon.TagTypePrimitive{exifcommon.TypeShort}})
	if err != nil {
		return 1
	}
	_, _, _ = exif.Visit(exifcommon.IfdStandardIfdIdentity, mapping, tags, tiff, visit, nil)
	return orientation
}
