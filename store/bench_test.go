package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faits/faits/corpus"
)

// synthDoc is one synthetic article and the readings an extractor would
// give of it.
type synthDoc struct {
	rel, raw string
	doc      *corpus.Document
	facts    []extractFact
}

var (
	synthProgrammes = []string{"amo", "amo-tadamon", "amo-tns", "rsu", "rnp", "asd", "aide-rentree", "ramed"}
	synthMetrics    = []string{"beneficiaries", "enrolled", "files_processed", "amount_paid", "budget"}
	synthFiller     = strings.Fields(`le gouvernement a présenté mardi à Rabat le bilan d'étape de la réforme
		de la protection sociale devant les parlementaires qui ont salué les progrès réalisés tout en
		relevant les difficultés d'accès aux soins dans les zones rurales et la lenteur du remboursement
		des dossiers par les caisses selon plusieurs syndicats la généralisation de la couverture médicale
		reste un chantier prioritaire pour l'exécutif qui prévoit de nouvelles mesures d'accompagnement`)
)

// synthCorpus makes n articles of about 2 KB with five figures each, drawn
// from a pool small enough for facts to recur across articles; one article
// in ten is a reprint of an earlier one with other furniture and a word
// changed.
func synthCorpus(n int) []synthDoc {
	rng := rand.New(rand.NewPCG(6, 6))
	docs := make([]synthDoc, 0, n)
	for i := 0; i < n; i++ {
		if i > 10 && i%10 == 0 {
			orig := docs[rng.IntN(len(docs))]
			body := "Par la rédaction avec MAP\n\n" + strings.Replace(orig.doc.Body, "gouvernement", "exécutif", 1)
			shift := len("Par la rédaction avec MAP\n\n")
			d := synthDoc{rel: fmt.Sprintf("site%d/%05d.html", i%7, i), raw: fmt.Sprint("raw", i), doc: &corpus.Document{Body: body, Site: "reprint.test"}}
			for _, f := range orig.facts {
				f.Start += shift
				f.End += shift
				if body[f.Start:f.End] == f.Span {
					d.facts = append(d.facts, f)
				}
			}
			docs = append(docs, d)
			continue
		}
		var b strings.Builder
		var facts []extractFact
		for p := 0; p < 5; p++ {
			for w := 0; w < 50; w++ {
				b.WriteString(synthFiller[rng.IntN(len(synthFiller))])
				b.WriteByte(' ')
			}
			prog := synthProgrammes[rng.IntN(len(synthProgrammes))]
			metric := synthMetrics[rng.IntN(len(synthMetrics))]
			tenths := 10 + rng.IntN(300)
			span := fmt.Sprintf("%d,%d millions de personnes", tenths/10, tenths%10)
			b.WriteString("ce programme compte ")
			start := b.Len()
			b.WriteString(span)
			facts = append(facts, extractFact{Programme: prog, Metric: metric, Unit: "person", Value: float64(tenths) * 1e5,
				Qualifier: "exact", AsOf: fmt.Sprintf("2024-%02d", 1+rng.IntN(12)), Span: span, Start: start, End: start + len(span),
				Quote: "ce programme compte " + span, Rule: metric + "/synth"})
			b.WriteString(".\n\n")
		}
		docs = append(docs, synthDoc{rel: fmt.Sprintf("site%d/%05d.txt", i%7, i), raw: fmt.Sprint("raw", i),
			doc: &corpus.Document{Body: b.String(), Title: fmt.Sprint("Article ", i), Site: "synth.test", Published: "2024-12-01"}, facts: facts})
	}
	return docs
}

// BenchmarkIngest10k ingests 10,000 synthetic articles into a new store,
// one transaction (and one fsync) per article, as faits ingest does.
//
//	go test ./store -run '^$' -bench Ingest10k -benchtime 1x
func BenchmarkIngest10k(b *testing.B) {
	benchIngest(b, 10000, 1)
}

func benchIngest(b *testing.B, n, workers int) {
	docs := synthCorpus(n)
	var bytes, readings int64
	for _, d := range docs {
		bytes += int64(len(d.doc.Body))
		readings += int64(len(d.facts))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	var size int64
	var st Stats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "faits.db")
		s, err := Open(path, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		work := make(chan synthDoc)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := range work {
					if _, err := s.Ingest(d.rel, d.raw, d.doc, d.facts); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for _, d := range docs {
			work <- d
		}
		close(work)
		wg.Wait()
		b.StopTimer()
		if st, err = s.Stats(); err != nil {
			b.Fatal(err)
		}
		s.Close()
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/sec, "docs/s")
	b.ReportMetric(float64(readings)/sec, "readings/s")
	b.ReportMetric(float64(st.Facts)/sec, "facts/s")
	b.ReportMetric(float64(size)/1e6, "MB-file")
	b.ReportMetric(float64(st.Facts), "facts")
	b.ReportMetric(float64(st.ReprintGroups), "groups")
}

// BenchmarkFacts reads every fact of a 10,000-article store with its
// sources, as faits export does, and one programme's through the index.
//
//	go test ./store -run '^$' -bench Facts -benchtime 5x
func BenchmarkFacts(b *testing.B) {
	s, _ := openTemp(b)
	for _, d := range synthCorpus(10000) {
		if _, err := s.Ingest(d.rel, d.raw, d.doc, d.facts); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range []Filter{{}, {Programme: "rsu"}} {
		name := "all"
		if f.Programme != "" {
			name = "programme"
		}
		b.Run(name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				fs, err := s.Facts(f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(fs)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
		})
	}
}

// BenchmarkWriter measures the single writer adding 1,000 synthetic
// articles to an empty store and to one already holding 10,000 or 30,000
// (a file of about 100 and 250 MB: below and past the map's budget), in
// batches of 256 as faits ingest commits them: "prepare" is the part
// workers do in parallel (Prepare: span checks, reprint signature),
// "commit" the writer's own (wall time, and the process's CPU time during
// the commits). A flat writer costs the same per article in all three.
//
//	go test ./store -run '^$' -bench Writer -benchtime 3x
//
// It also reports the process's minor page faults during the measured
// part (Prepare's included: about 1.5 an article) and the writer's
// transactions a run (batches' and the filing's). Experiments set
// WRITER_SIZES (store sizes, comma-separated: "0,10000,30000,60000"),
// WRITER_BUDGET_MB (the map's budget), WRITER_BATCH (files a batch) or
// WRITER_PROF (a folder for a CPU profile of each measured part alone).
func BenchmarkWriter(b *testing.B) {
	if mb := os.Getenv("WRITER_BUDGET_MB"); mb != "" {
		var n int64
		if _, err := fmt.Sscan(mb, &n); err != nil {
			b.Fatalf("WRITER_BUDGET_MB: %v", err)
		}
		defer func(old int64) { mapBudget = old }(mapBudget)
		mapBudget = n << 20
	}
	batchSize := 256
	if env := os.Getenv("WRITER_BATCH"); env != "" {
		if _, err := fmt.Sscan(env, &batchSize); err != nil {
			b.Fatalf("WRITER_BATCH: %v", err)
		}
	}
	sizes := []int{0, 10000, 30000}
	if env := os.Getenv("WRITER_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			var n int
			if _, err := fmt.Sscan(f, &n); err != nil {
				b.Fatalf("WRITER_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	for _, pre := range sizes {
		b.Run(fmt.Sprintf("store%d", pre), func(b *testing.B) {
			docs := synthCorpus(pre + 1000)
			write := func(s *Store, ds []synthDoc, prep, commit, commitCPU *time.Duration) {
				batch := s.NewBatch()
				flush := func() {
					t0, c0 := time.Now(), cpuTime()
					ws, err := batch.Commit()
					if err != nil {
						b.Fatal(err)
					}
					for _, w := range ws {
						if w.Err != nil {
							b.Fatal(w.Err)
						}
					}
					*commit += time.Since(t0)
					*commitCPU += cpuTime() - c0
				}
				for _, d := range ds {
					t0 := time.Now()
					e, err := Prepare(d.rel, d.raw, d.doc, d.facts)
					if err != nil {
						b.Fatal(err)
					}
					*prep += time.Since(t0)
					batch.Add(e)
					if batch.Len() == batchSize {
						flush()
					}
				}
				flush()
				// The rank and index changes the batches left pending
				// are the commits' too (Close files them).
				t0, c0 := time.Now(), cpuTime()
				if err := s.flushPending(); err != nil {
					b.Fatal(err)
				}
				*commit += time.Since(t0)
				*commitCPU += cpuTime() - c0
			}
			var prep, commit, commitCPU time.Duration
			var pages, nodes, faults, txs int64
			var spill, wr time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, _ := openTemp(b)
				var p0, c0, cc0 time.Duration
				write(s, docs[:pre], &p0, &c0, &cc0)
				st0 := s.db.Stats().TxStats
				b.StartTimer()
				stop := startWriterProfile(fmt.Sprintf("store%d-%d", pre, i))
				f0, tx0 := minorFaults(), writeTxs.Load()
				write(s, docs[pre:], &prep, &commit, &commitCPU)
				faults += minorFaults() - f0
				txs += writeTxs.Load() - tx0
				stop()
				b.StopTimer()
				st := s.db.Stats().TxStats
				pages += st.GetPageAlloc()/int64(s.db.Info().PageSize) - st0.GetPageAlloc()/int64(s.db.Info().PageSize)
				nodes += st.GetSpill() - st0.GetSpill()
				spill += st.GetSpillTime() - st0.GetSpillTime()
				wr += st.GetWriteTime() - st0.GetWriteTime()
				s.Close()
			}
			n := float64(b.N * 1000)
			// What the commits wrote: pages allocated (dirty nodes and
			// the freelist) and nodes spilled, per article, and the time
			// bbolt spent spilling (serialising nodes) and writing.
			b.ReportMetric(float64(pages)/n, "pages/article")
			b.ReportMetric(float64(nodes)/n, "nodes/article")
			b.ReportMetric(float64(faults)/n, "faults/article")
			b.ReportMetric(float64(txs)/float64(b.N), "txs/run")
			b.ReportMetric(float64(spill.Microseconds())/n, "µs-spill/article")
			b.ReportMetric(float64(wr.Microseconds())/n, "µs-write/article")
			b.ReportMetric(float64(prep.Microseconds())/n, "µs-prepare/article")
			b.ReportMetric(float64(commit.Microseconds())/n, "µs-commit/article")
			b.ReportMetric(float64(commitCPU.Microseconds())/n, "µs-commit-cpu/article")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkNearIdentical writes n near-identical pages (a scraper's
// template: one reprint group, one fact read in every page) in batches of
// 256; the writer's cost per page should not grow with n (when each new
// document cleared every cached origin, each page read all the pages
// before it again: quadratic).
//
//	go test ./store -run '^$' -bench NearIdentical -benchtime 1x
func BenchmarkNearIdentical(b *testing.B) {
	const tpl = "La page demandée n'a pas pu être affichée : elle a été déplacée, renommée ou retirée du portail.\n\n" +
		"Vous pouvez revenir à l'accueil, consulter le plan du site ou écrire au service des usagers.\n\n" +
		"Rappel : l'AMO Tadamon couvre désormais 11 millions de personnes dans tout le Royaume.\n\n" +
		"Adresse demandée : /actualites/article-%d.html (référence %d)\n"
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprintf("pages%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, _ := openTemp(b)
				b.StartTimer()
				batch := s.NewBatch()
				flush := func() {
					ws, err := batch.Commit()
					if err != nil {
						b.Fatal(err)
					}
					for _, w := range ws {
						if w.Err != nil {
							b.Fatal(w.Err)
						}
					}
				}
				for p := 0; p < n; p++ {
					body := fmt.Sprintf(tpl, p, p)
					span := "11 millions de personnes"
					at := strings.Index(body, span)
					f := extractFact{Programme: "amo-tadamon", Metric: "beneficiaries", Unit: "person", Value: 11e6, Qualifier: "exact",
						Span: span, Start: at, End: at + len(span), Quote: "Rappel : l'AMO Tadamon couvre désormais " + span, Rule: "beneficiaries/bench"}
					e, err := Prepare(fmt.Sprintf("tpl/%05d.txt", p), fmt.Sprint("raw", p), &corpus.Document{Body: body, Site: "portail.test"}, []extractFact{f})
					if err != nil {
						b.Fatal(err)
					}
					batch.Add(e)
					if batch.Len() == 256 {
						flush()
					}
				}
				flush()
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
		})
	}
}

// startWriterProfile writes a CPU profile of the measured part to
// $WRITER_PROF/name.prof when WRITER_PROF is set (a profile of the whole
// benchmark would be mostly the setup's).
func startWriterProfile(name string) func() {
	dir := os.Getenv("WRITER_PROF")
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, name+".prof"))
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
