package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/editor"
	"github.com/lubuskie-es/sitegen/internal/server"
	"github.com/lubuskie-es/sitegen/internal/watch"
)

// serveSynopsis is the form of `sitegen serve`, in its --help and in
// `sitegen help`.
const serveSynopsis = "sitegen serve [--source DIR] [--bind 127.0.0.1] [--port 1313] [--drafts]"

const serveUsage = "Usage: " + serveSynopsis + `

Builds the site in memory and serves it for preview at http://127.0.0.1:1313/.
Every change to site.yaml, content/, templates/ or static/ rebuilds it and
reloads the open pages. Errors are shown over the page (and printed here)
while the last good version stays served; fix the file and they go away.
Nothing is written to public/. Stop with Ctrl+C.

On 127.0.0.1 (the default) it also serves the writers' editor at
http://127.0.0.1:1313/_sitegen/editor/: forms for the content files,
saved into content/, with a live preview.

Examples:
  sitegen serve                       preview ./ at http://127.0.0.1:1313/
  sitegen serve --drafts              include drafts (draft: true)
  sitegen serve --port 8080           another port, when 1313 is taken
  sitegen serve --bind 0.0.0.0        reachable from other computers too

Flags:
`

// watched are what serve watches, relative to the site's folder.
var watched = []string{config.FileName, "content", "templates", build.StaticDir}

// serveFlags are the options of `sitegen serve`.
type serveFlags struct {
	source, bind string
	port         int
	drafts       bool
}

func newServeFlags(stderr io.Writer) (*flag.FlagSet, *serveFlags) {
	f := &serveFlags{}
	fs := newFlagSet("serve", serveUsage, stderr)
	fs.StringVar(&f.source, "source", ".", "the site's folder (with site.yaml)")
	fs.StringVar(&f.bind, "bind", "127.0.0.1", "the address to listen on; the default reaches only this computer")
	fs.IntVar(&f.port, "port", 1313, "the port to listen on (0: any free port)")
	fs.BoolVar(&f.drafts, "drafts", false, "include documents marked draft: true")
	return fs, f
}

func runServe(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs, f := newServeFlags(stderr)
	if code, done := parseFlags(fs, args, stderr); done {
		return code
	}
	if f.port < 0 || f.port > 65535 {
		fmt.Fprintf(stderr, "sitegen serve: --port %d is not a port number (0–65535)\n", f.port)
		return exitUsage
	}
	if st, err := os.Stat(f.source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "sitegen serve: --source %s is not a folder\n", f.source)
		return exitUsage
	}
	st, _ := newStyle("serve", false, false, stderr, stderr)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	l, err := server.Listen(f.bind, f.port)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen serve: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	defer l.Close()
	if !server.IsLoopback(f.bind) {
		fmt.Fprintln(stderr, st.paint(ansiYellow, fmt.Sprintf("sitegen serve: warning: bound to %s, so other computers can open the preview (drafts included, if --drafts); use the default --bind 127.0.0.1 to keep it on this computer", f.bind)))
	}

	w, err := watch.New(watch.Options{Root: f.source, Paths: watched})
	if err != nil {
		fmt.Fprintf(stderr, "sitegen serve: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	defer w.Close()

	src, closeSrc := siteFS(f.source)
	defer closeSrc()
	b := &rebuilder{src: src, opts: build.Options{Drafts: f.drafts, Defer: true}, now: now,
		cache: build.NewCache(), st: st, stderr: stderr}
	// Requests are answered when their Host names this computer (DNS
	// rebinding): loopback names, the address bound, and, when bound to
	// every interface, the computer's name and addresses.
	hosts := []string{f.bind}
	if !server.IsLoopback(f.bind) {
		if h, err := os.Hostname(); err == nil {
			hosts = append(hosts, h)
		}
		if ip := net.ParseIP(f.bind); ip != nil && ip.IsUnspecified() {
			addrs, _ := net.InterfaceAddrs()
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					hosts = append(hosts, n.IP.String())
				}
			}
		}
	}
	opts := server.Options{Rebuild: b.rebuild, Hosts: hosts}
	// The editor changes files: it is served only to this computer.
	if server.IsLoopback(f.bind) {
		pv := &previewer{dir: f.source, now: now}
		ed, err := editor.New(editor.Options{Root: f.source, Preview: pv.page, Now: now})
		if err != nil {
			fmt.Fprintf(stderr, "sitegen serve: the editor: %s\n", diag.Escape(err.Error()))
		} else {
			defer ed.Close()
			opts.Editor = ed
		}
	}
	srv := server.New(opts)
	srv.Update(b.rebuild(nil), false)

	addr := l.Addr().(*net.TCPAddr)
	host := f.bind
	if host == "0.0.0.0" || host == "::" || host == "" {
		host = "127.0.0.1"
	}
	fmt.Fprintf(stdout, "Serving %s at http://%s/ – open it in a browser; Ctrl+C stops.\n",
		filepath.Clean(f.source), net.JoinHostPort(host, fmt.Sprint(addr.Port)))
	if opts.Editor != nil {
		fmt.Fprintf(stdout, "Editor at http://%s%s\n", net.JoinHostPort(host, fmt.Sprint(addr.Port)), editor.Prefix)
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(l) }()
	go srv.Run(ctx, w.Batches)
	go func() {
		for err := range w.Errors {
			fmt.Fprintf(stderr, "sitegen serve: %s\n", diag.Escape(err.Error()))
		}
	}()

	select {
	case <-ctx.Done():
	case err := <-served:
		fmt.Fprintf(stderr, "sitegen serve: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutdown)
	fmt.Fprintln(stdout, "Stopped.")
	return exitOK
}

// rebuilder builds the site again on each change and prints one line
// about it.
type rebuilder struct {
	src    iofs.FS
	opts   build.Options
	now    func() time.Time
	cache  *build.Cache
	st     style
	stderr io.Writer
	last   map[string][]byte
}

func (b *rebuilder) rebuild(changed []string) server.Result {
	start := time.Now()
	opts := b.opts
	opts.Now = b.now()
	opts.Cache = b.cache
	opts.Changed = changed
	res := build.Run(b.src, opts)
	took := time.Since(start)
	what := "first build"
	if changed != nil {
		what = describeChange(changed)
	}
	what = diag.Escape(what) // file names from the watcher
	stamp := time.Now().Format("15:04:05")
	if res.Problems.HasErrors() {
		b.st.printProblems(b.stderr, res.Problems)
		fmt.Fprintf(b.stderr, "%s %s: %s; still serving the last good build (%d ms)\n",
			stamp, what, b.st.paint(ansiRed, "errors"), took.Milliseconds())
		return server.Result{Problems: res.Problems}
	}
	b.st.printProblems(b.stderr, res.Problems) // warnings
	pages, files := 0, 0
	next := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		next[f.Path] = f.Data
		if old, ok := b.last[f.Path]; !ok || !bytes.Equal(old, f.Data) {
			files++
			if strings.HasSuffix(f.Path, ".html") {
				pages++
			}
		}
	}
	for p := range b.last {
		if _, ok := next[p]; !ok {
			files++
		}
	}
	b.last = next
	fmt.Fprintf(b.stderr, "%s %s: %d pages rendered, %d changed (%d files changed) in %d ms\n",
		stamp, what, res.Stats.Rendered, pages, files, took.Milliseconds())
	return server.Result{Files: res.Files, Problems: res.Problems, Deferred: res.Deferred}
}

// describeChange names what changed: one path, or the first and a count.
func describeChange(changed []string) string {
	if slices.Contains(changed, watch.Everything) {
		return "everything (the system lost count of the changes)"
	}
	switch len(changed) {
	case 0:
		return "rebuild"
	case 1:
		return changed[0]
	}
	return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
}
