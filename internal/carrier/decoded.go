package carrier

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Decoding says what filled an interface-typed carrier, and so which
// dynamic types it can hold.
type Decoding int

const (
	// NotDecoded: nothing shows what filled it; it may hold anything (a map
	// built by hand, another decoder, a parameter).
	NotDecoded Decoding = iota
	// DecodedFloat: only encoding/json without UseNumber filled it: a JSON
	// number is a float64, a JSON string a string.
	DecodedFloat
	// DecodedNumber: only a json.Decoder with UseNumber filled it: a JSON
	// number is a json.Number (a string type).
	DecodedNumber
	// DecodedJSON: only encoding/json filled it, with or without UseNumber.
	DecodedJSON
)

func (d Decoding) join(e Decoding) Decoding {
	switch {
	case d == NotDecoded:
		return e
	case e == NotDecoded || d == e:
		return d
	}
	return DecodedJSON
}

// Decoded reports what filled e, an expression of interface type such as
// m["errcode"] or resp.ErrCode. The evidence is the flow of one function,
// and it must be complete, since a value that is not what encoding/json
// decoded can be anything:
//
//   - e is a path into a local variable v: map indexes, struct fields,
//     type assertions, dereferences (m["result"].(map[string]any)["resultCode"]),
//     through no type with its own UnmarshalJSON or UnmarshalText;
//   - v is declared empty (var v T, T{}, make, new, &T{}) or as a path into
//     another such variable, and is filled by json.Unmarshal(data, &v) or
//     a json.Decoder's Decode(&v) (v itself when it is a pointer);
//   - nothing else writes v or what it holds: v is not assigned, nor is an
//     element or field in it, and neither v nor a part of it that can hold
//     e is handed to a function (other than fmt, log and json.Marshal
//     functions), stored, kept in a variable that is written, or returned
//     by a function literal (the declared function returning it is fine:
//     its caller gets it when nothing here runs any more).
//
// A json.Decoder is known to use numbers as float64 when it is the result
// of json.NewDecoder used only for its methods, UseNumber aside.
func (r *Resolver) Decoded(e ast.Expr) Decoding {
	root, ok := r.pathRoot(e)
	if !ok {
		return NotDecoded
	}
	v, ok := r.info.Uses[root].(*types.Var)
	if !ok || v.IsField() {
		return NotDecoded
	}
	d := &decodedWalk{r: r, parents: r.parents, seen: make(map[*types.Var]bool), read: make(map[*types.Var]bool)}
	return d.variable(v)
}

// pathRoot returns the variable a path expression starts from, having
// checked that no type along it decodes JSON its own way.
func (r *Resolver) pathRoot(e ast.Expr) (*ast.Ident, bool) {
	for {
		if ownDecoding(r.info.TypeOf(e)) {
			return nil, false
		}
		switch x := e.(type) {
		case *ast.Ident:
			return x, true
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			switch r.info.TypeOf(x.X).Underlying().(type) {
			case *types.Map, *types.Slice, *types.Array:
			default:
				return nil, false // a generic function's instance
			}
			e = x.X
		case *ast.SelectorExpr:
			if s, ok := r.info.Selections[x]; !ok || s.Kind() != types.FieldVal {
				return nil, false
			}
			e = x.X
		case *ast.TypeAssertExpr:
			if x.Type == nil {
				return nil, false
			}
			e = x.X
		default:
			return nil, false
		}
	}
}

// ownDecoding reports whether encoding/json decodes into t (or *t) through
// a method of its own.
func ownDecoding(t types.Type) bool {
	if t == nil || types.IsInterface(t) {
		return false
	}
	for _, m := range []string{"UnmarshalJSON", "UnmarshalText"} {
		if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, m); obj != nil {
			return true
		}
	}
	return false
}

// isPathStep reports whether parent extends the path expression child by
// one step.
func (r *Resolver) isPathStep(parent, child ast.Node) bool {
	switch p := parent.(type) {
	case *ast.ParenExpr, *ast.StarExpr:
		return true
	case *ast.IndexExpr:
		return p.X == child
	case *ast.SelectorExpr:
		s, ok := r.info.Selections[p]
		return ok && s.Kind() == types.FieldVal
	case *ast.TypeAssertExpr:
		return p.X == child && p.Type != nil
	}
	return false
}

type decodedWalk struct {
	r       *Resolver
	parents map[ast.Node]ast.Node // the parent of each node of the functions looked at
	seen    map[*types.Var]bool   // variables whose filling is being or was looked at
	read    map[*types.Var]bool   // variables whose writes are being or were looked at
}

// variable returns what filled the local variable v, or NotDecoded.
func (d *decodedWalk) variable(v *types.Var) Decoding {
	if d.seen[v] {
		return NotDecoded // a cycle of aliases: no evidence
	}
	d.seen[v] = true
	fd := d.r.enclosingFunc(v.Pos())
	if fd == nil {
		return NotDecoded // a package-level variable: any function may write it
	}
	decoded := NotDecoded
	ok := true
	ast.Inspect(fd, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !ok || !isIdent {
			return ok
		}
		switch {
		case d.r.info.Defs[id] == v:
			var dec Decoding
			dec, ok = d.definition(id)
			decoded = decoded.join(dec)
		case d.r.info.Uses[id] == v:
			var dec Decoding
			dec, ok = d.use(id, v)
			decoded = decoded.join(dec)
		}
		return ok
	})
	if !ok {
		return NotDecoded
	}
	return decoded
}

// definition checks v's declaration: empty, or a path into a decoded
// variable.
func (d *decodedWalk) definition(id *ast.Ident) (Decoding, bool) {
	switch p := d.parents[id].(type) {
	case *ast.ValueSpec:
		if len(p.Values) == 0 {
			return NotDecoded, true
		}
		for i, name := range p.Names {
			if name == id && len(p.Values) == len(p.Names) {
				return d.value(p.Values[i])
			}
		}
	case *ast.AssignStmt:
		return d.assigned(p, id)
	}
	return NotDecoded, false // a parameter, a range variable, a type switch's
}

// assigned checks a value given to the variable id in an assignment.
func (d *decodedWalk) assigned(as *ast.AssignStmt, id ast.Expr) (Decoding, bool) {
	if as.Tok != token.DEFINE && as.Tok != token.ASSIGN {
		return NotDecoded, false
	}
	for i, l := range as.Lhs {
		if l != id {
			continue
		}
		switch {
		case len(as.Lhs) == len(as.Rhs):
			return d.value(as.Rhs[i])
		case i == 0 && len(as.Rhs) == 1:
			if ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr); ok {
				return d.value(ta) // v, ok := x.(map[string]any)
			}
		}
	}
	return NotDecoded, false
}

// value checks a value a variable is given: empty, or a path into a
// decoded variable.
func (d *decodedWalk) value(e ast.Expr) (Decoding, bool) {
	e = ast.Unparen(e)
	if empty(d.r.info, e) {
		return NotDecoded, true
	}
	root, ok := d.r.pathRoot(e)
	if !ok {
		return NotDecoded, false
	}
	u, ok := d.r.info.Uses[root].(*types.Var)
	if !ok {
		return NotDecoded, false
	}
	dec := d.variable(u)
	return dec, dec != NotDecoded
}

// empty reports whether e is a value that holds nothing yet.
func empty(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.UnaryExpr:
		return e.Op == token.AND && empty(info, e.X)
	case *ast.Ident:
		return info.Uses[e] == types.Universe.Lookup("nil")
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(info, e).(*types.Builtin); ok {
			return b.Name() == "make" || b.Name() == "new"
		}
	}
	return false
}

// use checks one use of v: a decoding into it, or a read.
func (d *decodedWalk) use(id *ast.Ident, v *types.Var) (Decoding, bool) {
	var path ast.Node = id
	for d.r.isPathStep(d.parents[path], path) {
		path = d.parents[path]
	}
	ctx := d.parents[path]
	if path == id {
		switch c := ctx.(type) {
		case *ast.UnaryExpr: // &v
			if c.Op == token.AND {
				return d.decodeInto(c)
			}
		case *ast.CallExpr:
			if _, ptr := v.Type().Underlying().(*types.Pointer); ptr {
				if dec, ok := d.decodeInto(id); ok {
					return dec, true
				}
			}
		case *ast.AssignStmt:
			for _, l := range c.Lhs {
				if l == id {
					return d.assigned(c, id)
				}
			}
		}
	}
	// A read. Reading a part that cannot hold e (a string, a number) is
	// harmless; a map, a slice, a pointer or an interface may alias what
	// e reads, so it must not be written through.
	expr := path.(ast.Expr)
	if b, ok := d.r.info.TypeOf(expr).Underlying().(*types.Basic); ok && b.Kind() != types.UntypedNil {
		return NotDecoded, !d.writes(ctx, expr)
	}
	return NotDecoded, d.readOnly(ctx, expr)
}

// writes reports whether ctx writes the path expression expr.
func (d *decodedWalk) writes(ctx ast.Node, expr ast.Expr) bool {
	switch c := ctx.(type) {
	case *ast.AssignStmt:
		for _, l := range c.Lhs {
			if l == expr {
				return true
			}
		}
	case *ast.IncDecStmt:
		return true
	case *ast.UnaryExpr:
		return c.Op == token.AND
	case *ast.RangeStmt:
		return c.Key == expr || c.Value == expr
	}
	return false
}

// readOnly reports whether ctx uses expr, which may alias what a carrier
// reads, without a way to write through it.
func (d *decodedWalk) readOnly(ctx ast.Node, expr ast.Expr) bool {
	switch c := ctx.(type) {
	case *ast.BinaryExpr, *ast.ExprStmt, *ast.SwitchStmt, *ast.CaseClause:
		return true
	case *ast.ReturnStmt:
		// Returned by the declared function, not a function literal: its
		// callers get it only once nothing here runs any more.
		for n := d.parents[c]; n != nil; n = d.parents[n] {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.FuncDecl:
				return true
			}
		}
		return false
	case *ast.RangeStmt:
		if c.X != expr {
			return false
		}
		return d.neverWritten(c.Key) && d.neverWritten(c.Value)
	case *ast.CallExpr:
		if c.Fun == expr {
			return false
		}
		switch fn := typeutil.Callee(d.r.info, c).(type) {
		case *types.Builtin:
			return fn.Name() == "len" || fn.Name() == "cap"
		case *types.Func:
			if fn.Pkg() == nil {
				return false
			}
			switch fn.Pkg().Path() {
			case "fmt", "log":
				return fn.Signature().Recv() == nil || fn.Pkg().Path() == "log"
			case "encoding/json":
				return fn.Name() == "Marshal" || fn.Name() == "MarshalIndent"
			}
		}
		return false
	case *ast.AssignStmt:
		if c.Tok != token.DEFINE && c.Tok != token.ASSIGN {
			return false
		}
		for i, rhs := range c.Rhs {
			if rhs != expr {
				continue
			}
			if len(c.Lhs) == len(c.Rhs) {
				return d.neverWritten(c.Lhs[i])
			}
			for _, l := range c.Lhs {
				if !d.neverWritten(l) {
					return false
				}
			}
			return true
		}
	case *ast.ValueSpec:
		for _, name := range c.Names {
			if !d.neverWritten(name) {
				return false
			}
		}
		return true
	case *ast.TypeAssertExpr: // switch x := m["data"].(type)
		if sw, ok := d.parents[d.parents[c]].(*ast.TypeSwitchStmt); ok && sw.Assign == d.parents[c] {
			for _, clause := range sw.Body.List {
				if obj, ok := d.r.info.Implicits[clause].(*types.Var); ok && !d.varNeverWritten(obj) {
					return false
				}
			}
			return true
		}
		if _, ok := d.parents[c].(*ast.TypeSwitchStmt); ok {
			return true // switch m["data"].(type)
		}
	}
	return false
}

// neverWritten reports whether e is blank, or a local variable that
// nothing writes through after it is given its value.
func (d *decodedWalk) neverWritten(e ast.Expr) bool {
	if e == nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false // a field, an element, a global: stored beyond reach
	}
	if id.Name == "_" {
		return true
	}
	obj := d.r.info.Defs[id]
	if obj == nil {
		obj = d.r.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Parent() != v.Pkg().Scope() && d.varNeverWritten(v)
}

// varNeverWritten reports whether every use of the local variable v reads
// it without a way to write through it.
func (d *decodedWalk) varNeverWritten(v *types.Var) bool {
	if d.read[v] {
		return true // looked at, or being looked at: a cycle adds no write
	}
	d.read[v] = true
	fd := d.r.enclosingFunc(v.Pos())
	if fd == nil {
		return false
	}
	ok := true
	ast.Inspect(fd, func(n ast.Node) bool {
		if id, isIdent := n.(*ast.Ident); ok && isIdent && d.r.info.Uses[id] == v {
			var path ast.Node = id
			for d.r.isPathStep(d.parents[path], path) {
				path = d.parents[path]
			}
			expr := path.(ast.Expr)
			if b, isBasic := d.r.info.TypeOf(expr).Underlying().(*types.Basic); isBasic && b.Kind() != types.UntypedNil {
				ok = !d.writes(d.parents[path], expr)
			} else {
				ok = d.readOnly(d.parents[path], expr)
			}
		}
		return ok
	})
	return ok
}

// decodeInto returns how a call decodes into arg, the argument it is given:
// json.Unmarshal's second or a json.Decoder's Decode's.
func (d *decodedWalk) decodeInto(arg ast.Expr) (Decoding, bool) {
	call, ok := d.parents[arg].(*ast.CallExpr)
	if !ok {
		return NotDecoded, false
	}
	fn, ok := typeutil.Callee(d.r.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return NotDecoded, false
	}
	switch {
	case fn.Name() == "Unmarshal" && len(call.Args) == 2 && call.Args[1] == arg:
		return DecodedFloat, true
	case fn.Name() == "Decode" && fn.Signature().Recv() != nil && len(call.Args) == 1 && call.Args[0] == arg:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return NotDecoded, false
		}
		return d.decoder(sel.X), true
	}
	return NotDecoded, false
}

// decoder returns how the json.Decoder dec decodes numbers: float64 when it
// is made by json.NewDecoder and used only for its methods, none of them
// UseNumber.
func (d *decodedWalk) decoder(dec ast.Expr) Decoding {
	isNew := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(d.r.info, call).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/json" && fn.Name() == "NewDecoder"
	}
	if isNew(dec) {
		return DecodedFloat
	}
	id, ok := ast.Unparen(dec).(*ast.Ident)
	if !ok {
		return DecodedJSON
	}
	v, ok := d.r.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == v.Pkg().Scope() {
		return DecodedJSON
	}
	fd := d.r.enclosingFunc(v.Pos())
	if fd == nil {
		return DecodedJSON
	}
	result := DecodedFloat
	ast.Inspect(fd, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || result == DecodedJSON {
			return result != DecodedJSON
		}
		switch {
		case d.r.info.Defs[id] == v:
			spec, isSpec := d.parents[id].(*ast.ValueSpec)
			as, isAssign := d.parents[id].(*ast.AssignStmt)
			switch {
			case isSpec && len(spec.Values) == 1 && len(spec.Names) == 1 && isNew(spec.Values[0]):
			case isAssign && len(as.Lhs) == 1 && len(as.Rhs) == 1 && isNew(as.Rhs[0]):
			default:
				result = DecodedJSON
			}
		case d.r.info.Uses[id] == v:
			sel, isSel := d.parents[id].(*ast.SelectorExpr)
			if as, isAssign := d.parents[id].(*ast.AssignStmt); isAssign && len(as.Lhs) == 1 && as.Lhs[0] == id && len(as.Rhs) == 1 && isNew(as.Rhs[0]) {
				break // dec = json.NewDecoder(r)
			}
			if !isSel {
				result = DecodedJSON // handed on: someone may call UseNumber
				break
			}
			if call, isCall := d.parents[sel].(*ast.CallExpr); !isCall || call.Fun != sel {
				result = DecodedJSON
			} else if sel.Sel.Name == "UseNumber" && result == DecodedFloat {
				result = DecodedNumber
			}
		}
		return result != DecodedJSON
	})
	return result
}

// enclosingFunc returns the top-level function declaring pos, or nil, and
// records the parents of its nodes.
func (r *Resolver) enclosingFunc(pos token.Pos) *ast.FuncDecl {
	for _, f := range r.files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && fd.Pos() <= pos && pos < fd.End() {
				if _, done := r.parents[fd]; !done {
					RecordParents(r.parents, fd)
				}
				return fd
			}
		}
	}
	return nil
}

// RecordParents maps each node of fd to its parent (fd itself to nil).
func RecordParents(parents map[ast.Node]ast.Node, fd *ast.FuncDecl) {
	parents[fd] = nil
	var stack []ast.Node
	ast.Inspect(fd, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
}
