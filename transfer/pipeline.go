package transfer

import (
	"errors"
	"io"

	"amur"
)

// readChunk is how many records the reading goroutine hands over at once,
// and chunksAhead how many chunks it may read ahead of the store.
const (
	readChunk   = 128
	chunksAhead = 4
)

// chunk is a run of records read and prepared by the reading goroutine.
type chunk struct {
	recs  []amur.Record
	lines []int
	// err ends the input after recs: io.EOF, or the error of the next record.
	err error
	// bytes is how much of the input had been read when the chunk was cut.
	bytes int64
}

// run imports every record of src. One goroutine reads, decodes, stamps
// and validates records (the CPU-heavy part) while this one checks their
// references and stores the records before them, so the two overlap.
// Records and errors reach this goroutine in file order, so the first bad
// record of the file is still the one reported.
func (imp *importer) run(src source) error {
	chunks := make(chan chunk, chunksAhead)
	done := make(chan struct{})
	go imp.read(src, chunks, done)
	err := imp.consume(chunks)
	close(done)
	for range chunks {
		// Wait for the reader to stop, so nothing reads the caller's input
		// after Import returns.
	}
	return err
}

// read reads and prepares records into chunks until the input ends, a
// record fails or done is closed. It touches only src and the import's
// options, which no other goroutine uses meanwhile.
func (imp *importer) read(src source, out chan<- chunk, done <-chan struct{}) {
	defer close(out)
	c := chunk{recs: make([]amur.Record, 0, readChunk), lines: make([]int, 0, readChunk)}
	for {
		rec, line, err := src.next()
		if err == nil {
			imp.stamp(rec, line)
			if perr := amur.Prepare(rec); perr != nil {
				err = amur.AtLine(perr, line)
			} else {
				c.recs, c.lines = append(c.recs, rec), append(c.lines, line)
			}
		}
		if err == nil && len(c.recs) < readChunk {
			continue
		}
		c.err, c.bytes = err, src.bytes()
		select {
		case out <- c:
		case <-done:
			return
		}
		if err != nil {
			return
		}
		c = chunk{recs: make([]amur.Record, 0, readChunk), lines: make([]int, 0, readChunk)}
	}
}

// consume checks and stores the records of every chunk in order.
func (imp *importer) consume(chunks <-chan chunk) error {
	for c := range chunks {
		for i, rec := range c.recs {
			if err := imp.add(rec, c.lines[i]); err != nil {
				return imp.fail(err)
			}
			if len(imp.batch) == batchSize {
				if err := imp.flush(); err != nil {
					return err
				}
				imp.progress(c.bytes)
			}
		}
		if errors.Is(c.err, io.EOF) {
			break
		}
		if c.err != nil {
			return imp.fail(c.err)
		}
	}
	if err := imp.flush(); err != nil {
		return err
	}
	if imp.stored == 0 {
		return amur.Errorf(amur.EInvalid, "err.empty_input")
	}
	return nil
}
