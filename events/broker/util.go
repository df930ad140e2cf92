package broker

import "math/bits"

// trailing returns the lowest slot of a non-empty set.
func trailing(set uint64) int { return bits.TrailingZeros64(set) }
