package pipeline_test

import (
	"bytes"
	"fmt"
	"io"
	"log"

	"github.com/faits/faits/pipeline"
)

// Read one article and write its line, as "faits extract" does; then read
// the line back, as "faits load" does.
func Example() {
	x, err := pipeline.Default()
	if err != nil {
		log.Fatal(err)
	}
	raw := []byte("Rabat, le 3 mars 2025 - Plus de 3,9 millions de familles bénéficient de l'aide sociale directe.\n")
	rec, _, err := x.Read("in/a.txt", "a.txt", raw)
	if err != nil {
		log.Fatal(err)
	}
	line, err := rec.AppendJSON(nil)
	if err != nil {
		log.Fatal(err)
	}

	rd := pipeline.NewReader(bytes.NewReader(line), "out.jsonl")
	for {
		r, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err) // a *pipeline.LineError names the line; Next may be called again
		}
		for _, f := range r.Facts {
			fmt.Println(r.Path, f.Programme, f.Metric, f.Value, f.Unit, f.Qualifier, f.AsOf, f.Rule)
		}
	}
	// Output:
	// a.txt asd beneficiaries 3.9e+06 household more_than 2025-03 beneficiaries/beneficie
}
