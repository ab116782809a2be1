package regress_retrychain // want package:"exposes carriers"

// Retrying spreads from a function to its callers, along chains declared in
// any order and through cycles; what reaches no retrying function does not
// retry. (It used to be found by rescanning every function until nothing
// changed, quadratic along a chain.)

import "time"

type Response struct {
	ErrCode int `json:"errcode"`
}

func c3(r *Response) { c2(r) } // want c3:"retries"

func c2(r *Response) { c1(r) } // want c2:"retries"

func c1(r *Response) { poll(r) } // want c1:"retries"

// poll waits between calls in a loop: it retries.
func poll(r *Response) { // want poll:"retries"
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond)
		if r.ErrCode == 0 {
			break
		}
	}
}

// a and b call each other, and b calls c3: both retry.
func a(r *Response, n int) int { // want a:"retries"
	if n == 0 {
		return 0
	}
	return b(r, n-1)
}

func b(r *Response, n int) int { // want b:"retries"
	if n == 0 {
		c3(r)
		return 0
	}
	return a(r, n-1)
}

// x and y call each other and nothing that retries.
func x(n int) int {
	if n == 0 {
		return 0
	}
	return y(n - 1)
}

func y(n int) int {
	if n == 0 {
		return 1
	}
	return x(n - 1)
}
