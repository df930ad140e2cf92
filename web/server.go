// Package web turns HTTP requests into calls on the Amur store and results
// into JSON. It serves the versioned JSON API under /api/v1, its OpenAPI
// document and a health check; every error is a translated JSON object
// whose HTTP status comes from one table (statusOf in respond.go).
package web

import (
	"cmp"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"amur"
	"amur/auth"
	"amur/events"
	"amur/fund"
	"amur/match"
	"amur/search"
)

// DefaultMaxBodyBytes is the request body limit when Config leaves it unset.
const DefaultMaxBodyBytes = 1 << 20

// Config is everything a Server needs; nothing is read from globals.
type Config struct {
	// Store keeps the registry.
	Store amur.Store
	// Logger receives access logs and internal errors; nil discards them.
	Logger *slog.Logger
	// MaxBodyBytes bounds request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Auth signs users in and proves requests; nil means one over Store
	// with the default options.
	Auth *auth.Service
	// TrustedProxies are the networks of reverse proxies whose
	// X-Forwarded-For and X-Forwarded-Proto headers are believed; from any
	// other peer they are ignored.
	TrustedProxies []netip.Prefix
	// Matcher ranks offers, requests and partners; nil means one over
	// Store (amur serve passes one over the database itself, so that its
	// indexes are built once rather than for each request).
	Matcher *match.Engine
	// Events runs events, registration and brokerage; nil leaves their
	// routes answering 404.
	Events *events.Service
	// Press keeps the press review queue; nil takes Store when it keeps
	// one too, else the press routes answer 404.
	Press amur.PressStore
	// Fund runs the joint fund; nil means one over Store when Store keeps
	// the fund's records, and no fund routes otherwise.
	Fund *fund.Service
	// Identity keeps the identity review queue; nil takes Store when it
	// keeps one too, else the queue's pages answer 404.
	Identity amur.IdentityStore
	// Search is the multilingual search index, kept current by its owner
	// (search.Build, search.Follow); nil means an index never built, whose
	// answers are empty and say they are not complete.
	Search *search.Index
}

// Server is the HTTP face of Amur. It implements http.Handler.
type Server struct {
	store   amur.Store
	log     *slog.Logger
	maxBody int64
	auth    *auth.Service
	proxies []netip.Prefix
	matcher *match.Engine
	events  *events.Service
	press   amur.PressStore
	fund    *fund.Service
	search  *search.Index

	mux     *http.ServeMux
	handler http.Handler
	// routes lists every registered pattern, for the OpenAPI check.
	routes []route
	// figs caches the pages' aggregate figures until the outbox moves.
	figs figureCache
	// identity is the identity review queue of the office pages.
	identity amur.IdentityStore
}

// route is one registered pattern and its handler.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// New returns a Server for cfg with every route registered. cfg.Store is
// required; a nil store is a wiring defect and panics at once rather than
// on the first request.
func New(cfg Config) *Server {
	if cfg.Store == nil {
		panic("web: Config.Store is nil")
	}
	s := &Server{
		store:   cfg.Store,
		log:     cfg.Logger,
		maxBody: cfg.MaxBodyBytes,
		auth:    cfg.Auth,
		proxies: cfg.TrustedProxies,
		matcher: cmp.Or(cfg.Matcher, match.New(cfg.Store)),
		events:  cfg.Events,
		press:   cfg.Press,
		fund:    fundOf(cfg),
		search:  cfg.Search,
		mux:     http.NewServeMux(),
	}
	if s.identity = cfg.Identity; s.identity == nil {
		s.identity, _ = cfg.Store.(amur.IdentityStore)
	}
	if ps, ok := cfg.Store.(amur.PressStore); ok && s.press == nil {
		s.press = ps
	}
	if s.auth == nil {
		s.auth = auth.New(cfg.Store, auth.Options{})
	}
	if s.search == nil {
		s.search = search.New()
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	s.routes = s.apiRoutes()
	for _, rt := range append(s.pageRoutes(), s.routes...) {
		s.mux.HandleFunc(rt.pattern, rt.handler)
	}
	s.handler = s.withRequestID(s.withAccessLog(s.withRecover(s.withSecurityHeaders(
		s.withPrincipal(s.withCSRF(http.HandlerFunc(s.dispatch)))))))
	return s
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// dispatch hands the request to the mux, answering unmatched requests
// itself because the mux's own 404 and 405 answers are plain text.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern == "" {
		s.unmatched(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// probeMethods are the methods tried to tell 405 from 404.
var probeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// unmatched answers a JSON 405 with Allow when the path exists under other
// methods, and a JSON 404 otherwise.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range probeMethods {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" {
			allow = append(allow, m)
		}
	}
	if _, _, page := pathLang(r.URL.Path); page && len(allow) == 0 {
		s.pageNotFound(w, r)
		return
	}
	if len(allow) == 0 {
		s.fail(w, r, amur.Errorf(amur.ENotFound, "err.route"))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.fail(w, r, amur.Errorf(codeMethodNotAllowed, "err.method"))
}

// HTTPServer returns an http.Server for h listening on addr, with timeouts
// and a header limit so slow or greedy clients cannot hold connections.
func HTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
