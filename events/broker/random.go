package broker

import "math/rand/v2"

// Languages of generated instances, as bit positions.
const (
	langZH = 1 << iota
	langRU
	langEN
)

// Random returns a reproducible instance shaped like a real forum's
// brokerage: half the participants from each side; Chinese speakers who
// also speak English or Russian and Russian speakers who also speak English
// or Chinese at rates that leave about a third of requests needing an
// interpreter; most people free all the time, a quarter for one day only
// (slots split in two days) and some with a few blocked slots; requests
// mostly across sides and drawn towards popular participants; priorities
// 1–5 with the high ones rarer.
func Random(participants, requests, slots, tables, interpreters int, seed uint64) *Instance {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	in := &Instance{Slots: slots, Tables: tables, Interpreters: interpreters}
	all := in.slotMask()
	half := slots / 2
	day1 := uint64(1)<<uint(half) - 1
	for p := 0; p < participants; p++ {
		var pt Participant
		if p%2 == 0 {
			pt.Langs = langZH | pick(rng, 0.7, langEN) | pick(rng, 0.08, langRU)
		} else {
			pt.Langs = langRU | pick(rng, 0.7, langEN) | pick(rng, 0.08, langZH)
		}
		switch x := rng.Float64(); {
		case x < 0.55 || half == 0:
			pt.Avail = all
		case x < 0.7:
			pt.Avail = day1
		case x < 0.8:
			pt.Avail = all &^ day1
		default:
			pt.Avail = all
			for k := 1 + rng.IntN(3); k > 0; k-- {
				pt.Avail &^= 1 << uint(rng.IntN(slots))
			}
		}
		in.Participants = append(in.Participants, pt)
	}
	in.Requests = randomRequests(rng, participants, requests)
	return in
}

// pick returns bit with probability p.
func pick(rng *rand.Rand, p float64, bit uint32) uint32 {
	if rng.Float64() < p {
		return bit
	}
	return 0
}

// randomRequests draws distinct pairs: the requester uniformly, the other
// side by a popularity that falls with the square root of rank, across
// sides four times in five.
func randomRequests(rng *rand.Rand, n, m int) []Request {
	if n < 2 {
		return nil
	}
	seen := make(map[[2]int]bool, m)
	out := make([]Request, 0, m)
	for tries := 0; len(out) < m && tries < 20*m; tries++ {
		a := rng.IntN(n)
		x := rng.Float64()
		b := int(x * x * float64(n)) // rank-skewed: low indexes are popular
		if cross := rng.Float64() < 0.8; cross == (a%2 == b%2) {
			b ^= 1
		}
		if b >= n || a == b {
			continue
		}
		key := [2]int{min(a, b), max(a, b)}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Request{A: a, B: b, Weight: priority(rng)})
	}
	return out
}

// priority draws 1–5: 25, 25, 25, 15 and 10 per cent.
func priority(rng *rand.Rand) int64 {
	switch x := rng.Float64(); {
	case x < 0.25:
		return 1
	case x < 0.5:
		return 2
	case x < 0.75:
		return 3
	case x < 0.9:
		return 4
	}
	return 5
}
