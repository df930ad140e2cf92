package events

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"amur"
	"amur/lang"
	"amur/xling"
)

// ProfileHit is a profile found by a search, with its score.
type ProfileHit struct {
	Profile *amur.BrokerProfile `json:"profile"`
	Score   float64             `json:"score"`
}

// SearchProfiles finds the event's profiles that match a query written in
// any of the three languages: a Chinese query finds a Russian offer. Each
// piece of a profile (summary in each language, offers, requests, name and
// organisation) is indexed with xling in its own language, and a profile
// scores as its best piece. An empty query returns every profile.
func (s *Service) SearchProfiles(ctx context.Context, eventID, query string, l amur.Lang, k int) ([]ProfileHit, error) {
	ps, err := s.Profiles(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if k <= 0 || k > 200 {
		k = 50
	}
	query = strings.TrimSpace(query)
	if query == "" {
		out := make([]ProfileHit, 0, len(ps))
		for _, p := range ps {
			out = append(out, ProfileHit{Profile: p})
		}
		return out[:min(k, len(out))], nil
	}
	if !l.Valid() {
		l = lang.DetectLang(query)
	}
	if !l.Valid() {
		l = amur.EN
	}
	ix := profileIndex(ps)
	best := map[int]float64{}
	for _, h := range ix.Search(query, l, 6*len(ps)) {
		i, _ := strconv.Atoi(h.ID[:strings.IndexByte(h.ID, '/')])
		if v, ok := best[i]; !ok || h.Score > v {
			best[i] = h.Score
		}
	}
	out := make([]ProfileHit, 0, len(best))
	for i, sc := range best {
		out = append(out, ProfileHit{Profile: ps[i], Score: sc})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Profile.UserID < out[b].Profile.UserID
	})
	return out[:min(k, len(out))], nil
}

// profileIndex indexes each piece of each profile under "i/n", i being the
// profile's position, in the piece's language.
func profileIndex(ps []*amur.BrokerProfile) *xling.Index {
	ix := xling.NewIndex()
	for i, p := range ps {
		n := 0
		add := func(text string, tl amur.Lang) {
			if strings.TrimSpace(text) == "" {
				return
			}
			if !tl.Valid() {
				tl = lang.DetectLang(text)
			}
			if !tl.Valid() {
				tl = amur.EN // digits and symbols only
			}
			_ = ix.Add(strconv.Itoa(i)+"/"+strconv.Itoa(n), text, tl) // ids are unique by construction
			n++
		}
		add(p.Summary.ZH, amur.ZH)
		add(p.Summary.RU, amur.RU)
		add(p.Summary.EN, amur.EN)
		add(p.Offers, "")
		add(p.Requests, "")
		add(p.Name+" "+p.Org, "")
	}
	ix.Freeze()
	return ix
}
