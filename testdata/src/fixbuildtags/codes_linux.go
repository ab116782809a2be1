package fixbuildtags

// Built on linux only (file name suffix).
const linuxExpired = 42001
