package selection

// improve raises the score of a feasible list by local moves among the
// candidates cand (the proposals the relaxation leaves undecided): add one
// that fits, swap one for a better one, or swap one for two. The moves
// keep every row within its cap, so the list stays feasible. The search
// stops when no move helps or after work move tests, a count rather than
// a time so that the same problem always gives the same list.
func (md *model) improve(sel []bool, cand []int, work int) {
	used := make([]int64, md.m)
	for i, on := range sel {
		if on {
			md.take(used, i, 1)
		}
	}
	for work > 0 && md.move(sel, used, cand, &work) {
	}
}

// move applies the first improving move it finds, counting its tests
// against *work.
func (md *model) move(sel []bool, used []int64, cand []int, work *int) bool {
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
		if *work -= len(out); *work < 0 {
			return false
		}
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
			*work -= len(out) - a
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
