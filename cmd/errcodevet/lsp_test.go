package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLSPFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-checks=bogus"}, 2, `unknown check "bogus"`},
		{[]string{"-debounce=-1s"}, 2, "negative duration"},
		{[]string{"-debounce=soon"}, 2, `invalid value "soon" for flag -debounce`},
		{[]string{"file.go"}, 2, `unexpected argument "file.go"`},
		{[]string{"-h"}, 0, "-include-tests"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runLSP(tc.args, &stdout, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("errcodevet lsp %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tc.args, " "), code, stderr.String(), tc.code, tc.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("errcodevet lsp %s wrote to stdout, the protocol's channel: %q", strings.Join(tc.args, " "), stdout.String())
		}
	}
}

// TestLSPStdio runs the command as an editor does, on its standard input
// and output: initialize, shutdown, exit, and the exit code.
func TestLSPStdio(t *testing.T) {
	if os.Getenv("ERRCODEVET_TEST_MAIN") == "1" {
		os.Args = append([]string{"errcodevet"}, strings.Fields(os.Getenv("ERRCODEVET_TEST_ARGS"))...)
		main()
		return
	}
	for _, tc := range []struct {
		name     string
		messages []string
		code     int
	}{
		{"shutdown then exit", []string{
			`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}`,
			`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
			`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{}}`,
			`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`,
			`{"jsonrpc":"2.0","method":"exit"}`,
		}, 0},
		{"exit without shutdown", []string{
			`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}`,
			`{"jsonrpc":"2.0","method":"exit"}`,
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in bytes.Buffer
			for _, m := range tc.messages {
				fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(m), m)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestLSPStdio$")
			cmd.Env = append(os.Environ(), "ERRCODEVET_TEST_MAIN=1", "ERRCODEVET_TEST_ARGS=lsp")
			cmd.Stdin = &in
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				t.Fatalf("errcodevet lsp did not exit; stderr:\n%s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			replies := readMessages(t, &out)
			if len(replies) == 0 || replies[0]["id"] != float64(1) || replies[0]["result"] == nil {
				t.Fatalf("no initialize result: %v", replies)
			}
			info, _ := replies[0]["result"].(map[string]any)["serverInfo"].(map[string]any)
			if info["name"] != "errcodevet" || info["version"] != version() {
				t.Errorf("serverInfo %v, want errcodevet %s, the version command's", info, version())
			}
			caps, _ := json.Marshal(replies[0]["result"].(map[string]any)["capabilities"])
			if string(caps) != `{"codeActionProvider":{"codeActionKinds":["quickfix"]},"textDocumentSync":{"change":1,"openClose":true,"save":{"includeText":false}}}` {
				t.Errorf("capabilities %s", caps)
			}
			if tc.code == 0 {
				if len(replies) != 3 {
					t.Fatalf("replies: %v", replies)
				}
				if e, _ := replies[1]["error"].(map[string]any); e == nil || e["code"] != float64(-32601) {
					t.Errorf("hover: %v, want MethodNotFound", replies[1])
				}
				if r, ok := replies[2]["result"]; replies[2]["id"] != float64(3) || !ok || r != nil {
					t.Errorf("shutdown: %v, want a null result", replies[2])
				}
			}
		})
	}
}

// readMessages parses LSP base-protocol messages.
func readMessages(t *testing.T, r io.Reader) []map[string]any {
	t.Helper()
	br := bufio.NewReader(r)
	var out []map[string]any
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF && line == "" {
			return out
		}
		if err != nil {
			t.Fatalf("reading headers: %v", err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Content-Length:")))
		if err != nil {
			t.Fatalf("header %q", line)
		}
		if blank, _ := br.ReadString('\n'); blank != "\r\n" {
			t.Fatalf("no blank line after the header: %q", blank)
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		out = append(out, m)
	}
}
