package directivesnocarrier

// This fixture proves that a directive in a package without any carrier
// (which the analyzer otherwise skips) is still reported when it
// suppresses nothing.

func port(p int) bool {
	//errcodevet:ignore magic-code not a code // want `errcodevet:ignore directive for magic-code suppresses nothing`
	return p == 42001
}
