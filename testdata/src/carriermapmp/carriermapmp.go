package carriermapmp

// This fixture proves that a Mini Program result decoded into a
// map[string]any carries its resultCode and resultStatus under those keys,
// directly, through a type assertion, and one level down (the result
// object of a response), for every check; and that other keys and maps of
// other types do not.

import (
	"errors"
	"log"
)

var ErrPending = errors.New("payment pending")

func settle(m map[string]any) error {
	if m["resultStatus"] == "U" { // want `resultStatus "U" compared as a magic string: .*` `resultStatus U \(unknown outcome\) handled as a final failure`
		return errors.New("payment failed")
	}
	if m["resultCode"] == "ACCES_DENIED" { // want `resultCode "ACCES_DENIED" can never match: .*`
		return errors.New("denied")
	}
	return nil
}

func asserted(m map[string]any) error {
	s, _ := m["resultStatus"].(string)
	if s == "F" { // want `resultStatus "F" compared as a magic string: .*`
		return errors.New("failed")
	}
	if s == "U" { // want `resultStatus "U" compared as a magic string: .*` `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return nil
	}
	return nil
}

func nested(resp map[string]any) error {
	res, _ := resp["result"].(map[string]any)
	switch res["resultStatus"] {
	case "S":
		return nil
	case "U": // want `resultStatus "U" compared as a magic string: .*`
		return ErrPending
	}
	if res["resultCode"].(string) == "UNKNOWN_EXCEPTION" { // want `resultCode "UNKNOWN_EXCEPTION" compared as a magic string: .*`
		return ErrPending
	}
	return errors.New("failed")
}

// --- Not carriers: silent ---

func otherKeys(m map[string]any, labels map[string]string) bool {
	if m["status"] == "U" {
		return true
	}
	// A map of strings holds whatever the program puts in it.
	return labels["resultStatus"] == "U"
}
