package web

import (
	"net/http"
	"strconv"
	"time"

	"amur"
	"amur/fund"
)

// fundOf returns the fund service of cfg: the one given, or one over the
// store when the store keeps the fund's records itself; nil leaves the
// fund's routes out.
func fundOf(cfg Config) *fund.Service {
	if cfg.Fund != nil {
		return cfg.Fund
	}
	if fs, ok := cfg.Store.(amur.FundStore); ok {
		return fund.New(fs, cfg.Store, fund.Options{})
	}
	return nil
}

// fundRoutes lists the joint fund's routes. Who may do what is the fund
// service's decision (see docs/architecture.md); the handlers read
// requests and write answers.
func (s *Server) fundRoutes() []route {
	if s.fund == nil {
		return nil
	}
	return []route{
		{"GET /api/v1/fund/calls", s.handleFundCalls},
		{"POST /api/v1/fund/calls", s.handleFundCallCreate},
		{"GET /api/v1/fund/calls/{id}", s.handleFundCall},
		{"PUT /api/v1/fund/calls/{id}", s.handleFundCallUpdate},
		{"GET /api/v1/fund/calls/{id}/hosts", s.handleFundHosts},
		{"POST /api/v1/fund/calls/{id}/hosts", s.handleFundHostCreate},
		{"GET /api/v1/fund/calls/{id}/proposals", s.handleFundProposals},
		{"POST /api/v1/fund/calls/{id}/eligibility", s.handleFundEligibility},
		{"GET /api/v1/fund/calls/{id}/assignments", s.handleFundAssignments},
		{"POST /api/v1/fund/calls/{id}/assignments", s.handleFundAssign},
		{"GET /api/v1/fund/calls/{id}/reviews", s.handleFundReviews},
		{"GET /api/v1/fund/calls/{id}/ranking", s.handleFundRanking},
		{"POST /api/v1/fund/calls/{id}/recommendations", s.handleFundRecommend},
		{"GET /api/v1/fund/calls/{id}/selection", s.handleFundSelection},
		{"POST /api/v1/fund/calls/{id}/decision", s.handleFundDecide},
		{"GET /api/v1/fund/calls/{id}/export", s.handleFundExport},
		{"POST /api/v1/fund/proposals", s.handleFundProposalCreate},
		{"GET /api/v1/fund/proposals/{id}", s.handleFundProposal},
		{"GET /api/v1/fund/proposals/{id}/snapshot", s.handleFundSnapshot},
		{"PUT /api/v1/fund/proposals/{id}", s.handleFundProposalUpdate},
		{"POST /api/v1/fund/proposals/{id}/submit", s.handleFundSubmit},
		{"POST /api/v1/fund/proposals/{id}/withdraw", s.handleFundWithdraw},
		{"POST /api/v1/fund/proposals/{id}/bid", s.handleFundBid},
		{"POST /api/v1/fund/proposals/{id}/conflict", s.handleFundConflict},
		{"POST /api/v1/fund/proposals/{id}/attachments", s.handleFundAttach},
		{"GET /api/v1/fund/proposals/{id}/attachments/{file}", s.handleFundFile},
		{"GET /api/v1/fund/reviewers", s.handleFundReviewers},
		{"POST /api/v1/fund/reviewers", s.handleFundReviewerCreate},
		{"PUT /api/v1/fund/reviewers/{id}", s.handleFundReviewerUpdate},
		{"POST /api/v1/fund/reviews", s.handleFundReview},
	}
}

// fundItems is the JSON form of a fund list.
type fundItems[T any] struct {
	Items []T `json:"items"`
}

// items wraps a list, never null in JSON.
func items[T any](list []T) fundItems[T] {
	if list == nil {
		list = []T{}
	}
	return fundItems[T]{Items: list}
}

// answer writes v with status, or the error.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, status, v)
}

// sideQuery reads the required side parameter, CN or RU.
func sideQuery(r *http.Request) (string, error) {
	q, err := parseQuery(r)
	if err != nil {
		return "", err
	}
	side := amur.NormalizeSide(q.one("side"))
	if err := q.finish(); err != nil {
		return "", err
	}
	if side != amur.SideCN && side != amur.SideRU {
		return "", amur.Invalid("side", "err.enum", "value", side, "allowed", "CN, RU")
	}
	return side, nil
}

// readInto reads a JSON body into dst.
func (s *Server) readInto(w http.ResponseWriter, r *http.Request, dst any) error {
	if err := noQuery(r); err != nil {
		return err
	}
	return s.decodeRequest(w, r, dst)
}

// callView is a call as the API shows it: with its deadline as the
// instant it is enforced at, and as Beijing and Moscow read it.
type callView struct {
	amur.FundCall
	DeadlineUTC     time.Time `json:"deadline_utc"`
	DeadlineBeijing string    `json:"deadline_beijing"`
	DeadlineMoscow  string    `json:"deadline_moscow"`
}

// viewOf returns the view of c.
func viewOf(c *amur.FundCall) callView {
	at := c.DeadlineUTC()
	in := func(zone string) string {
		loc, err := amur.LoadZone(zone)
		if err != nil {
			return ""
		}
		return at.In(loc).Format(time.RFC3339)
	}
	return callView{FundCall: *c, DeadlineUTC: at, DeadlineBeijing: in("Asia/Shanghai"), DeadlineMoscow: in("Europe/Moscow")}
}

// handleFundCalls answers GET /api/v1/fund/calls: every call, public.
func (s *Server) handleFundCalls(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Calls(r.Context())
	views := make([]callView, len(list))
	for i, c := range list {
		views[i] = viewOf(c)
	}
	s.answer(w, r, http.StatusOK, items(views), err)
}

// handleFundCallCreate answers POST /api/v1/fund/calls.
func (s *Server) handleFundCallCreate(w http.ResponseWriter, r *http.Request) {
	var c amur.FundCall
	if err := s.readInto(w, r, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.fund.CreateCall(r.Context(), &c); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, viewOf(&c))
}

// handleFundCall answers GET /api/v1/fund/calls/{id}.
func (s *Server) handleFundCall(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.fund.Call(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, viewOf(c))
}

// handleFundCallUpdate answers PUT /api/v1/fund/calls/{id}: the call's new
// content with the version the client read.
func (s *Server) handleFundCallUpdate(w http.ResponseWriter, r *http.Request) {
	var c amur.FundCall
	if err := s.readInto(w, r, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	c.ID = r.PathValue("id")
	if err := s.fund.UpdateCall(r.Context(), &c); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, viewOf(&c))
}

// handleFundHosts answers GET /api/v1/fund/calls/{id}/hosts.
func (s *Server) handleFundHosts(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.HostOffers(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundHostCreate answers POST /api/v1/fund/calls/{id}/hosts.
func (s *Server) handleFundHostCreate(w http.ResponseWriter, r *http.Request) {
	var h amur.HostOffer
	if err := s.readInto(w, r, &h); err != nil {
		s.fail(w, r, err)
		return
	}
	h.CallID = r.PathValue("id")
	err := s.fund.CreateHostOffer(r.Context(), &h)
	s.answer(w, r, http.StatusCreated, &h, err)
}

// handleFundProposals answers GET /api/v1/fund/calls/{id}/proposals: the
// proposals the principal may see, optionally of one status.
func (s *Server) handleFundProposals(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := enums(q, "status", amur.ProposalStatuses)
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	pq := fund.ProposalQuery{CallID: r.PathValue("id")}
	if len(st) > 0 {
		pq.Status = st[0]
	}
	list, err := s.fund.Proposals(r.Context(), pq)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundEligibility answers POST /api/v1/fund/calls/{id}/eligibility.
func (s *Server) handleFundEligibility(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Eligibility(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, items(list), err)
}

// assignBody is the body of POST /api/v1/fund/calls/{id}/assignments.
type assignBody struct {
	Side   string      `json:"side"`
	K      int         `json:"k"`
	Forced []fund.Pair `json:"forced"`
	Fair   bool        `json:"fair"`
}

// handleFundAssign answers POST /api/v1/fund/calls/{id}/assignments.
func (s *Server) handleFundAssign(w http.ResponseWriter, r *http.Request) {
	var b assignBody
	if err := s.readInto(w, r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.fund.Assign(r.Context(), fund.AssignRequest{CallID: r.PathValue("id"),
		Side: amur.NormalizeSide(b.Side), K: b.K, Forced: b.Forced, Fair: b.Fair})
	s.answer(w, r, http.StatusOK, res, err)
}

// handleFundAssignments answers GET /api/v1/fund/calls/{id}/assignments.
func (s *Server) handleFundAssignments(w http.ResponseWriter, r *http.Request) {
	side, err := sideQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Assignments(r.Context(), r.PathValue("id"), side)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundReviews answers GET /api/v1/fund/calls/{id}/reviews.
func (s *Server) handleFundReviews(w http.ResponseWriter, r *http.Request) {
	side, err := sideQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Reviews(r.Context(), r.PathValue("id"), side)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundRanking answers GET /api/v1/fund/calls/{id}/ranking.
func (s *Server) handleFundRanking(w http.ResponseWriter, r *http.Request) {
	side, err := sideQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Ranking(r.Context(), r.PathValue("id"), side)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundRecommend answers POST /api/v1/fund/calls/{id}/recommendations.
func (s *Server) handleFundRecommend(w http.ResponseWriter, r *http.Request) {
	var b fund.RecommendRequest
	if err := s.readInto(w, r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	b.CallID, b.Side = r.PathValue("id"), amur.NormalizeSide(b.Side)
	list, err := s.fund.Recommend(r.Context(), b)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundSelection answers GET /api/v1/fund/calls/{id}/selection: the
// funding list at the call's budgets and, for the budgets asked, what
// would change.
func (s *Server) handleFundSelection(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req := fund.SelectRequest{CallID: r.PathValue("id")}
	for _, b := range []struct {
		name string
		dst  *int64
	}{{"budget_cn", &req.BudgetCN}, {"budget_ru", &req.BudgetRU}} {
		if v := q.one(b.name); v != "" {
			n, perr := strconv.ParseInt(v, 10, 64)
			if perr != nil || n <= 0 {
				q.fail(amur.Invalid(b.name, "err.positive"))
			}
			*b.dst = n
		}
	}
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.fund.CompareBudgets(r.Context(), req)
	s.answer(w, r, http.StatusOK, res, err)
}

// handleFundDecide answers POST /api/v1/fund/calls/{id}/decision.
func (s *Server) handleFundDecide(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.fund.Decide(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, res, err)
}
