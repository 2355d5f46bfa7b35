// Package server is the preview server of `sitegen serve`: it serves the
// last good build from memory, tells open pages to reload over
// Server-Sent Events when a rebuild is done, and lays the build's errors
// over every page until they are fixed.
//
// It does not build: it is given a Rebuild function. The live-reload
// script is added to HTML as it is served, so built files never carry it.
package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
)

// Prefix is the URL space of the server's own endpoints; no site path
// starts with an underscore folder.
const Prefix = "/_sitegen/"

// Result is what a rebuild gives the server: the whole site, or the
// problems that stopped it.
type Result struct {
	Files    []output.File
	Problems diag.List
	// Deferred, when not nil, makes the rest of the site's files (feeds,
	// search index: work over every page that an edited page need not
	// wait for). The server calls it when a path is asked for that Files
	// do not have, never while Rebuild runs nor after the next Rebuild.
	Deferred func() ([]output.File, diag.List)
}

// Options configure a Server.
type Options struct {
	// Rebuild builds the site again; changed are the source paths that
	// changed (relative to the site's folder), nil for a full build.
	Rebuild func(changed []string) Result
	// Hosts are the host names or addresses (without port) that requests
	// may name in their Host header besides loopback names (see
	// HostAllowed): the address bound when it is not loopback.
	Hosts []string
	// Editor, when not nil, answers every request under Prefix+"editor/"
	// (any method) once its Host is allowed: the writers' editor, which
	// serve mounts on loopback only.
	Editor http.Handler
}

// Server serves one site. The zero value is not usable; call New.
type Server struct {
	opts Options

	mu       sync.RWMutex
	files    map[string][]byte // the last good build
	problems []diag.Problem    // errors of the latest build; nil when good
	// deferred makes the rest of the last good build's files; nil once
	// they are in files. good counts the builds files came from, so that
	// the rest of an older build is not added to a newer one.
	deferred func() ([]output.File, diag.List)
	good     int
	// unmade is set when the last good build's deferred files can no longer
	// be made (a failed build came after it): paths it lacks are answered
	// with the errors until a build succeeds.
	unmade bool
	// building is held while a rebuild runs and while deferred files are
	// made: a build may reuse the last one's data (see build.Options.Cache),
	// so the rest of a build is made before the next build starts or not at
	// all.
	building sync.Mutex
	clients  map[chan string]bool
	closed   bool
	// version names the state served; a page carries the version it was
	// served with and reloads when the event stream reports another one,
	// so a rebuild that lands between loading a page and its connecting
	// to the stream is not missed.
	version string
	start   int64
	n       int
}

// New returns a server with nothing built yet; call Update or Run.
func New(opts Options) *Server {
	s := &Server{opts: opts, clients: map[chan string]bool{}, start: time.Now().UnixNano()}
	s.version = fmt.Sprintf("%x-0", s.start)
	return s
}

// Update takes in a build: a good one replaces the site, a failed one
// keeps the last good site and shows its errors. Open pages are told to
// reload ("css" when only stylesheets changed, so pages swap them in
// place), which brings the overlay up or takes it away.
func (s *Server) Update(res Result, cssOnly bool) {
	s.mu.Lock()
	errs := res.Problems.Errors()
	hadErrors := s.problems != nil
	if len(errs) > 0 {
		s.problems = errs
		// A failed build may have changed the data the last good one's
		// deferred files would be made from (a build reuses the last
		// one's Site): they are not made until a build succeeds again.
		if s.deferred != nil {
			s.deferred, s.unmade = nil, true
		}
	} else {
		s.unmade = false
		s.problems = nil
		files := make(map[string][]byte, len(res.Files))
		for _, f := range res.Files {
			files[f.Path] = f.Data
		}
		s.files = files
		s.deferred = res.Deferred
		s.good++
	}
	msg := "reload"
	if cssOnly && !hadErrors && len(errs) == 0 {
		msg = "css"
	}
	s.notify(msg)
	s.mu.Unlock()
}

// notify starts a new version and tells every open page; s.mu is held.
func (s *Server) notify(msg string) {
	s.n++
	s.version = fmt.Sprintf("%x-%d", s.start, s.n)
	for c := range s.clients {
		select {
		case c <- msg:
		default: // a reload is already queued for this page
		}
	}
}

// complete adds the deferred files of the site served, making them if
// they are not made yet, and returns the files. Errors among them are
// shown as a failed build's are (the site stays served).
func (s *Server) complete() map[string][]byte {
	for {
		if files, done := s.completeOnce(); done {
			return files
		}
	}
}

// completeOnce is one try of complete: it is not done when a newer build
// came in while the deferred files of the older were being made.
func (s *Server) completeOnce() (map[string][]byte, bool) {
	s.building.Lock()
	defer s.building.Unlock()
	s.mu.RLock()
	files, deferred, good := s.files, s.deferred, s.good
	s.mu.RUnlock()
	if deferred == nil {
		return files, true
	}
	later, problems := deferred() // made once however many ask
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.good != good {
		return nil, false
	}
	if s.deferred == nil {
		return s.files, true // another request finished first
	}
	merged := make(map[string][]byte, len(files)+len(later))
	for p, data := range files {
		merged[p] = data
	}
	for _, f := range later {
		merged[f.Path] = f.Data
	}
	s.files, s.deferred = merged, nil
	if errs := problems.Errors(); len(errs) > 0 && s.problems == nil {
		s.problems = errs
		s.notify("reload")
	}
	return s.files, true
}

// Run rebuilds for every batch of changed paths until batches is closed
// or ctx is done. Each result goes through Update.
func (s *Server) Run(ctx context.Context, batches <-chan []string) {
	for {
		select {
		case <-ctx.Done():
			return
		case b, ok := <-batches:
			if !ok {
				return
			}
			s.building.Lock()
			s.Update(s.opts.Rebuild(b), cssOnly(b))
			s.building.Unlock()
		}
	}
}

func cssOnly(changed []string) bool {
	for _, p := range changed {
		if path.Ext(p) != ".css" {
			return false
		}
	}
	return len(changed) > 0
}

// Close ends every open event stream, so that http.Server.Shutdown need
// not wait for them. Register it with RegisterOnShutdown.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

// ServeHTTP serves the site and the server's own endpoints, to requests
// whose Host this computer is known by (see HostAllowed) only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !HostAllowed(r.Host, s.opts.Hosts) {
		// 403 rather than 421: the request did reach this server, which
		// refuses to answer it for another name.
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "sitegen serve: forbidden Host header; open the preview at http://127.0.0.1 (or localhost) with its port", http.StatusForbidden)
		return
	}
	if s.opts.Editor != nil && strings.HasPrefix(r.URL.Path, Prefix+"editor/") {
		s.opts.Editor.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, reloadJS)
		return
	}
	s.serveFile(w, r)
}

// lookup maps a URL path to a file of the site: "/a/" → "a/index.html".
// It reports "" for paths that are not clean or that no file answers.
// Files live in a map, so no path can reach the disk; unclean paths
// ("/a/../b", backslashes, NUL) are refused rather than cleaned, as a
// static host would.
func lookup(files map[string][]byte, urlPath string) (key string, redirect bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	clean := path.Clean(urlPath)
	if strings.HasSuffix(urlPath, "/") && clean != "/" {
		clean += "/"
	}
	if clean != urlPath {
		return "", false
	}
	key = strings.TrimPrefix(urlPath, "/")
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	if _, ok := files[key]; ok {
		return key, false
	}
	if _, ok := files[key+"/index.html"]; ok {
		return "", true // a folder asked for without its slash
	}
	return "", false
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	files, problems, version := s.files, s.problems, s.version
	s.mu.RUnlock()
	w.Header().Set("Cache-Control", "no-store")
	if files == nil {
		// Nothing good was built yet: the errors are all there is.
		page := errorPage("pl", problems, version)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(page)
		return
	}
	key, redirect := lookup(files, r.URL.Path)
	if key == "" && !redirect {
		files = s.complete()
		s.mu.RLock()
		var unmade bool
		problems, version, unmade = s.problems, s.version, s.unmade
		s.mu.RUnlock()
		key, redirect = lookup(files, r.URL.Path)
		if key == "" && !redirect && unmade && problems != nil {
			// Perhaps a feed or the search index, which cannot be made
			// while the site has errors: say so rather than 404.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write(errorPage(pageLang(files["404.html"]), problems, version))
			return
		}
	}
	if redirect {
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if key == "" {
		status, key = http.StatusNotFound, "404.html"
	}
	data, ok := files[key]
	if !ok { // a site without 404.html
		data = []byte("<!doctype html><title>404</title><p>404</p>")
	}
	ctype := contentType(key)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, problems, version)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(data)
		}
		return
	}
	http.ServeContent(w, r, key, time.Time{}, bytes.NewReader(data))
}

// contentTypes are the site's own types, so that serving does not depend
// on the host's MIME tables.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".xml": "application/xml; charset=utf-8",
	".ics": "text/calendar; charset=utf-8", ".txt": "text/plain; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".woff2": "font/woff2", ".woff": "font/woff", ".pdf": "application/pdf",
	".webmanifest": "application/manifest+json",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// inject adds the reload script, and the errors when there are any,
// before </body>, or at the end when the page has no </body>.
func inject(page []byte, problems []diag.Problem, version string) []byte {
	add := script(version)
	if problems != nil {
		add = overlay(pageLang(page), problems) + add
	}
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// pageLang reads <html lang="…"> from the start of a page.
func pageLang(page []byte) string {
	head := page[:min(len(page), 512)]
	i := bytes.Index(head, []byte(`lang=`))
	if i < 0 {
		return "pl"
	}
	v := strings.Trim(string(head[i+5:min(len(head), i+12)]), `"'`)
	if strings.HasPrefix(v, "pl") {
		return "pl"
	}
	return "en"
}

// Listen binds the address, explaining the usual failure: the port is
// taken, most often by another `sitegen serve`.
func Listen(bind string, port int) (net.Listener, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(bind, fmt.Sprint(port)))
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("port %d on %s is already in use (another sitegen serve?): stop that program or choose another port, e.g. --port %d", port, bind, port+1)
	}
	return l, err
}

// IsLoopback reports whether a bind address reaches only this computer.
func IsLoopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// HostAllowed reports whether a request's Host header (with or without a
// port) names this computer: "localhost" or a name under it (RFC 6761; a
// trailing dot allowed), a loopback address (127.0.0.0/8, [::1]), or one
// of hosts, compared without case. It is the guard against DNS rebinding:
// a page of another site whose name is made to resolve to 127.0.0.1 can
// reach the preview, but its requests' Host still names that other site,
// so they are refused, drafts and all. An empty Host (an HTTP/1.0 request
// without one) is refused too: every browser sends one.
func HostAllowed(hostport string, hosts []string) bool {
	host := hostport
	if h, port, err := net.SplitHostPort(hostport); err == nil {
		if !validPort(port) {
			return false
		}
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1] // an IPv6 address without a port
	}
	if host == "" {
		return false
	}
	if ip := net.ParseIP(host); ip != nil {
		if ip.IsLoopback() {
			return true
		}
	} else {
		name := strings.ToLower(strings.TrimSuffix(host, "."))
		if name == "localhost" || strings.HasSuffix(name, ".localhost") {
			return true
		}
	}
	for _, h := range hosts {
		h = strings.Trim(h, "[]")
		if h != "" && strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// validPort reports whether a Host header's port is a port number; an
// empty one ("localhost:") is allowed, as RFC 3986 allows it.
func validPort(port string) bool {
	if len(port) > 5 {
		return false
	}
	n := 0
	for _, c := range port {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n <= 65535
}

// events is the Server-Sent Events stream a page's reload script listens
// to: "reload" or "css" after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	s.clients[c] = true
	version := s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.clients[c] {
			delete(s.clients, c)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 1000\nevent: version\ndata: %s\n\n", version)
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-c:
			if !ok {
				return
			}
			s.mu.RLock()
			version := s.version
			s.mu.RUnlock()
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", msg, version)
			flusher.Flush()
		}
	}
}

// Clients reports how many pages listen for reloads (for tests).
func (s *Server) Clients() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.clients)
}

var overlayText = map[string][2]string{
	"pl": {"Strona ma błędy", "Poprawiony plik odświeży tę stronę sama. Do tego czasu widać ostatnią dobrą wersję."},
	"en": {"The site has errors", "This page reloads by itself when the file is fixed. Until then you see the last good version."},
}

// overlay is the errors, escaped, as a panel over the page.
func overlay(lang string, problems []diag.Problem) string {
	t := overlayText[lang]
	var b strings.Builder
	b.WriteString(`<div id="sitegen-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:2rem">`)
	fmt.Fprintf(&b, `<h2 style="color:#ff8a80;margin:0 0 .5rem">%s</h2><p>%s</p><pre style="white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;background:#000;padding:1rem">`,
		html.EscapeString(t[0]), html.EscapeString(t[1]))
	for _, p := range problems {
		b.WriteString(html.EscapeString(p.String()))
		b.WriteByte('\n')
	}
	b.WriteString(`</pre></div>`)
	return b.String()
}

// errorPage is served when no build has succeeded yet.
func errorPage(lang string, problems []diag.Problem, version string) []byte {
	return []byte(`<!doctype html><html lang="` + lang + `"><meta charset="utf-8"><title>sitegen</title><body>` +
		overlay(lang, problems) + script(version) + `</body></html>`)
}

func script(version string) string {
	return `<script src="` + Prefix + `reload.js" data-version="` + version + `"></script>`
}

// reloadJS listens for rebuilds. On "css" it swaps the page's stylesheets
// for the new build's (fingerprinted names change) without reloading; on
// anything else it reloads. After the server restarts it reloads too.
const reloadJS = `(function(){
var v=document.currentScript&&document.currentScript.dataset.version,es=new EventSource("/_sitegen/events");
es.addEventListener("version",function(e){if(e.data!==v)location.reload()});
es.addEventListener("reload",function(){location.reload()});
es.addEventListener("css",function(e){v=e.data;
fetch(location.href,{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){
var d=new DOMParser().parseFromString(t,"text/html");
var old=document.querySelectorAll('link[rel="stylesheet"]'),nu=d.querySelectorAll('link[rel="stylesheet"]');
if(old.length!==nu.length){location.reload();return}
for(var i=0;i<old.length;i++){var l=document.importNode(nu[i],true);old[i].replaceWith(l)}
}).catch(function(){location.reload()})});
})();
`
