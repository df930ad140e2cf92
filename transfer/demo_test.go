package transfer

import (
	"context"
	"testing"

	"amur"
	"amur/demo"
)

func TestRoundTripDemo(t *testing.T) {
	recs, err := demo.Build(demo.Options{Activities: 200})
	if err != nil {
		t.Fatal(err)
	}
	s := freshStore(t)
	load(t, s, recs)
	if n, _ := s.Count(context.Background(), amur.KindActivity); n < 200 {
		t.Fatalf("the demo stored %d activities, want at least 200", n)
	}
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) { roundTrip(t, s, f, freshStore) })
	}
}
