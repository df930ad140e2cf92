package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestSecurityHeaders(t *testing.T) {
	w := newAuthWorld(t, nil)
	for _, target := range []string{"/login", "/password/reset", "/api/v1/me", "/api/v1/programs", "/healthz", "/nowhere", "https://amur.example/login"} {
		r := do(t, w.srv, "GET", target, "")
		h := r.Header
		csp := h.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", target, csp)
		}
		if !strings.HasPrefix(target, "/api/") && target != "/healthz" && csp != pageCSP {
			t.Errorf("%s: page CSP %q, want %q", target, csp, pageCSP)
		}
		for name, want := range map[string]string{"Referrer-Policy": "same-origin", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
			if got := h.Get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", target, name, got, want)
			}
		}
		if tls := strings.HasPrefix(target, "https:"); (h.Get("Strict-Transport-Security") != "") != tls {
			t.Errorf("%s: Strict-Transport-Security %q; want it only under TLS", target, h.Get("Strict-Transport-Security"))
		}
	}
}

func TestTrustedProxy(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}
	w := newAuthWorld(t, func(c *Config) { c.TrustedProxies = proxies })
	tests := []struct {
		name, peer, xff, proto string
		addr                   string
		https                  bool
	}{
		{"direct client", "198.51.100.1:4000", "", "", "198.51.100.1", false},
		{"untrusted peer's headers ignored", "198.51.100.1:4000", "203.0.113.7", "https", "198.51.100.1", false},
		{"trusted proxy", "10.0.0.5:4000", "203.0.113.7", "https", "203.0.113.7", true},
		{"two trusted hops", "10.0.0.5:4000", "203.0.113.7, 10.1.2.3", "http", "203.0.113.7", false},
		{"forged entry left of the real one", "10.0.0.5:4000", "192.0.2.66, 203.0.113.7", "", "203.0.113.7", false},
		{"garbage entry", "10.0.0.5:4000", "nonsense, 203.0.113.7", "", "203.0.113.7", false},
		{"only garbage", "10.0.0.5:4000", "nonsense", "", "10.0.0.5", false},
		{"IPv6 proxy", "[fd00::1]:4000", "2001:db8::7", "https", "2001:db8::7", true},
		{"mapped IPv4 peer", "[::ffff:10.0.0.5]:4000", "203.0.113.8", "", "203.0.113.8", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/login", nil)
		r.RemoteAddr = tt.peer
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		if tt.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tt.proto)
		}
		if addr, https := w.srv.client(r); addr != tt.addr || https != tt.https {
			t.Errorf("%s: client = %s, https %v; want %s, %v", tt.name, addr, https, tt.addr, tt.https)
		}
	}

	// End to end: the session records the forwarded client, and the cookie
	// is Secure because the trusted proxy says the client used HTTPS.
	req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(mustJSON(t, loginBody{Email: "admin@example.org", Password: testPassword})))
	req.RemoteAddr = "10.0.0.5:4000"
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	req.Header.Set("X-Forwarded-Proto", "https")
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, req)
	r := response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}.want(t, http.StatusOK)
	if c := cookieNamed(r, sessionCookie); c == nil || !c.Secure || r.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("behind a TLS proxy: cookie %+v, HSTS %q", c, r.Header.Get("Strict-Transport-Security"))
	}
	var addr string
	if err := w.raw.QueryRow("SELECT addr FROM sessions").Scan(&addr); err != nil || addr != "203.0.113.7" {
		t.Errorf("session address %q (%v), want the forwarded client", addr, err)
	}
}
