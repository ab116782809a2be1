package retry

import (
	"go/types"
	"strings"
)

// OpKind is how a retry driver treats what its operation returns.
type OpKind int

const (
	// OpNone: not inside a driver's operation.
	OpNone OpKind = iota
	// OpErrorRetries: a non-nil error is retried unless marked permanent
	// (cenkalti/backoff's Permanent, retry-go's Unrecoverable).
	OpErrorRetries
	// OpErrorStops: only errors marked retryable are retried
	// (sethvargo/go-retry's RetryableError); other errors stop.
	OpErrorStops
	// OpCondition: (done bool, err error); false with a nil error polls
	// again, a non-nil error stops (k8s.io/apimachinery/pkg/util/wait).
	OpCondition
	// OpPolicy: (retry bool, err error) decides whether to retry
	// (hashicorp/go-retryablehttp's CheckRetry).
	OpPolicy
)

// Driver is a function that runs an operation with retries.
type Driver struct {
	Pkg   string // import path
	Funcs []string
	Op    OpKind
}

// Drivers are the retry libraries errcodevet knows, by import path. To add
// one, name its function in -retry-funcs: a call of it counts as a retry
// (the operations it runs are not looked into).
var Drivers = []Driver{
	{"github.com/cenkalti/backoff", []string{"Retry", "RetryNotify", "RetryNotifyWithTimer"}, OpErrorRetries},
	{"github.com/cenkalti/backoff/v4", []string{"Retry", "RetryNotify", "RetryNotifyWithTimer", "RetryWithData", "RetryNotifyWithData", "RetryNotifyWithTimerAndData"}, OpErrorRetries},
	{"github.com/cenkalti/backoff/v5", []string{"Retry"}, OpErrorRetries},
	{"github.com/avast/retry-go", []string{"Do"}, OpErrorRetries},
	{"github.com/avast/retry-go/v4", []string{"Do", "DoWithData"}, OpErrorRetries},
	{"github.com/sethvargo/go-retry", []string{"Do", "DoValue"}, OpErrorStops},
	{"k8s.io/apimachinery/pkg/util/wait", []string{
		"Poll", "PollImmediate", "PollInfinite", "PollImmediateInfinite", "PollUntil", "PollImmediateUntil",
		"PollWithContext", "PollImmediateWithContext", "PollUntilWithContext", "PollImmediateUntilWithContext",
		"PollInfiniteWithContext", "PollImmediateInfiniteWithContext", "PollUntilContextCancel", "PollUntilContextTimeout",
		"ExponentialBackoff", "ExponentialBackoffWithContext",
	}, OpCondition},
}

// permanentMarkers wrap an error so that the driver stops retrying.
var permanentMarkers = map[string]bool{
	"github.com/cenkalti/backoff.Permanent":      true,
	"github.com/cenkalti/backoff/v4.Permanent":   true,
	"github.com/cenkalti/backoff/v5.Permanent":   true,
	"github.com/avast/retry-go.Unrecoverable":    true,
	"github.com/avast/retry-go/v4.Unrecoverable": true,
}

// retryableMarkers wrap an error so that an OpErrorStops driver retries it.
var retryableMarkers = map[string]bool{
	"github.com/sethvargo/go-retry.RetryableError": true,
}

// policyTypes are named function types whose values decide on retries.
var policyTypes = map[string]bool{
	"github.com/hashicorp/go-retryablehttp.CheckRetry": true,
}

// FuncName returns "import/path.Func" or "import/path.Type.Method" for fn.
func FuncName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return fn.Pkg().Path() + "." + n.Origin().Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// DriverOf returns the operation kind of a driver function, or OpNone.
func DriverOf(fn *types.Func) OpKind {
	if fn == nil || fn.Pkg() == nil {
		return OpNone
	}
	path := fn.Pkg().Path()
	for _, d := range Drivers {
		if d.Pkg != path {
			continue
		}
		for _, name := range d.Funcs {
			if name == fn.Name() {
				return d.Op
			}
		}
	}
	return OpNone
}

// MayRetry reports whether a package can have functions that retry
// whatever its carriers: it imports a retry library, or, in one of the
// main modules (mainModule), package time, whose pauses make a loop a
// retry (FindFuncs). A retry helper of one's own, in a package that
// handles no code, is known to its importers so. The modules a program
// only depends on, and the standard library, are not looked at for
// pauses: nearly every package imports time, and drivers that load
// dependencies from export data would have to read them all from source
// (factless.Rule.Retries).
// InMainModule reports whether a package belongs to a module being
// developed, not to a dependency or the standard library: with module
// information (module set), one without a version; without it (GOPATH, as
// in tests), a package whose path starts with a domain. Drivers answer
// alike for a package whether they analyze it or only decide whether to.
func InMainModule(pkgPath string, module bool, version string) bool {
	if module {
		return version == ""
	}
	first, _, _ := strings.Cut(pkgPath, "/")
	return strings.Contains(first, ".")
}

func MayRetry(pkg *types.Package, mainModule bool) bool {
	for _, imp := range pkg.Imports() {
		if mainModule && imp.Path() == "time" || IsDriverPackage(imp.Path()) {
			return true
		}
	}
	return false
}

// IsDriverPackage reports whether the package with this path is a retry
// library.
func IsDriverPackage(path string) bool {
	for _, d := range Drivers {
		if d.Pkg == path {
			return true
		}
	}
	return path == "github.com/hashicorp/go-retryablehttp"
}

// retryWords are the words of the naming rule: a function whose name has
// one of them as a word (retryPayment, PollOrder, queryResult, Inquiry,
// requeue) is taken to retry or re-query.
var retryWords = []string{"retry", "poll", "query", "inquiry", "inquire", "requeue"}

// strongRetryWords are the naming rule's words that say "call again" on
// their own; query and poll may as well read a final result. They decide
// retry-final, where a false positive is worse than a miss.
var strongRetryWords = []string{"retry", "requeue"}

// namedLikeRetry reports whether name's first word (strong) or any word has
// a retry word, splitting camelCase and snake_case.
func namedLikeRetry(name string, strong bool) bool {
	words := splitWords(name)
	if strong {
		return len(words) > 0 && hasPrefixAny(words[0], strongRetryWords)
	}
	for _, w := range words {
		if hasPrefixAny(w, retryWords) {
			return true
		}
	}
	return false
}

func hasPrefixAny(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// splitWords splits an identifier into lower-case words: "retryPayOrder"
// gives retry, pay, order; "HTTPQuery" gives http, query.
func splitWords(name string) []string {
	var words []string
	start := 0
	for i := 1; i <= len(name); i++ {
		if i < len(name) && name[i] != '_' && !boundary(name, i) {
			continue
		}
		if w := strings.Trim(name[start:i], "_"); w != "" {
			words = append(words, strings.ToLower(w))
		}
		start = i
	}
	return words
}

func boundary(s string, i int) bool {
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	if !upper(s[i]) {
		return false
	}
	return !upper(s[i-1]) || i+1 < len(s) && !upper(s[i+1]) && s[i+1] != '_'
}
