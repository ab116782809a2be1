package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/factless"
)

// A testClient drives a server in-process over an in-memory pipe, as an
// editor does over stdin and stdout.
type testClient struct {
	t        testing.TB
	conn     *jsonrpc2.Conn
	diags    chan publishDiagnosticsParams
	messages chan showMessageParams
	logs     chan logMessageParams
	served   chan error
}

// waitLimit bounds every wait: a cold go list and type-check of the
// fixture's dependencies take seconds on a loaded machine, not minutes.
const waitLimit = 2 * time.Minute

// newAnalyzer returns what Options.Analyzer wants: a new factless
// analyzer with configuration cfg, per analysis.
func newAnalyzer(t testing.TB, cfg analyzer.Config) func() (*factless.Analyzer, error) {
	t.Helper()
	if _, err := factless.New(cfg, ""); err != nil {
		t.Fatal(err)
	}
	return func() (*factless.Analyzer, error) { return factless.New(cfg, "") }
}

func startServer(t testing.TB, opts Options) *testClient {
	t.Helper()
	if opts.Analyzer == nil {
		opts.Analyzer = newAnalyzer(t, analyzer.Config{})
	}
	if opts.Log == nil {
		opts.Log = testLog{t}
	}
	serverSide, clientSide := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	c := &testClient{t: t, diags: make(chan publishDiagnosticsParams, 1000), messages: make(chan showMessageParams, 100), logs: make(chan logMessageParams, 1000), served: make(chan error, 1)}
	go func() { c.served <- Serve(ctx, serverSide, opts) }()
	handler := jsonrpc2.HandlerWithError(func(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" {
			var p publishDiagnosticsParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
				return nil, nil
			}
			c.diags <- p
			return nil, nil
		}
		if req.Method == "window/showMessage" {
			var p showMessageParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("showMessage: %v", err)
				return nil, nil
			}
			c.messages <- p
			return nil, nil
		}
		if req.Method == "window/logMessage" {
			var p logMessageParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("logMessage: %v", err)
				return nil, nil
			}
			c.logs <- p
			return nil, nil
		}
		t.Errorf("unexpected %s from the server", req.Method)
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: req.Method}
	})
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, jsonrpc2.VSCodeObjectCodec{}), handler, jsonrpc2.SetLogger(testLog{t}))
	t.Cleanup(func() {
		cancel()
		c.conn.Close()
		select {
		case <-c.served:
		case <-time.After(waitLimit):
			t.Error("server did not stop")
		}
	})
	return c
}

// testLog writes the server's log to the test's.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

func (l testLog) Printf(format string, args ...any) { l.t.Logf(format, args...) }

func (c *testClient) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize initializes the server, with versioned document changes.
func (c *testClient) initialize(initOptions any) initializeResult {
	c.t.Helper()
	params := map[string]any{
		"processId":    nil,
		"capabilities": map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}},
	}
	if initOptions != nil {
		params["initializationOptions"] = initOptions
	}
	var res initializeResult
	if err := c.call("initialize", params, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify("initialized", map[string]any{})
	return res
}

// open opens the file at path with the given text, and returns its URI.
func (c *testClient) open(path, text string) string {
	c.t.Helper()
	uri := pathToURI(path)
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: text}})
	return uri
}

func (c *testClient) change(uri string, version int32, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []contentChange{{Text: text}},
	})
}

// next returns the next diagnostics published for uri, and fails if other
// documents' arrive first.
func (c *testClient) next(uri string) publishDiagnosticsParams {
	c.t.Helper()
	select {
	case p := <-c.diags:
		if p.URI != uri {
			c.t.Fatalf("diagnostics published for %s, want %s", p.URI, uri)
		}
		return p
	case <-time.After(waitLimit):
		c.t.Fatalf("no diagnostics published for %s within %v", uri, waitLimit)
	}
	panic("unreachable")
}

// logged returns the next message the server sent to the client's log.
func (c *testClient) logged() logMessageParams {
	c.t.Helper()
	select {
	case p := <-c.logs:
		return p
	case <-time.After(waitLimit):
		c.t.Fatalf("no window/logMessage within %v", waitLimit)
	}
	panic("unreachable")
}

// logQuiet fails if the server sends the client's log a message within d.
func (c *testClient) logQuiet(d time.Duration) {
	c.t.Helper()
	select {
	case p := <-c.logs:
		c.t.Fatalf("window/logMessage %+v, want none", p)
	case <-time.After(d):
	}
}

// nextOf returns the next diagnostics published for uri, skipping other
// documents'.
func (c *testClient) nextOf(uri string) publishDiagnosticsParams {
	c.t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				return p
			}
		case <-deadline:
			c.t.Fatalf("no diagnostics published for %s within %v", uri, waitLimit)
		}
	}
}

// nextFor returns the next diagnostics published for uri, and fails unless
// they are for version.
func (c *testClient) nextFor(uri string, version int32) []diagnostic {
	c.t.Helper()
	p := c.next(uri)
	if p.Version == nil || *p.Version != version {
		c.t.Fatalf("diagnostics published for version %s of %s, want version %d: %+v", fmtVersion(p.Version), uri, version, p.Diagnostics)
	}
	return p.Diagnostics
}

func fmtVersion(v *int32) string {
	if v == nil {
		return "null"
	}
	b, _ := json.Marshal(*v)
	return string(b)
}

// quiet fails if the server publishes anything within d.
func (c *testClient) quiet(d time.Duration) {
	c.t.Helper()
	select {
	case p := <-c.diags:
		c.t.Fatalf("unexpected diagnostics for version %s of %s: %+v", fmtVersion(p.Version), p.URI, p.Diagnostics)
	case <-time.After(d):
	}
}

func (c *testClient) shutdownExit() error {
	c.t.Helper()
	if err := c.call("shutdown", nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		c.served <- err // for Cleanup
		return err
	case <-time.After(waitLimit):
		c.t.Fatal("server did not exit")
	}
	return nil
}

func rpcCode(err error) int64 {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// fixturePath returns the absolute path of a fixture file.
func fixturePath(t testing.TB, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "fixture", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// offsetOf converts an LSP position in text ("\n" lines only) to a byte
// offset, counting UTF-16 code units as the protocol does; it is written
// independently of the server's mapper.
func offsetOf(t testing.TB, text string, p position) int {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	if int(p.Line) >= len(lines) {
		t.Fatalf("position %+v beyond the text's %d lines", p, len(lines))
	}
	off := 0
	for _, l := range lines[:p.Line] {
		off += len(l)
	}
	units := 0
	for i, r := range lines[p.Line] {
		if units == int(p.Character) {
			return off + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == int(p.Character) {
		return off + len(lines[p.Line])
	}
	t.Fatalf("position %+v is not at a character boundary", p)
	return 0
}

// positionOf returns the LSP position of the first occurrence of sub in
// text, computed independently of the server.
func positionOf(t testing.TB, text, sub string) position {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	line := strings.Count(text[:i], "\n")
	start := strings.LastIndex(text[:i], "\n") + 1
	return position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(text[start:i]))))}
}

// applyEdits applies LSP text edits, which all refer to the original text.
func applyEdits(t testing.TB, text string, edits []textEdit) string {
	t.Helper()
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offsetOf(t, text, e.Range.Start), offsetOf(t, text, e.Range.End), e.NewText})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	for i, s := range spans {
		if i > 0 && s.end > spans[i-1].start {
			t.Fatalf("overlapping edits: %+v", edits)
		}
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}
