package generated // want package:"exposes carriers"

// This fixture proves that generated files are left alone (zz_generated.go
// compares the same literals), while the package's other files are checked.

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
