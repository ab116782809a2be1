// Package errcodes declares, by hand, what errcodevet recognizes of
// go-workwx's errcodes package: its code type is an alias of int64, so a
// WeCom code is known by the field that holds it, not by its type.
package errcodes

type ErrCode = int64
