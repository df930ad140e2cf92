package demo

import (
	"math/rand/v2"
	"slices"

	"amur"
)

// pick returns a random element of s, which must not be empty.
func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// weighted returns a random index of weights, each index chosen in
// proportion to its weight.
func weighted(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// chance reports true with probability p.
func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// machineMarks returns the languages of t other than its original that a
// machine translated, each with probability p: synthetic records often come
// with translations nobody has checked yet.
func machineMarks(rng *rand.Rand, t amur.Text, p float64) []amur.Lang {
	var out []amur.Lang
	for _, l := range amur.Langs {
		if l != t.Orig && t.Get(l) != "" && chance(rng, p) {
			out = append(out, l)
		}
	}
	return out
}

// withMachine returns t with its translations marked machine-made, each
// with probability p.
func withMachine(rng *rand.Rand, t amur.Text, p float64) amur.Text {
	t.Machine = machineMarks(rng, t, p)
	return t
}

// topicWeights returns the weights of the topics, the pandemic topics
// doubled when pandemic is set.
func topicWeights(pandemic bool) []int {
	w := make([]int, len(topics))
	for i, t := range topics {
		w[i] = t.weight
		if pandemic && t.field == fPandemic {
			w[i] *= 2
		}
	}
	return w
}

// topicsFor returns the indexes of the topics an organisation works in,
// or of every topic when it works in none of them.
func topicsFor(r orgRow) []int {
	var out []int
	for i, t := range topics {
		if r.worksIn(t.field) {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		for i := range topics {
			out = append(out, i)
		}
	}
	return slices.Clip(out)
}
