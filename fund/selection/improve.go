package selection

import "time"

// improve raises the score of a feasible list by local moves among the
// candidates cand (the proposals the relaxation leaves undecided): add one
// that fits, swap one for a better one, or swap one for two. The moves
// keep every row within its cap, so the list stays feasible. The search
// stops when no move helps or after the time allowed.
func (md *model) improve(sel []bool, cand []int, allowed time.Duration) {
	used := make([]int64, md.m)
	for i, on := range sel {
		if on {
			md.take(used, i, 1)
		}
	}
	deadline := time.Now().Add(allowed)
	for pass := 0; pass < 100 && time.Now().Before(deadline); pass++ {
		if !md.move(sel, used, cand) {
			return
		}
	}
}

// move applies the first improving move it finds.
func (md *model) move(sel []bool, used []int64, cand []int) bool {
	var in, out []int
	for _, i := range cand {
		if sel[i] {
			in = append(in, i)
		} else {
			out = append(out, i)
		}
	}
	for _, j := range out {
		if md.fits(used, j) {
			sel[j] = true
			md.take(used, j, 1)
			return true
		}
	}
	const eps = 1e-9
	for _, i := range in {
		md.take(used, i, -1)
		for _, j := range out {
			if md.score[j] > md.score[i]+eps && md.fits(used, j) {
				md.take(used, j, 1)
				if md.feasible(used) {
					sel[i], sel[j] = false, true
					return true
				}
				md.take(used, j, -1)
			}
		}
		for a, j := range out {
			if !md.fits(used, j) {
				continue
			}
			md.take(used, j, 1)
			for _, k := range out[a+1:] {
				if md.score[j]+md.score[k] > md.score[i]+eps && md.fits(used, k) {
					md.take(used, k, 1)
					if md.feasible(used) {
						sel[i], sel[j], sel[k] = false, true, true
						return true
					}
					md.take(used, k, -1)
				}
			}
			md.take(used, j, -1)
		}
		md.take(used, i, 1)
	}
	return false
}
