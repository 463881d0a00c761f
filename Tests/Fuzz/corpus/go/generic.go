package api

import "fmt"

// T is a type.
type T[K comparable, V any] struct {
	A map[K]*[]V `json:"a"`
	fmt.Stringer
}

const (
	A = iota << 2
	B
	S = "x" + "y"
)

func (t *T[K, V]) M(f func(int) (string, error), xs ...[4]byte) <-chan struct{} { return nil }
