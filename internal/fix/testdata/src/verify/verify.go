package verify

// A blank import names no package.
import (
	_ "fmt"
)

const two, four = len("ab"), len("abcd")

func f(x int) int {
	switch x {
	case 4: // want "fix 4"
		return 1 // want "fix 1"
	case 5: // want "fix 5"
		return 2 // want "fix 2"
	}
	return 3 // want "fix 3"
}
