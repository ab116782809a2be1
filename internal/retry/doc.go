// Package retry holds what errcodevet knows about retrying, for the checks
// retry-unknown and retry-final. It is split by concern:
//
//   - drivers.go: the retry libraries, how their operations ask for another
//     attempt, and the naming rule;
//   - ops.go: which function literals of a body a driver runs as its
//     operation or consults as a policy;
//   - funcs.go: which functions of a package retry (a driver, a loop that
//     waits, a function known to retry), its call graph for recursion, and
//     RetriesFact, which carries the answer to importing packages;
//   - walk.go: the branches of a function that a code or status with a
//     retry class selects (explicit comparisons, the implicit "every status
//     but success", a status switch's default);
//   - classify.go: what a branch does about the call whose result selected
//     it: retries, gives up, or undecided.
//
// Undecided is the answer whenever the analysis cannot tell. The checks
// (analyzer/retryunknown.go, analyzer/retryfinal.go) turn branches and
// verdicts into findings.
package retry
