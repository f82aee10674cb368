package normalize

// Scan returns every expression in text, in order of Start, without overlaps.
// SKELETON: being written.
func Scan(text string, opts *Options) []Expr { return nil }
