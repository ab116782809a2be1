package alias // want package:"exposes carriers"

import "wecomwrap"

// Reply names the wrapper's reply for packages that do not import it.
type Reply = wecomwrap.Reply
