package broker

// FirstFit is the baseline: requests in the order they were accepted, each
// in the first slot where it fits, nothing ever moved. It is what an
// organiser's spreadsheet does and what Solve is measured against.
func FirstFit(in *Instance) (*Result, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	st := newState(in)
	for r := range in.Requests {
		for set := st.feas[r]; set != 0; set &= set - 1 {
			if s := trailing(set); st.fits(r, s) {
				st.place(r, s)
				break
			}
		}
	}
	st.commit()
	ps := st.placements()
	return &Result{Placements: ps, Weight: st.weight, Meetings: len(ps)}, nil
}
