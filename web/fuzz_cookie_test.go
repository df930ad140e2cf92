package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"amur"
)

// fuzzSecret is the secret of the one live session of FuzzSessionCookie:
// 32 bytes 0x00…0x1f in base64url, fixed so that the committed seed corpus
// (testdata/fuzz/FuzzSessionCookie) can hold the valid cookie and its near
// misses.
const fuzzSecret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"

// FuzzSessionCookie sends arbitrary Cookie headers through the cookie
// parser and the authenticator to GET /api/v1/me. Nothing panics or fails
// inside, and a request is signed in exactly when the amur_session cookie
// it carries holds the live session's secret.
func FuzzSessionCookie(f *testing.F) {
	w := newAuthWorld(f, nil)
	err := w.st.CreateSession(context.Background(), &amur.Session{
		IDHash: sha256Hex(fuzzSecret), UserID: w.applicant.ID, CSRFToken: "csrf", ExpiresAt: time.Now().Add(time.Hour),
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, header string) {
		req := httptest.NewRequest("GET", "/api/v1/me", nil)
		req.Header.Set("Cookie", header)
		rec := httptest.NewRecorder()
		w.srv.ServeHTTP(rec, req)
		valid := false
		if c, err := req.Cookie(sessionCookie); err == nil {
			valid = c.Value == fuzzSecret
		}
		switch {
		case rec.Code == http.StatusOK && !valid:
			t.Fatalf("Cookie %q signed in", header)
		case rec.Code != http.StatusOK && valid:
			t.Fatalf("Cookie %q holds the live secret but answered %d: %s", header, rec.Code, rec.Body)
		case rec.Code != http.StatusOK && rec.Code != http.StatusUnauthorized:
			t.Fatalf("Cookie %q answered %d: %s", header, rec.Code, rec.Body)
		}
	})
}
