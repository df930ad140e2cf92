package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"amur"
)

// Healthz asks GET /healthz, which does no database work: the ceiling the
// HTTP layer alone allows on the machine.
func Healthz() Workload {
	return func(ctx context.Context, s *Session) error {
		_, err := s.Do(ctx, "healthz", "GET", "/healthz", nil)
		return err
	}
}

// Space is what list queries pick their filters from.
type Space struct {
	Types  []string
	Fields []string
	Sides  []string
	// Months are the first months a three-month start range may begin
	// with ("2020-03").
	Months  []string
	Offsets []int
	// Typical makes every query the registry's typical one, that of the
	// storage benchmark: a type, a field and a three-month start range,
	// first page.
	Typical bool
}

// TypicalSpace is the filter space of the storage benchmark's list query
// (BenchmarkListActivities): common types and fields, the first page.
func TypicalSpace() Space {
	sp := DefaultSpace([]string{"1", "2", "3.1", "5"})
	sp.Types = []string{"joint_research", "forum", "exhibition", "training"}
	sp.Typical = true
	return sp
}

// DefaultSpace is the filter space of the demo and benchmark programs:
// every activity type, both sides and starts from March 2020 to 2021.
func DefaultSpace(fields []string) Space {
	types := make([]string, len(amur.ActivityTypes))
	for i, t := range amur.ActivityTypes {
		types[i] = string(t)
	}
	var months []string
	for m := 0; m < 22; m++ {
		months = append(months, fmt.Sprintf("%04d-%02d", 2020+(2+m)/12, 1+(2+m)%12))
	}
	return Space{
		Types:   types,
		Fields:  fields,
		Sides:   []string{"CN", "RU"},
		Months:  months,
		Offsets: []int{0, 0, 0, 50, 100, 200, 500, 1000},
	}
}

// ListQuery returns a random query of GET /api/v1/activities: always a
// type, usually a field and a start range, sometimes a side, at one of the
// offsets of the space.
func (sp Space) ListQuery(s *Session) string {
	q := url.Values{}
	r := s.Rand
	q.Set("type", sp.Types[r.IntN(len(sp.Types))])
	if sp.Typical {
		i := r.IntN(len(sp.Months))
		q.Set("field", sp.Fields[r.IntN(len(sp.Fields))])
		q.Set("from", sp.Months[i])
		q.Set("to", sp.Months[min(i+2, len(sp.Months)-1)])
		return "/api/v1/activities?" + q.Encode()
	}
	if len(sp.Fields) > 0 && r.IntN(10) < 7 {
		q.Set("field", sp.Fields[r.IntN(len(sp.Fields))])
	}
	if r.IntN(2) == 0 {
		q.Set("side", sp.Sides[r.IntN(len(sp.Sides))])
	}
	if r.IntN(10) < 7 {
		i := r.IntN(len(sp.Months))
		q.Set("from", sp.Months[i])
		q.Set("to", sp.Months[min(i+2, len(sp.Months)-1)])
	}
	if o := sp.Offsets[r.IntN(len(sp.Offsets))]; o > 0 {
		q.Set("offset", strconv.Itoa(o))
	}
	return "/api/v1/activities?" + q.Encode()
}

// List asks filtered pages of activities.
func List(sp Space) Workload {
	return func(ctx context.Context, s *Session) error {
		_, err := s.Do(ctx, "list", "GET", sp.ListQuery(s), nil)
		return err
	}
}

// Mix asks list pages, and with probability writeShare instead updates
// one of ids: it reads the activity and sends a PATCH with If-Match that
// flips its status between held and planned. A 412 (someone else updated
// it first) is counted under its status like any answer.
func Mix(sp Space, ids []string, writeShare float64) Workload {
	return func(ctx context.Context, s *Session) error {
		if len(ids) == 0 || s.Rand.Float64() >= writeShare {
			_, err := s.Do(ctx, "list", "GET", sp.ListQuery(s), nil)
			return err
		}
		path := "/api/v1/activities/" + ids[s.Rand.IntN(len(ids))]
		a, err := s.Do(ctx, "get", "GET", path, nil)
		if err != nil || a.Status != 200 {
			return err
		}
		var rec struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(a.Body, &rec); err != nil {
			return fmt.Errorf("loadtest: GET %s: %w", path, err)
		}
		next := "held"
		if rec.Status == "held" {
			next = "planned"
		}
		_, err = s.Do(ctx, "patch", "PATCH", path, []byte(`{"status":"`+next+`"}`), "If-Match", a.Header.Get("ETag"))
		return err
	}
}

// Discover reads what a run needs from the server at base: the codes of
// its fields and the ids of up to n activities, taken from pages spread
// over the list.
func Discover(ctx context.Context, base string, n int) (fields, ids []string, err error) {
	if err := CheckLoopback(base); err != nil {
		return nil, nil, err
	}
	var fl struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := getJSON(ctx, base+"/api/v1/fields?limit=1000", &fl); err != nil {
		return nil, nil, err
	}
	for _, f := range fl.Items {
		fields = append(fields, f.ID)
	}
	for offset := 0; len(ids) < n && offset <= 100_000; offset += 10_000 {
		var al struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		u := fmt.Sprintf("%s/api/v1/activities?limit=%d&offset=%d", base, min(n-len(ids), 1000), offset)
		if err := getJSON(ctx, u, &al); err != nil {
			return nil, nil, err
		}
		if len(al.Items) == 0 {
			break
		}
		for _, a := range al.Items {
			ids = append(ids, a.ID)
		}
	}
	return fields, ids, nil
}

// getJSON fetches u and decodes its JSON answer into v.
func getJSON(ctx context.Context, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("loadtest: GET %s: status %d", u, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
