package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// stat is the median and range of one measure over the runs.
type stat struct{ med, min, max float64 }

func summarize(xs []float64) stat {
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{med: med, min: s[0], max: s[len(s)-1]}
}

func measures(ss []sample) (wall, cpu, rss stat) {
	var w, c, r []float64
	for _, s := range ss {
		w = append(w, ms(s.wall))
		c = append(c, ms(s.cpu))
		r = append(r, float64(s.rssKB)/1024)
	}
	return summarize(w), summarize(c), summarize(r)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// report prints a table of medians [ranges], then each Hugo's medians as
// multiples of sitegen's (the first tool).
func report(w io.Writer, tools []tool, results [][]sample, runs int) {
	fmt.Fprintf(w, "\n%d runs each, median [min–max]\n", runs)
	fmt.Fprintf(w, "%-14s %-24s %-24s %-20s\n", "tool", "wall ms", "user+sys CPU ms", "peak RSS MiB")
	walls, cpus, rsss := make([]stat, len(tools)), make([]stat, len(tools)), make([]stat, len(tools))
	for i, t := range tools {
		walls[i], cpus[i], rsss[i] = measures(results[i])
		fmt.Fprintf(w, "%-14s %-24s %-24s %-20s\n", t.name, walls[i].format(), cpus[i].format(), rsss[i].format())
	}
	for i := 1; i < len(tools); i++ {
		fmt.Fprintf(w, "%s / sitegen: wall %.2f×, CPU %.2f×, RSS %.2f×\n", tools[i].name,
			walls[i].med/walls[0].med, cpus[i].med/cpus[0].med, rsss[i].med/rsss[0].med)
	}
}

func (s stat) format() string { return fmt.Sprintf("%.0f [%.0f–%.0f]", s.med, s.min, s.max) }
