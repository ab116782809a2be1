package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

const (
	relatedFinding = "resultStatus U (unknown outcome) handled as a final failure: the API documents retrying or querying the result"
	relatedReason  = "gives up here: returns an error made from text alone"
)

// relatedFixture is a module whose testdata/related/pay.go has a
// retry-unknown finding at 10:5 whose reason, the statement that gives up,
// is on another line, at 11:3.
func relatedFixture(t *testing.T) string {
	return testmodule.New(t, map[string]string{"pay/pay.go": testmodule.ReadFile(t, "testdata/related/pay.go")})
}

// TestRelatedSARIF checks that a finding's related information becomes
// the SARIF result's relatedLocations, and that the log still validates.
func TestRelatedSARIF(t *testing.T) {
	dir := relatedFixture(t)
	out := filepath.Join(t.TempDir(), "errcodevet.sarif")
	if code, _, stderr := runSARIFIn(t, dir, "-checks=retry-unknown", "-o", out, "./..."); code != 0 {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, data); err != nil {
		t.Fatalf("the log does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	log := decodeSARIF(t, data)
	readable(t, data, log)
	results := log.Runs[0].Results
	if len(results) != 1 || results[0].Message.Text != relatedFinding {
		t.Fatalf("results %+v", results)
	}
	rel := results[0].RelatedLocations
	if len(rel) != 1 || rel[0].ID == nil || *rel[0].ID != 0 || rel[0].Message == nil || rel[0].Message.Text != relatedReason {
		t.Fatalf("relatedLocations %+v", rel)
	}
	p := rel[0].PhysicalLocation
	if p.ArtifactLocation.URI != "pay/pay.go" || p.Region.StartLine != 11 || p.Region.StartColumn != 3 ||
		p.Region.EndLine != 11 || p.Region.EndColumn != 3+len(`return errors.New("payment failed")`) {
		t.Errorf("related location %+v", p)
	}
}
