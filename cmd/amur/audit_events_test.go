package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"amur"
)

// TestAuditEventKinds loads the demo, whose CIEP forum is stored as an
// event, and filters the log by the events' kinds.
func TestAuditEventKinds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "amur.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "0", "--db", db); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	for kind, n := range map[string]int{"events": 1, "registrations": 0, "broker_profiles": 0, "broker_requests": 0} {
		code, out, errs := run(t, nil, "audit", "--json", "--kind", kind, "--db", db)
		if code != exitOK {
			t.Fatalf("audit --kind %s exited %d: %s", kind, code, errs)
		}
		var entries []auditJSON
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("--kind %s: %v\n%s", kind, err, out)
		}
		if len(entries) != n {
			t.Errorf("--kind %s: %d entries, want %d", kind, len(entries), n)
		}
		for _, e := range entries {
			if e.Kind != amur.Kind(kind) || e.Action != amur.AuditCreate {
				t.Errorf("--kind %s: entry %+v", kind, e.AuditEntry)
			}
		}
	}
	if code, _, _ := run(t, nil, "audit", "--kind", "event_things", "--db", db); code != exitFailure {
		t.Errorf("an unknown kind exited %d", code)
	}
}
