package amur

// MessageKey names the catalog label of the status, so that a message
// naming a status (a refused move, a page) reads in the reader's language
// instead of showing the raw name.
func (s ProposalStatus) MessageKey() string { return "fund.status." + string(s) }
