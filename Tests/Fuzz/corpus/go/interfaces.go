package api

type I interface {
	J
	~int | ~string
	M() error
}

type J interface{ I }

var V = (*T)(nil)
