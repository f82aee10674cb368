package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		body      string
		published string
		from      string
		site      string
		author    string
		title     string
	}{
		{
			name:      "header and body on one line",
			in:        " date 2025-09-17 La réunion a eu lieu à Rabat, selon le communiqué du ministère.\n\nLe deuxième paragraphe suit ici, avec ses chiffres.",
			body:      "La réunion a eu lieu à Rabat, selon le communiqué du ministère.\n\nLe deuxième paragraphe suit ici, avec ses chiffres.",
			published: "2025-09-17", from: "header",
		},
		{
			name:      "a subtitle file's cues read as running text, without their numbers and timings",
			in:        "Le reportage du journal du soir, sous-titré pour les sourds et malentendants, sur la couverture médicale.\n\n1\n00:00:02,000 --> 00:00:05,120\n[VOIX OFF] Selon la Caisse,\nplus de 11 millions de personnes\n\n2\n00:00:05,370 --> 00:00:08,900\nbénéficient de l'AMO Tadamon.\n\n3\n00:00:09,150 --> 00:00:11,000\n- UNE INFIRMIÈRE :\nIci, on voit la différence.\n\n4\n00:00:11,250 --> 00:00:12,400\net tous les jours.",
			body:      "Le reportage du journal du soir, sous-titré pour les sourds et malentendants, sur la couverture médicale.\n\n[VOIX OFF] Selon la Caisse, plus de 11 millions de personnes bénéficient de l'AMO Tadamon.\n\n- UNE INFIRMIÈRE : Ici, on voit la différence.\n\net tous les jours.",
			published: "", from: "",
		},
		{
			name:      "a text box's frame comes off, a boxed table's rows become pipe rows",
			in:        "La couverture progresse d'année en année, selon les chiffres officiels du ministère.\n\n┌─ BON À SAVOIR ──────────────────────┐\n│ Les familles inscrites au registre  │\n│ peuvent déposer leur demande en     │\n│ ligne.                              │\n└─────────────────────────────────────┘\n\n   ┌───────────┬──────────────┐\n   │ Année     │ Part couverte│\n   ├───────────┼──────────────┤\n   │ Fin 2023  │ 81 %         │\n   │ Fin 2024  │ 86 %         │\n   └───────────┴──────────────┘\n\nLa suite de l'article revient sur les régimes un par un.",
			body:      "La couverture progresse d'année en année, selon les chiffres officiels du ministère.\n\nBON À SAVOIR\n\nLes familles inscrites au registre peuvent déposer leur demande en ligne.\n\nAnnée | Part couverte\n\nFin 2023 | 81 %\n\nFin 2024 | 86 %\n\nLa suite de l'article revient sur les régimes un par un.",
			published: "", from: "",
		},
		{
			name:      "an e-mail thread's quoted replies read as text, their lists as lists",
			in:        "Bonjour Karim,\n\nVoici les chiffres que vous demandiez, repris de la note de la Caisse.\n\nLe 3 mars 2026 à 10:12, Karim a écrit :\n> Pourriez-vous me renvoyer les chiffres de la note ?\n>\n> > Chiffres clés de la Caisse :\n> > - Régime général : plus de 800 000 pensionnés ;\n> > - CIMR : 1,05 million d'affiliés.",
			body:      "Bonjour Karim,\n\nVoici les chiffres que vous demandiez, repris de la note de la Caisse.\n\nLe 3 mars 2026 à 10:12, Karim a écrit :\n\nPourriez-vous me renvoyer les chiffres de la note ?\n\nChiffres clés de la Caisse :\n\n- Régime général : plus de 800 000 pensionnés ;\n\n- CIMR : 1,05 million d'affiliés.",
			published: "", from: "",
		},
		{
			name:      "a byline's pieces parted by spaced dashes",
			in:        "Le courrier des lecteurs\n\nPublié le jeudi 19 février 2026 à 08:30 — Lettre n° 412 — Temps de lecture : 5 min\n\nMonsieur le rédacteur en chef, je vous écris au sujet de l'aide que reçoit ma fille.",
			body:      "Le courrier des lecteurs\n\nMonsieur le rédacteur en chef, je vous écris au sujet de l'aide que reçoit ma fille.",
			published: "2026-02-19", from: "byline", title: "Le courrier des lecteurs",
		},
		{
			name:      "a post's list bulleted with emoji is the post's; teasers an emoji leads under 'À écouter aussi' are not",
			in:        "Le bilan de l'aide sociale directe, deux ans après son lancement, en quelques chiffres simples.\n\nQUI EN BÉNÉFICIE ?\n\n📊 4,2 millions de ménages à fin mars\n\n👶 dont 5,6 millions d'enfants\n\n👵 et près de 1,3 million de personnes âgées\n\nLe versement arrive en début de mois, sur un compte bancaire ou en espèces.\n\nÀ ÉCOUTER AUSSI\n\n🎧 AMO : 11 millions d'assurés, et après ?\n\n🎧 Bac : un taux de réussite de 71 %\n\nLes commentaires sont fermés pour cet article, merci de votre compréhension.",
			body:      "Le bilan de l'aide sociale directe, deux ans après son lancement, en quelques chiffres simples.\n\nQUI EN BÉNÉFICIE ?\n\n📊 4,2 millions de ménages à fin mars\n\n👶 dont 5,6 millions d'enfants\n\n👵 et près de 1,3 million de personnes âgées\n\nLe versement arrive en début de mois, sur un compte bancaire ou en espèces.\n\nLes commentaires sont fermés pour cet article, merci de votre compréhension.",
			published: "", from: "",
		},
		{
			name:      "a bar chart's text version is a table",
			in:        "L'infographie du mois fait le point sur la couverture, régime par régime, avec les derniers chiffres.\n\nPar régime (en millions de personnes)\n\nAMO salariés ▇▇▇▇▇▇▇▇ 12,7\n\nAMO TNS ▇▇▇ 3,9\n\nAMO Achamil ▏ 0,3",
			body:      "L'infographie du mois fait le point sur la couverture, régime par régime, avec les derniers chiffres.\n\nPar régime (en millions de personnes)\n\nAMO salariés | 12,7\n\nAMO TNS | 3,9\n\nAMO Achamil | 0,3",
			published: "", from: "",
		},
		{
			name:      "month-precision header",
			in:        "date 2023-04\nLe Comité s'est réuni lundi à Rabat pour faire le point sur la réforme.",
			body:      "Le Comité s'est réuni lundi à Rabat pour faire le point sur la réforme.",
			published: "2023-04", from: "header",
		},
		{
			name:      "key: value header",
			in:        "Title: Un titre\nDate: 2024-01-05\n\nLe texte de l'article commence ici et se poursuit longuement.",
			body:      "Le texte de l'article commence ici et se poursuit longuement.",
			published: "2024-01-05", from: "header", title: "Un titre",
		},
		{
			name:      "line broken inside a sentence",
			in:        "La Chambre a organisé, ce lundi 17 février 2025 à\nRabat\n, la 9e édition du Forum sur la justice sociale.",
			body:      "La Chambre a organisé, ce lundi 17 février 2025 à Rabat, la 9e édition du Forum sur la justice sociale.",
			published: "2025-02-17", from: "first-sentence",
		},
		{
			name:      "byline lines",
			in:        "Un titre d'article sur la réforme\nPar Zaina Jnina - Hespress\nPublié le 17/02/2025 à 10h23\nMis à jour le 18/02/2025 à 08h00\nLe texte de l'article commence ici, avec 4 millions de familles.",
			body:      "Un titre d'article sur la réforme\n\nLe texte de l'article commence ici, avec 4 millions de familles.",
			published: "2025-02-17", from: "byline", author: "Zaina Jnina", title: "Un titre d'article sur la réforme",
		},
		{
			name:      "date-only byline line and share widget",
			in:        "Protection sociale : le point\nLe 12/03/2024 à 10h15\nL'aide sociale directe profite désormais à 4 millions de ménages, selon le ministère.\nPartager\nFacebook\nWhatsApp\nLa suite de l'article reprend ici, avec d'autres chiffres.\nCommentaires (3)\nUn lecteur : c'est faux, il y a 5 millions de ménages selon moi.",
			body:      "Protection sociale : le point\n\nL'aide sociale directe profite désormais à 4 millions de ménages, selon le ministère.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			published: "2024-03-12", from: "byline", title: "Protection sociale : le point",
		},
		{
			name:      "a word cut by a line's hyphen",
			in:        "À fin 2024, les régimes de base servaient environ 1,5 mil-\nlion de pensions aux travailleurs non-\nsalariés du pays.",
			body:      "À fin 2024, les régimes de base servaient environ 1,5 million de pensions aux travailleurs non-salariés du pays.",
			published: "", from: "",
		},
		{
			name:      "the newsroom's byline with its source",
			in:        "Un site | Édition française\nAccueil | Politique | Société | Économie\nJeudi 8 octobre 2026 - Rabat 24°C\n\nRetraites : le chantier avance\n\nPar la rédaction (avec MAP) - 08/10/2026 à 11:47\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body:      "Le texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			published: "2026-10-08", from: "byline", title: "Retraites : le chantier avance",
		},
		{
			name:      "a byline that signs with a site's name holding digits",
			in:        "Site7\nNation | Economie | Régions | Sport\nVendredi 6 février 2026 | Fès 12°C | Se connecter\n\nRÉGIONS\n\nFès : la nouvelle clinique ouvre ses portes aux assurés\n\nPar Site7 - Le 06/02/2026 à 09h40\nPartager 12 | Tweeter | WhatsApp\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body:      "Fès : la nouvelle clinique ouvre ses portes aux assurés\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			published: "2026-02-06", from: "byline", author: "Site7", title: "Fès : la nouvelle clinique ouvre ses portes aux assurés",
		},
		{
			name: "a site's dated line above a share bar, the headline above it",
			in:   "Le Site\nAccueil | Finance | Santé | Emploi\n\nÉCONOMIE\nRetraites : le régime des indépendants compte ses premiers pensionnés\n\nLe Site - Publié le jeudi, 12 juin 2025 08:15\nPartager : 38   Tweeter   LinkedIn   WhatsApp\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			// (The one headline under the menu stays in the body, as in
			// "one headline under the menu".)
			body:      "Retraites : le régime des indépendants compte ses premiers pensionnés\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			published: "2025-06-12", from: "byline", title: "Retraites : le régime des indépendants compte ses premiers pensionnés",
		},
		{
			name:      "a service's byline above a reading time",
			in:        "Retraites : le chantier avance\n\nPar le service Études du Site\nTemps de lecture : 6 min | Télécharger le PDF (412 Ko)\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			body:      "Retraites : le chantier avance\n\nTemps de lecture : 6 min | Télécharger le PDF (412 Ko)\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			published: "", from: "", title: "Retraites : le chantier avance",
		},
		{
			name:      "a masthead's date under a menu",
			in:        "Un site | site.ma\nActualité Politique Économie Société Monde Vidéos\nMercredi 27 mai 2026\n\nPOLITIQUE\n\nDevant les députés, le ministre défend la réforme\n\nPar Karim Benali | 27 mai 2026 - 19h05\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			body:      "Devant les députés, le ministre défend la réforme\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime de base.",
			published: "2026-05-27", from: "byline", author: "Karim Benali", title: "Devant les députés, le ministre défend la réforme",
		},
		{
			name:      "section name above the headline",
			in:        "Économie\n\nRetraites : le chantier avance enfin\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body:      "Économie\n\nRetraites : le chantier avance enfin\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés au régime.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			published: "", from: "", title: "Retraites : le chantier avance enfin",
		},
		{
			name:      "pieces byline with a bare day and time",
			in:        "Société\n\nRetraites : le chantier avance\n\nLe Site | 03/11/2025 - 09:40 | Mis à jour le 03/11/2025 - 15:00\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "Société\n\nRetraites : le chantier avance\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-11-03", from: "byline", title: "Retraites : le chantier avance",
		},
		{
			name:      "date in the byline's tail",
			in:        "Retraites : le chantier avance\nPar Samir Alaoui - Le 03/11/2025 à 09h40\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "Retraites : le chantier avance\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-11-03", from: "byline", author: "Samir Alaoui", title: "Retraites : le chantier avance",
		},
		{
			name:      "date after the name with no separator",
			in:        "Retraites : le chantier avance\nPar Samir Alaoui le 03/11/2025 à 09h40\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "Retraites : le chantier avance\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-11-03", from: "byline", author: "Samir Alaoui", title: "Retraites : le chantier avance",
		},
		{
			name:      "a headline opening on a quotation",
			in:        "«Nous tiendrons les délais»: le ministre défend la réforme\nPar Samir Alaoui le 03/11/2025 à 09h40\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "«Nous tiendrons les délais»: le ministre défend la réforme\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-11-03", from: "byline", author: "Samir Alaoui", title: "«Nous tiendrons les délais»: le ministre défend la réforme",
		},
		{
			name:      "year-first date of an edition in the byline's tail",
			in:        "Retraites : le chantier avance\nPar Rédaction Hebdo | Numéro 812 du 2025/11/03\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "Retraites : le chantier avance\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-11-03", from: "byline", author: "Rédaction Hebdo", title: "Retraites : le chantier avance",
		},
		{
			name:      "headline line, then the dated first sentence",
			in:        "RSU : la barre des cinq millions franchie\n\nOuvert en 2023 à tous les ménages, le registre compte désormais 5 millions d'inscrits, a annoncé ce jeudi 6 mars 2025 le ministère de l'Intérieur. La suite vient ici.",
			body:      "RSU : la barre des cinq millions franchie\n\nOuvert en 2023 à tous les ménages, le registre compte désormais 5 millions d'inscrits, a annoncé ce jeudi 6 mars 2025 le ministère de l'Intérieur. La suite vient ici.",
			published: "2025-03-06", from: "first-sentence", title: "RSU : la barre des cinq millions franchie",
		},
		{
			name:  "a question headline is a title too",
			in:    "Que change la réforme des retraites ?\nLe texte de l'article commence ici et se poursuit longuement.",
			body:  "Que change la réforme des retraites ?\n\nLe texte de l'article commence ici et se poursuit longuement.",
			title: "Que change la réforme des retraites ?",
		},
		{
			name:      "agency dateline",
			in:        "RABAT, 17 février 2025 (MAP) - Le gouvernement a annoncé que 4 millions de familles sont couvertes.",
			body:      "RABAT, 17 février 2025 (MAP) - Le gouvernement a annoncé que 4 millions de familles sont couvertes.",
			published: "2025-02-17", from: "dateline",
		},
		{
			name:      "a line of pieces whose second says when",
			in:        "Le virement du mois arrive dans l'Oriental\nPar la rédaction | Publié le 14/02/2025 à 08:12 | Mis à jour le 14/02/2025 à 18:30\nLe texte de l'article commence ici, avec 3 millions d'enfants concernés.",
			body:      "Le virement du mois arrive dans l'Oriental\n\nLe texte de l'article commence ici, avec 3 millions d'enfants concernés.",
			published: "2025-02-14", from: "byline", title: "Le virement du mois arrive dans l'Oriental",
		},
		{
			name:      "a broadcast's line of pieces",
			in:        "Ce que couvre l'assurance maladie\nDiffusé le lundi 12 janvier 2026 à 8h10 | Durée : 21 min\nLe texte de l'émission commence ici, avec 3 millions d'assurés concernés.",
			body:      "Ce que couvre l'assurance maladie\n\nLe texte de l'émission commence ici, avec 3 millions d'assurés concernés.",
			published: "2026-01-12", from: "byline", title: "Ce que couvre l'assurance maladie",
		},
		{
			name:      "a byline split by pipes",
			in:        "Allocations : la rallonge de la rentrée\nPublié le vendredi 5 septembre 2025 à 09h10 | Par Karim Tazi | Photo : DR\nLe texte de l'article commence ici, avec 3 millions d'enfants concernés.",
			body:      "Allocations : la rallonge de la rentrée\n\nLe texte de l'article commence ici, avec 3 millions d'enfants concernés.",
			published: "2025-09-05", from: "byline", author: "Karim Tazi", title: "Allocations : la rallonge de la rentrée",
		},
		{
			name:      "the date first, then the desk and a comment count",
			in:        "Retraites : ce qui change en janvier\n14 octobre 2025 | Rédaction Web | 2 commentaires\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			body:      "Retraites : ce qui change en janvier\n\nLe texte de l'article commence ici, avec 2 millions d'affiliés.",
			published: "2025-10-14", from: "byline", title: "Retraites : ce qui change en janvier",
		},
		{
			name:      "written by, capitalised weekday and month, modified line",
			in:        "Santé : les cliniques attendent leurs remboursements\nRédigé par Amal Berrada le Jeudi 6 Novembre 2025\nModifié le Vendredi 7 Novembre 2025 à 16:40\nLe texte de l'article commence ici, avec 900 cliniques.",
			body:      "Santé : les cliniques attendent leurs remboursements\n\nLe texte de l'article commence ici, avec 900 cliniques.",
			published: "2025-11-06", from: "byline", author: "Amal Berrada", title: "Santé : les cliniques attendent leurs remboursements",
		},
		{
			name:      "numeric date and reading time under the standfirst",
			in:        "Budget : la santé obtient une rallonge\nLa loi de finances prévoit une hausse des crédits, et les hôpitaux régionaux en sont les premiers servis.\nPar Omar Fassi, à Rabat\n21/03/2025, 08:05 | 4 min de lecture\nLe texte de l'article commence ici, avec 30 milliards de dirhams.",
			body:      "Budget : la santé obtient une rallonge\n\nLa loi de finances prévoit une hausse des crédits, et les hôpitaux régionaux en sont les premiers servis.\n\nLe texte de l'article commence ici, avec 30 milliards de dirhams.",
			published: "2025-03-21", from: "byline", author: "Omar Fassi", title: "Budget : la santé obtient une rallonge",
		},
		{
			name:      "an e-mail's header, abbreviated weekday and month",
			in:        "De : Le Courrier social <lettre@exemple.ma>\nÀ : lecteurs@exemple.ma\nDate : mar. 4 févr. 2025 à 06:45\nObjet : TR : Ce qui change ce mois-ci | Le Courrier #52\n\nLe texte de la lettre commence ici, avec 5 millions d'assurés.",
			body:      "Le texte de la lettre commence ici, avec 5 millions d'assurés.",
			published: "2025-02-04", from: "header", title: "Ce qui change ce mois-ci",
		},
		{
			name:      "a note's place and date above its title",
			in:        "Direction des études\nNOTE DE CONJONCTURE\nCasablanca, le 2 juin 2024\nLe chômage des jeunes diplômés en hausse\nLe texte de la note commence ici, avec 1,6 million de chômeurs.",
			body:      "Le chômage des jeunes diplômés en hausse\n\nLe texte de la note commence ici, avec 1,6 million de chômeurs.",
			published: "2024-06-02", from: "byline", title: "Le chômage des jeunes diplômés en hausse",
		},
		{
			name:      "a note's place and date under its title",
			in:        "Direction des études\nNOTE DE CONJONCTURE\nLa dépense de santé des ménages en 2023\nFès, le 5 mai 2024\nDiffusion : interne\nRéf. : AB/2024/12\n\nLe texte de la note commence ici, avec 1,6 million de chômeurs.",
			body:      "Le texte de la note commence ici, avec 1,6 million de chômeurs.",
			published: "2024-05-05", from: "byline", title: "La dépense de santé des ménages en 2023",
		},
		{
			name:      "a gazette's running head with the issue and the page",
			in:        "Bulletin des délibérations\nN° 87 - Lundi 3 mars 2025 Page 12\nLe texte de la séance commence ici, avec 14 questions posées.",
			body:      "Bulletin des délibérations\n\nLe texte de la séance commence ici, avec 14 questions posées.",
			published: "2025-03-03", from: "byline", title: "Bulletin des délibérations",
		},
		{
			name:      "a report's cover gives only the month",
			in:        "RAPPORT ANNUEL\nLa couverture médicale en chiffres\nNA-24/07 Novembre 2024\nLe texte du rapport commence ici, et il compte 23 millions d'assurés au 31 décembre 2023.",
			body:      "Le texte du rapport commence ici, et il compte 23 millions d'assurés au 31 décembre 2023.",
			published: "2024-11", from: "header",
		},
		{
			name: "a month heading under the first paragraph dates nothing",
			in:   "Le texte de l'article commence ici et parle de la réforme en cours.\nJanvier 2024\nLe registre ouvre ses portes à 300.000 familles de plus.",
			body: "Le texte de l'article commence ici et parle de la réforme en cours.\n\nJanvier 2024\n\nLe registre ouvre ses portes à 300.000 familles de plus.",
		},
		{
			name:  "a month and a year in the lead date nothing",
			in:    "Le point sur l'aide\nEn janvier 2024, 3 millions de ménages touchaient déjà l'aide, selon l'agence.",
			body:  "Le point sur l'aide\n\nEn janvier 2024, 3 millions de ménages touchaient déjà l'aide, selon l'agence.",
			title: "Le point sur l'aide",
		},
		{
			name: "a chronology's entries are no byline",
			in:   "Le texte de l'article commence ici et parle de la réforme en cours.\nLe second paragraphe rappelle les étapes passées, une à une.\n12 mars 2024 | Lancement du registre social\n3 avril 2024 | Premiers versements aux familles\nLe dernier paragraphe tire le bilan de ces deux années de chantier.",
			body: "Le texte de l'article commence ici et parle de la réforme en cours.\n\nLe second paragraphe rappelle les étapes passées, une à une.\n\n12 mars 2024 | Lancement du registre social\n\n3 avril 2024 | Premiers versements aux familles\n\nLe dernier paragraphe tire le bilan de ces deux années de chantier.",
		},
		{
			name: "a place and a date under the second paragraph are the text's",
			in:   "Le texte de l'article commence ici et cite une lettre du ministre.\nLe second paragraphe en reprend les termes, mot pour mot.\nRabat, le 4 mars 2024\nLe dernier paragraphe revient aux 2 millions de familles concernées.",
			body: "Le texte de l'article commence ici et cite une lettre du ministre.\n\nLe second paragraphe en reprend les termes, mot pour mot.\n\nRabat, le 4 mars 2024\n\nLe dernier paragraphe revient aux 2 millions de familles concernées.",
		},
		{
			name:      "a lowercase dated line under the headline is not glued to it",
			in:        "Registre : 300.000 familles de plus en un an\nlundi 3 février 2025 à 09:30 GMT\n\nLe texte de la dépêche commence ici, avec 300.000 familles inscrites.",
			body:      "Registre : 300.000 familles de plus en un an\n\nLe texte de la dépêche commence ici, avec 300.000 familles inscrites.",
			published: "2025-02-03", from: "byline", title: "Registre : 300.000 familles de plus en un an",
		},
		{
			name:      "a format label before the headline, two authors",
			in:        "[Vidéo] Les guichets de la CNSS pris d'assaut\nPar Samia Idrissi et Hamza Bennis\nPublié le 09/10/2025 à 12h00\nLe texte de l'article commence ici, avec 2.000 dossiers par jour.",
			body:      "[Vidéo] Les guichets de la CNSS pris d'assaut\n\nLe texte de l'article commence ici, avec 2.000 dossiers par jour.",
			published: "2025-10-09", from: "byline", author: "Samia Idrissi et Hamza Bennis", title: "Les guichets de la CNSS pris d'assaut",
		},
		{
			name:      "a forum's topic",
			in:        "Forum Santé\nAccueil > Forums > Démarches\nSujet : Remboursement des analyses, combien de temps ?\nPosté le 02/04/2025 à 20:10\nBonsoir, j'ai déposé mon dossier il y a 3 semaines et rien encore.",
			body:      "Forum Santé\n\nAccueil > Forums > Démarches\n\nSujet : Remboursement des analyses, combien de temps ?\n\nBonsoir, j'ai déposé mon dossier il y a 3 semaines et rien encore.",
			published: "2025-04-02", from: "byline", title: "Remboursement des analyses, combien de temps ?",
		},
		{
			name:  "a section's name in capitals above the one headline",
			in:    "LE QUOTIDIEN\nPolitique | Économie | Sport | Culture\nSe connecter | S'abonner\nÉCONOMIE > FINANCES PUBLIQUES > BUDGET\nLes transferts sociaux pèsent sur le budget de l'an prochain\nLe texte de l'article commence ici, avec 40 milliards de dirhams de crédits.",
			body:  "Le texte de l'article commence ici, avec 40 milliards de dirhams de crédits.",
			title: "Les transferts sociaux pèsent sur le budget de l'an prochain",
		},
		{
			name: "one paragraph per line",
			in:   "Le premier paragraphe est une phrase complète.\nLe second paragraphe en est une autre, complète aussi.",
			body: "Le premier paragraphe est une phrase complète.\n\nLe second paragraphe en est une autre, complète aussi.",
		},
		{
			name: "table flattened to pipes under a header",
			in:   "Le tableau ci-dessous détaille les inscriptions par province.\nProvince | Ménages | Personnes\nTiznit | 41.000 | 160.000\nTata | 18.500 | 77.000\nSource : ANR\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			body: "Le tableau ci-dessous détaille les inscriptions par province.\n\nProvince | Ménages | Personnes\n\nTiznit | 41.000 | 160.000\n\nTata | 18.500 | 77.000\n\nSource : ANR\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
		},
		{
			name: "table flattened to pipes under a heading of its own",
			in:   "Le premier paragraphe parle des registres et de leur progression.\nLes registres en chiffres\nRubrique | Juin 2024 | Juin 2025\nFoyers enregistrés (millions) | 3,1 | 3,4\nCentres ouverts | 1.200 | 1.350\nSource : un ministère. Tableau : la rédaction.\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			body: "Le premier paragraphe parle des registres et de leur progression.\n\nLes registres en chiffres\n\nRubrique | Juin 2024 | Juin 2025\n\nFoyers enregistrés (millions) | 3,1 | 3,4\n\nCentres ouverts | 1.200 | 1.350\n\nSource : un ministère. Tableau : la rédaction.\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
		},
		{
			name: "menu lines above a table's heading stay out",
			in:   "Accueil\nPolitique\nEconomie\nLes registres en chiffres\nRubrique | Juin 2024 | Juin 2025\nFoyers enregistrés (millions) | 3,1 | 3,4\nCentres ouverts | 1.200 | 1.350\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			body: "Les registres en chiffres\n\nRubrique | Juin 2024 | Juin 2025\n\nFoyers enregistrés (millions) | 3,1 | 3,4\n\nCentres ouverts | 1.200 | 1.350\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			// (With no headline above, the first heading titles the page.)
			title: "Les registres en chiffres",
		},
		{
			name:  "one headline under the menu",
			in:    "Accueil\nPolitique\nEconomie\nSport\nRetraite : la CNSS relève la pension minimale\nL'article commence ici, avec 4 millions de familles bénéficiaires du programme.",
			body:  "Retraite : la CNSS relève la pension minimale\n\nL'article commence ici, avec 4 millions de familles bénéficiaires du programme.",
			title: "Retraite : la CNSS relève la pension minimale",
		},
		{
			name:      "a menu with pipes is no headline",
			in:        "Le Journal\nNation | Economie | Monde | Sport\nLundi 3 mars 2025 - 10:15\nRSU : les inscriptions repartent à la hausse\nL'article commence ici, avec 4 millions de familles bénéficiaires du programme.",
			body:      "RSU : les inscriptions repartent à la hausse\n\nL'article commence ici, avec 4 millions de familles bénéficiaires du programme.",
			published: "2025-03-03", from: "byline",
			title: "RSU : les inscriptions repartent à la hausse",
		},
		{
			name: "menu and headline list",
			in: "Accueil\nPolitique\nEconomie\nSport\nLe Maroc exporte plus de 82 % de sa production\nLa France a délivré 400.000 titres\n" +
				"L'article commence ici, avec 4 millions de familles bénéficiaires du programme.\n" +
				"Sous-titre de section\n" +
				"La suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			body: "L'article commence ici, avec 4 millions de familles bénéficiaires du programme.\n\nSous-titre de section\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
		},
		{
			name: "the article's own lists stay",
			in:   "Les chiffres clés de la réforme sont les suivants :\n- 4 millions de familles\n- 11 millions de personnes\n- 22,5 millions d'inscrits\nBilan :\nAMO Tadamon 11 millions\nASD 4 millions\nRSU 5,3 millions\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body: "Les chiffres clés de la réforme sont les suivants :\n\n- 4 millions de familles\n\n- 11 millions de personnes\n\n- 22,5 millions d'inscrits\n\nBilan :\n\nAMO Tadamon 11 millions\n\nASD 4 millions\n\nRSU 5,3 millions\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
		},
		{
			name: "a slide's figures and labels are data, not a menu",
			in:   "L'article commence ici, avec le bilan présenté par l'agence ce mardi.\nChiffres clés\n3,1 M foyers aidés\n(mars 2025)\nBarème\nPar enfant : 250 DH\nUrbain ......... 38 %\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
			body: "L'article commence ici, avec le bilan présenté par l'agence ce mardi.\n\nChiffres clés\n\n3,1 M foyers aidés\n\n(mars 2025)\n\nBarème\n\nPar enfant : 250 DH\n\nUrbain ......... 38 %\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
		},
		{
			name: "a see-also list mid-article goes, the article goes on",
			in:   "Le premier paragraphe de l'article, avec 4 millions de familles.\nLire aussi\nAMO : 5.000 dossiers traités quotidiennement par la CNSS\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body: "Le premier paragraphe de l'article, avec 4 millions de familles.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
		},
		{
			name: "a see-also list's bulleted headlines go, a question among them",
			in:   "Le premier paragraphe de l'article, avec 4 millions de familles.\nLire aussi\n- AMO : 5.000 dossiers traités chaque jour par la CNSS\n› Retraites : la réforme pour 2027 ?\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body: "Le premier paragraphe de l'article, avec 4 millions de familles.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
		},
		{
			name: "a radio page's list of other podcasts goes like a see-also list",
			in:   "Le premier paragraphe de l'article, avec 4 millions de familles.\nÀ ÉCOUTER AUSSI\n- Retraites : 3,2 millions de pensionnés, et demain ?\n- Le Grand Entretien : l'AMO vue des régions\nLa suite de l'article reprend ici, avec d'autres chiffres.",
			body: "Le premier paragraphe de l'article, avec 4 millions de familles.\n\nLa suite de l'article reprend ici, avec d'autres chiffres.",
		},
		{
			name: "furniture, credits and tail",
			in: "L'article commence ici, avec 4 millions de familles bénéficiaires.\n© Mounir Mehimdate\nCrédit photo : MAP\n" +
				"La suite de l'article reprend ensuite, avec d'autres chiffres encore.\nCliquez\nici\npour lire l'article depuis sa source.\nLire aussi\nAMO : 5.000 dossiers traités par jour\nSignaler une annonce inappropriée",
			body: "L'article commence ici, avec 4 millions de familles bénéficiaires.\n\nLa suite de l'article reprend ensuite, avec d'autres chiffres encore.",
		},
		{
			name: "embedded tweet",
			in:   "Premier paragraphe de l'article, qui reste.\n\n#MapActu Le gouvernement attaché au chantier https://t.co/x pic.twitter.com/Ykbf2iTwKT — Agence MAP (@MAP_Information) September 16, 2025\n\nDernier paragraphe de l'article, qui reste aussi.",
			body: "Premier paragraphe de l'article, qui reste.\n\nDernier paragraphe de l'article, qui reste aussi.",
		},
		{
			name: "agency signature",
			in:   "Le Chef du gouvernement a présidé lundi une réunion du Comité stratégique.\n\nLNT avec CdP",
			body: "Le Chef du gouvernement a présidé lundi une réunion du Comité stratégique.",
			site: "LNT",
		},
		{
			name: "no date anywhere",
			in:   "Sous l'impulsion du Roi, le Maroc vit en 2024 une réforme sociale de grande ampleur.",
			body: "Sous l'impulsion du Roi, le Maroc vit en 2024 une réforme sociale de grande ampleur.",
		},
		{
			name: "CRLF and soft hyphen",
			in:   "Une premi\u00e8re phrase avec une r\u00e9ac\u00adtion.\r\n\r\nUne seconde phrase, termin\u00e9e.",
			body: "Une première phrase avec une réaction.\n\nUne seconde phrase, terminée.",
		},
		{
			name: "NFC",
			in:   "Se\u0301curite\u0301 sociale : 4,5 millions de personnes couvertes.",
			body: "Sécurité sociale : 4,5 millions de personnes couvertes.",
		},
		{name: "empty", in: "", body: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("x.txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Body != tc.body {
				t.Errorf("Body =\n%q\nwant\n%q", doc.Body, tc.body)
			}
			if doc.Published != tc.published || doc.PublishedFrom != tc.from {
				t.Errorf("Published = %q (%q), want %q (%q)", doc.Published, doc.PublishedFrom, tc.published, tc.from)
			}
			if doc.Title != tc.title {
				t.Errorf("Title = %q, want %q", doc.Title, tc.title)
			}
			if doc.Site != tc.site || doc.Author != tc.author {
				t.Errorf("Site, Author = %q, %q, want %q, %q", doc.Site, doc.Author, tc.site, tc.author)
			}
			if doc.File != "x.txt" {
				t.Errorf("File = %q", doc.File)
			}
		})
	}
}

func TestPublishedInBlock(t *testing.T) {
	in := strings.Join([]string{
		"A la Une", "Politique", "Economie", "Sport",
		"Akhannouch : Plus de 500.000 dossiers médicaux traités à fin janvier 2025",
		"Zaina Jnina", "Publié dans", "Hespress", "le 17 - 02 - 2025",
		"Avec un montant de 189 millions de dirhams, plus de 527.000 dossiers ont été traités, a dévoilé lundi le chef du gouvernement.",
	}, "\n")
	doc, err := Parse("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := Document{File: "x.txt", Title: "Akhannouch : Plus de 500.000 dossiers médicaux traités à fin janvier 2025", Site: "Hespress",
		Author: "Zaina Jnina", Published: "2025-02-17", PublishedFrom: "byline",
		Body: "Akhannouch : Plus de 500.000 dossiers médicaux traités à fin janvier 2025\n\nAvec un montant de 189 millions de dirhams, plus de 527.000 dossiers ont été traités, a dévoilé lundi le chef du gouvernement."}
	if *doc != want {
		t.Errorf("got  %+v\nwant %+v", *doc, want)
	}
	// The one-line form of the same block.
	doc, err = Parse("x.txt", []byte("Un titre d'article assez long\nPublié dans Hespress le 17 - 02 - 2025\nLe texte de l'article commence ici, avec des chiffres."))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2025-02-17" || doc.Site != "Hespress" || doc.Title != "Un titre d'article assez long" {
		t.Errorf("one-line block: %+v", *doc)
	}
}

func TestIsFurniture(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Lire aussi", true},
		{"Lire aussi : AMO, 5.000 dossiers par jour", true},
		{"À lire aussi", true},
		{"À écouter aussi", true},
		{"À revoir également", true},
		{"Cliquez ici pour lire l'article depuis sa source.", true},
		{"© Mounir Mehimdate", true},
		{"Crédits photos : MAP", true},
		{"Partager sur Facebook", true},
		{"Partager", true},
		{"Partager : Facebook 1,2k | X | WhatsApp | Telegram", true},
		{"Partager : 214 Tweeter LinkedIn WhatsApp", true},
		{"Partager : 4 millions de ménages touchés", false},
		{"Share this article", true},
		{"Czytaj też", true},
		{"Lea más: otro titular", true},
		{"MIRA: Madre se acerca", true},
		{"Permalien https://p.dw.com/p/RPYx", true},
		{"Image illustrative : Lego", true},
		{"Audios et vidéos sur le sujet", true},
		{"Signaler une annonce inappropriée", true},
		{"Les plus lucides des analystes estiment que la réforme avance.", false},
		{"Share of households covered rose to 40 % in 2024, the ministry said.", false},
		{"Printemps social : les syndicats appellent à la grève.", false},
		{"Lirea aussi", false},
		{"Le texte de l'article, qui cite « Lire aussi » au milieu.", false},
		{"OK", true},
		{"Okay, the ministry said.", false},
		{"- Retraite : la CNSS relève la pension minimale (Hespress FR - il y a 3 heures)", true},
		{"AMO TNS : les dossiers affluent (Le Desk - hier)", true},
		{"karim_rabat | Membre | Messages : 1.204", true},
		{"Le ministre a précisé que 4 millions de ménages sont concernés (chiffres d'hier).", false},
		{"Les messages : 3 millions de SMS ont été envoyés aux ménages.", false},
		{"Vues : 2 317", true},
		{"Lectures : 1.045 | Commentaires (2)", true},
		{"Visites : 12 millions de consultations en ligne ont été enregistrées par la CNSS.", false},
		{"• Rapport annuel des caisses 2023 (PDF) · 48 pages · 1 210 vues", true},
		{"2 418 vues · 6 pages · 0 évaluation", true},
		{"Le rapport de 48 pages · 3,9 millions de ménages aidés · 26 milliards versés", false},
	}
	for _, tc := range tests {
		if got := isFurniture(tc.in); got != tc.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDateOnly(t *testing.T) {
	for in, want := range map[string]bool{
		"Le 12/03/2024 à 10h15":      true,
		"mardi 26 novembre 2024":     true,
		"17 - 02 - 2025":             true,
		"1er décembre 2022 | 08:30":  true,
		"CAN 2025 : le 12 mars 2024": false,
		"Le Maroc en 2024":           false,
		"Rabat, le 12 mars 2024":     false,
		"jeu. 12 sept. 2024":         true,
		"Mardi 16 juillet 2024":      true,
		"Lun, 3 mars 2025 - 10:15":   true,
	} {
		if got := dateOnly.MatchString(in); got != want {
			t.Errorf("dateOnly(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFurnitureTypographicApostrophe(t *testing.T) {
	for _, in := range []string{"Merci d’avoir signalé!", "Cliquez ici pour lire l’article depuis sa source.", "Photo d’illustration : MAP", "D’autres articles sur le même sujet"} {
		if !isFurniture(in) && !endMarkers.MatchString(in) {
			t.Errorf("%q not recognised as furniture", in)
		}
	}
}

// TestTitleLike: a headline line against a menu, a byline's furniture and
// a paragraph.
func TestTitleLike(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"AMO Achamil : le régime cherche encore son public", true},
		{"Que change la réforme ?", true},
		{"RSU LA BARRE DES CINQ MILLIONS FRANCHIE", true},
		{"Actualité Politique Économie Société Monde Vidéos", false},
		{"Temps de lecture : 6 min | Télécharger le PDF (412 Ko)", false},
		{"Les chiffres sont les suivants :", false},
		{"Nation | Economie | Société | Monde", false},
	} {
		if got := titleLike(tc.in); got != tc.want {
			t.Errorf("titleLike(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestBelow0300IsNFC: every pair of characters below U+0300 (and each
// alone) is in NFC, as nfc's shortcut takes it to be.
func TestBelow0300IsNFC(t *testing.T) {
	buf := make([]byte, 0, 8)
	for a := rune(0); a < 0x300; a++ {
		for b := rune(-1); b < 0x300; b++ {
			buf = utf8.AppendRune(buf[:0], a)
			if b >= 0 {
				buf = utf8.AppendRune(buf, b)
			}
			s := string(buf)
			if !below0300(s) {
				t.Fatalf("below0300(%q) = false", s)
			}
			if !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q is below U+0300 and not in NFC", s)
			}
		}
	}
	for _, s := range []string{"e\u0301", "\u0300", "\xff", "\xcc", "Ω"} {
		if below0300(s) {
			t.Errorf("below0300(%q) = true", s)
		}
	}
}

// TestNextArticleCut checks that the articles an infinite scroll appended
// under the first are cut off at their marker, and that a menu's "Article
// suivant" above the article's prose cuts nothing.
func TestNextArticleCut(t *testing.T) {
	first := "Le centre de santé du quartier a rouvert ses portes lundi après six mois de travaux, avec deux médecins de plus."
	next := "La mairie annonce la réfection de trois routes communales avant l'hiver, pour un coût qu'elle ne précise pas."
	tests := []struct {
		name, in string
		wantNext bool
	}{
		{"scroll marker after the article", first + "\n\n▼ ARTICLE SUIVANT ▼\n\nTravaux : trois routes refaites\n\n" + next, false},
		{"loading line after the article", first + "\n\n[Chargement de l'article suivant…]\n\n" + next, false},
		{"ruled marker after the article", first + "\n\n──────  Article suivant  ──────\n\n" + next, false},
		{"a menu's link above the article", "Article suivant »\n\n" + first + "\n\n" + next, true},
		{"no marker", first + "\n\n" + next, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, _ := stripText(tc.in)
			body := strings.Join(blocks, "\n")
			if !strings.Contains(body, "deux médecins de plus") {
				t.Fatalf("the article's own text is lost: %q", body)
			}
			if got := strings.Contains(body, "trois routes communales"); got != tc.wantNext {
				t.Errorf("next article kept = %v, want %v; body %q", got, tc.wantNext, body)
			}
		})
	}
}

// TestTranscriptCues checks that a transcript's cue stamps leave the text
// and that the cues that go on with a sentence join it, while a live
// blog's hour and a cue that opens a new sentence stay apart.
func TestTranscriptCues(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   string
	}{
		{"cues cutting a figure", []string{"[00:00:12] Le centre reçoit 1,4", "[00:00:15] million de patients par an."},
			"Le centre reçoit 1,4 million de patients par an."},
		{"a stamp inside a block", []string{"Le centre reçoit 1,4 [00:00:12] million de patients."},
			"Le centre reçoit 1,4 million de patients."},
		{"a new sentence at a cue", []string{"[00:00:12] Le centre a rouvert.", "[00:00:15] Les patients reviennent."},
			"Le centre a rouvert.\n\nLes patients reviennent."},
		{"a capital after an open cue", []string{"[00:00:12] Le centre a rouvert", "[00:00:15] Marrakech suivra"},
			"Le centre a rouvert\n\nMarrakech suivra"},
		{"a live blog's hour", []string{"[10:30] Le centre a rouvert", "[10:45] des patients attendent"},
			"[10:30] Le centre a rouvert\n\n[10:45] des patients attendent"},
	}
	for _, tc := range tests {
		if got := joinBlocks(tc.blocks); got != tc.want {
			t.Errorf("%s: joinBlocks = %q, want %q", tc.name, got, tc.want)
		}
	}
}
