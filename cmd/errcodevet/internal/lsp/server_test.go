package lsp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

func checkURL(t *testing.T, id string) string {
	t.Helper()
	for _, c := range analyzer.Checks() {
		if c.ID == id {
			return c.URL()
		}
	}
	t.Fatalf("no check %s", id)
	return ""
}

// TestQuickFix is an editor's session: open a file with findings, get the
// diagnostics, ask for the quick fix, apply it, and see the finding go.
func TestQuickFix(t *testing.T) {
	c := startServer(t, Options{Debounce: DefaultDebounce})
	res := c.initialize(nil)
	if res.Capabilities.TextDocumentSync.Change != syncFull || !res.Capabilities.TextDocumentSync.OpenClose ||
		len(res.Capabilities.CodeActionProvider.CodeActionKinds) != 1 || res.Capabilities.CodeActionProvider.CodeActionKinds[0] != "quickfix" {
		t.Errorf("capabilities = %+v", res.Capabilities)
	}

	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	uri := c.open(path, text)
	diags := c.nextFor(uri, 1)
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %+v", len(diags), diags)
	}
	d := diags[0]
	// The literal follows a comment with an accented letter (one UTF-16
	// unit, two bytes) and an emoji (two units, four bytes).
	start := positionOf(t, text, "42001")
	want := diagnostic{
		Range:           lspRange{Start: start, End: position{Line: start.Line, Character: start.Character + 5}},
		Severity:        severityWarning,
		Code:            "magic-code",
		CodeDescription: &codeDescription{Href: checkURL(t, "magic-code")},
		Source:          "errcodevet",
		Message:         "errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired)",
	}
	if d.Range != want.Range || d.Severity != want.Severity || d.Code != want.Code || d.CodeDescription == nil ||
		*d.CodeDescription != *want.CodeDescription || d.Source != want.Source || d.Message != want.Message {
		t.Fatalf("diagnostic = %+v\nwant %+v", d, want)
	}
	if start.Character != uint32(len("\treturn /* jeton expiré 😀 */ resp.ErrCode == ")-1-2) {
		t.Fatalf("UTF-16 column %d: the fixture changed?", start.Character)
	}

	// The code action for the cursor on the literal.
	var actions []codeAction
	cursor := lspRange{Start: start, End: start}
	err := c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Range:        cursor,
		Context:      codeActionContext{Diagnostics: []diagnostic{d}},
	}, &actions)
	if err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 {
		t.Fatalf("got %d code actions, want 1: %+v", len(actions), actions)
	}
	a := actions[0]
	if a.Title != "Use wechat.AccessTokenExpired instead of 42001" || a.Kind != "quickfix" || !a.IsPreferred ||
		len(a.Diagnostics) != 1 || a.Diagnostics[0].Range != d.Range || a.Diagnostics[0].Code != d.Code {
		t.Fatalf("code action = %+v", a)
	}
	if len(a.Edit.DocumentChanges) != 1 || a.Edit.DocumentChanges[0].TextDocument.URI != uri ||
		a.Edit.DocumentChanges[0].TextDocument.Version == nil || *a.Edit.DocumentChanges[0].TextDocument.Version != 1 {
		t.Fatalf("workspace edit = %+v", a.Edit)
	}
	fixed := applyEdits(t, text, a.Edit.DocumentChanges[0].Edits)
	for _, want := range []string{`resp.ErrCode == wechat.AccessTokenExpired`, `"github.com/errcodevet/errcodevet/wechat"`} {
		if !strings.Contains(fixed, want) {
			t.Fatalf("fixed text lacks %s:\n%s", want, fixed)
		}
	}

	// The fixed file: the other finding stays, which shows that the
	// package, import added, type-checks.
	c.change(uri, 2, fixed)
	diags = c.nextFor(uri, 2)
	if len(diags) != 1 || diags[0].Code != "magic-code" || !strings.Contains(diags[0].Message, "40001") {
		t.Fatalf("after the fix: %+v", diags)
	}
	pos := positionOf(t, fixed, "40001")
	if diags[0].Range.Start != pos {
		t.Fatalf("after the fix, the diagnostic is at %+v, want %+v", diags[0].Range.Start, pos)
	}

	// No action away from any finding, nor for other kinds.
	err = c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: lspRange{}}, &actions)
	if err != nil || len(actions) != 0 {
		t.Fatalf("code actions at 0:0 = %+v, %v", actions, err)
	}
	err = c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Range:        lspRange{Start: pos, End: pos},
		Context:      codeActionContext{Only: []string{"refactor"}},
	}, &actions)
	if err != nil || len(actions) != 0 {
		t.Fatalf("refactor code actions = %+v, %v", actions, err)
	}

	// The second fix reuses the import.
	err = c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Range:        lspRange{Start: pos, End: pos},
		Context:      codeActionContext{Only: []string{"quickfix"}},
	}, &actions)
	if err != nil || len(actions) != 1 {
		t.Fatalf("code actions = %+v, %v", actions, err)
	}
	// Neovim 0.7 documents only as a string.
	var again []codeAction
	err = c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        lspRange{Start: pos, End: pos},
		"context":      map[string]any{"diagnostics": []any{}, "only": "quickfix"},
	}, &again)
	if err != nil || len(again) != 1 || again[0].Title != actions[0].Title {
		t.Fatalf("code actions with only as a string = %+v, %v", again, err)
	}
	final := applyEdits(t, fixed, actions[0].Edit.DocumentChanges[0].Edits)
	if strings.Count(final, "errcodevet/wechat") != 1 || !strings.Contains(final, "resp.ErrCode == wechat.InvalidCredential") {
		t.Fatalf("second fix:\n%s", final)
	}
	c.change(uri, 3, final)
	if diags := c.nextFor(uri, 3); len(diags) != 0 {
		t.Fatalf("after both fixes: %+v", diags)
	}
	typeCheck(t, path, final)

	// Closing clears.
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if p := c.next(uri); len(p.Diagnostics) != 0 {
		t.Fatalf("after close: %+v", p)
	}
	if err := c.shutdownExit(); err != nil {
		t.Fatalf("Serve after shutdown and exit: %v", err)
	}
}

// typeCheck loads the fixture package with text as path's contents and
// fails on any error.
func typeCheck(t *testing.T, path, text string) {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{
		Mode:    packages.NeedTypes | packages.NeedSyntax | packages.NeedName,
		Dir:     filepath.Dir(path),
		Overlay: map[string][]byte{path: []byte(text)},
	}, "file="+path)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			t.Errorf("fixed code of %s does not compile: %v", p.PkgPath, err)
		}
	})
}

// TestBrokenFile: an edit that breaks the file's syntax or types leaves no
// finding behind and does not stop the server.
func TestBrokenFile(t *testing.T) {
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize(nil)
	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	uri := c.open(path, text)
	if diags := c.nextFor(uri, 1); len(diags) != 2 {
		t.Fatalf("got %+v, want 2 diagnostics", diags)
	}

	syntax := strings.Replace(text, "func BadCredential(resp *Response) bool {", "func BadCredential(resp *Response) bool {{", 1)
	c.change(uri, 2, syntax)
	if diags := c.nextFor(uri, 2); len(diags) != 0 {
		t.Fatalf("syntax error: stale diagnostics %+v", diags)
	}
	// The editor is told why, in its log: once per reason.
	if m := c.logged(); m.Type != messageWarning || !strings.HasPrefix(m.Message, "errcodevet: ") || !strings.Contains(m.Message, " not analyzed: ") {
		t.Errorf("syntax error: logMessage %+v, want a warning that the package is not analyzed", m)
	}

	// The magic numbers are still there, but the package does not
	// type-check: the analyzer does not run, and nothing is reported.
	types := text + "\nvar _ = undefinedName\n"
	c.change(uri, 3, types)
	if diags := c.nextFor(uri, 3); len(diags) != 0 {
		t.Fatalf("type error: stale diagnostics %+v", diags)
	}
	if m := c.logged(); !strings.Contains(m.Message, " not analyzed: ") || !strings.Contains(m.Message, "undefined: undefinedName") {
		t.Errorf("type error: logMessage %+v, want the package not analyzed, and why", m)
	}
	c.change(uri, 4, types+"\n")
	if diags := c.nextFor(uri, 4); len(diags) != 0 {
		t.Fatalf("type error: stale diagnostics %+v", diags)
	}
	c.logQuiet(time.Second) // the same reason: said already
	var actions []codeAction
	pos := positionOf(t, types, "42001")
	if err := c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: lspRange{Start: pos, End: pos}}, &actions); err != nil || len(actions) != 0 {
		t.Fatalf("code actions in a broken package: %+v, %v", actions, err)
	}

	c.change(uri, 5, text)
	if diags := c.nextFor(uri, 5); len(diags) != 2 {
		t.Fatalf("repaired: got %+v, want 2 diagnostics", diags)
	}
	c.logQuiet(time.Second)
	c.change(uri, 6, types)
	if diags := c.nextFor(uri, 6); len(diags) != 0 {
		t.Fatalf("broken again: stale diagnostics %+v", diags)
	}
	if m := c.logged(); !strings.Contains(m.Message, "undefined: undefinedName") {
		t.Errorf("broken again: logMessage %+v, want it said again", m)
	}
}

// TestStaleResults: an edit during an analysis cancels it, and only the
// newest version's findings are published.
func TestStaleResults(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	uri := c.open(path, text)
	if diags := c.nextFor(uri, 1); len(diags) != 2 {
		t.Fatalf("got %+v, want 2 diagnostics", diags)
	}
	// Hold version 2's analysis until version 3 has arrived.
	started, release := make(chan struct{}, 10), make(chan struct{})
	testHookAnalyze.Store(func() {
		started <- struct{}{}
		<-release
	})
	defer testHookAnalyze.Store(func() {})
	c.change(uri, 2, strings.Replace(text, "42001", "40013", 1))
	<-started
	c.change(uri, 3, strings.Replace(text, "42001", "45009", 1))
	// The server has handled version 3 once it answers a later request.
	if err := c.call("textDocument/hover", map[string]any{}, nil); rpcCode(err) != jsonrpc2.CodeMethodNotFound {
		t.Fatal(err)
	}
	close(release)
	diags := c.nextFor(uri, 3)
	if len(diags) != 2 || !strings.Contains(diags[0].Message, "45009") {
		t.Fatalf("version 3: %+v", diags)
	}
	c.quiet(300 * time.Millisecond)
}

// TestDebounce: a burst of edits is analyzed once, at its end.
func TestDebounce(t *testing.T) {
	c := startServer(t, Options{Debounce: time.Hour})
	c.initialize(map[string]any{"debounce": "1s"}) // the client's setting wins
	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	uri := c.open(path, text)
	for v := int32(2); v <= 10; v++ {
		c.change(uri, v, text+strings.Repeat("\n", int(v)))
	}
	if diags := c.nextFor(uri, 10); len(diags) != 2 {
		t.Fatalf("got %+v, want 2 diagnostics", diags)
	}
	c.quiet(500 * time.Millisecond)
}

// TestProtocol: what the server declines, and how it ends.
func TestProtocol(t *testing.T) {
	c := startServer(t, Options{})
	if err := c.call("textDocument/codeAction", codeActionParams{}, nil); rpcCode(err) != codeServerNotInitialized {
		t.Errorf("before initialize: %v, want ServerNotInitialized", err)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"debounse": "1s"}}, nil); rpcCode(err) != jsonrpc2.CodeInvalidParams ||
		!strings.Contains(err.Error(), `unknown field "debounse"`) {
		t.Errorf("misspelt initializationOptions: %v", err)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"debounce": "soon"}}, nil); rpcCode(err) != jsonrpc2.CodeInvalidParams {
		t.Errorf("bad debounce: %v", err)
	}
	c.initialize(nil)
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); rpcCode(err) != jsonrpc2.CodeInvalidRequest {
		t.Errorf("second initialize: %v", err)
	}
	for _, m := range []string{"textDocument/hover", "textDocument/completion", "workspace/symbol"} {
		if err := c.call(m, map[string]any{}, nil); rpcCode(err) != jsonrpc2.CodeMethodNotFound {
			t.Errorf("%s: %v, want MethodNotFound", m, err)
		}
	}
	// Unknown notifications and non-Go files are ignored.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.open(fixturePath(t, "go.mod"), "module example.com/fixture\n")
	c.quiet(300 * time.Millisecond)

	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.call("textDocument/codeAction", codeActionParams{}, nil); rpcCode(err) != jsonrpc2.CodeInvalidRequest {
		t.Errorf("after shutdown: %v, want InvalidRequest", err)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		c.served <- err
		if err != nil {
			t.Errorf("Serve after shutdown and exit: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("server did not exit")
	}
}

// TestPendingCodeAction: a code action waits for the analysis of the
// current version, and ends when cancelled, when the document changes, or
// at shutdown.
func TestPendingCodeAction(t *testing.T) {
	c := startServer(t, Options{Debounce: time.Hour}) // no analysis comes
	c.initialize(nil)
	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	uri := c.open(path, text)
	pos := positionOf(t, text, "42001")
	params := codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: lspRange{Start: pos, End: pos}}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	dispatch := func(id uint64) jsonrpc2.Waiter {
		w, err := c.conn.DispatchCall(ctx, "textDocument/codeAction", params, jsonrpc2.PickID(jsonrpc2.ID{Num: id}))
		if err != nil {
			t.Fatal(err)
		}
		return w
	}

	w := dispatch(100)
	c.notify("$/cancelRequest", map[string]any{"id": 100})
	if err := w.Wait(ctx, nil); rpcCode(err) != codeRequestCancelled {
		t.Errorf("cancelled: %v, want RequestCancelled", err)
	}

	w = dispatch(101)
	c.change(uri, 2, text+"\n")
	if err := w.Wait(ctx, nil); rpcCode(err) != codeContentModified {
		t.Errorf("changed: %v, want ContentModified", err)
	}

	w = dispatch(102)
	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Wait(ctx, nil); rpcCode(err) != codeRequestCancelled {
		t.Errorf("shutdown: %v, want RequestCancelled", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.notify("exit", nil)
	err := <-c.served
	c.served <- err
	if err != ErrExitWithoutShutdown {
		t.Fatalf("Serve = %v, want ErrExitWithoutShutdown", err)
	}
}

func TestConnectionClosed(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.conn.Close()
	err := <-c.served
	c.served <- err
	if err != ErrExitWithoutShutdown {
		t.Fatalf("Serve = %v, want ErrExitWithoutShutdown", err)
	}
}

// TestConfiguration: the analyzer's configuration and suppressions apply
// as on the command line.
func TestConfiguration(t *testing.T) {
	path := fixturePath(t, "api/api.go")
	text := readFile(t, path)
	testPath := fixturePath(t, "api/api_test.go")
	testText := readFile(t, testPath)

	t.Run("checks", func(t *testing.T) {
		c := startServer(t, Options{Analyzer: newAnalyzer(t, analyzer.Config{Checks: []string{"unknown-code"}})})
		c.initialize(nil)
		uri := c.open(path, text)
		if diags := c.nextFor(uri, 1); len(diags) != 0 {
			t.Fatalf("-checks=unknown-code: %+v", diags)
		}
	})
	t.Run("directives", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize(nil)
		ignored := strings.Replace(text, "\treturn resp.ErrCode == 40001", "\t//errcodevet:ignore magic-code the vendor's sample compares the number\n\treturn resp.ErrCode == 40001", 1)
		uri := c.open(path, ignored)
		if diags := c.nextFor(uri, 1); len(diags) != 1 || !strings.Contains(diags[0].Message, "42001") {
			t.Fatalf("suppressed 40001: %+v", diags)
		}
		malformed := strings.Replace(text, "\treturn resp.ErrCode == 40001", "\t//errcodevet:ignore magic-code\n\treturn resp.ErrCode == 40001", 1)
		c.change(uri, 2, malformed)
		diags := c.nextFor(uri, 2)
		var codes []string
		for _, d := range diags {
			codes = append(codes, d.Code)
		}
		if !strings.Contains(strings.Join(codes, " "), "directive") {
			t.Fatalf("malformed directive: %+v", diags)
		}
	})
	t.Run("tests", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize(nil)
		uri := c.open(testPath, testText)
		if diags := c.nextFor(uri, 1); len(diags) != 0 {
			t.Fatalf("test file without -include-tests: %+v", diags)
		}
		c = startServer(t, Options{Analyzer: newAnalyzer(t, analyzer.Config{IncludeTests: true})})
		c.initialize(nil)
		uri = c.open(testPath, testText)
		diags := c.nextFor(uri, 1)
		if len(diags) != 1 || diags[0].Range.Start != positionOf(t, testText, "42001 {") {
			t.Fatalf("test file with -include-tests: %+v", diags)
		}
		// The non-test file open beside it is analyzed in its own package.
		uri2 := c.open(path, text)
		if diags := c.nextFor(uri2, 1); len(diags) != 2 {
			t.Fatalf("%+v", diags)
		}
	})
}

// TestUnsavedFile: a file that exists only in the editor is analyzed with
// its package.
func TestUnsavedFile(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	path := fixturePath(t, "api/unsaved.go")
	if _, err := os.Stat(path); err == nil {
		t.Fatalf("%s exists", path)
	}
	text := "package api\n\nfunc busy(r Response) bool { return r.ErrCode == -1 }\n"
	uri := c.open(path, text)
	diags := c.nextFor(uri, 1)
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "errcode -1") || diags[0].Range.Start != positionOf(t, text, "-1") {
		t.Fatalf("unsaved file: %+v", diags)
	}
}

// TestOutsideModule: a file outside any module is analyzed as go list
// sees it, an ad-hoc package (as errcodevet x.go does); one whose imports
// do not resolve gets no diagnostics, and the server goes on.
func TestOutsideModule(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	dir := t.TempDir()
	text := "package x\n\ntype R struct{ ErrCode int `json:\"errcode\"` }\n\nfunc f(r R) bool { return r.ErrCode == 42001 }\n"
	path := filepath.Join(dir, "x.go")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := c.open(path, text)
	if diags := c.nextFor(uri, 1); len(diags) != 1 {
		t.Fatalf("ad-hoc package: %+v", diags)
	}
	c.change(uri, 2, strings.Replace(text, "package x\n", "package x\n\nimport _ \"example.com/missing\"\n", 1))
	if diags := c.nextFor(uri, 2); len(diags) != 0 {
		t.Fatalf("unresolved import: %+v", diags)
	}
	fixture := fixturePath(t, "api/api.go")
	uri2 := c.open(fixture, readFile(t, fixture))
	if diags := c.nextFor(uri2, 1); len(diags) != 2 {
		t.Fatalf("fixture after a broken file outside a module: %+v", diags)
	}
}

func TestMapper(t *testing.T) {
	m := newMapper([]byte("a😀b\r\ncé\rd\n\xffx"))
	for _, tc := range []struct {
		offset int
		want   position
	}{
		{0, position{0, 0}},
		{1, position{0, 1}},
		{5, position{0, 3}}, // after the emoji: two units
		{6, position{0, 4}},
		{8, position{1, 0}},
		{9, position{1, 1}},
		{11, position{1, 2}}, // after é: one unit
		{12, position{2, 0}}, // a lone \r ends a line too
		{14, position{3, 0}},
		{15, position{3, 1}}, // an invalid byte is one unit
		{16, position{3, 2}},
	} {
		got, err := m.position(tc.offset)
		if err != nil || got != tc.want {
			t.Errorf("position(%d) = %+v, %v; want %+v", tc.offset, got, err, tc.want)
		}
	}
	if _, err := m.position(17); err == nil {
		t.Error("position beyond the end: no error")
	}
}

func TestURI(t *testing.T) {
	for _, p := range []string{"/tmp/a b/c#d.go", "/home/x/é.go"} {
		uri := pathToURI(p)
		back, err := uriToPath(uri)
		if err != nil || back != p {
			t.Errorf("%s -> %s -> %s, %v", p, uri, back, err)
		}
	}
	if got, _ := uriToPath("file:///tmp/a%20b.go"); got != "/tmp/a b.go" {
		t.Errorf("escaped URI: %s", got)
	}
	for _, bad := range []string{"untitled:Untitled-1", "file:relative.go", "%zz"} {
		if _, err := uriToPath(bad); err == nil {
			t.Errorf("uriToPath(%q): no error", bad)
		}
	}
}

// TestConfigurationFile: the server reads the .errcodevet.yaml found from
// the file's package directory up to its module root, as every driver does.
func TestConfigurationFile(t *testing.T) {
	text := readFile(t, fixturePath(t, "api/api.go"))
	dir := testmodule.New(t, map[string]string{
		"api/api.go":       text,
		".errcodevet.yaml": "checks: [unknown-code]\n",
	})
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	path := filepath.Join(dir, "api", "api.go")
	c := startServer(t, Options{})
	c.initialize(nil)
	uri := c.open(path, text)
	if diags := c.nextFor(uri, 1); len(diags) != 0 {
		t.Fatalf("checks: [unknown-code] in .errcodevet.yaml: %+v", diags)
	}
	if err := os.Remove(filepath.Join(dir, ".errcodevet.yaml")); err != nil {
		t.Fatal(err)
	}
	c = startServer(t, Options{})
	c.initialize(nil)
	uri = c.open(path, text)
	if diags := c.nextFor(uri, 1); len(diags) != 2 {
		t.Fatalf("without the file: %+v, want 2 diagnostics", diags)
	}
}

// TestDependencyEdited: what a workspace package exports (here, a method
// returning a carrier) is learned again after an edit, not kept from an
// earlier analysis: once sdk's Code stops returning the errcode, user's
// comparison of it is no finding.
func TestDependencyEdited(t *testing.T) {
	dir := t.TempDir()
	sdkText := "package sdk\n\ntype CommonError struct {\n\tErrCode int64  `json:\"errcode\"`\n\tErrMsg  string `json:\"errmsg\"`\n}\n\n" +
		"func (e *CommonError) Code() int64 { return e.ErrCode }\n"
	userText := "package user\n\nimport \"m/sdk\"\n\nfunc expired(e *sdk.CommonError) bool { return e.Code() == 42001 }\n"
	files := map[string]string{"go.mod": "module m\n\ngo 1.26.0\n", "sdk/sdk.go": sdkText, "user/user.go": userText}
	testmodule.WriteFiles(t, dir, files)
	c := startServer(t, Options{})
	c.initialize(nil)
	userURI := c.open(filepath.Join(dir, "user", "user.go"), userText)
	if diags := c.nextFor(userURI, 1); len(diags) != 1 || !strings.Contains(diags[0].Message, "errcode 42001") {
		t.Fatalf("before the edit: %+v, want the comparison of sdk's Code", diags)
	}
	sdkURI := c.open(filepath.Join(dir, "sdk", "sdk.go"), sdkText)
	c.nextFor(sdkURI, 1)
	c.change(sdkURI, 2, strings.Replace(sdkText, "return e.ErrCode", "return int64(len(e.ErrMsg))", 1))
	c.nextFor(sdkURI, 2)
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: sdkURI}})
	if p := c.nextOf(userURI); len(p.Diagnostics) != 0 {
		t.Fatalf("after the edit: %+v, want none: Code no longer returns the errcode", p.Diagnostics)
	}
}

// TestModuleDependency: a method returning a carrier in a module outside
// the workspace (a vendor SDK, here replaced by a local directory) is
// known, as to the command-line driver: the loader analyzes, from source,
// the dependencies the analyzer's rule names.
func TestModuleDependency(t *testing.T) {
	dir := t.TempDir()
	userText := "package app\n\nimport \"example.com/sdk\"\n\nfunc expired(e *sdk.CommonError) bool { return e.Code() == 42001 }\n"
	files := map[string]string{
		"sdk/go.mod": "module example.com/sdk\n\ngo 1.26.0\n",
		"sdk/sdk.go": "package sdk\n\ntype CommonError struct {\n\tErrCode int64 `json:\"errcode\"`\n}\n\nfunc (e *CommonError) Code() int64 { return e.ErrCode }\n",
		"app/go.mod": "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/sdk v0.0.0\n\nreplace example.com/sdk => ../sdk\n",
		"app/app.go": userText,
	}
	testmodule.WriteFiles(t, dir, files)
	c := startServer(t, Options{Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")})
	c.initialize(nil)
	uri := c.open(filepath.Join(dir, "app", "app.go"), userText)
	if diags := c.nextFor(uri, 1); len(diags) != 1 || !strings.Contains(diags[0].Message, "errcode 42001") {
		t.Fatalf("%+v, want the comparison of the SDK module's Code", diags)
	}
}

// TestModuleDependencyConfigEdited: the rule for which dependencies
// outside the workspace are analyzed from source follows the configuration
// as it is at each analysis, as the analysis does: once the catalog lists
// the field that the SDK's Code returns, the comparison of Code is a
// finding, without restarting the server (issue 21). The configuration is
// the dependency's own .errcodevet.yaml, or the file -config names.
func TestModuleDependencyConfigEdited(t *testing.T) {
	userText := "package app\n\nimport \"example.com/sdk\"\n\nfunc expired(r *sdk.Reply) bool { return r.Code() == 42001 }\n"
	catalog := "extends: wechat\ncodes:\n  carriers:\n    fields: [example.com/sdk.Reply.Ret]\n"
	for _, tc := range []struct {
		name   string
		config string // the configuration file edited, relative to the temporary directory
		flag   bool   // named by -config, not found
	}{
		{name: "dependency's file", config: "sdk/.errcodevet.yaml"},
		{name: "-config", config: "app/errcodevet.yaml", flag: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			config := filepath.Join(dir, filepath.FromSlash(tc.config))
			testmodule.WriteFiles(t, dir, map[string]string{
				"sdk/go.mod": "module example.com/sdk\n\ngo 1.26.0\n",
				// No json tag or text that carries a code: only a catalog
				// listing Reply.Ret makes sdk worth analyzing.
				"sdk/sdk.go": "package sdk\n\ntype Reply struct {\n\tRet int64\n}\n\nfunc (r *Reply) Code() int64 { return r.Ret }\n",
				"app/go.mod": "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/sdk v0.0.0\n\nreplace example.com/sdk => ../sdk\n",
				"app/app.go": userText,
				tc.config:    "include-tests: false\n",
				filepath.ToSlash(filepath.Join(filepath.Dir(tc.config), "codes.yaml")): catalog,
			})
			opts := Options{Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")}
			if tc.flag {
				opts.Analyzer = newAnalyzer(t, analyzer.Config{ConfigFile: config})
			}
			c := startServer(t, opts)
			c.initialize(nil)
			uri := c.open(filepath.Join(dir, "app", "app.go"), userText)
			if diags := c.nextFor(uri, 1); len(diags) != 0 {
				t.Fatalf("before the catalog: %+v, want none: Ret carries no code", diags)
			}
			if err := os.WriteFile(config, []byte("catalog: [codes.yaml]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			c.change(uri, 2, userText+"\n")
			if diags := c.nextFor(uri, 2); len(diags) != 1 || !strings.Contains(diags[0].Message, "errcode 42001") {
				t.Fatalf("after the catalog: %+v, want the comparison of the SDK's Code", diags)
			}
		})
	}
}

// TestQuickFixHeldBack: in a module that provides no constants package
// (the constants module not required, no constants setting), the finding
// is published but no quick fix is offered: its added import would leave
// the module not building. The editor shows why, once.
func TestQuickFixHeldBack(t *testing.T) {
	text := readFile(t, fixturePath(t, "api/api.go"))
	dir := t.TempDir()
	testmodule.WriteFiles(t, dir, map[string]string{"go.mod": "module example.com/fixture\n\ngo 1.26.0\n", "api/api.go": text})
	c := startServer(t, Options{Env: append(os.Environ(), "GOPROXY=off", "GOWORK=off")})
	c.initialize(nil)
	uri := c.open(filepath.Join(dir, "api", "api.go"), text)
	diags := c.nextFor(uri, 1)
	if len(diags) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %+v", len(diags), diags)
	}
	var actions []codeAction
	start := positionOf(t, text, "42001")
	err := c.call("textDocument/codeAction", codeActionParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Range:        lspRange{Start: start, End: start},
		Context:      codeActionContext{Diagnostics: diags[:1]},
	}, &actions)
	if err != nil {
		t.Fatal(err)
	}
	if len(actions) != 0 {
		t.Errorf("code actions %+v, want none: the module cannot import the constants package", actions)
	}
	// The user is told once, not at every analysis.
	want := showMessageParams{Type: messageInfo, Message: "errcodevet: quick fixes held back: they would import github.com/errcodevet/errcodevet/wechat, " +
		"which the module does not provide; run \"errcodevet init\" to write the constants into it, or require the module"}
	select {
	case m := <-c.messages:
		if m != want {
			t.Errorf("showMessage %+v, want %+v", m, want)
		}
	case <-time.After(waitLimit):
		t.Fatal("no showMessage")
	}
	c.change(uri, 2, text+"\n")
	c.nextFor(uri, 2)
	select {
	case m := <-c.messages:
		t.Errorf("said again: %+v", m)
	default:
	}
}
