package tmplexec

import (
	"fmt"
	"reflect"
	"strings"
	"text/template/parse"
)

// Compilation turns an escaped parse tree into closures. What text/template
// decides while walking (which function a name means, how a constant
// converts to a parameter, where a variable lives) is decided here once.
//
// A construct tmplexec does not handle makes the template unsupported (an
// error from the compiler): it then always runs on html/template. A
// construct that text/template would reject only when executed (a wrong
// number of arguments, say) compiles to a closure that fails, so the
// template runs compiled until that code is reached.

// ctrl is how a node's execution ends: normally, or by {{break}} or
// {{continue}} on the way out to the enclosing {{range}}.
type ctrl uint8

const (
	ctrlNext ctrl = iota
	ctrlBreak
	ctrlContinue
)

// execFn executes a node with dot, writing to s.w.
type execFn func(s *state, dot reflect.Value) ctrl

// evalFn computes a value. final is the previous command's value in a
// pipeline, for the commands that receive it; other expressions ignore it.
type evalFn func(s *state, dot, final reflect.Value) reflect.Value

// strFn computes a string-kinded value without boxing it in a reflect.Value.
type strFn func(s *state, dot, final reflect.Value) string

// expr is a compiled expression. str, when set, computes the same value
// as val for a result whose static type is typ (a string kind), so that
// escapers and string parameters take it without allocating.
type expr struct {
	val evalFn
	str strFn
	typ reflect.Type
}

// tmpl is a compiled template.
type tmpl struct {
	name  string
	root  execFn
	nvars int // variable slots of one execution, $ included
}

// escaperPrefix starts the names of the functions html/template inserts.
const escaperPrefix = "_html_template_"

// session is one compilation: the named template and all it reaches.
// Templates join the Set only if the whole session succeeds, so none is
// ever left referring to a template that failed to compile.
type session struct {
	set     *Set
	pending map[string]*tmpl
}

// variable is a template variable in scope and its slot in the frame.
type variable struct {
	name string
	slot int
}

// compiler compiles the body of one template. vars mirrors text/template's
// run-time variable stack, so every variable reference resolves to the
// slot the stack lookup would find.
type compiler struct {
	*session
	vars   []variable
	nslots int
}

// template compiles the named template, or finds it compiled.
func (ss *session) template(name string) (*tmpl, error) {
	if t := ss.set.compiled[name]; t != nil {
		return t, nil
	}
	if t := ss.pending[name]; t != nil {
		return t, nil // a recursive call: filled in once its body is compiled
	}
	if strings.Contains(name, "$htmltemplate_") {
		return nil, fmt.Errorf("%s is a copy html/template made for another context", name)
	}
	ht := ss.set.shadow.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		return nil, fmt.Errorf("template %q is not defined", name)
	}
	t := &tmpl{name: name}
	ss.pending[name] = t
	c := &compiler{session: ss, vars: []variable{{"$", 0}}, nslots: 1}
	root, err := c.list(ht.Tree.Root)
	if err != nil {
		return nil, fmt.Errorf("template %q: %w", name, err)
	}
	t.root, t.nvars = root, c.nslots
	return t, nil
}

func (c *compiler) list(l *parse.ListNode) (execFn, error) {
	if l == nil {
		return nil, nil
	}
	var fns []execFn
	for _, n := range l.Nodes {
		f, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if f != nil {
			fns = append(fns, f)
		}
	}
	switch len(fns) {
	case 0:
		return func(*state, reflect.Value) ctrl { return ctrlNext }, nil
	case 1:
		return fns[0], nil
	}
	return func(s *state, dot reflect.Value) ctrl {
		for _, f := range fns {
			if c := f(s, dot); c != ctrlNext {
				return c
			}
		}
		return ctrlNext
	}, nil
}

func (c *compiler) node(n parse.Node) (execFn, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) ctrl {
			s.w.Write(text)
			return ctrlNext
		}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.branch(&n.BranchNode, false)
	case *parse.WithNode:
		return c.branch(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) ctrl { return ctrlBreak }, nil
	case *parse.ContinueNode:
		return func(*state, reflect.Value) ctrl { return ctrlContinue }, nil
	}
	return nil, fmt.Errorf("unsupported node %s", n)
}

// action compiles {{pipeline}}: a declaration, or a value written through
// the escapers html/template appended to the pipeline.
func (c *compiler) action(n *parse.ActionNode) (execFn, error) {
	if len(n.Pipe.Decl) > 0 {
		p, _, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) ctrl {
			p.val(s, dot, reflect.Value{})
			return ctrlNext
		}, nil
	}
	cmds, chain := splitEscapers(n.Pipe.Cmds)
	p, err := c.commands(cmds)
	if err != nil {
		return nil, err
	}
	if chain == "" {
		return printer(p), nil
	}
	esc, err := c.set.escaping.escaper(chain)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", n, err)
	}
	return esc.action(p), nil
}

// splitEscapers separates the escaping functions html/template appended
// to an action's pipeline, naming them (without their prefix) joined by |.
func splitEscapers(cmds []*parse.CommandNode) ([]*parse.CommandNode, string) {
	i := len(cmds)
	for i > 1 {
		id, ok := cmds[i-1].Args[0].(*parse.IdentifierNode)
		if !ok || len(cmds[i-1].Args) != 1 || !strings.HasPrefix(id.Ident, escaperPrefix) {
			break
		}
		i--
	}
	names := make([]string, 0, len(cmds)-i)
	for _, cmd := range cmds[i:] {
		names = append(names, strings.TrimPrefix(cmd.Args[0].(*parse.IdentifierNode).Ident, escaperPrefix))
	}
	return cmds[:i], strings.Join(names, "|")
}

// printer writes a value that no escaper handles, as text/template does.
func printer(p expr) execFn {
	if p.str != nil && plainString(p.typ) {
		str := p.str
		return func(s *state, dot reflect.Value) ctrl {
			s.w.WriteString(str(s, dot, reflect.Value{}))
			return ctrlNext
		}
	}
	val := p.val
	return func(s *state, dot reflect.Value) ctrl {
		s.print(val(s, dot, reflect.Value{}))
		return ctrlNext
	}
}

// pipe compiles a pipeline with its declarations, returning the slots it
// declares or assigns (-1: assignment to a variable not in scope).
func (c *compiler) pipe(p *parse.PipeNode) (expr, []int, error) {
	if p == nil {
		return expr{val: func(*state, reflect.Value, reflect.Value) reflect.Value { return reflect.Value{} }}, nil, nil
	}
	e, err := c.commands(p.Cmds)
	if err != nil {
		return expr{}, nil, err
	}
	if len(p.Decl) == 0 {
		return e, nil, nil
	}
	// Declared after the commands: they are evaluated before the push.
	slots := make([]int, len(p.Decl))
	for i, d := range p.Decl {
		name := d.Ident[0]
		if p.IsAssign {
			slots[i] = c.lookup(name)
			continue
		}
		slots[i] = c.nslots
		c.nslots++
		c.vars = append(c.vars, variable{name, slots[i]})
	}
	val := e.val
	return expr{val: func(s *state, dot, _ reflect.Value) reflect.Value {
		v := val(s, dot, reflect.Value{})
		for _, slot := range slots {
			if slot < 0 {
				s.fail("undefined variable")
			}
			s.vars[s.base+slot] = v
		}
		return v
	}}, slots, nil
}

// lookup finds the slot of the innermost variable name, -1 if none.
func (c *compiler) lookup(name string) int {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].slot
		}
	}
	return -1
}

// commands compiles a pipeline's commands, each receiving the previous
// one's value.
func (c *compiler) commands(cmds []*parse.CommandNode) (expr, error) {
	if len(cmds) == 0 {
		return expr{}, fmt.Errorf("empty pipeline")
	}
	es := make([]expr, len(cmds))
	for i, cmd := range cmds {
		e, err := c.command(cmd, i > 0)
		if err != nil {
			return expr{}, err
		}
		es[i] = e
	}
	last := es[len(es)-1]
	if len(es) == 1 {
		one := last.val
		return expr{
			val: func(s *state, dot, _ reflect.Value) reflect.Value {
				return digInterface(one(s, dot, reflect.Value{}))
			},
			str: last.str,
			typ: last.typ,
		}, nil
	}
	head := es[:len(es)-1]
	run := func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, e := range head {
			v = digInterface(e.val(s, dot, v))
		}
		return v
	}
	e := expr{val: func(s *state, dot, _ reflect.Value) reflect.Value {
		return digInterface(last.val(s, dot, run(s, dot)))
	}}
	if last.str != nil {
		str := last.str
		e.str = func(s *state, dot, _ reflect.Value) string { return str(s, dot, run(s, dot)) }
		e.typ = last.typ
	}
	return e, nil
}

// command compiles one command of a pipeline; hasFinal tells whether it
// receives the previous command's value as its last argument.
func (c *compiler) command(cmd *parse.CommandNode, hasFinal bool) (expr, error) {
	args := cmd.Args[1:]
	notAFunction := len(args) > 0 || hasFinal
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.fields(nil, n.Ident, args, hasFinal)
	case *parse.ChainNode:
		return c.chain(n, args, hasFinal)
	case *parse.IdentifierNode:
		return c.function(n.Ident, args, hasFinal)
	case *parse.VariableNode:
		return c.variable(n, args, hasFinal)
	case *parse.PipeNode:
		if notAFunction {
			return failing("can't give argument to non-function"), nil
		}
		e, _, err := c.pipe(n)
		return e, err
	case *parse.DotNode:
		if notAFunction {
			return failing("can't give argument to non-function"), nil
		}
		return expr{val: func(_ *state, dot, _ reflect.Value) reflect.Value { return dot }}, nil
	case *parse.NilNode:
		return failing("nil is not a command"), nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		if notAFunction {
			return failing("can't give argument to non-function"), nil
		}
		v, err := emptyInterfaceConst(n)
		if err != nil {
			return failing(err.Error()), nil
		}
		e := expr{val: func(*state, reflect.Value, reflect.Value) reflect.Value { return v }}
		if str, ok := n.(*parse.StringNode); ok {
			text := str.Text
			e.str = func(*state, reflect.Value, reflect.Value) string { return text }
			e.typ = reflect.TypeFor[string]()
		}
		return e, nil
	}
	return expr{}, fmt.Errorf("unsupported command %s", cmd)
}

// operand compiles an argument of a command.
func (c *compiler) operand(n parse.Node) (argSrc, error) {
	var e expr
	var err error
	switch n := n.(type) {
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode, *parse.NilNode:
		return argSrc{konst: n}, nil
	case *parse.DotNode:
		e = expr{val: func(_ *state, dot, _ reflect.Value) reflect.Value { return dot }}
	case *parse.FieldNode:
		e, err = c.fields(nil, n.Ident, nil, false)
	case *parse.VariableNode:
		e, err = c.variable(n, nil, false)
	case *parse.PipeNode:
		e, _, err = c.pipe(n)
	case *parse.IdentifierNode:
		e, err = c.function(n.Ident, nil, false)
	case *parse.ChainNode:
		e, err = c.chain(n, nil, false)
	default:
		err = fmt.Errorf("unsupported argument %s", n)
	}
	return argSrc{e: e}, err
}

// operands compiles a command's arguments, with the previous command's
// value as the last one if hasFinal.
func (c *compiler) operands(args []parse.Node, hasFinal bool) ([]argSrc, error) {
	srcs := make([]argSrc, 0, len(args)+1)
	for _, a := range args {
		src, err := c.operand(a)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, src)
	}
	if hasFinal {
		srcs = append(srcs, argSrc{final: true})
	}
	return srcs, nil
}

// function compiles a call of the function name: html/template's own,
// then the FuncMap's, then text/template's builtins, as text/template
// looks them up.
func (c *compiler) function(name string, args []parse.Node, hasFinal bool) (expr, error) {
	srcs, err := c.operands(args, hasFinal)
	if err != nil {
		return expr{}, err
	}
	switch {
	case name == "_eval_args_":
		return evalArgs(srcs), nil
	case strings.HasPrefix(name, escaperPrefix):
		return expr{}, fmt.Errorf("escaper %s not at the end of a pipeline", name)
	}
	if fn, ok := c.set.funcs[name]; ok {
		return call(name, fn, srcs), nil
	}
	if e, ok := builtin(name, srcs); ok {
		return e, nil
	}
	return failing(name + " is not a defined function"), nil
}

// fields compiles .A.B.C applied to recv (dot if nil). The last name may
// be a method, which gets the command's arguments.
func (c *compiler) fields(recv evalFn, idents []string, args []parse.Node, hasFinal bool) (expr, error) {
	srcs, err := c.operands(args, false)
	if err != nil {
		return expr{}, err
	}
	sites := make([]*fieldSite, len(idents))
	for i, id := range idents {
		sites[i] = &fieldSite{name: id, nameVal: reflect.ValueOf(id)}
	}
	last := sites[len(sites)-1]
	last.args, last.hasFinal = srcs, hasFinal
	mid := sites[:len(sites)-1]
	if recv == nil && len(mid) == 0 {
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			return last.eval(s, dot, dot, final)
		}}, nil
	}
	return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
		v := dot
		if recv != nil {
			v = recv(s, dot, reflect.Value{})
		}
		for _, f := range mid {
			v = f.eval(s, dot, v, reflect.Value{})
		}
		return last.eval(s, dot, v, final)
	}}, nil
}

// chain compiles (pipeline).A.B.
func (c *compiler) chain(n *parse.ChainNode, args []parse.Node, hasFinal bool) (expr, error) {
	if _, ok := n.Node.(*parse.NilNode); ok {
		return failing("indirection through explicit nil"), nil
	}
	src, err := c.operand(n.Node)
	if err != nil {
		return expr{}, err
	}
	if src.konst != nil {
		return expr{}, fmt.Errorf("unsupported chain %s", n)
	}
	return c.fields(src.e.val, n.Field, args, hasFinal)
}

// variable compiles $x or $x.A.B.
func (c *compiler) variable(n *parse.VariableNode, args []parse.Node, hasFinal bool) (expr, error) {
	slot := c.lookup(n.Ident[0])
	if slot < 0 {
		return failing("undefined variable " + n.Ident[0]), nil
	}
	get := func(s *state, _, _ reflect.Value) reflect.Value { return s.vars[s.base+slot] }
	if len(n.Ident) == 1 {
		if len(args) > 0 || hasFinal {
			return failing("can't give argument to non-function"), nil
		}
		return expr{val: get}, nil
	}
	return c.fields(get, n.Ident[1:], args, hasFinal)
}

// branch compiles if and with. Variables of the pipeline are seen by both
// lists; those of the first list are not by the else list, where
// text/template's stack lookup would not find them either.
func (c *compiler) branch(b *parse.BranchNode, with bool) (execFn, error) {
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	p, _, err := c.pipe(b.Pipe)
	if err != nil {
		return nil, err
	}
	inner := len(c.vars)
	list, err := c.list(b.List)
	if err != nil {
		return nil, err
	}
	c.vars = c.vars[:inner]
	elseList, err := c.list(b.ElseList)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) ctrl {
		v := p.val(s, dot, reflect.Value{})
		t, ok := isTrue(indirectInterface(v))
		if !ok {
			s.fail("if/with can't use the value")
		}
		switch {
		case t && with:
			return list(s, v)
		case t:
			return list(s, dot)
		case elseList != nil:
			return elseList(s, dot)
		}
		return ctrlNext
	}, nil
}

// rangeNode compiles range. Its variables are set for each element; the
// else list runs when there is none, with the variables still holding
// the pipeline's value, as in text/template.
func (c *compiler) rangeNode(r *parse.RangeNode) (execFn, error) {
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	p, slots, err := c.pipe(r.Pipe)
	if err != nil {
		return nil, err
	}
	inner := len(c.vars)
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	c.vars = c.vars[:inner]
	elseList, err := c.list(r.ElseList)
	if err != nil {
		return nil, err
	}
	idxSlot, elemSlot := -1, -1
	switch len(slots) {
	case 1:
		elemSlot = slots[0]
	case 2:
		idxSlot, elemSlot = slots[0], slots[1]
	}
	twoVars := len(slots) > 1
	// each runs the body for one element; it reports whether to stop.
	each := func(s *state, idx, elem reflect.Value) bool {
		if idxSlot >= 0 {
			s.vars[s.base+idxSlot] = idx
		}
		if elemSlot >= 0 {
			s.vars[s.base+elemSlot] = elem
		}
		return body(s, elem) == ctrlBreak
	}
	return func(s *state, dot reflect.Value) ctrl {
		val, _ := indirect(p.val(s, dot, reflect.Value{}))
		if s.iterate(val, twoVars, each) {
			return ctrlNext
		}
		if elseList == nil {
			return ctrlNext
		}
		// A {{break}} in the else list ends this range, as text/template's
		// recover in walkRange would have it; a {{continue}} goes on out.
		if end := elseList(s, dot); end != ctrlBreak {
			return end
		}
		return ctrlNext
	}, nil
}

// iterate calls each for the elements of val, reporting whether there
// was any. Channels and iterator functions are left to html/template.
func (s *state) iterate(val reflect.Value, twoVars bool, each func(*state, reflect.Value, reflect.Value) bool) bool {
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		n := val.Len()
		for i := 0; i < n; i++ {
			if each(s, reflect.ValueOf(i), val.Index(i)) {
				break
			}
		}
		return n > 0
	case reflect.Map:
		if val.Len() == 0 {
			return false
		}
		for _, e := range sortedMap(val) {
			if each(s, e.key, e.value) {
				break
			}
		}
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if twoVars {
			s.fail("can't iterate over an int with two variables")
		}
		n := val.Int()
		for i := int64(0); i < n; i++ {
			if each(s, reflect.Value{}, reflect.ValueOf(i).Convert(val.Type())) {
				break
			}
		}
		return n > 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if twoVars {
			s.fail("can't iterate over an int with two variables")
		}
		n := val.Uint()
		for i := uint64(0); i < n; i++ {
			if each(s, reflect.Value{}, reflect.ValueOf(i).Convert(val.Type())) {
				break
			}
		}
		return n > 0
	case reflect.Invalid:
		return false
	}
	s.fail("range over " + val.Kind().String() + " is left to html/template")
	return false
}

// templateNode compiles {{template "name" pipeline}}. Variables the
// pipeline declares stay in the caller's scope.
func (c *compiler) templateNode(n *parse.TemplateNode) (execFn, error) {
	callee, err := c.session.template(n.Name)
	if err != nil {
		return nil, err
	}
	p, _, err := c.pipe(n.Pipe)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) ctrl {
		s.exec(callee, p.val(s, dot, reflect.Value{}))
		return ctrlNext
	}, nil
}
