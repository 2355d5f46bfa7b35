package editor

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/newdoc"
	"github.com/lubuskie-es/sitegen/internal/slug"
)

// create makes a new document as `sitegen new` does and opens it.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	cfg, err := h.site()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	req := newdoc.Request{Kind: r.PostForm.Get("kind"), Title: r.PostForm.Get("title"), Lang: r.PostForm.Get("lang"), Now: h.opts.Now()}
	doc, err := newdoc.Make(cfg, req)
	var bad *newdoc.BadRequest
	if errors.As(err, &bad) {
		back(w, r, "Nie utworzono: podaj tytuł z literami i wybierz rodzaj oraz język.")
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rel := strings.TrimPrefix(doc.Path, "content/")
	if _, err := cleanPath(rel); err != nil {
		http.Error(w, "Niedozwolona ścieżka pliku.", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	err = h.writeFile(rel, doc.Data, true)
	h.mu.Unlock()
	if errors.Is(err, fs.ErrExist) {
		back(w, r, "Nie utworzono: plik "+rel+" już istnieje. Otwórz go z listy albo podaj inny tytuł.")
		return
	}
	if err != nil {
		http.Error(w, "Nie udało się zapisać pliku.", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, editURL(rel), http.StatusSeeOther)
}

// back returns to the list with a message.
func back(w http.ResponseWriter, r *http.Request, msg string) {
	http.Redirect(w, r, Prefix+"?error="+url.QueryEscape(msg), http.StatusSeeOther)
}

// maxUpload is the largest file taken: a photo straight from a camera.
const maxUpload = 20 << 20

// uploadTypes are the kinds of file taken, by the type their bytes show
// (http.DetectContentType), with the extensions each may have.
var uploadTypes = map[string][]string{
	"image/jpeg":      {".jpg", ".jpeg"},
	"image/png":       {".png"},
	"image/gif":       {".gif"},
	"image/webp":      {".webp"},
	"application/pdf": {".pdf"},
}

// upload takes one photo or document, with its alt text, into the
// folder of the document named by the path query parameter, and answers
// the Markdown that shows it. A file of that name is never replaced.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	rel, ok := h.checkPath(w, r.URL.Query().Get("path"))
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload+64<<10)
	f, fh, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "Plik jest za duży (najwyżej 20 MB).", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "Brak pliku.", http.StatusBadRequest)
		return
	}
	defer f.Close()
	alt := strings.TrimSpace(r.FormValue("alt"))
	if alt == "" && !strings.HasSuffix(strings.ToLower(fh.Filename), ".pdf") {
		http.Error(w, "Podaj tekst alternatywny: co widać na zdjęciu.", http.StatusBadRequest)
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, maxUpload+1))
	if err != nil || len(data) > maxUpload {
		http.Error(w, "Plik jest za duży (najwyżej 20 MB).", http.StatusRequestEntityTooLarge)
		return
	}
	ext := strings.ToLower(path.Ext(fh.Filename))
	exts, known := uploadTypes[http.DetectContentType(data)]
	if !known || !contains(exts, ext) {
		http.Error(w, "Ten rodzaj pliku nie jest przyjmowany: tylko zdjęcia JPEG, PNG, GIF, WebP i dokumenty PDF.", http.StatusUnsupportedMediaType)
		return
	}
	name := slug.Make(strings.TrimSuffix(path.Base(strings.ReplaceAll(fh.Filename, "\\", "/")), path.Ext(fh.Filename)))
	if name == "" {
		name = "plik"
	}
	target := path.Join(path.Dir(rel), name+ext)
	h.mu.Lock()
	err = h.writeFile(target, data, true)
	h.mu.Unlock()
	if errors.Is(err, fs.ErrExist) {
		http.Error(w, "Plik o tej nazwie już jest obok dokumentu; zmień nazwę pliku.", http.StatusConflict)
		return
	}
	if err != nil {
		http.Error(w, "Nie udało się zapisać pliku.", http.StatusInternalServerError)
		return
	}
	md := "![" + alt + "](" + name + ext + ")"
	if ext == ".pdf" {
		md = "[" + name + ext + "](" + name + ext + ")"
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"path": target, "markdown": md})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
