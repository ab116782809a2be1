package main

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// TestBuiltinSources proves that every code a built-in family documents
// says where its text was read (the vendor's page, or the copy and its
// commit, as catalog/sources records them): errcodevet explain prints it,
// and the constants' doc comments say it.
func TestBuiltinSources(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range cat.Families() {
		for _, c := range fam.Codes.Codes {
			if !c.Documented {
				continue
			}
			// The family's source, when its review gives one, says it for
			// every entry that does not.
			source := cmp.Or(c.Source, fam.Source)
			if !strings.HasPrefix(source, "vendor: ") && !strings.HasPrefix(source, "copy: ") && !strings.HasPrefix(source, "3p: ") {
				t.Errorf("%s %s: source %q, want vendor: PAGE, copy: FILE, of PAGE, or 3p: ...", fam.Name, c.Value, source)
			}
		}
	}
	for _, tc := range []struct{ family, value, source string }{
		{"wechat", "42001", "vendor: https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html"},
		{"wechat", "40164", "copy: binarywang/WxJava@3e48dc7:weixin-java-common/src/main/java/me/chanjar/weixin/common/error/WxOpenErrorMsgEnum.java, of https://developers.weixin.qq.com/doc/oplatform/Return_codes/Return_code_descriptions_new.html"},
		{"miniprogram", "ACCESS_DENIED", "vendor: https://miniprogram.alipay.com/docs-demo/miniprogram_demo/mpdev/error_codes"},
		// Rebell's pages are a super app's own, not the vendor's.
		{"miniprogram", "RISK_REJECT", "3p: https://docs.rebellapp.com/openapis/v1/payments/pay"},
	} {
		if c := cat.Family(tc.family).Codes.Lookup(tc.value); c == nil || c.Source != tc.source {
			t.Errorf("%s %s: %+v, want source %q", tc.family, tc.value, c, tc.source)
		}
	}

	// The constant's doc comment says it too.
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "..", "..", "wechat", "codes.go"), nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if v, ok := n.(*ast.ValueSpec); ok && v.Names[0].Name == "AccessTokenExpired" {
			found = true
			doc := strings.Join(strings.Fields(v.Doc.Text()), " ")
			if want := "Source: vendor: https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html"; !strings.Contains(doc, want) {
				t.Errorf("wechat.AccessTokenExpired's doc comment\n%s\ndoes not say %q", v.Doc.Text(), want)
			}
		}
		return !found
	})
	if !found {
		t.Error("wechat/codes.go declares no AccessTokenExpired")
	}
}
