package fixbuildtags

func onLinux(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number`
}
