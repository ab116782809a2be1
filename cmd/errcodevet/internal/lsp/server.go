// Package lsp is errcodevet's language server: it publishes the analyzer's
// diagnostics for the Go files an editor has open and offers their
// suggested fixes as quick-fix code actions. It runs beside gopls, which
// cannot load third-party analyzers, and implements only that:
// textDocumentSync (full), publishDiagnostics and codeAction.
//
// A file is analyzed as part of its package, with the editor's unsaved
// contents: the workspace packages it depends on, and the dependencies
// outside the workspace that the analyzer's rule names, are type-checked
// from source and analyzed first, in dependency order, so that what they
// export (functions returning a carrier or retrying) is known to it; every
// other dependency comes from export data, as for the command-line driver.
// Each analysis makes a new analyzer, whose rule decides that analysis's
// load: an edit of a configuration or catalog file applies from the next
// analysis to which dependencies are analyzed as to the findings. The
// loader keeps what it loaded between analyses (see loader). Edits are
// debounced; an edit cancels the analysis under way, and results computed
// for a version that is no longer current are dropped. A package that does
// not load or type-check gets no diagnostics at all: the analyzer does not
// run on ill-typed code, and findings from an earlier version could point
// at text that has changed, so they are cleared rather than kept.
//
// The files follow the protocol's areas, as gopls's server does:
// lifecycle.go (initialize, shutdown, exit), textsync.go (the open
// documents and their edits), analysis.go (analysis runs) and
// diagnostics.go (publishing their findings), codeaction.go (quick fixes);
// load.go loads packages, protocol.go and text.go hold the protocol's
// types, positions and URIs.
//
// # Two loaders
//
// The command-line driver loads packages through internal/engine, the
// server through its own loader (load.go). What they share is what is
// cheap to share: the go command's answers (go list, with the export data
// of every dependency from the build cache), the analyzer with its rule
// for which dependencies to analyze from source, and the order of
// analysis (a package after those it imports). They stay two because they
// load under different costs. The engine loads once per run, every root
// in one go/packages call that keeps nothing. The server loads again after
// each edit, with the editor's unsaved text, and must cost a fraction of
// a type-check of the package (BENCHMARKS.md, "Language server": 0.06x to
// 0.08x per edit): it keeps type-checked packages, keyed by their inputs,
// between loads, runs go list only when an import, a package clause, a
// build constraint or go.mod changes, and checks again only the edited
// package and those that import it. go/packages cannot reuse an earlier
// load or check part of a graph, so the server cannot load through the
// engine; the engine could load through this loader (BENCHMARKS.md notes
// what it would gain: reading the dependency rule's files while the
// packages type-check), at the price of the cache and invalidation a
// driver that loads once never needs.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/errcodevet/errcodevet/internal/factless"
)

// DefaultDebounce is how long the server waits after an edit before it
// analyzes, so that typing does not start an analysis per keystroke.
const DefaultDebounce = 250 * time.Millisecond

// Options configure a server.
type Options struct {
	// Analyzer returns the analyzer for one analysis, configured as on the
	// command line. It declares no fact types (internal/factless): it
	// learns what packages export in memory, and a new one each analysis
	// forgets what an edit made untrue. Its rule (factless.Rule) names the
	// dependencies that analysis loads from source.
	Analyzer func() (*factless.Analyzer, error)
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
	outbox     []notification      // to send, in order
	messages   []showMessageParams // to show, before the outbox
	wake       chan struct{}       // outbox or messages not empty
	heldBack   bool                // the held-back quick fixes were said
	notices    map[string]string   // by package ID: why it was last not analyzed, as the client was told
	exit       chan struct{}       // closed on exit
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
		s.shutdown()
		s.reply(ctx, conn, req, nil)
	case "textDocument/codeAction":
		s.codeActionRequest(ctx, conn, req)
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

// notification handles a notification. Unknown ones are ignored, as the
// protocol wants; so is everything but exit before initialize and after
// shutdown.
func (s *server) notification(req *jsonrpc2.Request) error {
	if req.Method == "exit" {
		s.exitNow()
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

// withParams decodes a notification's parameters and hands them to handle.
func withParams[P any](req *jsonrpc2.Request, handle func(P) error) error {
	var p P
	if err := unmarshalParams(req, &p); err != nil {
		return err
	}
	return handle(p)
}
