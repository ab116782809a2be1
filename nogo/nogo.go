package nogo

import (
	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/checkid"
)

// Analyzer is errcodevet's analyzer with each finding's check ID at the end
// of its message.
var Analyzer = checkid.InMessages(analyzer.Analyzer)
