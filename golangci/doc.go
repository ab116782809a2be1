// Package golangci is errcodevet's golangci-lint v2 module plugin.
//
// Importing it registers the linter errcodevet with
// github.com/golangci/plugin-module-register. Build a golangci-lint that
// includes it with `golangci-lint custom` and the .custom-gcl.yml at the
// root of this module, then enable it in .golangci.yml:
//
//	linters:
//	  enable: [errcodevet]
//	  settings:
//	    custom:
//	      errcodevet:
//	        type: module
//	        description: checks WeChat errcode and Mini Program result handling
//	        original-url: github.com/errcodevet/errcodevet
//	        settings:
//	          checks: [magic-code, string-code]
//
// The settings mirror the analyzer's flags (see Settings); an unknown key
// or a bad value stops golangci-lint with an error that says which.
package golangci
