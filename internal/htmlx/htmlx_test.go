package htmlx

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHelpers(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p id=a class="">Ala <b>ma</b> kota<svg><use xlink:href="#x"/></svg></p>`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var p, use *html.Node
	Walk(doc, func(n *html.Node) {
		names = append(names, n.Data)
		switch n.Data {
		case "p":
			p = n
		case "use":
			use = n
		}
	})
	if want := []string{"html", "head", "body", "p", "b", "svg", "use"}; !slices.Equal(names, want) {
		t.Errorf("Walk visits %q, want %q", names, want)
	}
	if Attr(p, "id") != "a" || Attr(p, "title") != "" {
		t.Errorf("Attr: id %q, title %q", Attr(p, "id"), Attr(p, "title"))
	}
	if v, ok := AttrOK(p, "class"); !ok || v != "" || !HasAttr(p, "class") || HasAttr(p, "title") {
		t.Errorf("an empty attribute: AttrOK = %q, %v", v, ok)
	}
	if HasAttr(use, "href") {
		t.Error("xlink:href is taken for href")
	}
	if got := Text(p); got != "Ala ma kota" {
		t.Errorf("Text = %q", got)
	}
}
