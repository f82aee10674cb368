package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// layoutDates are scraped pages in layouts no gold set had when the date
// finder was written (testdata/layouts: invented text, each file one way a
// scraper saves a French press page), with the publication date a careful
// reader gives each, "" where the page states none. They guard the date
// finder's general rules rather than any one outlet.
var layoutDates = []struct{ file, want string }{
	{"t01_map_dateline_fetched.txt", "2025-03-12"},  // a wire's yearless dateline, the year from the fetch header
	{"t02_map_dateline_noyear.txt", ""},             // the same with nothing that gives the year
	{"t03_afp_caps_byline.txt", "2025-03-12"},       // "Publié le … - Mis à jour le …" above "RABAT (AFP) -"
	{"t04_aps_dotted.txt", "2025-03-12"},            // 12.03.2025 under the headline
	{"t05_il_y_a_heures.txt", "2025-03-12"},         // "il y a 3 heures" against a capture header
	{"t06_hier.txt", "2025-03-11"},                  // "Hier à 18h30" against a scrape stamp
	{"t07_aujourdhui.txt", "2025-03-12"},            // "Aujourd'hui à 10:15"
	{"t08_relative_noanchor.txt", ""},               // "il y a 2 jours" and no date to count from
	{"t09_iso_pipe.txt", "2025-03-12"},              // 2025-03-12 | Rédaction | 4 min de lecture
	{"t10_dash_time.txt", "2025-03-12"},             // 12 mars 2025 - 10h32
	{"t11_weekday_caps_time.txt", "2025-03-12"},     // Mardi, 12 Mars 2025 10:32
	{"t12_le_abbr_month.txt", "2025-03-12"},         // le 12 Mar 2025
	{"t13_numeric_month.txt", "2025-03-12"},         // Publié : 12/3/2025
	{"t14_eastern_arabic_digits.txt", "2025-03-12"}, // ١٢/٠٣/٢٠٢٥
	{"t15_english_date.txt", "2025-03-12"},          // By NAME | March 12, 2025
	{"t16_thread.txt", "2025-03-12"},                // 12:45 PM · Mar 12, 2025
	{"t17_deck_month.txt", "2025-03"},               // a slide deck's cover month
	{"t18_deck_bilan_au.txt", ""},                   // "Bilan au 31/12/2025" dates the figures, not the report
	{"t19_deck_bilan_and_month.txt", "2026-04"},     // the same with the cover's month
	{"t20_newsletter_masthead.txt", "2025-03-12"},   // Name | N° 45 | 12 mars 2025
	{"t21_seance.txt", "2025-03-12"},                // Séance du mardi 12 mars 2025
	{"t22_communique_end.txt", "2025-03-12"},        // "Fait à Rabat, le …" closing a communiqué
	{"t23_google_cache.txt", "2025-03-11"},          // the cache's snapshot date is not the article's
	{"t24_google_cache_nodate.txt", ""},             // the same with no article date
	{"t25_wayback.txt", "2025-03-10"},               // the archive's capture stamp is not the article's
	{"t26_wayback_nodate.txt", ""},                  // the same with no article date
	{"t27_url_header.txt", "2025-03-12"},            // the only date is in the URL header
	{"t28_updated_only.txt", "2025-03-14"},          // only "Mis à jour le …": the page's one date
	{"t29_print_version.txt", "2025-03-12"},         // "Imprimé le" is the print's date
	{"t30_data_date_headline.txt", ""},              // "au 31 décembre 2024" in the headline dates a figure
	{"t31_no_date.txt", ""},                         // years only
	{"t32_newsletter_email.txt", "2025-03-12"},      // an e-mail's "Envoyé :" header
	{"t40_social_menu_thread.txt", "2025-03-12"},    // a post's "time · date · k vues" line past a network's long menu
	{"t41_network_post_weeks.txt", "2025-03"},
	{"t42_video_views_line.txt", "2025-03-12"}, // a video page's "7 215 vues  12 mars 2025  #AMO"
	// "3 sem." against the capture: 1 to 8 March, the month
	{"h01_amp.html", "2025-03-12"},                         // AMP byline <time>
	{"h02_print_version.html", "2025-03-12"},               // print page: "Imprimé le" above "publié le"
	{"h03_jsonld_only.html", "2025-03-12"},                 // JSON-LD datePublished beside dateModified
	{"h04_og_only.html", "2025-03-12"},                     // article:published_time
	{"h05_og_updated_and_byline.html", "2025-03-12"},       // og:updated_time and a visible "Publié le"
	{"h06_og_updated_only.html", "2025-03-15"},             // og:updated_time alone
	{"h07_time_in_byline.html", "2025-03-12"},              // <time datetime> in the byline
	{"h08_updated_before_published.html", "2025-03-12"},    // "Mis à jour le" printed before "Publié le"
	{"h09_singlefile_relative.html", "2025-03-12"},         // "il y a 3 heures" and SingleFile's saved date
	{"h10_url_only.html", "2025-03-12"},                    // /2025/03/12/ in the canonical URL
	{"h11_wayback.html", "2025-03-10"},                     // the Wayback toolbar's dates are captures
	{"h12_google_cache.html", "2025-03-11"},                // the cache header's date is a snapshot
	{"h13_english_meta_class.html", "2025-03-12"},          // March 12, 2025 in a post-meta block
	{"h14_meta_publish_date_fr.html", "2025-03-12"},        // <meta name=publish-date content=12/03/2025>
	{"h15_no_date.html", ""},                               // only a figure's "arrêté au" date
	{"h16_post_date_dotted.html", "2025-03-12"},            // Publié le 12.03.2025 in a post-date block
	{"h17_wiki_jsonld.html", "2025-03-12"},                 // a wiki's page holds as last edited, not as created
	{"h18_microdata_name_heading.html", "2025-03-12"},      // a Joomla page's "Publication :" block
	{"u01_date_then_author.txt", "2025-03-12"},             // Le DATE par NAME
	{"u02_english_weekday.txt", "2025-03-12"},              // Wed 12 Mar 2025 10:32
	{"u03_two_digit_year.txt", "2025-03-12"},               // Publié le 12/03/25 à 10h32
	{"u04_il_y_a_3h.txt", "2025-03-12"},                    // "il y a 3h" against a scrape stamp
	{"u05_meta_dump_header.txt", "2025-03-12"},             // datePublished: and dateModified: header lines
	{"u06_mise_en_ligne.txt", "2025-03-12"},                // Mise en ligne : … | Dernière mise à jour : …
	{"u07_derniere_maj_only.txt", "2025-03-14"},            // only "Dernière mise à jour"
	{"u08_edition_du.txt", "2025-03-12"},                   // a press review's "Édition du jeudi 12 mars 2025"
	{"u09_yearless_byline_fetched.txt", "2025-03-12"},      // "Publié le 12 mars" and a fetch stamp
	{"u10_yearless_byline.txt", ""},                        // the same without the stamp
	{"u11_byline_dots.txt", "2025-03-12"},                  // Par NAME · Journaliste · DATE · Économie
	{"u12_date_colon_in_front.txt", "2025-03-12"},          // "Date : …" under the headline
	{"u13_name_then_date_comma_time.txt", "2025-03-12"},    // NAME / 12 mars 2025, 10:32
	{"u14_abbr_weekday_1er.txt", "2025-03-01"},             // sam. 1er mars 2025 - 08:15
	{"u15_wordpress_english.txt", "2025-03-12"},            // Posted on March 12, 2025 by admin
	{"u16_date_name_nosep.txt", "2025-03-12"},              // 12 mars 2025 Karim Benali
	{"u17_published_at_bottom.txt", "2025-03-12"},          // "Publié le" under the text
	{"u18_data_date_title_byline_nodate.txt", ""},          // a figure's date in the headline, an undated byline
	{"v01_abbr_published_title.html", "2025-03-12"},        // <abbr class=published title=ISO>
	{"v02_itemprop_content_span.html", "2025-03-12"},       // <span itemprop=datePublished content=…>
	{"v03_jsonld_datecreated.html", "2025-03-12"},          // JSON-LD dateCreated only
	{"v04_two_digit_year_byline.html", "2025-03-12"},       // Publié le 12/03/25 in a date block
	{"v05_time_text_only.html", "2025-03-12"},              // <time> with no datetime
	{"v06_data_date_in_title_only.html", ""},               // "au 28/02/2025" in the title only
	{"v07_httrack.html", "2025-03-11"},                     // "Hier à 18:30" and HTTrack's stamp
	{"u19_reading_time_words.txt", "2025-03-12"},           // … | Temps de lecture : 4 min
	{"u20_sections_list.txt", "2025-03-12"},                // … | Économie, Société
	{"u21_le_date_modifie.txt", "2025-03-12"},              // Le DATE à 10:32 - Modifié le DATE
	{"u22_view_count_first.txt", "2025-03-12"},             // Vu 1 234 fois | DATE
	{"w01_question_headline_standfirst.txt", "2025-03-12"}, // a question headline and a standfirst above "DATE | Temps de lecture"
	{"w02_markdown_section_byline.txt", "2025-03-12"},      // **Rubrique** | Par NAME | DATE | N° 802
	{"w03_thread_bullets.txt", "2025-03-12"},               // DATE • 7 tweets • 2 min read • Read on X
	{"w04_pipe_unspaced.txt", "2025-03-12"},                // NAME  |12.03.2025 - Mise à jour : …
	{"w05_byline_unknown_piece.txt", "2025-03-12"},         // Par NAME | DATE | a piece no list knows, then the page's counters
	{"w06_share_icons_issue_dots.txt", "2025-03-12"},       // DATE | Par NAME | Numéro 1.207, then "Partager : f in X ✉ (12)"
	{"w07_masthead_weekday_comma.txt", "2025-03-12"},       // "Mercredi, DATE" on the masthead, a section, the headline, then "DATE | Rédaction | 3 min de lecture"
	{"w08_unknown_byline_shape.txt", "2025-03-12"},         // a dated line of a shape no reader knows, read as the front's date
	{"w09_weekday_comma_date_alone.txt", "2025-03-12"},     // "mercredi, 12 mars, 2025 à 16:05" alone under the headline
	{"w10_desk_signature_line.txt", "2025-03-12"},          // a desk's signature ("RAI avec MAP") between the headline and the date
	{"w11_edition_number_then_date.txt", "2025-03-12"},     // "Edition N°:4512 Le DATE", then "Par NAME | Partager : …"
	{"w12_ticker_standfirst_byline.txt", "2025-03-12"},     // a market ticker under the masthead, a standfirst, then "Par NAME" and "Le DATE | Mis à jour …"
	{"w13_site_then_masthead_date.txt", "2025-03-12"},      // the site's name, a masthead's date under it, then the headline and "Par NAME (City) - DATE"
	{"w14_label_above_date.txt", "2026-02-03"},             // "Publié" on its own line above the date and time
	{"w15_programme_day_headline.txt", "2025-03-12"},       // a headline naming its programme's weekday and date above "Replay | DATE | 19h00"
	{"w16_byline_with_role.txt", "2025-03-12"},             // "Par NAME, role, affiliation", then "Le DATE à 08h15"
	{"w17_masthead_date_over_menu.txt", "2025-03-12"},      // the menu, a masthead's date alone, a section, the headline, "Par la rédaction | Publié le DATE"
	{"w18_motto_masthead_pieces.txt", "2025-03-12"},        // the paper's motto, a masthead's date, the menu, the headline, "SITE | DATE | Lu N fois"
	{"w19_interview_dek.txt", "2025-03-12"},                // a quoted headline, "Entretien avec …", "Par NAME", the date
	{"w20_live_desk_byline.txt", "2025-03-12"},             // a live blog: headline, standfirst, "Par la rédaction de SITE, avec NAME", the date
	{"w21_broadcast_pieces.txt", "2025-03-13"},             // "Émission diffusée le DATE de 19h00 à 20h00 | Transcription publiée le" the next day
	{"w22_capture_note_relative_piece.txt", "2025-03-12"},  // "[Capture du DATE, URL]", then "Publié il y a 2 jours · par NAME"
	{"w23_forum_post_flair.txt", "2025-03-12"},             // a long "Capturé le …" line, a forum's "· Publié par NAME · il y a 3 j", a flair, the post's title
	{"w24_blog_post_label_date.txt", "2025-03-12"},         // a breadcrumb, "Billet de blog DATE", the headline under it
	{"w25_update_age_ruled_headings.txt", "2025-03-12"},    // "Par NAME · Dernière mise à jour : il y a 8 jours" against a capture note
	{"w26_blog_day_month_pieces.txt", "2025-03-12"},        // "Par NAME | 12 mars | 5 min de lecture": a day and a month, the capture's year
	{"h19_faq_dcterms_modified.html", "2025-03-12"},        // an FAQ page dated only by <meta name="dcterms.modified">
	{"w27_press_kit_boxed_figures.txt", "2026-04-21"},      // "Par NAME · 21 avril 2026" over a press kit's boxed figures
	{"w28_capture_note_remark_day_age.txt", "2025-03-12"},  // "[Capturé le WEEKDAY DATE à HH:MM — a remark]", then "Récit de NAME  •  il y a 7 j  •  3 min de lecture"
	{"w29_uploaded_by_document_page.txt", "2025-03-12"},    // a document-sharing page's "Transféré par NAME le DATE" above the scan's own "Tafraout, le 3 mars 2025"
	{"w30_saved_from_age_by_name.txt", "2025-03-12"},       // "[Page enregistrée le DATE depuis URL]", then "Publié il y a 5 jours par NAME · vues"
	{"w31_capture_note_only.txt", "2025-03-12"},            // a scraper's capture note and no date of the page: the day it was saved (not so for a cache's or an archive's snapshot, t24 and t26)
	{"w32_app_export_stamp.txt", "2025-03-12"},             // an app's "Exporté le DATE à HH:MM" under its name, then messages each stamped with its own day: the export's day
	{"v08_data_timestamp.html", "2025-03-12"},              // data-timestamp (Unix seconds) on a relative date
	{"v09_meta_article_published.html", "2025-03-12"},      // <meta name=date_publication content="12/03/2025 10:32">
}

// TestLayoutDates reads every layout and compares its date with the one
// written down by hand (never rewritten by -update: it is the truth).
func TestLayoutDates(t *testing.T) {
	for _, tc := range layoutDates {
		t.Run(tc.file, func(t *testing.T) {
			doc := parseLayout(t, tc.file)
			if doc.Published != tc.want {
				t.Errorf("Published = %q (from %q), want %q", doc.Published, doc.PublishedFrom, tc.want)
			}
			if (doc.Published == "") != (doc.PublishedFrom == "") {
				t.Errorf("Published %q but PublishedFrom %q", doc.Published, doc.PublishedFrom)
			}
		})
	}
}

// TestLayoutFilesListed keeps the table and the folder in step: a layout
// added to the folder without its date would never be checked.
func TestLayoutFilesListed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", "*"))
	if err != nil {
		t.Fatal(err)
	}
	listed := make(map[string]bool, len(layoutDates))
	for _, tc := range layoutDates {
		listed[tc.file] = true
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s has no expected date in layoutDates", f)
		}
	}
	if len(files) != len(layoutDates) {
		t.Errorf("%d files, %d listed", len(files), len(layoutDates))
	}
}

// layoutTitles are the headlines of the layouts that have one a reader
// cannot doubt (a deck's cover, a thread or a transcript have none and
// are left out).
var layoutTitles = map[string]string{
	"t03_afp_caps_byline.txt":             "Le Maroc élargit l'allocation familiale aux travailleurs indépendants",
	"t05_il_y_a_heures.txt":               "AMO : les cotisations des indépendants revues à la baisse",
	"t06_hier.txt":                        "Allocations familiales : un nouveau calendrier de versement",
	"t09_iso_pipe.txt":                    "Caisse de retraite : le déficit technique se creuse",
	"t20_newsletter_masthead.txt":         "Retraites : le chantier de la convergence des régimes avance",
	"t23_google_cache.txt":                "Aide directe : le versement de mars avancé",
	"t25_wayback.txt":                     "Retraite : la réforme présentée aux syndicats",
	"t27_url_header.txt":                  "AMO des indépendants : le recouvrement des cotisations progresse",
	"t29_print_version.txt":               "Allocations familiales : 5,4 millions d'enfants couverts",
	"t32_newsletter_email.txt":            "Retraites : ce qui change au 1er avril",
	"u08_edition_du.txt":                  "Registre social : 4,5 millions de ménages inscrits",
	"u13_name_then_date_comma_time.txt":   "Registre social : 4,5 millions de ménages inscrits",
	"u14_abbr_weekday_1er.txt":            "Registre social : 4,5 millions de ménages inscrits",
	"h02_print_version.html":              "AMO : 11 millions d'assurés actifs",
	"h11_wayback.html":                    "Retraite : la réforme présentée aux syndicats",
	"h12_google_cache.html":               "Aide directe : le versement de mars avancé",
	"w05_byline_unknown_piece.txt":        "Agadir : la caisse ouvre une agence à Inezgane",
	"w06_share_icons_issue_dots.txt":      "Retraites : les cotisants du privé en hausse",
	"w07_masthead_weekday_comma.txt":      "Oujda : le guichet unique des caisses affiche complet",
	"w08_unknown_byline_shape.txt":        "Al Hoceima : les assurés de la caisse attendent leur nouvelle agence",
	"w09_weekday_comma_date_alone.txt":    "Errachidia : un centre de santé rénové rouvre ses portes",
	"w10_desk_signature_line.txt":         "Khénifra : la caisse ouvre un guichet mobile pour les assurés",
	"w11_edition_number_then_date.txt":    "Retraites : les caisses publient leurs comptes de l'an dernier",
	"w12_ticker_standfirst_byline.txt":    "Mutuelles : les adhérents du privé attendent toujours la réforme",
	"w13_site_then_masthead_date.txt":     "Nador : la caisse ouvre un bureau pour les assurés de la province",
	"w14_label_above_date.txt":            "Berkane : la nouvelle antenne de la caisse reçoit ses premiers assurés",
	"w15_programme_day_headline.txt":      "Le Grand Journal du mercredi 12 mars 2025 : la caisse de Meknès ouvre ses guichets le samedi",
	"w16_byline_with_role.txt":            "Mutuelles : pourquoi les cotisations doivent suivre les salaires",
	"w17_masthead_date_over_menu.txt":     "Revue de presse de ce mercredi 12 mars 2025",
	"w18_motto_masthead_pieces.txt":       "Les brèves régionales du mercredi 12 mars 2025",
	"w19_interview_dek.txt":               "« Nos délais de remboursement doivent encore baisser »",
	"w20_live_desk_byline.txt":            "DIRECT. Caisses de retraite : suivez la journée d'étude au Parlement",
	"w21_broadcast_pieces.txt":            "Le Débat du soir - Caisses de retraite : qui paiera ?",
	"w22_capture_note_relative_piece.txt": "Maroc : les éleveurs attendent le versement de l'aide promise",
	"w23_forum_post_flair.txt":            "Simulation de retraite CNSS : quelqu'un a déjà comparé avec la CMR ?",
	"w24_blog_post_label_date.txt":        "Retraites : pour une caisse unique des indépendants",
	"w25_update_age_ruled_headings.txt":   "La caisse rurale d'entraide, de sa création à aujourd'hui",
	"h17_wiki_jsonld.html":                "Caisse d'exemple (Maroc)",
	"h18_microdata_name_heading.html":     "AMO : le réseau des agences s'étend",
}

// TestLayoutTitles checks those headlines.
func TestLayoutTitles(t *testing.T) {
	for file, want := range layoutTitles {
		if doc := parseLayout(t, file); doc.Title != want {
			t.Errorf("%s: Title = %q, want %q", file, doc.Title, want)
		}
	}
}

// TestRuledHeadings checks that a heading framed by rules ("=====", "———")
// stays in the text, a block of its own, with the author of a byline of
// pieces.
func TestRuledHeadings(t *testing.T) {
	const file = "w25_update_age_ruled_headings.txt"
	doc := parseLayout(t, file)
	for _, want := range []string{"\n\n2023 — Les débuts\n\n", "\n\n2024 — L'extension\n\n"} {
		if !strings.Contains(doc.Body, want) {
			t.Errorf("%s: text lacks the heading %q:\n%s", file, want, doc.Body)
		}
	}
	if strings.Contains(doc.Body, "===") {
		t.Errorf("%s: a rule stayed in the text:\n%s", file, doc.Body)
	}
	if doc.Author != "Yasmine Oukili-Berrada" {
		t.Errorf("%s: Author = %q", file, doc.Author)
	}
}

// parseLayout parses testdata/layouts/file, failing the test on error.
func parseLayout(t *testing.T, file string) *Document {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "layouts", file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(file, raw)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return doc
}

// TestBoxedFigures checks that a press kit's boxed figures ("[ 11,6 M ]
// bénéficiaires de …"), short lines in a run, stay in the text.
func TestBoxedFigures(t *testing.T) {
	doc := parseLayout(t, "w27_press_kit_boxed_figures.txt")
	for _, want := range []string{"[ 32,9 M ] personnes immatriculées", "[ 88 % ] de la population", "[ 11,6 M ] bénéficiaires"} {
		if !strings.Contains(doc.Body, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Body)
		}
	}
}
