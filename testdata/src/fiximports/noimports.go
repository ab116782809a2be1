package fiximports // the package clause's comment stays on its line

func noImports(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
