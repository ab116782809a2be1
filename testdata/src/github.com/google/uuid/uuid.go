// Package uuid is a stub of github.com/google/uuid, for the fixtures.
package uuid

// UUID is a universally unique identifier.
type UUID [16]byte

func (u UUID) String() string { return "" }

// New returns a random UUID.
func New() UUID { return UUID{} }

// NewString returns a random UUID as a string.
func NewString() string { return "" }
