package output

import (
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"path"
	"strings"
)

// Fingerprint returns path with a short content hash before the extension
// ("css/site.css" becomes "css/site.1a2b3c4d5e.css") and the Subresource
// Integrity value for data ("sha384-…"). Both come from one SHA-384 digest,
// so a changed file always gets a new name and a matching integrity value.
func Fingerprint(p string, data []byte) (hashed, integrity string) {
	sum := sha512.Sum384(data)
	// 40 bits keep names short; a collision would need two versions of
	// the same file, in the same folder, in the same cache lifetime.
	short := hex.EncodeToString(sum[:5])
	return insertBeforeExt(p, short), "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

// insertBeforeExt puts tag before the extension of the last path segment, or
// at the end when there is none. A leading dot starts a name, not an
// extension: ".htaccess" becomes ".htaccess.tag".
func insertBeforeExt(p, tag string) string {
	dir, base := path.Split(p)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if stem == "" {
		stem, ext = base, ""
	}
	return dir + stem + "." + tag + ext
}
