package silenthttp

// This fixture proves that numbers that happen to equal documented codes are
// left alone when nothing carries a code: an HTTP status code, a port, a
// loop counter, a length.

import "net/http"

func handle(resp *http.Response, port int, items []string) bool {
	if resp.StatusCode == 404 || resp.StatusCode == 40001 {
		return false
	}
	if port == 42001 {
		return true
	}
	for i := 0; i < 50000; i++ {
		if i == 42001 {
			return true
		}
	}
	return len(items) == 40013
}
