package catalog

import (
	"os"
	"reflect"
	"testing"
)

// TestBuiltinData checks that the built-in files the linter loads, Go data
// written by the generator, are exactly what parsing the checked-in YAML
// gives, positions included, and build the same catalog. (TestUpToDate in
// internal/cmd/gencatalog checks that both are what the generator writes today.)
func TestBuiltinData(t *testing.T) {
	if len(builtinData) != len(BuiltinFiles) {
		t.Fatalf("%d built-in data files for %d built-in YAML files", len(builtinData), len(BuiltinFiles))
	}
	var parsed []*File
	for i, name := range BuiltinFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse("catalog/"+name, data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(builtinData[i], f) {
			t.Errorf("builtin data %d (%s) differs from parsing %s: run go generate ./catalog", i, builtinData[i].name, name)
		}
		parsed = append(parsed, f)
	}
	fromYAML, err := New(parsed...)
	if err != nil {
		t.Fatal(err)
	}
	fromData, err := New(builtinData...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromData, fromYAML) {
		t.Errorf("the catalog built from the Go data differs from the one built from the YAML")
	}
	if n := len(fromData.Family("wechat").Codes.Codes); n < 1000 {
		t.Errorf("wechat has %d codes; the comparison compared too little", n)
	}
}
