package transfer

import (
	"bufio"
	"errors"
	"io"

	"amur"
)

// errTooLarge is the read error of an input past its limit; the importer
// turns it into ETooLarge with the limit.
var errTooLarge = errors.New("input exceeds the size limit")

// limitReader counts the bytes read and fails once more than max have been.
type limitReader struct {
	r   io.Reader
	n   int64
	max int64
}

// newLimitReader returns r limited to max bytes.
func newLimitReader(r io.Reader, max int64) *limitReader {
	return &limitReader{r: r, max: max}
}

// Read reads at most one byte past the limit, so an input of exactly max
// bytes passes and a larger one fails.
func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, errTooLarge
	}
	if room := l.max - l.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		return n, errTooLarge
	}
	return n, err
}

// readError turns a read error into the error an import reports. The
// size limit is the whole file's, so its error names no line.
func (l *limitReader) readError(err error) error {
	if errors.Is(err, errTooLarge) {
		return amur.Errorf(amur.ETooLarge, "err.file_too_large", "max", l.max)
	}
	return err
}

// skipBOM drops a UTF-8 byte order mark at the start of br, which
// spreadsheet programs write in front of CSV files.
func skipBOM(br *bufio.Reader) error {
	b, err := br.Peek(3)
	if err == nil && string(b) == "\uFEFF" {
		_, err = br.Discard(3)
		return err
	}
	if err == io.EOF || err == bufio.ErrBufferFull {
		return nil
	}
	return err
}
