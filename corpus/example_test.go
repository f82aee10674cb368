package corpus_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/faits/faits/corpus"
)

func ExampleParse() {
	dump := " date 2025-02-17\n" +
		"A la Une\nPolitique\nEconomie\nSport\n" +
		"Le régime AMO Tadamon couvre 11 millions de personnes, selon le ministère.\n" +
		"© Photo MAP\n" +
		"Lire aussi\nAMO : 5.000 dossiers traités par jour\n"
	doc, err := corpus.Parse("article.txt", []byte(dump))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s (%s)\n%s\n", doc.Published, doc.PublishedFrom, doc.Body)
	// Output:
	// 2025-02-17 (header)
	// Le régime AMO Tadamon couvre 11 millions de personnes, selon le ministère.
}

func ExampleParse_html() {
	page := `<html><head>
<meta property="og:title" content="AMO : 11 millions d'assurés">
<meta property="article:published_time" content="2024-11-26T10:00:00+01:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Economie</a></nav>
<article><h1>AMO : 11 millions d'assurés</h1>
<p>Le régime AMO Tadamon couvre désormais plus de 11 millions de personnes, a indiqué mardi le chef du gouvernement à Rabat.</p>
<div class="share"><a href="#">Partager</a></div>
</article></body></html>`
	doc, err := corpus.Parse("page.html", []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Published, doc.PublishedFrom)
	fmt.Println(doc.Body)
	// Output:
	// AMO : 11 millions d'assurés
	// 2024-11-26 opengraph
	// Le régime AMO Tadamon couvre désormais plus de 11 millions de personnes, a indiqué mardi le chef du gouvernement à Rabat.
}

func ExampleFiles() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for _, p := range []string{"b.txt", "press/a.html", "notes.pdf"} {
		full := filepath.Join(dir, p)
		_ = os.MkdirAll(filepath.Dir(full), 0o755)
		_ = os.WriteFile(full, []byte("x"), 0o644)
	}
	files, errs := corpus.Files([]string{dir, filepath.Join(dir, "missing")})
	for _, f := range files {
		fmt.Println(f.Rel)
	}
	fmt.Println(len(errs), "unreadable argument")
	// Output:
	// b.txt
	// press/a.html
	// 1 unreadable argument
}
