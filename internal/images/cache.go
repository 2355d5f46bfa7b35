package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// DefaultCacheDir is where, under the site's root, the build keeps
// processed images between runs; .gitignore ignores .cache/.
const DefaultCacheDir = ".cache/sitegen/images"

// Cache keeps processed images in a folder, one file per photo and set of
// options, named by the SHA-256 of the source bytes and those options.
// A file is written under a temporary name and renamed, so a reader never
// sees half of one, and two builds racing on one key both leave a whole
// entry. Processor.Prune removes what a build did not use; deleting the
// folder is always safe.
type Cache struct{ dir string }

// OpenCache returns the cache in dir, creating the folder.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("image cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// An entry is one line of JSON naming its variants, then their bytes in
// that order.
type entryHeader struct {
	Variants []entryVariant `json:"variants"`
}

type entryVariant struct {
	Format Format `json:"format"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// get returns the entry for key. A missing, cut or altered entry is a
// miss: the checksum of every variant is verified, as a damaged cache
// must never publish a damaged photo.
func (c *Cache) get(key string) ([]Variant, bool) {
	raw, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	line, rest, ok := bytes.Cut(raw, []byte("\n"))
	if !ok {
		return nil, false
	}
	var h entryHeader
	if json.Unmarshal(line, &h) != nil || len(h.Variants) == 0 {
		return nil, false
	}
	out := make([]Variant, 0, len(h.Variants))
	for _, e := range h.Variants {
		if e.Size < 0 || e.Size > len(rest) {
			return nil, false
		}
		data := rest[:e.Size:e.Size]
		rest = rest[e.Size:]
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != e.SHA256 {
			return nil, false
		}
		out = append(out, newVariant(e.Format, e.Width, e.Height, data))
	}
	return out, len(rest) == 0
}

// put stores an entry, atomically.
func (c *Cache) put(key string, vs []Variant) error {
	var h entryHeader
	for _, v := range vs {
		sum := sha256.Sum256(v.Data)
		h.Variants = append(h.Variants, entryVariant{v.Format, v.Width, v.Height, len(v.Data), hex.EncodeToString(sum[:])})
	}
	line, err := json.Marshal(h)
	if err != nil {
		return err
	}
	dst := c.path(key)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	defer os.Remove(f.Name()) // fails harmlessly once renamed
	w := append(line, '\n')
	for _, v := range vs {
		w = append(w, v.Data...)
	}
	if _, err := f.Write(w); err != nil {
		f.Close()
		return fmt.Errorf("image cache: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	if err := os.Rename(f.Name(), dst); err != nil {
		return fmt.Errorf("image cache: %w", err)
	}
	return nil
}

// prune removes every entry whose key keep rejects, and temporary files
// a killed build left behind.
func (c *Cache) prune(keep func(key string) bool) (int, error) {
	files, err := filepath.Glob(filepath.Join(c.dir, "??", "*"))
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, f := range files {
		if keep(filepath.Base(f)) {
			continue
		}
		if err := os.Remove(f); err != nil {
			return removed, fmt.Errorf("image cache: %w", err)
		}
		removed++
	}
	return removed, nil
}
