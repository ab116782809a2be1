//go:build linux

package fixbuildtags

func tagged(resp Response) bool {
	return resp.ErrCode == -1 // want `errcode -1 compared as a magic number`
}
