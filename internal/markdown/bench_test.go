package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// benchPage is a typical page of the site: headings, long Polish
// paragraphs with quotes and dashes, lists, a table, links to other pages
// and a footnote.
const benchPage = `[Partnerstwo na rzecz ekonomii społecznej](o-partnerstwie.pl.md) ma dwa zadania: budować klimat sprzyjający rozwojowi zatrudnienia w podmiotach ekonomii społecznej oraz przyczyniać się do powstawania nowych podmiotów reintegracyjnych -- zwłaszcza w powiatach, w których bezrobocie jest najwyższe.

## Zatrudnienie w podmiotach ekonomii społecznej

Partnerstwo działa na rzecz rozwoju zatrudnienia w podmiotach społecznych, do których należą m.in.:

- fundacje i stowarzyszenia prowadzące działalność gospodarczą,
- spółdzielnie socjalne, w tym "młode" spółdzielnie założone po 2015 r.,
- spółdzielnie pracy oraz spółdzielnie inwalidów i niewidomych,
- **Zakłady Aktywności Zawodowej** i *Centra Integracji Społecznej*.

Sygnatariusze porozumienia -- samorząd województwa, powiaty, organizacje pozarządowe i przedsiębiorcy -- spotykają się co najmniej raz w roku. Podczas [spotkania 14 maja 2015 r.](meetings/2015-05-14-spotkanie-sygnatariuszy.pl.md#ustalenia) rozmawiano m.in. o założeniach "Lubuskiego Programu Rozwoju Ekonomii Społecznej", o nowej perspektywie finansowania w ramach Regionalnego Programu Operacyjnego oraz o społecznej odpowiedzialności biznesu[^rpo].

## Podmioty reintegracyjne

Podmioty reintegracyjne przywracają na rynek pracy osoby wykluczone... Partnerstwo chce przyczyniać się do powstawania nowych podmiotów tego rodzaju:

| Rodzaj podmiotu | Skrót | Liczba w województwie |
|---|---|---:|
| Klub Integracji Społecznej | KIS | 14 |
| Centrum Integracji Społecznej | CIS | 9 |
| Zakład Aktywności Zawodowej | ZAZ | 6 |

Więcej informacji o partnerach znajduje się na stronach [Wojewódzkiego Urzędu Pracy](partners/wup-zielona-gora.pl.md), [Lubuskiej Wojewódzkiej Komendy OHP](partners/lubuska-wk-ohp.pl.md) oraz [Marszałka Województwa Lubuskiego](partners/marszalek-wojewodztwa-lubuskiego.pl.md). Dokumenty programowe są dostępne na https://rpo.lubuskie.pl/ i w Biuletynie Informacji Publicznej.

## Tematy rozmów sygnatariuszy

Sygnatariusze co najmniej raz w roku spotykają się, aby omówić najważniejsze zagadnienia ekonomii społecznej: finansowanie, ~~dotacje bezzwrotne~~ pożyczki, klauzule społeczne w zamówieniach publicznych, a także współpracę z biznesem. Każde spotkanie kończy się przyjęciem "Stanowiska sygnatariuszy", które trafia do Zarządu Województwa.

1. Ocena realizacji programu w minionym roku.
2. Propozycje zmian w kryteriach konkursów --- w tym preferencje dla spółdzielni socjalnych.
3. Wymiana doświadczeń między powiatami: żarskim, żagańskim, nowosolskim i gorzowskim.

![Mapa województwa lubuskiego z zaznaczonymi podmiotami](mapa.png)

## Kontakt

Regionalny Ośrodek Polityki Społecznej w Zielonej Górze, al. Niepodległości 36, 65-042 Zielona Góra. Sprawy partnerstwa prowadzi Dział Ekonomii Społecznej; [formularz kontaktowy](kontakt.pl.md) jest dostępny przez całą dobę.

[^rpo]: Regionalny Program Operacyjny -- Lubuskie 2020, oś priorytetowa 7 "Równowaga społeczna".
`

func benchResolver(path string) (string, bool) {
	return "/pl/" + strings.TrimSuffix(strings.TrimSuffix(path, ".md"), ".pl") + "/", true
}

// BenchmarkConvert measures the whole conversion: parse, the walk that
// checks links and collects text, and rendering.
func BenchmarkConvert(b *testing.B) {
	c := New(polish)
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r := c.Convert(src, benchResolver)
		if len(r.Problems) != 0 {
			b.Fatal(r.Problems)
		}
	}
}

// BenchmarkGoldmarkPlain is the baseline: goldmark with the same
// extensions and its own heading ids, without this package's walk.
func BenchmarkGoldmarkPlain(b *testing.B) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		// A fresh buffer, as the HTML of every page is kept.
		var buf bytes.Buffer
		if err := md.Convert(src, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvertParallel is how a build uses a Converter: shared by all
// workers.
func BenchmarkConvertParallel(b *testing.B) {
	c := New(polish)
	src := []byte(benchPage)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			c.Convert(src, benchResolver)
		}
	})
}

// BenchmarkConvertCorpus converts the Markdown bodies of a generated site
// of 1,000 files, the mix that BenchmarkBuild in internal/build converts,
// one after another: ns/op is per site, not per page.
func BenchmarkConvertCorpus(b *testing.B) {
	c, err := corpus.New(corpus.Options{Pages: 1000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var bodies [][]byte
	size := 0
	for _, p := range c.ContentPaths() {
		data := c.Files[p]
		// The body is what follows the closing "---" of the front matter.
		if _, after, ok := bytes.Cut(data[3:], []byte("\n---\n")); ok {
			data = after
		}
		bodies = append(bodies, data)
		size += len(data)
	}
	pl, en := New(polish), New(english)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	// CPU time, garbage collection included, is steadier than ns/op on a
	// busy machine.
	cpu0, cpuOK := corpus.CPUTime()
	for b.Loop() {
		for i, body := range bodies {
			c := pl
			if i%2 == 1 {
				c = en
			}
			c.Convert(body, benchResolver)
		}
	}
	if cpu1, _ := corpus.CPUTime(); cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
