package catalog

import "strings"

// Joint returns a table of the values the given tables agree on, for a
// package that shows itself a client of several families sharing a carrier
// (WeCom and the Official Account both answer with errcode): a value gets
// an explanation there only when every table documents it with the same
// retry class, a class that says something (42001, an expired token, in
// both), or is a success value of every table. A value the tables give
// different meanings (40001: an invalid credential, an invalid secret) is
// in none, so no family's meaning is asserted for it. The entries are the
// first table's, with its constants: they name the same value meaning the
// same thing. The tables must hold values of the same role and kind.
func Joint(tables ...*Table) *Table {
	first := tables[0]
	j := &Table{Role: first.Role, Kind: first.Kind, Carriers: first.Carriers}
	for _, c := range first.Codes {
		success := true
		agree := c.Documented && c.Retry != RetryUnstated
		for _, t := range tables {
			success = success && t.IsSuccess(c.Value)
			o := t.Lookup(c.Value)
			agree = agree && o != nil && o.Documented && o.Retry == c.Retry
		}
		if success {
			j.Success = append(j.Success, c.Value)
		}
		if success || agree {
			j.add(c)
		}
	}
	return j
}

// JointName names the joint table of families, for facts and messages:
// "wechat+wecom".
func JointName(families ...string) string { return strings.Join(families, "+") }
