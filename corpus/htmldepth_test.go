package corpus

import (
	"strings"
	"testing"
)

// TestDeepPage: a page nested 600 and 5000 elements deep (html.Parse gives
// up at 512) still gives its article text, with a warning saying how it was
// read; a page of ordinary depth has no warning.
func TestDeepPage(t *testing.T) {
	const para = "Le régime AMO Tadamon couvre plus de 11,5 millions de bénéficiaires à fin février 2025, précise le ministère délégué chargé du budget dans un communiqué publié mardi à Rabat."
	for _, depth := range []int{10, 600, 5000} {
		for _, tag := range []string{"div", "b", "span"} {
			page := "<html><head><title>Couverture médicale</title></head><body>" + strings.Repeat("<"+tag+">", depth) +
				"<p>" + para + "</p><p>" + para + "</p>" + strings.Repeat("</"+tag+">", depth) + "</body></html>"
			doc, err := Parse("deep.html", []byte(page))
			if err != nil {
				t.Errorf("%d <%s>: %v", depth, tag, err)
				continue
			}
			if !strings.Contains(doc.Body, para) {
				t.Errorf("%d <%s>: the text is lost: %q", depth, tag, doc.Body)
			}
			deep := strings.Contains(doc.Warning, "nested deeper than 512 elements")
			if deep != (depth > 512) {
				t.Errorf("%d <%s>: warning %q", depth, tag, doc.Warning)
			}
		}
	}
}
