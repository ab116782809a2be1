package carrier

import "go/types"

// Holds reports whether a value of type t holds a code or status: t is a
// carrier type, or a struct (through pointers) with a field that carries
// one or holds one, as an error type with a Code field or a response with
// a Result does. A value that holds one, handed to a caller, lets the
// caller tell the outcome.
func (r *Resolver) Holds(t types.Type) bool {
	if r.holds == nil {
		r.holds = make(map[types.Type]bool)
	}
	return r.holdsType(t, 0)
}

func (r *Resolver) holdsType(t types.Type, depth int) bool {
	if t == nil || depth > 4 {
		return false
	}
	if held, ok := r.holds[t]; ok {
		return held
	}
	r.holds[t] = false // cycles through pointers hold nothing more
	held := r.namedType(t) != nil
	if !held {
		st, owner := structOf(t)
		for i := 0; st != nil && i < st.NumFields() && !held; i++ {
			f := st.Field(i)
			held = r.fieldTable(owner, f, st.Tag(i)) != nil || r.holdsType(f.Type(), depth+1)
		}
	}
	r.holds[t] = held
	return held
}
