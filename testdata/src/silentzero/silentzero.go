package silentzero // want package:"exposes carriers"

// This fixture proves that the empty string is never taken for a value a
// carrier cannot hold: it is what a missing resultStatus or resultCode
// decodes to, and checking for it is how code detects a missing result.

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(res Result) bool {
	if res.ResultStatus == "" || res.ResultCode == "" {
		return false
	}
	switch res.ResultStatus {
	case "":
		return false
	}
	return res.ResultStatus != ""
}
