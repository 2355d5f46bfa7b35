package e2e_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// widths are the viewport widths every browser check runs at: a small
// phone and a laptop.
var widths = []int64{375, 1280}

// browser is one headless Chromium shared by the package's tests; each test
// opens its own tabs in it.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

// startBrowser launches Debian's Chromium with the flags this machine needs
// (no sandbox as root, no GPU, no background traffic to Google) and a fresh
// profile.
func startBrowser(path string) {
	profile, err := os.MkdirTemp("", "sitegen-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	browser.ctx = ctx
	browser.cancel = func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// The first action starts the browser, which lives as long as ctx (so
	// no timeout here); a broken install fails here.
	browser.err = chromedp.Do(ctx, chromedp.Navigate("about:blank"))
}

func stopBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
}

// tab opens a new tab of the shared browser at a viewport width, with the
// colour scheme given ("light" or "dark"). The tab closes with the test.
func tab(t *testing.T, width int64, scheme string) context.Context {
	t.Helper()
	built(t)
	path, err := chromiumPath()
	need(t, "Chromium", err)
	browser.once.Do(func() { startBrowser(path) })
	need(t, "Chromium", browser.err)
	ctx, cancel := chromedp.NewContext(browser.ctx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), emulateMedia("", scheme)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// emulateMedia makes CSS media queries see a media type ("print", or ""
// for the screen) and a colour scheme ("light" or "dark").
func emulateMedia(media, scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Media:    media,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

func navigate(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(path))); err != nil {
		t.Fatalf("navigating to %s: %v", path, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.60q: %v", js, err)
	}
	return v
}

// violation is the part of an axe-core result a failure message needs.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun runs axe-core with the WCAG 2.1 A and AA rules and returns the
// violations, each node as "selector: what is wrong".
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
	resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
})))`

// TestAxe injects axe-core into one page of every kind, in both languages,
// at both widths, and in dark mode at the narrow width: zero violations.
func TestAxe(t *testing.T) {
	built(t)
	axePath, err := npmTool("axe-core/axe.min.js")
	need(t, "axe-core", err)
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		width  int64
		scheme string
	}
	runs := []run{{375, "light"}, {1280, "light"}, {375, "dark"}}
	total := 0
	for _, r := range runs {
		t.Run(fmt.Sprintf("%d-%s", r.width, r.scheme), func(t *testing.T) {
			ctx := tab(t, r.width, r.scheme)
			for _, path := range pageTypes(t) {
				navigate(t, ctx, path)
				eval[chromedp.Void](t, ctx, string(axeSrc))
				vs := eval[[]violation](t, ctx, axeRun)
				total += len(vs)
				for _, v := range vs {
					t.Errorf("%s at %d px (%s): %s (%s, %s)\n\t%s", path, r.width, r.scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
			}
		})
	}
	t.Logf("axe-core: %d violations", total)
}

// TestReflow: at 320 px, the width WCAG's reflow criterion names, no page
// needs scrolling sideways.
func TestReflow(t *testing.T) {
	ctx := tab(t, 320, "light")
	for _, path := range pageTypes(t) {
		navigate(t, ctx, path)
		if w := eval[[]int](t, ctx, `[document.documentElement.scrollWidth, innerWidth]`); w[0] > w[1] {
			t.Errorf("%s is %d px wide in a %d px window", path, w[0], w[1])
		}
	}
}

// focused describes document.activeElement after a key press.
type focused struct {
	Tag      string `json:"tag"`
	Text     string `json:"text"`
	Href     string `json:"href"`
	ID       string `json:"id"`
	Region   string `json:"region"` // skip, menu, languages, main, other
	Visible  bool   `json:"visible"`
	Outlined bool   `json:"outlined"`
}

const activeElement = `(() => {
	const el = document.activeElement;
	const r = el.getBoundingClientRect();
	const cs = getComputedStyle(el);
	const region = el.classList.contains('skip-link') ? 'skip'
		: el.closest('.main-menu') ? 'menu'
		: el.closest('.language-switcher') ? 'languages'
		: el.closest('main') ? 'main' : 'other';
	return {
		tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim().slice(0, 60),
		href: el.getAttribute('href') || '', id: el.id, region,
		visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth,
		outlined: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
	};
})()`

func press(t *testing.T, ctx context.Context, key string) focused {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatal(err)
	}
	return eval[focused](t, ctx, activeElement)
}

// TestKeyboard tabs through the home page and a meeting page with the
// keyboard alone: the skip link comes first, is visible and jumps to the
// content; the main menu, the language switcher and links in the content
// are all reached, each with a visible focus indicator.
func TestKeyboard(t *testing.T) {
	for _, width := range widths {
		for _, path := range []string{"/", "/spotkania/2015/spotkanie-sygnatariuszy/", "/en/partners/"} {
			t.Run(fmt.Sprintf("%d%s", width, path), func(t *testing.T) {
				ctx := tab(t, width, "light")
				navigate(t, ctx, path)
				first := press(t, ctx, kb.Tab)
				if first.Region != "skip" || !first.Visible || !first.Outlined {
					t.Fatalf("the first Tab reached %+v, want the visible, outlined skip link", first)
				}
				if got := press(t, ctx, kb.Enter); got.ID != "main" {
					t.Errorf("Enter on the skip link focused %+v, want <main id=main>", got)
				}

				navigate(t, ctx, path)
				reached := map[string]bool{}
				for i := 0; i < 60 && !(reached["menu"] && reached["languages"] && reached["main"]); i++ {
					f := press(t, ctx, kb.Tab)
					if f.Tag == "body" {
						break
					}
					reached[f.Region] = true
					if !f.Visible || !f.Outlined {
						t.Errorf("Tab %d focused %+v without a visible focus indicator", i+1, f)
					}
				}
				for _, region := range []string{"menu", "languages", "main"} {
					if !reached[region] {
						t.Errorf("Tab never reached the %s", region)
					}
				}
			})
		}
	}
}

// TestLanguageSwitcher follows the switcher with the keyboard from Polish
// pages to their English translations and back.
func TestLanguageSwitcher(t *testing.T) {
	for _, c := range []struct{ from, lang, want string }{
		{"/spotkania/2015/spotkanie-sygnatariuszy/", "en", "/en/meetings/2015/signatories-meeting/"},
		{"/en/meetings/2015/signatories-meeting/", "pl", "/spotkania/2015/spotkanie-sygnatariuszy/"},
		{"/partnerzy/wup-zielona-gora/", "en", "/en/partners/wup-zielona-gora/"},
		{"/en/accessibility-statement/", "pl", "/deklaracja-dostepnosci/"},
		{"/spotkania/2015/", "en", "/en/meetings/2015/"},
	} {
		t.Run(c.from, func(t *testing.T) {
			ctx := tab(t, 375, "light")
			navigate(t, ctx, c.from)
			sel := fmt.Sprintf(".language-switcher a[hreflang=%q][lang=%q]", c.lang, c.lang)
			if !eval[bool](t, ctx, fmt.Sprintf("!!document.querySelector(%q)", sel)) {
				t.Fatalf("no switcher link %s", sel)
			}
			found := false
			for range 40 {
				f := press(t, ctx, kb.Tab)
				if f.Region == "languages" && eval[bool](t, ctx, fmt.Sprintf("document.activeElement.matches(%q)", sel)) {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("Tab never reached %s", sel)
			}
			if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
				t.Fatal(err)
			}
			got := eval[[]string](t, ctx, `[location.pathname, document.documentElement.lang]`)
			if got[0] != c.want || got[1] != c.lang {
				t.Errorf("landed on %s (lang %s), want %s (lang %s)", got[0], got[1], c.want, c.lang)
			}
		})
	}
}

// TestScreenshots saves full-page screenshots of the home page, a meeting
// and a partner at both widths (the home and meeting pages in dark mode
// too, and a meeting as printed) to testdata/screenshots, for people to
// look at.
func TestScreenshots(t *testing.T) {
	shots := []struct{ name, path string }{
		{"home", "/"},
		{"meeting", "/spotkania/2015/spotkanie-sygnatariuszy/"},
		{"partner", "/partnerzy/lubuska-wk-ohp/"},
		{"partners", "/partnerzy/"},
		{"statement", "/deklaracja-dostepnosci/"},
		{"page-with-table", "/en/social-economy/"},
	}
	for _, width := range widths {
		for _, scheme := range []string{"light", "dark"} {
			ctx := tab(t, width, scheme)
			for _, s := range shots {
				if scheme == "dark" && s.name != "home" && s.name != "meeting" {
					continue
				}
				navigate(t, ctx, s.path)
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("%s: %v", s.path, err)
				}
				name := fmt.Sprintf("%s-%d", s.name, width)
				if scheme == "dark" {
					name += "-dark"
				}
				writeScreenshot(t, name, png)
			}
		}
	}
	// The print style, as a browser shows it before printing.
	ctx := tab(t, 800, "light")
	if err := chromedp.Do(ctx, emulateMedia("print", "light")); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, shots[1].path)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	writeScreenshot(t, "meeting-print", png)
}
