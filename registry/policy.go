package registry

import (
	"slices"

	"amur"
)

// Action is what a principal asks to do with a record.
type Action string

// The actions the policy decides.
const (
	Read   Action = "read"
	Create Action = "create"
	Update Action = "update"
	Delete Action = "delete"
	// Publish clears an activity's draft mark, on create or update.
	Publish Action = "publish"
	// Approve sets an activity's status to approved.
	Approve Action = "approve"
)

// rule decides one action on one record for a principal who is neither
// the public nor an admin: it returns "" to allow, or the message key of
// the refusal.
type rule func(p *amur.Principal, act Action, r amur.Record) string

// writes is the policy for changes (create, update, delete, publish,
// approve): for each role, the rule of each kind. Admins may do
// everything; a role or kind missing here may change nothing; the
// anonymous public may change nothing either. Programs and fields appear
// nowhere, so only admins change them.
var writes = map[amur.UserRole]map[amur.Kind]rule{
	amur.RoleOffice: {
		amur.KindActivity:     activityOfOwnSide,
		amur.KindOrganization: recordOfOwnCountry,
		amur.KindPerson:       recordOfOwnCountry,
		amur.KindFlagship:     anyRecord,
		amur.KindTimeline:     anyRecord,
	},
	amur.RoleCoordinator: {
		amur.KindActivity:     ownDraft,
		amur.KindOrganization: ownOrganization,
	},
}

// Decide tells whether p (nil for the anonymous public) may do act to r.
// It returns nil when p may, and otherwise a coded error: ENotFound when p
// may not read r, so that a hidden record looks like a missing one;
// EUnauthorized when the public asks to change anything; EForbidden, with
// a key naming the rule, when a signed-in principal may not.
//
// For an update the caller decides the stored record and the new one, and
// Publish or Approve when the update makes that step (see Store).
func Decide(p *amur.Principal, act Action, r amur.Record) error {
	if act == Read {
		if !CanRead(p, r) {
			return amur.NotFound(string(r.RecordKind()), r.Base().ID)
		}
		return nil
	}
	switch {
	case p.Is(amur.RoleAdmin):
		return nil
	case p == nil:
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	key := "err.forbidden"
	if decide, ok := writes[p.Role][r.RecordKind()]; ok {
		key = decide(p, act, r)
	} else if p.Role == amur.RoleOffice {
		key = "err.forbidden_admin"
	}
	if key == "" {
		return nil
	}
	return amur.Errorf(amur.EForbidden, key, "kind", string(r.RecordKind()), "side", p.Side)
}

// CanRead reports whether p may see r. Every record is public except
// draft activities, which admins and offices see, and coordinators see
// when their organisation takes part.
func CanRead(p *amur.Principal, r amur.Record) bool {
	if ok, decided := canReadOffers(p, r); decided {
		return ok
	}
	a, ok := r.(*amur.Activity)
	if !ok || !a.Draft {
		return true
	}
	switch {
	case p.Is(amur.RoleAdmin), p.Is(amur.RoleOffice):
		return true
	case p.Is(amur.RoleCoordinator):
		return takesPart(a, p.OrgID)
	}
	return false
}

// SeesContact reports whether p may see people's private contact data:
// admins and program offices, who organise the program, may.
func SeesContact(p *amur.Principal) bool {
	return p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice)
}

// SeesAudit reports whether p may read the audit log. It holds the JSON
// of every record before and after each change, contact data and drafts
// of both sides included, so only admins may.
func SeesAudit(p *amur.Principal) bool { return p.Is(amur.RoleAdmin) }

// DraftScope returns which drafts lists and figures show p, in the form of
// amur.ActivityFilter's Drafts and DraftOrg.
func DraftScope(p *amur.Principal) (amur.Drafts, string) {
	switch {
	case p.Is(amur.RoleAdmin), p.Is(amur.RoleOffice):
		return amur.AllDrafts, ""
	case p.Is(amur.RoleCoordinator) && amur.ValidID(p.OrgID):
		return amur.OrgDrafts, p.OrgID
	}
	return amur.NoDrafts, ""
}

// activityOfOwnSide lets an office change, publish and approve activities
// in which its side takes part; a joint CN–RU activity is both offices'.
func activityOfOwnSide(p *amur.Principal, _ Action, r amur.Record) string {
	if p.Side != "" && slices.Contains(r.(*amur.Activity).Sides, p.Side) {
		return ""
	}
	return "err.forbidden_side"
}

// recordOfOwnCountry lets an office change the organisations and people
// of its own country.
func recordOfOwnCountry(p *amur.Principal, _ Action, r amur.Record) string {
	country := ""
	switch v := r.(type) {
	case *amur.Organization:
		country = v.Country
	case *amur.Person:
		country = v.Country
	}
	if p.Side != "" && country == p.Side {
		return ""
	}
	return "err.forbidden_side"
}

// anyRecord lets the principal change any record of the kind.
func anyRecord(*amur.Principal, Action, amur.Record) string { return "" }

// ownDraft lets a coordinator create, change and delete drafts in which
// its organisation takes part; publishing and approving are the office's.
func ownDraft(p *amur.Principal, act Action, r amur.Record) string {
	a := r.(*amur.Activity)
	switch {
	case act == Publish:
		return "err.forbidden_publish"
	case act == Approve:
		return "err.forbidden_approve"
	case !a.Draft || !takesPart(a, p.OrgID):
		return "err.forbidden_draft"
	}
	return ""
}

// ownOrganization lets a coordinator edit the record of its own
// organisation, but neither create nor delete one.
func ownOrganization(p *amur.Principal, act Action, r amur.Record) string {
	if act == Update && p.OrgID != "" && r.Base().ID == p.OrgID {
		return ""
	}
	return "err.forbidden"
}

// takesPart reports whether the organisation org is among a's participants.
func takesPart(a *amur.Activity, org string) bool {
	if org == "" {
		return false
	}
	return slices.ContainsFunc(a.Participants, func(p amur.Participant) bool { return p.OrgID == org })
}
