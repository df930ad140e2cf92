package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"amur"
)

// Password rules. Length is what makes a password strong; composition rules
// only make it harder to remember (NIST SP 800-63B).
const (
	// MinPasswordLen is the least number of characters of a password.
	MinPasswordLen = 12
	// MaxPasswordBytes bounds a password, so nobody makes the server hash a
	// megabyte.
	MaxPasswordBytes = 1024
)

// Params are the argon2id cost parameters.
type Params struct {
	// Memory is in KiB.
	Memory  uint32
	Time    uint32
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// DefaultParams follow the first of OWASP's argon2id settings: 46 MiB, one
// pass, one lane. One lane keeps a sign-in to one core, so on a two-core
// machine a burst of sign-ins never takes the whole CPU; the Service also
// runs at most GOMAXPROCS hashes at once, which bounds their memory (92 MiB
// on two cores). One hash takes about 50 ms on such a machine.
var DefaultParams = Params{Memory: 46 * 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds on parameters read back from a stored hash, so that a tampered
// row cannot make one verification allocate gigabytes or run for minutes.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 16
	maxThreads = 16
)

// b64 encodes salts and keys as the PHC string format does.
var b64 = base64.RawStdEncoding

// HashPassword returns the argon2id hash of password with a fresh random
// salt in the PHC string format:
// $argon2id$v=19$m=47104,t=1,p=1$<salt>$<key>.
func HashPassword(password string, p Params) string {
	salt := make([]byte, p.SaltLen)
	// crypto/rand.Read never fails: it crashes the program rather than
	// return predictable bytes.
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// VerifyPassword reports whether password matches the PHC-encoded argon2id
// hash, comparing in constant time. A malformed hash is an error.
func VerifyPassword(encoded, password string) (bool, error) {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// parsePHC splits an argon2id PHC string into its parameters, salt and key.
func parsePHC(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("auth: not an argon2id hash")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, fmt.Errorf("auth: argon2 version %q", parts[2])
	}
	var threads uint32
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil {
		return p, nil, nil, fmt.Errorf("auth: argon2 parameters %q: %w", parts[3], err)
	}
	if p.Memory < 8 || p.Memory > maxMemory || p.Time < 1 || p.Time > maxTime || threads < 1 || threads > maxThreads {
		return p, nil, nil, fmt.Errorf("auth: argon2 parameters %q out of bounds", parts[3])
	}
	p.Threads = uint8(threads)
	salt, err := b64.Strict().DecodeString(parts[4])
	if err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, fmt.Errorf("auth: argon2 salt")
	}
	key, err := b64.Strict().DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 128 {
		return p, nil, nil, fmt.Errorf("auth: argon2 key")
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// CheckPassword applies the password rules to a new password of the
// account email; the error names field.
func CheckPassword(field, password, email string) error {
	switch {
	case !utf8.ValidString(password):
		return amur.Invalid(field, "err.utf8")
	case len(password) > MaxPasswordBytes:
		return amur.Invalid(field, "err.password_long", "max", MaxPasswordBytes)
	case utf8.RuneCountInString(password) < MinPasswordLen:
		return amur.Invalid(field, "err.password_short", "min", MinPasswordLen)
	case email != "" && strings.EqualFold(strings.TrimSpace(password), strings.TrimSpace(email)):
		return amur.Invalid(field, "err.password_email")
	}
	return nil
}
