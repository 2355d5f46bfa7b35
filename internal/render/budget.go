package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Templates are the site's own code, and templates/ is edited by hand, so
// a template can be written that never ends. html/template cannot be
// stopped once it runs, so the two ways to write one are refused before
// any page is rendered, where they can be seen in the parse trees, and a
// page that still runs too long is given up on (Options.Timeout):
//
//   - a range over a number larger than maxRange ({{range 1000000000000}});
//   - a template that calls itself, directly or through others
//     ({{define "x"}}{{range 5}}{{template "x" .}}{{end}}{{end}}), which
//     fans out without end.

// maxRange is the largest number a template may range over: far more than
// any list a page shows, far less than what would stall a build.
const maxRange = 10000

// loopProblems finds both kinds in every namespace of set.
func loopProblems(set *templateSet) diag.List {
	var problems diag.List
	seen := map[string]bool{}
	kinds := make([]string, 0, len(set.kinds))
	for k := range set.kinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, kind := range kinds {
		ns := set.kinds[kind]
		calls := map[string][]call{}
		for _, t := range ns.Templates() {
			if t.Tree == nil || t.Tree.Root == nil {
				continue
			}
			walkNodes(t.Tree.Root, func(n parse.Node) {
				switch n := n.(type) {
				case *parse.RangeNode:
					if v, ok := constInt(n.Pipe); ok && v > maxRange {
						addOnce(&problems, seen, nodeProblem(t.Tree, n,
							fmt.Sprintf("range over %d: a template may range over at most %d", v, maxRange),
							"range over a list of the site (.Lang.Meetings, .Page.Items …), not a number"))
					}
				case *parse.TemplateNode:
					calls[t.Name()] = append(calls[t.Name()], call{n.Name, t.Tree, n})
				}
			})
		}
		for _, p := range cycles(calls) {
			addOnce(&problems, seen, p)
		}
	}
	return problems
}

type call struct {
	name string
	tree *parse.Tree
	node *parse.TemplateNode
}

// cycles reports, at the call that closes it, every template that calls
// itself directly or through others.
func cycles(calls map[string][]call) []diag.Problem {
	var out []diag.Problem
	const (
		unvisited = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(name string)
	visit = func(name string) {
		state[name] = onPath
		path = append(path, name)
		for _, c := range calls[name] {
			switch state[c.name] {
			case onPath:
				i := slices.Index(path, c.name)
				loop := strings.Join(append(slices.Clone(path[i:]), c.name), " → ")
				out = append(out, nodeProblem(c.tree, c.node,
					fmt.Sprintf("template %q calls itself (%s): a page would never end", c.name, loop),
					"a template may not call itself; write the repeated part once and range over the data"))
			case unvisited:
				visit(c.name)
			}
		}
		path = path[:len(path)-1]
		state[name] = done
	}
	names := make([]string, 0, len(calls))
	for n := range calls {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if state[n] == unvisited {
			visit(n)
		}
	}
	return out
}

// constInt is the value of a pipeline that is one integer constant.
func constInt(p *parse.PipeNode) (int64, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0, false
	}
	n, ok := p.Cmds[0].Args[0].(*parse.NumberNode)
	if !ok || !n.IsInt {
		return 0, false
	}
	return n.Int64, true
}

func walkNodes(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkNodes(c, f)
			}
		}
	case *parse.IfNode:
		walkNodes(n.List, f)
		walkNodes(n.ElseList, f)
	case *parse.RangeNode:
		walkNodes(n.List, f)
		walkNodes(n.ElseList, f)
	case *parse.WithNode:
		walkNodes(n.List, f)
		walkNodes(n.ElseList, f)
	}
}

// nodeProblem places a problem at n in its template's file.
func nodeProblem(tree *parse.Tree, n parse.Node, msg, hint string) diag.Problem {
	loc, _ := tree.ErrorContext(n) // "templates/x.html:3:12"
	p := diag.Problem{Path: tree.ParseName, Message: msg, Hint: hint}
	parts := strings.Split(loc, ":")
	if len(parts) >= 3 {
		p.Path = strings.Join(parts[:len(parts)-2], ":")
		p.Line, _ = strconv.Atoi(parts[len(parts)-2])
		p.Col, _ = strconv.Atoi(parts[len(parts)-1])
	}
	return p
}

func addOnce(problems *diag.List, seen map[string]bool, p diag.Problem) {
	k := p.String()
	if !seen[k] {
		seen[k] = true
		problems.Add(p)
	}
}
