package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// The Content-Security-Policy of pages: nothing inline, nothing from
// elsewhere, no framing, forms only to this site. API answers are data,
// never documents, and get a policy that allows nothing at all.
const (
	pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
	apiCSP  = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

// hstsValue asks browsers to use only HTTPS for two years. It is sent only
// on answers that came over TLS, since over plain HTTP it would be ignored
// or, worse, lock out a site that has no certificate yet.
const hstsValue = "max-age=63072000; includeSubDomains"

// withSecurityHeaders sets the headers every answer carries: no sniffing,
// no framing, no referrer beyond this site, a strict CSP, and HSTS when the
// client reached us over TLS.
func (s *Server) withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if _, https := s.client(r); https {
			h.Set("Strict-Transport-Security", hstsValue)
		}
		if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz" {
			h.Set("Content-Security-Policy", apiCSP)
			h.Set("Content-Type", jsonType)
		} else {
			h.Set("Content-Security-Policy", pageCSP)
		}
		next.ServeHTTP(w, r)
	})
}

// client returns the client's address and whether it reached us over
// HTTPS. The peer is the client unless it is a trusted proxy: then the
// client is the nearest address in X-Forwarded-For that is not itself a
// trusted proxy, and X-Forwarded-Proto tells the scheme. Headers from
// untrusted peers are ignored, since anyone can write them.
func (s *Server) client(r *http.Request) (string, bool) {
	https := r.TLS != nil
	peer, ok := remoteAddr(r.RemoteAddr)
	if !ok {
		return r.RemoteAddr, https
	}
	if !s.trusted(peer) {
		return peer.String(), https
	}
	addr := peer
	hops := forwardedHops(r.Header.Values("X-Forwarded-For"))
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(hops[i])
		if err != nil {
			break
		}
		addr = a.Unmap()
		if !s.trusted(addr) {
			break
		}
	}
	if protos := forwardedHops(r.Header.Values("X-Forwarded-Proto")); len(protos) > 0 {
		https = strings.EqualFold(protos[len(protos)-1], "https")
	}
	return addr.String(), https
}

// trusted reports whether a is in one of the configured proxy networks.
func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// remoteAddr parses the peer address of a request ("192.0.2.1:5000").
func remoteAddr(v string) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(v)
	if err != nil {
		host = v
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// maxHops bounds how many X-Forwarded-For entries are read.
const maxHops = 32

// forwardedHops splits the values of a comma-separated forwarding header
// into trimmed entries, in order, keeping at most the last maxHops.
func forwardedHops(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(part))
		}
	}
	if len(out) > maxHops {
		out = out[len(out)-maxHops:]
	}
	return out
}
