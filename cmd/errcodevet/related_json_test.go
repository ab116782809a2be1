package main_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestRelatedJSON (on the fixture of relatedFixture in related_test.go) checks that -json output carries a finding's related
// information: where the branch gives up.
func TestRelatedJSON(t *testing.T) {
	bin := binary(t)
	dir := testmodule.New(t, map[string]string{"pay/pay.go": testmodule.ReadFile(t, "testdata/related/pay.go")})
	r := run(t, dir, bin, "-checks=retry-unknown", "-json", "./...")
	if r.code != 0 {
		t.Fatalf("exit code %d, stderr:\n%s", r.code, r.stderr)
	}
	type posn struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	var tree map[string]map[string][]struct {
		posn
		Related []posn `json:"related"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/fixture/pay"]["errcodevet"]
	file := filepath.Join(dir, "pay", "pay.go")
	if len(diags) != 1 || diags[0].Posn != file+":10:5" || diags[0].Message != "resultStatus U (unknown outcome) handled as a final failure: the API documents retrying or querying the result" {
		t.Fatalf("findings %+v", diags)
	}
	reason := "gives up here: returns an error made from text alone"
	if rel := diags[0].Related; len(rel) != 1 || rel[0].Posn != file+":11:3" || rel[0].Message != reason {
		t.Errorf("related %+v, want %s:11:3 %q", rel, file, reason)
	}
}
