package corpus

import (
	"strings"
	"testing"
)

const para1 = "Le gouvernement a annoncé lundi que 4 millions de familles bénéficient désormais de l'aide sociale directe, un chiffre en hausse, selon le communiqué officiel publié à Rabat."
const para2 = "Le régime AMO Tadamon couvre quant à lui 11 millions de personnes, a précisé le ministre, ajoutant que les cotisations sont prises en charge par l'Etat pour les ménages concernés."
const para3 = "La réforme, lancée en 2021, doit être achevée en 2025, avec la généralisation des allocations familiales et l'élargissement de la retraite, a rappelé le chef du gouvernement."

func page(head, body string) string {
	return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body + "</body></html>"
}

func TestParseHTMLBody(t *testing.T) {
	article := "<article><h1>Le titre</h1><p>" + para1 + "</p><p>" + para2 + "</p><p>" + para3 + "</p></article>"
	related := `<div class="related-articles"><h3>Lire aussi</h3><ul><li><a href="/a">Le Maroc exporte 82 % de sa production</a></li><li><a href="/b">400.000 titres de séjour</a></li></ul></div>`
	tests := []struct {
		name    string
		body    string
		want    []string // paragraphs that must be kept, in order
		without []string // text that must be gone
	}{
		{
			name:    "page regions",
			body:    `<header><a href="/">Accueil</a> Politique Economie</header><nav><ul><li><a href="/x">Sport 2025</a></li></ul></nav>` + article + `<aside><p>Les plus lus : 500 000 migrants régularisés en Espagne, selon un ministre, qui parle longuement.</p></aside><footer>© 2025 Le Site, tous droits réservés, 12 rue de Rabat.</footer>`,
			want:    []string{para1, para2, para3},
			without: []string{"Accueil", "Sport 2025", "500 000", "droits réservés", "Le titre"},
		},
		{
			name:    "related list, share block, caption, credit",
			body:    `<div class="main">` + article + `<figure><img src="x.jpg"><figcaption>Aziz Akhannouch à Rabat, le 3 mars</figcaption></figure><p class="credit">© Mounir Mehimdate</p><div class="share-buttons"><a href="#">Partager sur Facebook</a> <span>12 partages</span></div>` + related + `</div>`,
			want:    []string{para1, para2, para3},
			without: []string{"82 %", "400.000", "Partager", "12 partages", "Akhannouch à Rabat", "Mehimdate"},
		},
		{
			name: "a key-figures page: the caption under a big number is the figure's, an image's is not",
			body: `<div class="main">` + article + `<div class="kpi"><img src="p.svg" alt="picto"><p class="kpi-value">4,2 M</p><p class="kpi-caption">familles aidées chaque mois</p></div>` +
				`<div class="photo"><img src="x.jpg"><p class="photo-caption">Un guichet de la caisse à Fès, 12 agents</p></div></div>`,
			want:    []string{para1, para2, para3, "4,2 M", "familles aidées chaque mois"},
			without: []string{"guichet"},
		},
		{
			name: "Moroccan news page: inline see-also, tags, byline",
			body: `<div class="container"><div class="article-content"><h1>AMO : le point</h1><div class="article-meta">Par Zaina Jnina | 17/02/2025</div><p>` + para1 + `</p>` +
				`<p><strong>Lire aussi :</strong> <a href="/x">AMO : 5.000 dossiers traités quotidiennement par la CNSS</a></p>` +
				`<div class="read-also"><h4>À lire aussi</h4><ul><li><a href="/y">La France a délivré 400.000 titres de séjour</a></li></ul></div>` +
				`<p>` + para2 + `</p><div class="tags"><a href="/t/amo">AMO</a> <a href="/t/cnss">CNSS</a></div></div>` +
				`<div class="most-read"><h3>Les plus lus</h3><p>Renault Maroc : plus de 82 % de sa production exportée en 2025, un record selon le constructeur.</p></div></div>`,
			want:    []string{para1, para2},
			without: []string{"5.000 dossiers", "400.000", "82 %", "Les plus lus", "CNSS\n", "Zaina Jnina", "AMO : le point"},
		},
		{
			name:    "comments and forms",
			body:    article + `<section id="comments"><div class="comment"><p>Un lecteur écrit que 99 % des gens ne sont pas d'accord avec cette analyse, et le dit longuement ici.</p></div></section><form action="/s"><input name="q"><p>Recherche</p></form>`,
			want:    []string{para1, para2, para3},
			without: []string{"99 %", "Recherche"},
		},
		{
			name:    "scripts, styles, hidden",
			body:    `<script>var x = "4 millions";</script><style>.a{}</style><div style="display:none">Caché 77 %</div><div hidden>Caché 78 %</div>` + article,
			want:    []string{para1, para2, para3},
			without: []string{"var x", "77 %", "78 %"},
		},
		{
			name:    "div soup without semantic tags",
			body:    `<div id="menu"><a href="/">Accueil</a><a href="/p">Politique</a></div><div id="wrap"><div class="txt">` + para1 + `<br><br>` + para2 + `</div></div><div class="footer-links"><a href="/c">Contact</a></div>`,
			want:    []string{para1, para2},
			without: []string{"Accueil", "Contact"},
		},
		{
			name: "a search page's entries keep their datelines, whatever their class says; a teaser list's stay furniture",
			body: `<main><h1>Résultats pour « aide »</h1>` +
				`<article class="res"><h3><a href="/a">Aide : 4,1 millions de ménages</a></h3><p class="res-meta">Économie · Lundi 13 avril 2026 · 3 min de lecture</p><p class="snip">… Le nombre de ménages aidés a atteint 4,1 millions à fin mars, selon l'Agence, qui a versé plus de 58 milliards de dirhams depuis le lancement …</p></article>` +
				`<article class="res"><h3><a href="/b">Budget de l'aide</a></h3><p class="res-meta">Économie · Lundi 2 février 2026 · 5 min de lecture</p><p class="snip">… La loi de finances alloue 29 milliards de dirhams au programme, contre 26,5 milliards l'année précédente, selon le texte publié …</p></article>` +
				`<article class="res"><h3><a href="/c">Registre : 5,6 millions</a></h3><p class="res-meta">Société · Vendredi 7 novembre 2025 · 4 min de lecture</p><p class="snip">… Le registre compte désormais 5,6 millions de ménages inscrits, soit près de 19,8 millions de personnes, d'après le ministère …</p></article>` +
				`<ul class="teasers"><li><a href="/d">Retraites : 880 000 pensions</a> <span class="meta">12 janvier 2026</span></li><li><a href="/e">AMO : 88 % couverts</a> <span class="meta">5 février 2026</span></li><li><a href="/f">IPE : 60 000 bénéficiaires</a> <span class="meta">3 juillet 2025</span></li></ul></main>`,
			want: []string{"Économie · Lundi 13 avril 2026 · 3 min de lecture", "… Le nombre de ménages aidés a atteint 4,1 millions", "Économie · Lundi 2 février 2026 · 5 min de lecture", "… La loi de finances alloue 29 milliards",
				"Société · Vendredi 7 novembre 2025 · 4 min de lecture", "… Le registre compte désormais 5,6 millions"},
			without: []string{"Aide : 4,1 millions de ménages", "880 000", "88 %", "12 janvier 2026"},
		},
		{
			name: "an excerpt ('extrait') is text, not Readability's 'extra'",
			body: `<main><p>` + para1 + `</p><p class="extrait">` + para2 + `</p><p>` + para3 + `</p></main>`,
			want: []string{para1, para2, para3},
		},
		{
			name: "lists and tables of the article stay",
			body: "<article><p>" + para1 + "</p><ul><li>AMO Tadamon : 11 millions de personnes couvertes</li><li>Aide sociale directe : 4 millions de familles</li></ul><p>" + para2 + "</p><table><tr><td>Année</td><td>Bénéficiaires</td></tr><tr><td>2024</td><td>3,9 millions</td></tr></table></article>",
			want: []string{para1, "AMO Tadamon : 11 millions de personnes couvertes", "Aide sociale directe : 4 millions de familles", para2, "Année | Bénéficiaires\n\n2024 | 3,9 millions"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("p.html", []byte(page("<title>T</title>", tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			at := 0
			for _, w := range tc.want {
				i := strings.Index(doc.Body[at:], w)
				if i < 0 {
					t.Errorf("missing or out of order: %.60q\nbody: %q", w, doc.Body)
					continue
				}
				at += i + len(w)
			}
			for _, w := range tc.without {
				if strings.Contains(doc.Body, w) {
					t.Errorf("kept %q\nbody: %q", w, doc.Body)
				}
			}
			for _, p := range strings.Split(doc.Body, "\n\n") {
				if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") {
					t.Errorf("badly formed paragraph %q", p)
				}
			}
		})
	}
}

func TestParseHTMLMetadata(t *testing.T) {
	body := "<article><p>" + para1 + "</p><p>" + para2 + "</p></article>"
	ld := `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},{"@type":"NewsArticle","headline":"Titre JSON-LD &amp; co","datePublished":"2025-02-17T10:00:00+01:00","author":[{"@type":"Person","name":"Zaina Jnina"},{"@type":"Person","name":"Ali B"}],"publisher":{"@type":"Organization","name":"Hespress"}}]}</script>`
	og := `<meta property="og:title" content="Titre OG"><meta property="og:site_name" content="Le Site"><meta property="article:published_time" content="2024-03-05T08:00:00Z"><meta name="author" content="Auteur Meta">`
	tests := []struct {
		name                                 string
		head, body                           string
		title, site, author, published, from string
	}{
		{"json-ld first", ld + og, body, "Titre JSON-LD & co", "Le Site", "Zaina Jnina; Ali B", "2025-02-17", "json-ld"},
		{"open graph", og, body, "Titre OG", "Le Site", "Auteur Meta", "2024-03-05", "opengraph"},
		{"time element", `<title>Titre | Site</title>`, `<p class="byline">Par <span itemprop="author">Karim Alaoui</span> <time datetime="2023-11-26T09:00">26 nov.</time></p>` + body, "Titre", "", "Karim Alaoui", "2023-11-26", "time"},
		{"meta date", `<title>T</title><meta name="date" content="2022-06-01">`, body, "T", "", "", "2022-06-01", "meta"},
		{"visible byline", `<title>T</title>`, `<div class="post-date">Publié le mardi 26 novembre 2024</div>` + body, "T", "", "", "2024-11-26", "byline"},
		{"first sentence", `<title>T</title>`, "<article><p>Le Chef du gouvernement a présidé, mardi 26 novembre 2024 à Rabat, une réunion de la Commission, consacrée au bilan des programmes sociaux du pays.</p><p>" + para2 + "</p></article>", "T", "", "", "2024-11-26", "first-sentence"},
		{"UTC stamp past midnight, local day shown", `<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-04T00:44:52.000Z"}</script>`,
			`<ul class="wgt-date"><li>Brasília</li><li>03/05/2022 21:44</li></ul>` + body, "T", "", "", "2022-05-03", "byline"},
		{"UTC stamp at noon keeps its day", `<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-04T12:44:52Z"}</script>`,
			`<div class="date">03/05/2022</div>` + body, "T", "", "", "2022-05-04", "json-ld"},
		{"shortened JSON-LD headline, full og:title", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Retraites : la réforme avance"}</script><meta property="og:title" content="Retraites : la réforme avance, les syndicats attendent">`, body, "Retraites : la réforme avance, les syndicats attendent", "", "", "", ""},
		{"a label before the markup's headline, the <h1> without it", `<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"VIDÉO – Retraites : la réforme avance"}</script>`, "<p class=\"kicker\">VIDÉO</p><h1>Retraites : la réforme avance</h1>" + body, "Retraites : la réforme avance", "", "", "", ""},
		{"a headline that only ends like the <h1> is kept", `<meta property="og:title" content="Le gouvernement dit que la réforme avance">`, "<h1>la réforme avance</h1>" + body, "Le gouvernement dit que la réforme avance", "", "", "", ""},
		{"a site's name after a dash, the headline printed apart", `<title>Retraites : la réforme avance - Le Journal du Soir</title>`, `<table><tr><td class="contentheading">Retraites : la réforme avance</td></tr></table>` + body, "Retraites : la réforme avance", "", "", "", ""},
		{"a dash inside a headline the page prints whole is kept", `<title>Retraites - la réforme avance</title>`, `<h1>Retraites - la réforme avance</h1>` + body, "Retraites - la réforme avance", "", "", "", ""},
		{"none", `<title>T</title>`, body, "T", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("p.html", []byte(page(tc.head, tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			got := [5]string{doc.Title, doc.Site, doc.Author, doc.Published, doc.PublishedFrom}
			want := [5]string{tc.title, tc.site, tc.author, tc.published, tc.from}
			if got != want {
				t.Errorf("title, site, author, published, from =\n%q\nwant\n%q", got, want)
			}
			if !strings.Contains(doc.Body, para2) {
				t.Errorf("body lost its text: %q", doc.Body)
			}
		})
	}
}

func TestParseHTMLBroken(t *testing.T) {
	for _, in := range []string{"", "<", "<html><body><p>Une phrase sans fin", "<p>" + para1 + "<div><p>" + para2, "\xff\xfe<\x00p\x00>\x00"} {
		doc, err := Parse("x.htm", []byte(in))
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if strings.Contains(in, para1) && !strings.Contains(doc.Body, para2) {
			t.Errorf("Parse(%.30q) lost text: %q", in, doc.Body)
		}
	}
}
