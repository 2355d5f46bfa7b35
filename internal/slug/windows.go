package slug

import (
	"fmt"
	"strings"
)

// Unportable says why name, one segment of a path (a file or folder
// name), cannot be a file or folder name on Windows, or "" when it can:
// writers use Windows and the preview is unpacked there, so a site must
// not publish a file Windows cannot hold. Windows refuses the device
// names CON, PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9 in any case and with
// any extension ("con.html", "Aux.txt"), also with the superscript digits
// it counts among them (COM¹); the characters < > : " | ? * and control
// characters; and a name that ends in a dot or a space.
func Unportable(name string) string {
	if i := strings.IndexFunc(name, func(r rune) bool {
		return r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"|?*`, r)
	}); i >= 0 {
		return fmt.Sprintf("it holds %q, which Windows does not allow in a file name", name[i:i+1])
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "it ends in a dot or a space, which Windows drops from a file name"
	}
	if device(name) {
		stem, _, _ := strings.Cut(name, ".")
		return fmt.Sprintf("%q is a device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9), with or without an extension", stem)
	}
	return ""
}

// device reports whether name is a Windows device name: the part before
// the first dot, with trailing spaces dropped, in any case.
func device(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(stem) < 4 || (stem[:3] != "COM" && stem[:3] != "LPT") {
		return false
	}
	switch d := stem[3:]; d {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
		return true
	}
	return false
}

// FoldCase is the form in which two paths that a case-insensitive file
// system (Windows, macOS) takes for the same file compare equal.
func FoldCase(p string) string { return strings.ToLower(p) }
