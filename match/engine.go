package match

import (
	"context"
	"strings"
	"sync"
	"time"

	"amur"
	"amur/lang"
	"amur/xling"
)

// Engine answers matching queries from in-memory indexes of one store.
// It is safe for concurrent use.
type Engine struct {
	store amur.Store
	xopts []xling.Option
	now   func() time.Time

	mu sync.Mutex
	// listings and partners are rebuilt apart: a new offer must not cost
	// a rebuild of every activity's profile part, nor a new activity one
	// of the listings.
	listings, partners part
}

// part is one independently rebuilt part of the indexes.
type part struct {
	// kinds are the kinds whose changes make the part stale.
	kinds map[amur.Kind]bool
	build func(ctx context.Context, s amur.Store, xopts []xling.Option) (*snapshot, error)
	snap  *snapshot
	// seq is the last outbox change the snapshot has seen.
	seq int64
}

// Option configures an Engine.
type Option func(*Engine)

// SameLanguageOnly builds the indexes without xling's bridges, so that
// texts meet across languages only through numbers and Latin words. It
// is the baseline that matching is measured against.
func SameLanguageOnly() Option {
	return func(e *Engine) { e.xopts = append(e.xopts, xling.WithoutBridges()) }
}

// WithClock sets the clock that decides which listings have expired.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// New returns an Engine over s, which must be the store itself rather
// than the registry in front of it: the Engine reads every record and the
// change feed, and applies the policy to each answer instead, for the
// principal of the query's context.
func New(s amur.Store, opts ...Option) *Engine {
	e := &Engine{store: s, now: time.Now,
		listings: part{kinds: map[amur.Kind]bool{amur.KindOffer: true, amur.KindRequest: true}, build: buildListings},
		partners: part{kinds: map[amur.Kind]bool{amur.KindOffer: true, amur.KindOrganization: true, amur.KindPerson: true,
			amur.KindActivity: true, amur.KindField: true}, build: buildPartners},
	}
	for _, o := range opts {
		o(e)
	}
	return e
}

// changePage is how many outbox changes one look at the feed reads.
const changePage = 1000

// current returns the snapshot of part p, rebuilding it first when the
// outbox shows a change of one of its kinds since it was built. The
// position in the feed is read before the records, so a change made
// during a build makes the next query build again rather than be missed.
func (e *Engine) current(ctx context.Context, p *part) (*snapshot, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	seq, dirty := p.seq, p.snap == nil
	for {
		cs, err := e.store.Changes(ctx, seq, changePage)
		if code := amur.ErrorCode(err); code == amur.EForbidden || code == amur.EUnauthorized {
			// A store that refuses the feed (the registry, to anyone but
			// an admin) is read anew for each query, as its principal
			// sees it, and never cached for another.
			return p.build(ctx, e.store, e.xopts)
		}
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			dirty = dirty || p.kinds[c.Kind]
			seq = c.Seq
		}
		if len(cs) < changePage {
			break
		}
	}
	if dirty {
		snap, err := p.build(ctx, e.store, e.xopts)
		if err != nil {
			return nil, err
		}
		p.snap = snap
	}
	p.seq = seq
	return p.snap, nil
}

// snapshot is the indexed state of the store at one point of its feed.
// It is never changed after build, so queries share it without locks.
type snapshot struct {
	offers   map[string]*amur.Offer
	requests map[string]*amur.Request
	offerIx  *xling.Index
	reqIx    *xling.Index
	langs    map[string]amur.Lang // listing id → language indexed

	orgs      map[string]*amur.Organization
	people    map[string]*amur.Person
	fields    map[string]amur.Text
	partnerIx *xling.Index
	pieces    map[string]*piece
}

// piece is one indexed part of partners' profiles: a name, an expertise,
// an activity's title or a listing's text, and whose profiles it is part
// of.
type piece struct {
	src    Source
	lang   amur.Lang
	fields []string
	orgs   []string
	people []string
}

// newSnapshot returns an empty snapshot.
func newSnapshot(xopts []xling.Option) *snapshot {
	return &snapshot{offers: map[string]*amur.Offer{}, requests: map[string]*amur.Request{},
		offerIx: xling.NewIndex(xopts...), reqIx: xling.NewIndex(xopts...), langs: map[string]amur.Lang{},
		orgs: map[string]*amur.Organization{}, people: map[string]*amur.Person{}, fields: map[string]amur.Text{},
		partnerIx: xling.NewIndex(xopts...), pieces: map[string]*piece{}}
}

// step is one kind read into a snapshot.
type step struct {
	k  amur.Kind
	fn func(amur.Record) error
}

// fill reads each step's kind from s into the snapshot.
func fill(ctx context.Context, s amur.Store, steps []step) error {
	for _, st := range steps {
		if err := s.Each(ctx, st.k, st.fn); err != nil {
			return err
		}
	}
	return nil
}

// buildListings reads and indexes the published offers and requests.
func buildListings(ctx context.Context, s amur.Store, xopts []xling.Option) (*snapshot, error) {
	sn := newSnapshot(xopts)
	err := fill(ctx, s, []step{
		{amur.KindOffer, func(r amur.Record) error { return sn.addListing(r, &r.(*amur.Offer).Listing) }},
		{amur.KindRequest, func(r amur.Record) error { return sn.addListing(r, &r.(*amur.Request).Listing) }},
	})
	if err != nil {
		return nil, err
	}
	sn.offerIx.Freeze()
	sn.reqIx.Freeze()
	return sn, nil
}

// buildPartners reads and indexes the profiles of organisations and
// people.
func buildPartners(ctx context.Context, s amur.Store, xopts []xling.Option) (*snapshot, error) {
	sn := newSnapshot(xopts)
	err := fill(ctx, s, []step{
		{amur.KindField, func(r amur.Record) error { f := r.(*amur.Field); sn.fields[f.ID] = f.Label; return nil }},
		{amur.KindOrganization, sn.addOrg},
		{amur.KindPerson, sn.addPerson},
		{amur.KindActivity, sn.addActivity},
		{amur.KindOffer, sn.addOfferPiece},
	})
	if err != nil {
		return nil, err
	}
	sn.partnerIx.Freeze()
	return sn, nil
}

// addOrg indexes an organisation's names.
func (sn *snapshot) addOrg(r amur.Record) error {
	o := r.(*amur.Organization)
	sn.orgs[o.ID] = o
	names := append(textValues(o.Name), o.Aliases...)
	return sn.addPiece("n:"+o.ID, Source{Kind: amur.KindOrganization, ID: o.ID, Title: o.Name.String()},
		names, nil, []string{o.ID}, nil)
}

// addPerson indexes a person's names and expertise.
func (sn *snapshot) addPerson(r amur.Record) error {
	p := r.(*amur.Person)
	sn.people[p.ID] = p
	src := Source{Kind: amur.KindPerson, ID: p.ID, Title: personName(p)}
	names := append([]string{p.Native.Full(), p.Latin.Full()}, p.Aliases...)
	if err := sn.addPiece("n:"+p.ID, src, names, nil, nil, []string{p.ID}); err != nil {
		return err
	}
	expertise := append(textValues(p.Expertise), strings.Join(p.Keywords, "; "))
	return sn.addPiece("e:"+p.ID, src, expertise, nil, nil, []string{p.ID})
}

// addActivity indexes the title of a published activity, with the labels
// of its fields, as part of the profiles of its participants. Drafts are
// left out: partner search must not reveal them.
func (sn *snapshot) addActivity(r amur.Record) error {
	a := r.(*amur.Activity)
	if a.Draft {
		return nil
	}
	var orgs, people []string
	for _, p := range a.Participants {
		if p.OrgID != "" {
			orgs = append(orgs, p.OrgID)
		}
		if p.PersonID != "" {
			people = append(people, p.PersonID)
		}
	}
	texts := make([]string, 0, 3)
	for _, l := range amur.Langs {
		if t := a.Title.Get(l); t != "" {
			for _, f := range a.Fields {
				t += "\n" + sn.fields[f].Get(l)
			}
			texts = append(texts, t)
		}
	}
	src := Source{Kind: amur.KindActivity, ID: a.ID, Title: a.Title.String()}
	return sn.addPiece("a:"+a.ID, src, texts, a.Fields, orgs, people)
}

// addListing indexes a published offer or request for listing matches.
func (sn *snapshot) addListing(r amur.Record, l *amur.Listing) error {
	if l.Status != amur.ListingPublished {
		return nil
	}
	ix := sn.offerIx
	if o, ok := r.(*amur.Offer); ok {
		sn.offers[o.ID] = o
	} else {
		sn.requests[l.ID] = r.(*amur.Request)
		ix = sn.reqIx
	}
	text, lg := listingText(l)
	if lg == "" {
		return nil
	}
	sn.langs[l.ID] = lg
	return ix.Add(l.ID, text, lg)
}

// addOfferPiece indexes a published offer that is not anonymous as part
// of its owner's and contact's profiles. A request is a need, not
// expertise, so requests stay out of profiles.
func (sn *snapshot) addOfferPiece(r amur.Record) error {
	o := r.(*amur.Offer)
	text, lg := listingText(&o.Listing)
	if o.Status != amur.ListingPublished || o.Anonymous || lg == "" {
		return nil
	}
	var people []string
	if o.ContactID != "" {
		people = []string{o.ContactID}
	}
	src := Source{Kind: amur.KindOffer, ID: o.ID, Title: o.Title.String()}
	return sn.addPiece("l:"+o.ID, src, []string{text}, o.Fields, []string{o.OwnerID}, people)
}

// addPiece indexes each non-empty text of a profile part under key and
// its language ("key:zh"), the language read from the text itself.
func (sn *snapshot) addPiece(key string, src Source, texts []string, fields, orgs, people []string) error {
	by := map[amur.Lang][]string{}
	for _, t := range texts {
		if l := lang.DetectLang(t); l != "" {
			by[l] = append(by[l], t)
		}
	}
	for _, l := range amur.Langs {
		if len(by[l]) == 0 {
			continue
		}
		id := key + ":" + string(l)
		if err := sn.partnerIx.Add(id, strings.Join(by[l], "\n"), l); err != nil {
			return err
		}
		sn.pieces[id] = &piece{src: src, lang: l, fields: fields, orgs: orgs, people: people}
	}
	return nil
}

// listingText returns the text a listing is matched by, title, keywords
// and description, in the language its author wrote, and that language;
// "" when it has no text.
func listingText(l *amur.Listing) (string, amur.Lang) {
	lg := l.Title.Orig
	if lg == "" || l.Title.Get(lg) == "" {
		for _, c := range amur.Langs {
			if l.Title.Get(c) != "" {
				lg = c
				break
			}
		}
	}
	if lg == "" {
		return "", ""
	}
	parts := []string{l.Title.Get(lg), strings.Join(l.Keywords, "; ")}
	return strings.Join(append(parts, l.Description.Get(lg)), "\n"), lg
}

// textValues returns the non-empty values of t.
func textValues(t amur.Text) []string {
	var out []string
	for _, l := range amur.Langs {
		if v := t.Get(l); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// personName returns the name a result shows for p.
func personName(p *amur.Person) string {
	if n := p.Latin.Full(); n != "" {
		return n
	}
	return p.Native.Full()
}
