package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// TokenPrefix starts every API token, so that a token is recognisable in a
// script, a log or a secret scanner, and never mistaken for a session.
const TokenPrefix = "amur_"

// secretBytes is the entropy of every secret: sessions, CSRF tokens, API
// tokens and reset tokens.
const secretBytes = 32

// secretLen is the length of a secret in unpadded base64url.
var secretLen = base64.RawURLEncoding.EncodedLen(secretBytes)

// newSecret returns 32 random bytes in unpadded base64url (43 characters).
func newSecret() string {
	b := make([]byte, secretBytes)
	// crypto/rand.Read never fails: it crashes the program rather than
	// return predictable bytes.
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret returns the hex SHA-256 of a secret: what the store keeps. A
// plain hash is enough because the secret is 256 random bits, not a
// password someone chose.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// wellFormed reports whether s looks like a secret newSecret made, so that
// garbage is refused without a database query.
func wellFormed(s string) bool {
	if len(s) != secretLen {
		return false
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	return err == nil && len(b) == secretBytes
}

// wellFormedToken reports whether s looks like an API token.
func wellFormedToken(s string) bool {
	rest, ok := strings.CutPrefix(s, TokenPrefix)
	return ok && wellFormed(rest)
}
