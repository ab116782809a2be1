// Package lsp is errcodevet's language server: it publishes the analyzer's
// diagnostics for the Go files an editor has open and offers their
// suggested fixes as quick-fix code actions. It runs beside gopls, which
// cannot load third-party analyzers, and implements only that:
// textDocumentSync (full), publishDiagnostics and codeAction.
//
// A file is analyzed as part of its package, with the editor's unsaved
// contents: the workspace packages it depends on are type-checked from
// source and analyzed first, in dependency order, so that what they export
// (functions returning a carrier or retrying) is known to it; every other
// dependency comes from export data, as for the command-line driver. The
// loader keeps what it loaded between analyses (see loader). Edits are
// debounced; an edit cancels the analysis under way, and results computed
// for a version that is no longer current are dropped. A package that does
// not load or type-check gets no diagnostics at all: the analyzer does not
// run on ill-typed code, and findings from an earlier version could point
// at text that has changed, so they are cleared rather than kept.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/analyzer"
)

// DefaultDebounce is how long the server waits after an edit before it
// analyzes, so that typing does not start an analysis per keystroke.
const DefaultDebounce = 250 * time.Millisecond

// Options configure a server.
type Options struct {
	// Analyzer returns the analyzer for one analysis, configured as on the
	// command line. It must declare no fact types (analyzer.NewFactless):
	// it learns what packages export in memory, and a new one each
	// analysis forgets what an edit made untrue.
	Analyzer func() (*analysis.Analyzer, error)
	// Debounce is the wait after an edit before analysis (DefaultDebounce
	// suits typing); zero analyzes at once. The client's
	// initializationOptions may override it.
	Debounce time.Duration
	// Log receives the server's log; nil discards it. Editors show a
	// server's standard error in their LSP log.
	Log io.Writer
	// Env is the environment of the go command; nil means the process's.
	Env []string
	// Version is reported to the client as the server's version.
	Version string
}

// ErrExitWithoutShutdown is returned by Serve when the client sent exit
// without shutdown first, or closed the connection; the protocol wants exit
// code 1 then.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Serve serves one client on rwc, LSP base protocol framing (stdin and
// stdout for an editor), until the client sends exit or closes the
// connection, or ctx is done.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	if opts.Analyzer == nil {
		return errors.New("lsp: no analyzer")
	}
	if opts.Debounce < 0 {
		return fmt.Errorf("lsp: negative debounce %v", opts.Debounce)
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		opts:     opts,
		log:      log.New(logw, "errcodevet lsp: ", log.LstdFlags),
		ctx:      ctx,
		debounce: opts.Debounce,
		docs:     make(map[string]*document),
		pending:  make(map[string]bool),
		updated:  make(chan struct{}),
		requests: make(map[jsonrpc2.ID]context.CancelFunc),
		wake:     make(chan struct{}, 1),
		exit:     make(chan struct{}),
		loader:   newLoader(),
	}
	// The dependencies outside the workspace that can export what findings
	// depend on are analyzed too, as by the command-line driver.
	if a, err := opts.Analyzer(); err == nil {
		s.loader.rule = analyzer.Dependencies(a)
	}
	stream := jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, s, jsonrpc2.SetLogger(s.log))
	sent := make(chan struct{})
	go func() {
		s.send(ctx, conn)
		close(sent)
	}()
	select {
	case <-conn.DisconnectNotify():
	case <-s.exit:
	case <-ctx.Done():
	}
	conn.Close()
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.stop()
	cancel()
	s.wg.Wait() // analyses and code actions, which end on cancel
	<-sent
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.exited && s.state == stateShutdown {
		return nil
	}
	if err := parent.Err(); err != nil && !s.exited {
		return err
	}
	return ErrExitWithoutShutdown
}

// Server states, in order.
const (
	stateNew = iota
	stateInitialized
	stateShutdown
)

type server struct {
	opts Options
	log  *log.Logger
	ctx  context.Context // the server's life

	mu         sync.Mutex
	state      int
	exited     bool
	debounce   time.Duration
	docChanges bool                 // the client takes versioned documentChanges
	docs       map[string]*document // open Go files by path
	pending    map[string]bool      // paths to analyze at the next run
	timer      *time.Timer          // starts the next run
	running    *run                 // the latest run, nil when done
	updated    chan struct{}        // closed and replaced when results change
	requests   map[jsonrpc2.ID]context.CancelFunc
	outbox     []publishDiagnosticsParams // to send, in order
	wake       chan struct{}              // outbox not empty
	exit       chan struct{}              // closed on exit
	exitOnce   sync.Once
	loader     *loader // used by one run at a time
	stopped    bool    // Serve is returning: start nothing
	wg         sync.WaitGroup
}

// A document is an open file: its latest contents, and the findings of
// the analysis of version analyzed.
type document struct {
	uri      string
	path     string
	version  int32
	text     []byte
	analyzed bool
	resultOf int32 // the version the findings are for, when analyzed
	findings []finding
}

// A finding is a published diagnostic and its fixes.
type finding struct {
	diag  diagnostic
	fixes []fix
}

type fix struct {
	title string
	files []fileEdits
}

type fileEdits struct {
	uri     string
	version *int32 // nil: a file the client does not have open
	edits   []textEdit
}

// Handle implements jsonrpc2.Handler. It runs on the connection's read
// loop, so messages are handled in order; code actions that must wait
// for an analysis reply from their own goroutine.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Notif {
		if err := s.notification(req); err != nil {
			s.log.Printf("%s: %v", req.Method, err)
		}
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case state == stateNew && req.Method != "initialize":
		s.replyError(ctx, conn, req, codeServerNotInitialized, "server not initialized")
		return
	case state == stateShutdown:
		s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidRequest, "server is shut down")
		return
	}
	switch req.Method {
	case "initialize":
		if state != stateNew {
			s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidRequest, "initialize sent twice")
			return
		}
		res, err := s.initialize(req)
		if err != nil {
			s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidParams, err.Error())
			return
		}
		s.reply(ctx, conn, req, res)
	case "shutdown":
		s.stop()
		s.mu.Lock()
		s.state = stateShutdown
		for _, cancel := range s.requests {
			cancel() // code actions waiting for an analysis that will not come
		}
		s.mu.Unlock()
		s.reply(ctx, conn, req, nil)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshalParams(req, &p); err != nil {
			s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidParams, err.Error())
			return
		}
		path, err := uriToPath(p.TextDocument.URI)
		if err != nil {
			s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidParams, err.Error())
			return
		}
		reqCtx, cancel := context.WithCancel(s.ctx)
		s.mu.Lock()
		if s.stopped {
			s.mu.Unlock()
			cancel()
			return
		}
		doc := s.docs[path]
		var version int32
		if doc != nil {
			version = doc.version
		}
		s.requests[req.ID] = cancel
		s.wg.Add(1)
		s.mu.Unlock()
		go func() {
			defer s.wg.Done()
			defer func() {
				s.mu.Lock()
				delete(s.requests, req.ID)
				s.mu.Unlock()
				cancel()
			}()
			actions, err := s.codeActions(reqCtx, p, doc, version)
			if err != nil {
				var rpcErr *jsonrpc2.Error
				if !errors.As(err, &rpcErr) {
					rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
				}
				if err := conn.ReplyWithError(ctx, req.ID, rpcErr); err != nil {
					s.log.Printf("codeAction: %v", err)
				}
				return
			}
			s.reply(ctx, conn, req, actions)
		}()
	default:
		s.replyError(ctx, conn, req, jsonrpc2.CodeMethodNotFound, "method not found: "+req.Method)
	}
}

func (s *server) reply(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, result any) {
	if err := conn.Reply(ctx, req.ID, result); err != nil {
		s.log.Printf("%s: reply: %v", req.Method, err)
	}
}

func (s *server) replyError(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, code int64, msg string) {
	if err := conn.ReplyWithError(ctx, req.ID, &jsonrpc2.Error{Code: code, Message: msg}); err != nil {
		s.log.Printf("%s: reply: %v", req.Method, err)
	}
}

func unmarshalParams(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return fmt.Errorf("%s: missing params", req.Method)
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return fmt.Errorf("%s: invalid params: %v", req.Method, err)
	}
	return nil
}

// initOptions are the initializationOptions the server accepts.
type initOptions struct {
	// Debounce is a Go duration ("250ms").
	Debounce string `json:"debounce"`
}

func (s *server) initialize(req *jsonrpc2.Request) (*initializeResult, error) {
	var p initializeParams
	if err := unmarshalParams(req, &p); err != nil {
		return nil, err
	}
	debounce := s.opts.Debounce
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		var o initOptions
		dec := json.NewDecoder(strings.NewReader(string(p.InitializationOptions)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			return nil, fmt.Errorf("initializationOptions: %v (known: debounce)", err)
		}
		if o.Debounce != "" {
			d, err := time.ParseDuration(o.Debounce)
			if err != nil || d < 0 {
				return nil, fmt.Errorf("initializationOptions: debounce: want a duration such as \"250ms\", got %q", o.Debounce)
			}
			debounce = d
		}
	}
	s.mu.Lock()
	s.state = stateInitialized
	s.debounce = debounce
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	s.mu.Unlock()
	return &initializeResult{
		Capabilities: serverCapabilities{
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{kindQuickFix}},
		},
		ServerInfo: serverInfo{Name: "errcodevet", Version: s.opts.Version},
	}, nil
}

// notification handles a notification. Unknown ones are ignored, as the
// protocol wants; so is everything but exit before initialize and after
// shutdown.
func (s *server) notification(req *jsonrpc2.Request) error {
	if req.Method == "exit" {
		s.stop()
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		s.exitOnce.Do(func() { close(s.exit) })
		return nil
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state != stateInitialized {
		return nil
	}
	switch req.Method {
	case "textDocument/didOpen":
		return withParams(req, s.didOpen)
	case "textDocument/didChange":
		return withParams(req, s.didChange)
	case "textDocument/didSave":
		return withParams(req, s.didSave)
	case "textDocument/didClose":
		return withParams(req, s.didClose)
	case "$/cancelRequest":
		var p cancelParams
		if err := unmarshalParams(req, &p); err != nil {
			return err
		}
		s.mu.Lock()
		if cancel := s.requests[p.ID]; cancel != nil {
			cancel()
		}
		s.mu.Unlock()
	}
	return nil
}

func isGoFile(path string) bool { return strings.HasSuffix(path, ".go") }

func (s *server) didOpen(p didOpenParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if !isGoFile(path) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.scheduleLocked(path)
	return nil
}

func (s *server) didChange(p didChangeParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		if isGoFile(path) {
			return fmt.Errorf("%s is not open", p.TextDocument.URI)
		}
		return nil
	}
	if len(p.ContentChanges) == 0 {
		return nil
	}
	last := p.ContentChanges[len(p.ContentChanges)-1]
	if last.Range != nil {
		// The server asked for full sync; an incremental change cannot be
		// applied to an unknown text. Forget the document's findings.
		s.clearLocked(doc)
		return fmt.Errorf("%s: incremental change received, but the server syncs full contents", doc.uri)
	}
	doc.version = p.TextDocument.Version
	doc.text = []byte(last.Text)
	doc.analyzed = false
	s.scheduleLocked(path)
	s.broadcastLocked() // code actions for the old version give up
	return nil
}

// didSave analyzes every open file again: a saved file may change the
// findings of the packages that import it.
func (s *server) didSave(p didSaveParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs[path] == nil {
		return nil
	}
	for other := range s.docs {
		s.scheduleLocked(other)
	}
	return nil
}

func (s *server) didClose(p didCloseParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return nil
	}
	delete(s.docs, path)
	delete(s.pending, path)
	s.clearLocked(doc)
	return nil
}

// clearLocked withdraws a document's findings.
func (s *server) clearLocked(doc *document) {
	doc.findings = nil
	s.outbox = append(s.outbox, publishDiagnosticsParams{URI: doc.uri, Diagnostics: []diagnostic{}})
	s.notifyLocked()
}

// notifyLocked wakes the sender and the code actions waiting for results.
func (s *server) notifyLocked() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
	s.broadcastLocked()
}

// broadcastLocked wakes the code actions waiting for results.
func (s *server) broadcastLocked() {
	close(s.updated)
	s.updated = make(chan struct{})
}

// send sends the queued diagnostics in order until ctx is done.
func (s *server) send(ctx context.Context, conn *jsonrpc2.Conn) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		s.mu.Lock()
		queue := s.outbox
		s.outbox = nil
		s.mu.Unlock()
		for _, p := range queue {
			if err := conn.Notify(ctx, "textDocument/publishDiagnostics", p); err != nil {
				s.log.Printf("publishDiagnostics: %v", err)
			}
		}
	}
}

// stop cancels the analysis and the timer, for shutdown and exit.
func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.running != nil {
		s.running.cancel()
	}
	s.pending = make(map[string]bool)
}

// scheduleLocked marks path for analysis after the debounce delay, and
// cancels the analysis under way, whose findings the edit makes stale;
// its files are analyzed again by the next run.
func (s *server) scheduleLocked(path string) {
	s.pending[path] = true
	if r := s.running; r != nil && r.ctx.Err() == nil {
		r.cancel()
		for _, p := range r.paths {
			if s.docs[p] != nil {
				s.pending[p] = true
			}
		}
	}
	if s.timer == nil {
		s.timer = time.AfterFunc(s.debounce, s.startRun)
	} else {
		s.timer.Reset(s.debounce)
	}
}

// codeActions returns the quick fixes of the findings in p's range, once
// the document's current version is analyzed.
// The document and its version are taken when the request arrives, in
// order with the document's changes.
func (s *server) codeActions(ctx context.Context, p codeActionParams, doc *document, version int32) ([]codeAction, error) {
	actions := []codeAction{}
	if doc == nil || !kindWanted(p.Context.Only) {
		return actions, nil
	}
	s.mu.Lock()
	for !(doc.analyzed && doc.resultOf == version) {
		if s.docs[doc.path] != doc || doc.version != version {
			s.mu.Unlock()
			return nil, &jsonrpc2.Error{Code: codeContentModified, Message: "document changed"}
		}
		updated := s.updated
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil, &jsonrpc2.Error{Code: codeRequestCancelled, Message: "request cancelled"}
		case <-updated:
		}
		s.mu.Lock()
	}
	defer s.mu.Unlock()
	for _, f := range doc.findings {
		if !f.diag.Range.overlaps(p.Range) {
			continue
		}
		for i, fx := range f.fixes {
			actions = append(actions, codeAction{
				Title:       fx.title,
				Kind:        kindQuickFix,
				Diagnostics: []diagnostic{f.diag},
				IsPreferred: i == 0,
				Edit:        s.workspaceEditLocked(fx),
			})
		}
	}
	return actions, nil
}

// kindWanted reports whether a quick fix is among the kinds asked for
// (all when none are named); kinds are hierarchical, "" matching any.
func kindWanted(only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == "" || k == kindQuickFix || strings.HasPrefix(kindQuickFix, k+".") {
			return true
		}
	}
	return false
}

func (s *server) workspaceEditLocked(fx fix) workspaceEdit {
	if s.docChanges {
		var changes []textDocumentEdit
		for _, f := range fx.files {
			changes = append(changes, textDocumentEdit{
				TextDocument: optionalVersionedTextDocumentIdentifier{URI: f.uri, Version: f.version},
				Edits:        f.edits,
			})
		}
		return workspaceEdit{DocumentChanges: changes}
	}
	changes := make(map[string][]textEdit)
	for _, f := range fx.files {
		changes[f.uri] = append(changes[f.uri], f.edits...)
	}
	return workspaceEdit{Changes: changes}
}

// withParams decodes a notification's parameters and hands them to handle.
func withParams[P any](req *jsonrpc2.Request, handle func(P) error) error {
	var p P
	if err := unmarshalParams(req, &p); err != nil {
		return err
	}
	return handle(p)
}
