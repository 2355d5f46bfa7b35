// Package editor is the writers' browser editor that `sitegen serve`
// mounts at /_sitegen/editor/: a list of the content, a form made from
// the content schema beside the Markdown text, a live preview, and new
// documents made as `sitegen new` makes them.
//
// It is an http.Handler and changes files only under content/, through
// an os.Root (no "..", no absolute path, no symbolic link out), only on
// POST requests that carry the session's token and come from the
// editor's own origin. It trusts the server in front of it to refuse
// foreign Host headers (server.HostAllowed). It does not build: the
// preview is a function given by cmd/sitegen.
package editor

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Prefix is where the editor is mounted.
const Prefix = "/_sitegen/editor/"

// MaxForm is the largest request body the editor reads: a long page
// with its front matter is a few tens of kB.
const MaxForm = 2 << 20

// Options configure a Handler.
type Options struct {
	// Root is the site's folder, with site.yaml and content/.
	Root string
	// Preview renders the page of the content file rel (under content/)
	// as the build would with src as its text, without saving; nil: no
	// preview.
	Preview func(rel string, src []byte) ([]byte, diag.List)
	// Now is the clock new meetings are dated by; nil: time.Now.
	Now func() time.Time
}

// Handler serves the editor. The zero value is not usable; call New.
type Handler struct {
	opts  Options
	root  *os.Root // content/
	token string   // this session's: in every page, required on every POST
	mu    sync.Mutex
}

// New opens the site's content folder and makes a session token.
func New(opts Options) (*Handler, error) {
	root, err := os.OpenRoot(path.Join(opts.Root, content.Dir))
	if err != nil {
		return nil, err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Handler{opts: opts, root: root, token: rand.Text()}, nil
}

// Close releases the content folder.
func (h *Handler) Close() error { return h.root.Close() }

// ServeHTTP answers GET for pages (which never change anything) and POST
// for changes (which need the token and the editor's origin).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "SAMEORIGIN")
	w.Header().Set("Referrer-Policy", "same-origin")
	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		h.get(w, r, name)
	case http.MethodPost:
		r.Body = http.MaxBytesReader(w, r.Body, MaxForm+maxUpload)
		if !h.allowed(r) {
			http.Error(w, "Odmowa: brak lub zły klucz sesji albo żądanie z innej strony. Otwórz edytor od nowa.", http.StatusForbidden)
			return
		}
		h.post(w, r, name)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// allowed checks a POST: its Origin (or, without one, its Referer) is
// this editor's, and its token is the session's, compared in constant
// time. The token is read from the URL query or a header so that the
// body need not be parsed first (uploads are large).
func (h *Handler) allowed(r *http.Request) bool {
	self := "http://" + r.Host
	if o := r.Header.Get("Origin"); o != "" {
		if o != self {
			return false
		}
	} else if ref := r.Header.Get("Referer"); ref != "" && ref != self && !strings.HasPrefix(ref, self+"/") {
		return false
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		return false
	}
	tok := r.Header.Get("X-Sitegen-Token")
	if tok == "" {
		tok = r.URL.Query().Get("token")
	}
	if tok == "" && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if err := r.ParseForm(); err != nil {
			return false
		}
		tok = r.PostForm.Get("token")
	}
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(h.token)) == 1
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "":
		h.list(w, r)
	case "edit":
		q := r.URL.Query()
		rel, ok := h.checkPath(w, q.Get("path"))
		if !ok {
			return
		}
		orig := ""
		if q.Has("source") {
			if orig, ok = h.checkPath(w, q.Get("source")); !ok {
				return
			}
		}
		h.open(w, rel, orig, q.Get("saved") == "1")
	case "editor.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprint(w, script)
	case "editor.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		fmt.Fprint(w, style)
	default:
		http.NotFound(w, r)
	}
}

func (h *Handler) post(w http.ResponseWriter, r *http.Request, name string) {
	if name == "upload" {
		h.upload(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Za duży albo uszkodzony formularz.", http.StatusBadRequest)
		return
	}
	switch name {
	case "new":
		h.create(w, r)
		return
	}
	rel, ok := h.checkPath(w, r.PostForm.Get("path"))
	if !ok {
		return
	}
	switch name {
	case "translate":
		h.translate(w, r, rel)
	case "save":
		h.save(w, r, rel)
	case "preview":
		h.preview(w, r, rel)
	default:
		http.NotFound(w, r)
	}
}

// errBadPath is a path the editor does not open: not a plain relative
// path of a Markdown file under content/.
var errBadPath = errors.New("bad path")

// cleanPath checks a path under content/ as the editor takes it: forward
// slashes, relative, clean, a .md file the build reads. The os.Root that
// every file operation goes through refuses symbolic links that leave
// content/ as well.
func cleanPath(p string) (string, error) {
	if p == "" || strings.ContainsAny(p, "\\\x00:") || strings.HasPrefix(p, "/") || path.Clean(p) != p ||
		p == ".." || strings.HasPrefix(p, "../") || !strings.HasSuffix(p, ".md") || !fs.ValidPath(p) {
		return "", errBadPath
	}
	for d := p; d != "."; d = path.Dir(d) {
		if content.Skipped(content.Dir+"/"+d, d != p) {
			return "", errBadPath
		}
	}
	return p, nil
}

// checkPath answers 400 for a path cleanPath refuses and 404 for one
// that is not a regular file inside content/.
func (h *Handler) checkPath(w http.ResponseWriter, p string) (string, bool) {
	rel, err := cleanPath(p)
	if err != nil {
		http.Error(w, "Niedozwolona ścieżka pliku.", http.StatusBadRequest)
		return "", false
	}
	fi, err := h.root.Stat(rel)
	if err != nil || !fi.Mode().IsRegular() {
		http.Error(w, "Nie ma takiego pliku w content/.", http.StatusNotFound)
		return "", false
	}
	return rel, true
}

// hash names a version of a file, to tell whether it changed since it
// was opened.
func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// writeFile replaces rel atomically: a new file beside it, then a rename,
// so that the build never reads half a file. The temporary name starts
// with "." so that the build and the watcher pass over it.
func (h *Handler) writeFile(rel string, data []byte, exclusive bool) error {
	if exclusive {
		if _, err := h.root.Lstat(rel); err == nil {
			return fs.ErrExist
		}
	}
	mode := fs.FileMode(0o644)
	if fi, err := h.root.Stat(rel); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := h.root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return err
	}
	tmp := path.Join(path.Dir(rel), ".sitegen-"+rand.Text()[:12]+".tmp")
	f, err := h.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = h.root.Rename(tmp, rel)
	}
	if err != nil {
		_ = h.root.Remove(tmp)
	}
	return err
}

// site reads site.yaml: the languages and time zone parsing needs.
func (h *Handler) site() (*config.Config, error) {
	data, err := os.ReadFile(path.Join(h.opts.Root, config.FileName))
	if err != nil {
		return nil, err
	}
	cfg, problems := config.Parse(data)
	if problems.HasErrors() {
		return nil, fmt.Errorf("%s ma błędy: %s", config.FileName, problems.Errors()[0])
	}
	return cfg, nil
}

func parseOptions(cfg *config.Config) content.Options {
	return content.Options{Languages: cfg.Codes(), Location: cfg.Location}
}

// editURL is the address of the form of rel.
func editURL(rel string) string {
	return Prefix + "edit?path=" + url.QueryEscape(rel)
}
