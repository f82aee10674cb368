package serve

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/faits/faits/store"
)

// recallArticle holds a figure the fixture's rules did not take.
var recallArticle = article{rel: "r/recall.txt", title: "Bourses", site: "example.ma", published: "2025-03-10",
	body: "Le programme AMO couvre 24,3 millions de personnes. En mars 2025, 4 100 dossiers ont été validés par la caisse.",
	figs: []figure{{"24,3 millions", 0, "amo", "beneficiaries", "person", 24.3e6, "exact", "2025-03"}}}

// TestCandidatesAndAdd: the article view marks the figures normalize read
// that no fact took, the add form is prefilled from that reading and the
// document's programme, and saving goes through store.Add.
func TestCandidatesAndAdd(t *testing.T) {
	s, st := newTestServer(t, Options{Editor: "amina"})
	loadArticles(t, st, []article{recallArticle})
	sha := sha(recallArticle.body)
	_, page := do(t, s, "GET", "/documents/"+sha, nil, nil)
	cand := regexp.MustCompile(`<a class="cand" href="([^"]+)" data-o="(\d+)"[^>]*>([^<]+)</a>`)
	ms := cand.FindAllStringSubmatch(page, -1)
	var href string
	for _, m := range ms {
		if strings.Contains(m[3], "24,3") {
			t.Errorf("a figure a fact took is marked as missed: %q", m[3])
		}
		if strings.HasPrefix(m[3], "4 100") {
			href = strings.ReplaceAll(m[1], "&amp;", "&")
			if off, _ := strconv.Atoi(m[2]); off != strings.Index(recallArticle.body, "4 100") {
				t.Errorf("offset %d for 4 100", off)
			}
		}
	}
	if href == "" {
		t.Fatalf("4 100 not marked as missed; candidates %v", ms)
	}
	res, form := do(t, s, "GET", href, nil, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("add form: %d %s", res.StatusCode, form)
	}
	for _, want := range []string{`id="value" name="value" value="4 100"`, `<option value="amo" selected>`, `id="as_of" name="as_of" value="2025-03"`, `<mark>4 100`} {
		if !strings.Contains(form, want) {
			t.Errorf("add form lacks %s", want)
		}
	}
	u, _ := url.Parse(href)
	post := url.Values{"csrf": {csrfOf(t, form)}, "start": {u.Query().Get("start")}, "end": {u.Query().Get("end")},
		"value": {"4 100"}, "unit": {""}, "qualifier": {"exact"}, "programme": {"amo"}, "metric": {"files_processed"}, "as_of": {"2025-03"}}
	if res, b := postForm(t, s, "/documents/"+sha+"/add", post, nil); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, `id="err-unit"`) {
		t.Errorf("no unit: %d", res.StatusCode)
	}
	post.Set("unit", "file")
	res, _ = postForm(t, s, "/documents/"+sha+"/add", post, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d", res.StatusCode)
	}
	id := strings.TrimPrefix(res.Header.Get("Location"), "/facts/")
	f := mustFact(t, st, id)
	h, _ := st.History(id)
	if f.Value != 4100 || f.Status != "accepted" || len(f.Sources) != 1 || f.Sources[0].Rule != store.EditorRule || f.Sources[0].Span != "4 100 dossiers"[:len(f.Sources[0].Span)] ||
		len(h) != 1 || h[0].Action != store.ActionAdd || h[0].By != "amina" {
		t.Errorf("added fact %+v, history %+v", f, h)
	}
	// Once a fact took it, the figure is no longer marked as missed.
	_, page = do(t, s, "GET", "/documents/"+sha, nil, nil)
	for _, m := range cand.FindAllStringSubmatch(page, -1) {
		if strings.HasPrefix(m[3], "4 100") {
			t.Error("the added figure is still marked as missed")
		}
	}
	for _, bad := range []string{"?start=5&end=2", "?start=0&end=99999", "?start=a&end=3"} {
		if res, _ := do(t, s, "GET", "/documents/"+sha+"/add"+bad, nil, nil); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}

// TestAddFormPrefill: the add form takes programme, unit and metric from a
// fact read in the same sentence, and for a percentage with no neighbour
// the metric the document's percentages have.
func TestAddFormPrefill(t *testing.T) {
	s, st := newTestServer(t, Options{})
	a := article{rel: "r/prefill.txt", title: "Registre", site: "example.ma", published: "2025-03-10",
		body: "Le RSU compte 5,3 millions de ménages inscrits, dont 1,2 million en milieu rural. " +
			"L'ASD verse 500 dirhams par mois à 3,9 millions de ménages. " +
			"Le taux de couverture de l'AMO atteint 85 % en 2024. " +
			"La part des ménages ruraux atteint 38 % selon le ministère.",
		figs: []figure{
			{"5,3 millions", 0, "rsu", "enrolled", "household", 5.3e6, "exact", "2025-03"},
			{"500 dirhams", 0, "asd", "allowance", "MAD", 500, "exact", "2025-03"},
			{"3,9 millions", 0, "asd", "beneficiaries", "household", 3.9e6, "exact", "2025-03"},
			{"85 %", 0, "amo", "share", "percent", 85, "exact", "2024"},
		}}
	loadArticles(t, st, []article{a})
	sha := sha(a.body)
	for _, tc := range []struct {
		span string
		want []string
	}{
		{"1,2 million", []string{`<option value="rsu" selected>`, `<option value="household" selected>`, `<option value="enrolled" selected>`}},
		{"38 %", []string{`<option value="percent" selected>`, `<option value="share" selected>`}},
	} {
		start := strings.Index(a.body, tc.span)
		_, form := do(t, s, "GET", addURL(sha, start, start+len(tc.span)), nil, nil)
		for _, want := range tc.want {
			if !strings.Contains(form, want) {
				t.Errorf("%s: the add form lacks %s", tc.span, want)
			}
		}
	}
}
