package analyzer_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestCarriers runs the fixtures that prove each way an expression carries
// a code: every comparison in them against a carrier is reported, and
// nothing else is.
func TestCarriers(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}),
		"basic",
		"carrierjson",       // json tag name, any Go name and tag options; either side; == and !=
		"carrierpointer",    // pointer fields dereferenced, fields through pointers
		"carrierembedded",   // promoted fields, embedded by value, by pointer, several levels
		"carriergeneric",    // fields of generic struct instances
		"carrierlocal",      // locals whose every assignment is a carrier, and those that are not
		"carrierconversion", // numeric and string conversions of carriers
		"carrierfunc",       // functions and methods of the package returning a carrier
		"carriermap",        // m["errcode"].(float64), direct and comma-ok
		"carriermapuse",     // maps that only come from another package
		"carrierswitch",     // switch cases, init statements, tagless switches
		"carrierresults",    // each result of a function of several: code, err := call()
	)
}

// TestCarrierFacts proves that carrier-returning functions are known across
// packages through facts, including through a package that declares no
// carrier of its own.
func TestCarrierFacts(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "carrierfacts/sdk", "carrierfacts/wrap", "carrierfacts/user")
}

// TestCarrierCatalog proves that carriers declared by catalog files are
// carriers: a field by path, a named type, and a new family's json tag, whose
// fixes import the family's own constants package.
func TestCarrierCatalog(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Catalogs: []string{
		"../testdata/catalog/carriers.yaml",
		"../testdata/catalog/acme.yaml",
	}})
	runFixes(t, a, "carriercatalog")
}

// TestCarrierWeCom proves that a WeCom SDK's error carries WeCom's codes,
// fixed with package wecom's constants.
func TestCarrierWeCom(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "wecomclient")
}

// TestCarrierClients proves that the client decides the family of a
// carrier WeCom and the Official Account share: a WeCom client's errcode
// gets WeCom's meanings, one without evidence the Official Account's, one
// with both only what they agree on, and a DingTalk client none.
func TestCarrierClients(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "clientwecom", "clientofficial", "clientboth", "clientdingtalk", "clientworksdk")
}

// TestCarrierAlipay proves that the classic Alipay SDKs' code, sub-code
// and trade status fields and types carry its codes, and that look-alikes
// do not.
func TestCarrierAlipay(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "alipaysdk", "alipaygopay", "alipaylookalike")
}

// TestCarrierClientSetting proves that a catalog file can say which
// packages are a family's clients where their code does not.
func TestCarrierClientSetting(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Catalogs: []string{"../testdata/catalog/wecomclients.yaml"}})
	runFixes(t, a, "clientsetting")
}

// TestCarrierClientPackages proves that -client-packages says which
// packages are a family's clients as a catalog file can: a pattern without
// /... matches its package only.
func TestCarrierClientPackages(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{ClientPackages: []string{"wecom=clientpackages"}})
	runFixes(t, a, "clientpackages", "clientpackages/official")
}

// TestCarrierClientWrapper proves that a package's client evidence reaches
// the packages that import it and the readers of the structs it declares,
// one import deep, as a fact.
func TestCarrierClientWrapper(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "wecomwrap", "wecomwrapuse", "wecomwrapboth", "wecomwrapfield")
}
