package main

import (
	"bytes"
	iofs "io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

// previewer renders one page of the site as the build would with one
// content file replaced by the editor's unsaved text.
type previewer struct {
	dir string
	now func() time.Time
	// mu orders previews: each build reuses the last one's work through
	// cache (its own, not serve's), checking every file's stamp.
	mu    sync.Mutex
	cache *build.Cache
}

// page builds the site in memory with content/rel holding src and
// returns that page's HTML. Drafts are always shown: a writer previews
// the draft being written.
func (p *previewer) page(rel string, src []byte) ([]byte, diag.List) {
	name := content.Dir + "/" + rel
	fsys := overlay{base: os.DirFS(p.dir).(readLinkFS), name: name, data: src, mod: time.Now()}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cache == nil {
		p.cache = build.NewCache()
	}
	res := build.Run(fsys, build.Options{Drafts: true, Defer: true, Now: p.now(), Cache: p.cache})
	if res.Problems.HasErrors() || res.Site == nil {
		return nil, res.Problems
	}
	for _, pg := range res.Site.Pages {
		if pg.Doc == nil || pg.Doc.Path != name {
			continue
		}
		key := strings.TrimPrefix(pg.URL, "/")
		if key == "" || strings.HasSuffix(key, "/") {
			key += "index.html"
		}
		for _, f := range res.Files {
			if f.Path == key {
				return f.Data, res.Problems
			}
		}
	}
	return nil, res.Problems
}

// readLinkFS is what os.DirFS gives and the build reads through: files,
// folders and symbolic links.
type readLinkFS interface {
	iofs.FS
	iofs.ReadDirFS
	iofs.ReadFileFS
	iofs.StatFS
	iofs.ReadLinkFS
}

// overlay is a folder with one file's contents replaced.
type overlay struct {
	base readLinkFS
	name string
	data []byte
	mod  time.Time
}

func (o overlay) Open(name string) (iofs.File, error) {
	if name != o.name {
		return o.base.Open(name)
	}
	return &memFile{r: bytes.NewReader(o.data), info: o.info()}, nil
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if name != o.name {
		return o.base.ReadFile(name)
	}
	return bytes.Clone(o.data), nil
}

// ReadDir lists the replaced file with its own info, so that the build's
// cache, which trusts a listed file's stamp, reads the new bytes.
func (o overlay) ReadDir(name string) ([]iofs.DirEntry, error) {
	entries, err := o.base.ReadDir(name)
	for i, e := range entries {
		if path.Join(name, e.Name()) == o.name {
			entries[i] = iofs.FileInfoToDirEntry(o.info())
		}
	}
	return entries, err
}

func (o overlay) Stat(name string) (iofs.FileInfo, error) {
	if name != o.name {
		return o.base.Stat(name)
	}
	return o.info(), nil
}

func (o overlay) Lstat(name string) (iofs.FileInfo, error) {
	if name != o.name {
		return o.base.Lstat(name)
	}
	return o.info(), nil
}

func (o overlay) ReadLink(name string) (string, error) { return o.base.ReadLink(name) }

func (o overlay) info() memInfo {
	return memInfo{name: o.name[strings.LastIndex(o.name, "/")+1:], size: int64(len(o.data)), mod: o.mod}
}

type memFile struct {
	r    *bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (iofs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error)   { return f.r.Read(b) }
func (f *memFile) Close() error                 { return nil }

type memInfo struct {
	name string
	size int64
	mod  time.Time
}

func (i memInfo) Name() string        { return i.name }
func (i memInfo) Size() int64         { return i.size }
func (i memInfo) Mode() iofs.FileMode { return 0o644 }
func (i memInfo) ModTime() time.Time  { return i.mod }
func (i memInfo) IsDir() bool         { return false }
func (i memInfo) Sys() any            { return nil }
