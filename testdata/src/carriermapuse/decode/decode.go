package decode

// This fixture hands out loosely decoded JSON maps; it declares no carrier
// and returns none, so it exposes none.

type H map[string]any

func Body() map[string]any { return map[string]any{"errcode": 42001.0} }

func Reply() H { return H{"errcode": 0.0} }
