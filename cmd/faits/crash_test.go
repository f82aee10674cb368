package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faits/faits/store"
)

var (
	crashN     = flag.Int("crash.n", 3, "crash test: how many ingest runs to kill")
	crashFiles = flag.Int("crash.files", 300, "crash test: synthetic articles per corpus")
)

// TestCrashIngest kills "faits ingest" with SIGKILL at a random moment of
// its run, -crash.n times, and checks each time that the store opens and
// is consistent, that every file it holds is there whole, and that a rerun
// completes it with an export byte-identical to that of a run never
// interrupted.
func TestCrashIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it many times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "faits")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := filepath.Join(dir, "articles")
	writeSyntheticArticles(t, corpusDir, *crashFiles)

	cleanDB := filepath.Join(dir, "clean.db")
	start := time.Now()
	faits(t, bin, "ingest", "--db", cleanDB, corpusDir)
	full := time.Since(start)
	wantJSONL := faits(t, bin, "export", "--db", cleanDB)
	wantCSV := faits(t, bin, "export", "--db", cleanDB, "--format", "csv")
	want := placesByDoc(t, cleanDB)
	facts := strings.Count(wantJSONL, "\n")
	t.Logf("clean run: %d files, %d facts, %v", *crashFiles, facts, full)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for i := 0; i < *crashN; i++ {
		db := filepath.Join(dir, fmt.Sprintf("crash%d.db", i))
		// Kill somewhere between 5% and 95% of a full run; a run that
		// ends first is retried with a shorter fuse.
		fuse := time.Duration(float64(full) * (0.05 + 0.9*rng.Float64()))
		var held int
		for try := 0; ; try++ {
			killed, err := killIngestAfter(bin, db, corpusDir, fuse)
			if err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
			if killed {
				break
			}
			if try == 5 {
				t.Fatalf("run %d: ingest always finished before the kill", i)
			}
			os.Remove(db)
			fuse /= 2
		}
		held = checkCrashed(t, db, want)
		faits(t, bin, "ingest", "--db", db, corpusDir)
		if got := faits(t, bin, "export", "--db", db); got != wantJSONL {
			t.Fatalf("run %d (killed after %v, %d files in): export after rerun differs from the clean run's:\n%s", i, fuse, held, firstDiff(wantJSONL, got))
		}
		if got := faits(t, bin, "export", "--db", db, "--format", "csv"); got != wantCSV {
			t.Fatalf("run %d: CSV export after rerun differs:\n%s", i, firstDiff(wantCSV, got))
		}
		t.Logf("run %d: killed after %v with %d/%d files in; rerun export identical", i, fuse.Round(time.Millisecond), held, *crashFiles)
		os.Remove(db)
	}
}

// TestReadersWhileIngesting: while an ingest holds the store, the read-only
// commands read it through the API the ingest advertises in the owner file,
// and give what the store holds at that moment.
func TestReadersWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "faits")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := filepath.Join(dir, "articles")
	writeSyntheticArticles(t, corpusDir, 1000)
	db := filepath.Join(dir, "faits.db")
	ingest := exec.Command(bin, "ingest", "--db", db, corpusDir)
	ingest.Env = append(os.Environ(), "FAITS_DB=")
	if err := ingest.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ingest.Wait() }()
	// Wait for the writer to hold the file and advertise its API.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(db + ".owner"); err == nil && strings.Contains(string(b), `"addr"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("ingest never advertised its read API")
		}
	}
	read := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Env = append(os.Environ(), "FAITS_DB=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	// The ingest commits files in batches: until the first batch, the
	// store holds no fact and the export is rightly empty.
	var out, stderr string
	var err error
	for {
		out, stderr, err = read("export")
		select {
		case <-done:
			t.Skip("the ingest finished before the reader was done: machine too fast for 1000 files")
		default:
		}
		if err != nil {
			t.Fatalf("export while ingest writes: %v\n%s", err, stderr)
		}
		if strings.TrimSpace(out) != "" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if want := fmt.Sprintf("held by faits ingest (pid %d): reading through its API", ingest.Process.Pid); !strings.Contains(stderr, want) {
		t.Errorf("export's note %q does not say %q", stderr, want)
	}
	var first store.Fact
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f store.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil || f.ID == "" {
			t.Fatalf("export line %d %q: %v", i, line, err)
		}
		if i == 0 {
			first = f
		}
	}
	if first.ID == "" {
		t.Fatal("export while ingest writes printed no fact")
	}
	gold := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(gold, []byte(`{"doc":"none.txt","programme":"amo","metric":"enrolled","value":1,"unit":"person","qualifier":"exact","as_of":""}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"export", "--format", "csv"}, {"facts"}, {"conflicts"}, {"history", first.ID}, {"eval", "--gold", gold}} {
		if out, stderr, err := read(args...); err != nil || out == "" {
			t.Errorf("%v while ingest writes: %v, %d bytes\n%s", args, err, len(out), stderr)
		}
	}
	if _, stderr, err := read("history", "f-000000000000"); err == nil || !strings.Contains(stderr, "not found") {
		t.Errorf("history of an unknown fact through the API: %v %s", err, stderr)
	}
	if err := <-done; err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if out := faits(t, bin, "export", "--db", db); out == "" {
		t.Error("export after ingest is empty")
	}
	if _, err := os.Stat(db + ".owner"); !os.IsNotExist(err) {
		t.Errorf("owner file left after the ingest: %v", err)
	}
}

// faits runs the binary and returns its standard output.
func faits(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "FAITS_DB=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("faits %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

// killIngestAfter starts an ingest and sends it SIGKILL after fuse; killed
// is false when the ingest ended on its own first.
func killIngestAfter(bin, db, dir string, fuse time.Duration) (killed bool, err error) {
	cmd := exec.Command(bin, "ingest", "--db", db, dir)
	cmd.Env = append(os.Environ(), "FAITS_DB=")
	if err := cmd.Start(); err != nil {
		return false, fmt.Errorf("start ingest: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return false, fmt.Errorf("ingest failed before the kill: %w", err)
		}
		return false, nil
	case <-time.After(fuse):
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return false, fmt.Errorf("kill: %w", err)
	}
	err = <-done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, nil
		}
	}
	if err == nil {
		return false, nil // finished between the timer and the signal
	}
	return false, fmt.Errorf("ingest: %w", err)
}

// checkCrashed opens the store a killed ingest left, checks its invariants
// and that each document it holds has exactly the sources the clean run
// gave it (a file is in whole or not at all); it returns the number of
// files in.
func checkCrashed(t *testing.T, db string, want map[string][]string) int {
	t.Helper()
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return 0 // killed before it created the file
	}
	st, err := store.Open(db, &store.Options{Owner: "crash test"})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("store inconsistent after kill: %v", err)
	}
	files, err := st.Files()
	if err != nil {
		t.Fatal(err)
	}
	got, err := places(st)
	if err != nil {
		t.Fatal(err)
	}
	for doc, ps := range got {
		if strings.Join(ps, " ") != strings.Join(want[doc], " ") {
			t.Fatalf("document %s after kill holds sources %v, a clean run gives %v", doc, ps, want[doc])
		}
	}
	return len(files)
}

// placesByDoc reads the store at db and returns places(…) of it.
func placesByDoc(t *testing.T, db string) map[string][]string {
	t.Helper()
	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := places(st)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// places lists, for each document hash, its sources as "id@start-end",
// sorted.
func places(st *store.Store) (map[string][]string, error) {
	out := map[string][]string{}
	err := st.EachFact(store.Filter{}, func(f store.Fact) error {
		for _, s := range f.Sources {
			out[s.DocSHA256] = append(out[s.DocSHA256], fmt.Sprintf("%s@%d-%d", f.ID, s.Start, s.End))
		}
		return nil
	})
	for _, ps := range out {
		sort.Strings(ps)
	}
	return out, err
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\nwant %.300s\n got %.300s", i+1, x, y)
		}
	}
	return "(no difference)"
}

// Sentences the default rules read (from the seeds' gold quotes), with
// slots for a figure and a date, and filler without figures.
var (
	crashFigures = []string{
		"Le régime AMO Tadamon couvre désormais plus de %s millions de personnes en situation de précarité, selon les chiffres arrêtés %s.",
		"Le nombre d’inscrits au registre national de la population s’élève à %s millions %s.",
		"Au total, %s millions de familles sont inscrites au RSU %s.",
		"Le programme d’aide sociale directe a bénéficié à environ %s millions de familles %s.",
		"Quant au régime AMO TNS, il comptait près de %s millions d’adhérents %s.",
		"Depuis son lancement, %s milliards de dirhams ont été distribués sous forme d’aides directes, a-t-on appris %s.",
	}
	crashWhen = []string{"en octobre 2024", "à fin janvier 2025", "fin 2024", "en mars 2025", "à fin septembre 2025"}
	crashFill = []string{
		"Le Chef du gouvernement a présidé une réunion de la commission chargée du pilotage de la réforme.",
		"Cette réforme vise à garantir un accès équitable aux soins pour l’ensemble des citoyens.",
		"Les participants ont salué les progrès réalisés tout en appelant à accélérer la cadence.",
		"Plusieurs syndicats ont toutefois relevé des lenteurs dans le remboursement des dossiers.",
		"Le ministre a rappelé l’importance du ciblage pour atteindre les ménages les plus vulnérables.",
	}
)

// writeSyntheticArticles writes n article files into dir: most are new
// texts, some are byte copies under another name, some are reprints with
// other furniture and a word changed, a few have no figure at all.
func writeSyntheticArticles(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "reprints"), 0o755); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(2025, 6))
	var bodies []string
	for i := 0; i < n; i++ {
		name := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		var text string
		switch {
		case i > 20 && i%17 == 0:
			text = bodies[rng.IntN(len(bodies))] // the same article under a second name
		case i > 20 && i%11 == 0:
			b := bodies[rng.IntN(len(bodies))]
			text = "Accueil\nSociété\nÉconomie\n\n" + strings.Replace(b, "réunion", "séance", 1) + "\nPartager cet article\n"
			name = filepath.Join(dir, "reprints", fmt.Sprintf("%04d.txt", i))
		default:
			var b strings.Builder
			fmt.Fprintf(&b, "Rabat, le %d mars 2025 (MAP)\n\n", 1+rng.IntN(28))
			for p := 0; p < 4; p++ {
				for s := 0; s < 3; s++ {
					b.WriteString(crashFill[rng.IntN(len(crashFill))] + " ")
				}
				if i%23 != 0 {
					tmpl := crashFigures[rng.IntN(len(crashFigures))]
					fmt.Fprintf(&b, tmpl, frenchTenths(10+rng.IntN(250)), crashWhen[rng.IntN(len(crashWhen))])
				}
				b.WriteString("\n\n")
			}
			text = b.String()
			bodies = append(bodies, text)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// frenchTenths writes tenths/10 with a decimal comma: 111 → "11,1".
func frenchTenths(tenths int) string {
	if tenths%10 == 0 {
		return fmt.Sprint(tenths / 10)
	}
	return fmt.Sprintf("%d,%d", tenths/10, tenths%10)
}
