package amur

// The kinds under which the changes of events, their registrations and
// their brokerage are audited. They are not registry kinds: nothing
// derived is built from them, so they write no outbox change.
const (
	KindEvents         Kind = "events"
	KindRegistrations  Kind = "registrations"
	KindBrokerProfiles Kind = "broker_profiles"
	KindBrokerRequests Kind = "broker_requests"
)

// EventAuditKinds lists the kinds of the events' audit entries.
var EventAuditKinds = []Kind{KindEvents, KindRegistrations, KindBrokerProfiles, KindBrokerRequests}

// The audit log may be filtered by the events' kinds.
func init() { AuditKinds = append(AuditKinds, EventAuditKinds...) }
