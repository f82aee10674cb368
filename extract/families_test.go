package extract

import (
	"strings"
	"testing"
)

// TestPhrasingFamilies checks the phrasing families of testdata/fresh2 and
// testdata/fresh3 on sentences of our own (none is taken from a test
// article).
func TestPhrasingFamilies(t *testing.T) {
	// The rules alone: the families are the rules' own (the model may weigh
	// a reading otherwise, and is measured on gold sets instead).
	r := mustDefault(t).WithModel(nil)
	type want struct {
		prog, metric, unit string
		value              float64
		qual, asOf         string
	}
	tests := []struct {
		name, text, title string
		want              []want
		not               []float64 // values that must not be facts
	}{
		{name: "a listicle's heading explained by the next sentence",
			text: "Les chiffres du mois.\n\n1. 3,9 millions\n\nC'est le nombre de ménages qui ont touché l'aide sociale directe en décembre 2024.\n\n2. 26 milliards de dirhams\n\nC'est l'enveloppe que l'État a consacrée à l'aide sociale directe en 2024.",
			want: []want{{"asd", "beneficiaries", "household", 3.9e6, "exact", "2024-12"}, {"asd", "amount_paid", "MAD", 26e9, "exact", "2024"}}},
		{name: "the self-employed's pensions, named by whom they are for",
			text: "La retraite des indépendants progresse lentement et compte 150.000 adhérents.\n\nLe régime de pensions ouvert depuis 2023 aux professionnels réunit 170.000 adhérents.",
			want: []want{{"pension-tns", "enrolled", "person", 150000, "exact", "2025-03"}, {"pension-tns", "enrolled", "person", 170000, "exact", "2025-03"}}},
		{name: "verb after a bare count",
			text: "Sur les 2,8 millions d'affiliés de l'AMO TNS, seuls 900.000 paient régulièrement, dont 40.000 relèvent des professions libérales.",
			want: []want{{"amo-tns", "enrolled", "person", 2800000, "exact", "2025-03"}, {"amo-tns", "enrolled", "person", 40000, "exact", "2025-03"}}},
		{name: "enumeration shares noun and cue",
			text: "Les provinces de Tanger, Tétouan et Larache totalisent respectivement 210.000, 95.000 et 61.000 foyers inscrits au RSU.",
			want: []want{{"rsu", "enrolled", "household", 210000, "exact", "2025-03"}, {"rsu", "enrolled", "household", 95000, "exact", "2025-03"}, {"rsu", "enrolled", "household", 61000, "exact", "2025-03"}}},
		{name: "verbless label clauses",
			text: "Parmi les adhérents de l'AMO Achamil, les retraités représentent 44 %, les rentiers 12 % et les étudiants 3 %.",
			want: []want{{"amo-achamil", "share", "percent", 12, "exact", "2025-03"}, {"amo-achamil", "share", "percent", 3, "exact", "2025-03"}}},
		{name: "list lines after a header",
			text: "Voici les crédits inscrits au budget 2026 :\nAMO Tadamon : 11 Mds DH\nAide sociale directe : 30 Mds DH\n- dont aide à la rentrée scolaire : 1,4 Md DH",
			want: []want{{"amo-tadamon", "budget", "MAD", 11e9, "exact", "2025-03"}, {"asd", "budget", "MAD", 30e9, "exact", "2025-03"}, {"aide-rentree", "budget", "MAD", 1.4e9, "exact", "2025-03"}}},
		{name: "list line whose label is the noun",
			text: "Le réseau de la CNSS en chiffres :\nAgences : 162\nPoints de proximité : 3.400",
			want: []want{{"amo", "points_of_service", "point", 162, "exact", "2025-03"}, {"amo", "points_of_service", "point", 3400, "exact", "2025-03"}}},
		{name: "pronoun carries the previous count",
			text: "L'aide sociale directe profite à 61.000 ménages dans la province d'Errachidia. Deux ans plus tôt, ils étaient 48.000.",
			want: []want{{"asd", "beneficiaries", "household", 48000, "exact", "2023-03"}}},
		{name: "relative date counts from the compared date",
			text: "Les prestations de l'AMO TNS ont atteint 3,6 milliards de dirhams en 2024, contre 1,9 milliard deux ans plus tôt.",
			want: []want{{"amo-tns", "amount_paid", "MAD", 1.9e9, "exact", "2022"}}},
		{name: "a relative date keeps the month of the compared date",
			text: "Au 31 janvier 2025, le RSU recensait 6 millions de ménages, contre 5,6 millions six mois plus tôt.",
			want: []want{{"rsu", "enrolled", "household", 5600000, "exact", "2024-07"}}},
		{name: "present time in a comparison",
			text: "Le taux de recouvrement de l'AMO TNS était de 22 % en 2023, contre 39 % actuellement.",
			want: []want{{"amo-tns", "share", "percent", 39, "exact", "2025-03"}}},
		{name: "a date that points back",
			text: "La CNSS a repris la gestion du régime en mars 2023. À cette date, la CNOPS comptait 1,2 million d'assurés.",
			want: []want{{"amo-fonctionnaires", "beneficiaries", "person", 1200000, "exact", "2023-03"}}},
		{name: "an aside does not change the topic",
			text: "L'AMO Achamil compte 350.000 adhérents. Pour rappel, l'AMO Tadamon couvre 11 millions de personnes. Le régime a remboursé 90.000 dossiers.",
			want: []want{{"amo-achamil", "files_processed", "file", 90000, "exact", "2025-03"}}},
		{name: "registration points are points of service",
			text: "Pour inscrire les familles au registre social unifié, l'agence a ouvert 640 points d'enregistrement dans les communes rurales.",
			want: []want{{"rsu", "points_of_service", "point", 640, "exact", "2025-03"}}},
		{name: "the public sector's regime by its former manager's name",
			text: "Repris par la CNSS, le régime de l'ex-CNOPS couvre encore 2,9 millions de personnes, retraités de l'État compris.",
			want: []want{{"amo-fonctionnaires", "beneficiaries", "person", 2.9e6, "exact", "2025-03"}}},
		{name: "a name in passing does not change the topic",
			text: "Le RSU compte 6,1 millions de ménages. Quelque 30.000 ménages s'y inscrivent chaque mois, un rythme stable depuis le lancement de l'aide sociale directe. Au total, 2 millions de demandes de mise à jour ont été déposées.",
			want: []want{{"rsu", "files_submitted", "file", 2000000, "exact", "2025-03"}}},
		{name: "a verb-first clause counts the sentence's subject, not the incise",
			text: "De son côté, l'AMO Achamil, qui complète l'AMO Tadamon et l'AMO TNS, totalise 510.000 affiliés.",
			want: []want{{"amo-achamil", "enrolled", "person", 510000, "exact", "2025-03"}}},
		{name: "an amount per beneficiary",
			text: "Les veufs bénéficiaires de l'ASD touchent un montant fixe de 450 DH.",
			want: []want{{"asd", "allowance", "MAD", 450, "exact", "2025-03"}}},
		{name: "a new level after a change verb",
			text: "L'allocation par enfant de l'ASD, de 200 DH aujourd'hui, passera à 300 DH en janvier prochain.",
			want: []want{{"asd", "allowance", "MAD", 300, "exact", "2026-01"}}},
		{name: "bracketed comparison",
			text: "Les versements de l'ASD ont totalisé 2,4 milliards de dirhams en mai, en légère hausse par rapport à avril (2,38 milliards).",
			want: []want{{"asd", "amount_paid", "MAD", 2.38e9, "exact", "2025-04"}}},
		{name: "what people pay, phone numbers, population, deficits are no facts",
			text: "Les assurés de l'AMO TNS doivent payer 300 dirhams par mois. Le centre d'appel de la CNSS est joignable au 080 200 72 72. La région compte 4,5 millions d'habitants. Le déficit des régimes de retraite atteindrait 90 milliards de dirhams.",
			not:  []float64{300, 4500000, 90e9}},
		{name: "tax rates and other departments' budgets are no facts",
			text: "Le budget de l'aide sociale directe progresse encore. Le taux de l'impôt sur les sociétés passe à 22 % et la TVA sur l'eau descend à 5 %. L'Enseignement supérieur disposera de 14 milliards de dirhams et la Justice de 7 milliards.",
			not:  []float64{22, 5, 14e9, 7e9}},
		{name: "a short code to text or call is no count",
			text: "Pour vérifier leur droit à l'aide sociale directe, les ménages envoient un SMS au 2626. Numéro vert de l'agence : 3737.",
			not:  []float64{2626, 3737}},
		{name: "pension funds name the pension reform",
			text: "La CMR et le RCAR servent respectivement 400.000 et 200.000 pensions.",
			want: []want{{"retraite", "beneficiaries", "person", 400000, "exact", "2025-03"}, {"retraite", "beneficiaries", "person", 200000, "exact", "2025-03"}}},
		{name: "the title's programme after another paragraph",
			title: "AMO Tadamon : le bilan de l'année",
			text:  "L'AMO Tadamon couvre 11,2 millions de personnes.\nLe budget de l'aide sociale directe, lui, reste stable.\nLes hôpitaux publics ont facturé 2 millions d'actes.",
			want:  []want{{"amo-tadamon", "services_billed", "service", 2000000, "exact", "2025-03"}}},
		// The families of testdata/fresh3, on sentences of our own.
		{name: "a predecessor named after 'autrefois'",
			text: "L'AMO Tadamon couvre 3,7 millions de foyers, soit près de 10 millions d'individus jadis couverts par le RAMED.",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 10000000, "about", "2025-03"}}},
		{name: "a name that is the noun of a count describes people",
			text: "Selon la CNSS, les allocations familiales profitent à 900.000 salariés du secteur privé.",
			want: []want{{"allocations-familiales", "beneficiaries", "person", 900000, "exact", "2025-03"}}},
		{name: "the chantier is the reform",
			text: "Le coût annuel du chantier devrait dépasser 60 milliards de dirhams en 2027.",
			want: []want{{"protection-sociale", "budget", "MAD", 60e9, "more_than", "2027"}}},
		{name: "the ANSS's running costs, not another agency's",
			text: "L'Agence nationale de soutien social, qui paie les aides aux familles, recevra un budget de fonctionnement de 210 MDH. Le conseil de la CNSS a voté un budget de fonctionnement de 3,2 milliards de dirhams.",
			want: []want{{"anss", "budget", "MAD", 210e6, "exact", "2025-03"}},
			not:  []float64{3.2e9}},
		{name: "a finance bill's verb some words away",
			text: "Le projet de loi de finances prévoit en outre pour l'année prochaine une dotation de 1,3 milliard de dirhams pour l'aide à la scolarisation.",
			want: []want{{"aide-rentree", "budget", "MAD", 1.3e9, "exact", "2026"}}},
		{name: "an aid paid to pupils",
			text: "Cette année, l'aide exceptionnelle a été versée à 2,9 millions d'écoliers.",
			want: []want{{"aide-rentree", "beneficiaries", "student", 2900000, "exact", "2025"}}},
		{name: "the cost of 'the programme' continues the topic",
			title: "RSU : 5 millions de ménages inscrits",
			text:  "Le RSU compte 5 millions de ménages.\nL'aide sociale directe est versée depuis décembre 2023 à 3,9 millions de foyers.\nLe coût mensuel du programme est de 2,2 milliards de dirhams.",
			want:  []want{{"asd", "amount_paid", "MAD", 2.2e9, "exact", "2025-03"}}},
		{name: "negated comparisons and distant hedges",
			text: "L'allocation de l'ASD ne saurait être inférieure à 350 dirhams par mois. Le taux de recouvrement plafonne désormais à 61 %. Le montant de la pension s'établit en moyenne à 1.900 DH. L'IPE n'atteint même pas 8 % des licenciés.",
			want: []want{{"asd", "allowance", "MAD", 350, "at_least", "2025-03"}, {"asd", "share", "percent", 61, "up_to", "2025-03"}, {"ipe", "share", "percent", 8, "less_than", "2025-03"}}},
		{name: "contributions are no facts, even far from their verb",
			text: "Pour l'AMO TNS, la cotisation de chaque profession, fixée par décret selon un revenu forfaitaire, débute à 120 DH et peut dépasser 900 DH. Le prélèvement reste fixé à 5 % du salaire.",
			not:  []float64{120, 900, 5}},
		{name: "a demonstrative stands for the last noun before",
			text: "L'AMO Achamil compte 400.000 adhérents, dont le vieillissement pèse sur les dépenses. Celles-ci ont atteint 350 millions de DH en 2024.",
			want: []want{{"amo-achamil", "amount_paid", "MAD", 350e6, "exact", "2024"}}},
		{name: "a list line whose label holds a number",
			text: "Les montants de l'ASD :\nMénage sans enfant : 500 DH ;\nPar enfant au-delà du troisième, dans la limite de six enfants : 100 DH ;",
			want: []want{{"asd", "allowance", "MAD", 100, "exact", "2025-03"}}},
		{name: "the agency keeps the article's regime",
			title: "AMO TNS : les chiffres de l'année",
			text:  "L'AMO TNS compte 2 millions d'assurés.\nLa Caisse a remboursé 1,4 million de dossiers.",
			want:  []want{{"amo-tns", "files_processed", "file", 1400000, "exact", "2025-03"}}},
		{name: "dates: apposition, comparison, present, respectively",
			text: "Trois ans après sa création, en mars 2021, le RSU recense 6 millions de ménages. Les dépenses de l'IPE ont bondi à 500 MDH en 2024, contre 300 MDH en 2022, pour 70.000 bénéficiaires. L'effectif devrait passer de 3 millions aujourd'hui à 5 millions en 2030. Les crédits de l'ASD devraient atteindre respectivement 27 milliards et 28 milliards de dirhams en 2026 et 2027.",
			want: []want{{"rsu", "enrolled", "household", 6000000, "exact", "2025-03"}, {"ipe", "beneficiaries", "person", 70000, "exact", "2024"},
				{"asd", "budget", "MAD", 27e9, "exact", "2026"}, {"asd", "budget", "MAD", 28e9, "exact", "2027"}}},
		{name: "a target carries the previous share",
			text: "Le taux de couverture de l'AMO est de 87 %. L'objectif est d'atteindre 96 % en 2028.",
			want: []want{{"amo", "share", "percent", 96, "exact", "2028"}}},
		{name: "a table scraped one cell a line",
			text: "Répartition par régime :\nRégime\nAffiliés\nBénéficiaires\nAMO TNS\n2 millions\n4,3 millions\nAMO Achamil\n300.000\n520.000\nSource : CNSS",
			want: []want{{"amo-tns", "enrolled", "person", 2e6, "exact", "2025-03"}, {"amo-tns", "beneficiaries", "person", 4.3e6, "exact", "2025-03"},
				{"amo-achamil", "enrolled", "person", 300000, "exact", "2025-03"}, {"amo-achamil", "beneficiaries", "person", 520000, "exact", "2025-03"}}},
		{name: "labour force, hospital works, recruitment are no facts",
			text: "Le régime de retraite couvre 4 millions de personnes, sur une population active occupée de 11 millions. Le plan de mise à niveau des hôpitaux de la région, doté de 1,8 milliard de DH, accompagne l'AMO. Le ministère annonce le recrutement de 4.000 professionnels de santé pour l'AMO.",
			not:  []float64{11e6, 1.8e9, 4000}},
		// testdata/fresh4 families.
		{name: "an interview's question gives the answer its topic",
			title: "Aide sociale directe : le directeur de l'agence répond",
			text:  "Combien de ménages touchent l'aide ?\nNous versons l'aide à 4 millions de ménages chaque mois.\nEt l'allocation de la rentrée scolaire, sera-t-elle maintenue ?\nJe peux vous dire qu'en septembre dernier, 3,1 millions d'élèves en ont profité.",
			want:  []want{{"aide-rentree", "beneficiaries", "student", 3100000, "exact", "2024-09"}}},
		{name: "the State's own health spending is no fact",
			text: "La généralisation de l'assurance maladie pèse sur les hôpitaux publics.\nLe budget du ministère de l'Éducation atteindra 80 milliards de dirhams. L'hôpital régional de Fès tourne à 91 % de sa capacité. Les sages-femmes ont obtenu une revalorisation salariale de 900 dirhams par mois. La loi de finances crée 4.000 postes budgétaires, contre 3.200 l'an dernier.",
			not:  []float64{80e9, 91, 900, 3200}},
		{name: "bulleted items continue the header's topic",
			title: "Assurance maladie : le bilan annuel de la CNSS",
			text:  "La CNSS couvre désormais 24 millions de personnes.\n\nPour ce qui est de l'AMO Achamil, l'organisme indique avoir :\n\n- enregistré 95.000 dossiers de remboursement ;\n\n- réglé 80.000 de ces dossiers.",
			want:  []want{{"amo-achamil", "files_submitted", "file", 95000, "exact", "2025-03"}, {"amo-achamil", "files_processed", "file", 80000, "exact", "2025-03"}}},
		{name: "what each one receives is an allowance",
			text: "Au titre de l'aide sociale directe, les veuves perçoivent 350 dirhams et aucun orphelin ne touche moins de 250 dirhams.",
			want: []want{{"asd", "allowance", "MAD", 350, "exact", "2025-03"}, {"asd", "allowance", "MAD", 250, "at_least", "2025-03"}}},
		{name: "a pronoun points at the last name, and passes its topic on",
			title: "L'aide sociale directe profite à 4 millions de ménages",
			text:  "L'aide sociale directe est versée chaque mois.\n\nCette aide ne remplace pas un autre dispositif : l'indemnité pour perte d'emploi. Celle-ci a été servie à 70.000 personnes. Son montant moyen atteint 2.400 dirhams par mois.",
			want:  []want{{"ipe", "beneficiaries", "person", 70000, "exact", "2025-03"}, {"ipe", "allowance", "MAD", 2400, "exact", "2025-03"}}},
		{name: "the middle of an enumeration",
			text: "Au titre de l'ASD, les enfants de moins de 6 ans, de 6 à 12 ans et de plus de 12 ans ouvrent droit respectivement à 150, 200 et 250 dirhams par mois.",
			want: []want{{"asd", "allowance", "MAD", 200, "exact", "2025-03"}}},
		{name: "a regime that gives way is the predecessor",
			text: "Au 1er décembre, le RAMED a laissé la place à l'AMO Tadamon. Quelque 10 millions de personnes ont changé de couverture le jour même.",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 10000000, "about", "2025-03"}}},
		{name: "a name that only says who the people are is no topic",
			title: "Rentrée : une aide versée sans démarche",
			text:  "Les ménages inscrits au RSU ont reçu cette semaine l'aide à la scolarisation. Selon le ministère, cette aide a profité à 2,9 millions d'élèves.",
			want:  []want{{"aide-rentree", "beneficiaries", "student", 2900000, "exact", "2025-03"}}},
		{name: "a finance bill's envelope further on in its list",
			text: "Pour 2027, la loi de finances prévoit une croissance de 4 %, une inflation de 2 % et une enveloppe de 28 milliards de dirhams pour l'aide sociale directe.",
			want: []want{{"asd", "budget", "MAD", 28e9, "exact", "2027"}}},
		{name: "spending that 'se sont élevées' a few words on",
			text: "Les dépenses de santé des ménages ont reculé. Les versements de la CNSS au titre de l'AMO TNS se sont élevés, sur l'année, à 3,1 milliards de dirhams.",
			want: []want{{"amo-tns", "amount_paid", "MAD", 3.1e9, "exact", "2025-03"}}},
		{name: "il devrait atteindre: the rate of the sentence before",
			text: "Le taux d'activité des femmes n'est pas concerné. Le taux de couverture de l'AMO atteint aujourd'hui 88 %. Il devrait atteindre 95 % d'ici 2028.",
			want: []want{{"amo", "share", "percent", 95, "exact", "2028"}}},
		{name: "an agency that 'dispose de' points of service, in an article on an aid it does not run",
			title: "Aide sociale directe : 60.000 ménages servis dans la province",
			text:  "L'aide sociale directe profite à 60.000 ménages dans la province.\n\nLa Caisse dispose de 7 agences dans la province.",
			want:  []want{{"amo", "points_of_service", "point", 7, "exact", "2025-03"}}},
		{name: "the workers a regime could reach, out-of-pocket costs and investment spending are no facts",
			text: "Le régime de retraite des indépendants compte 300.000 affiliés, sur un potentiel de 2,5 millions de travailleurs. Le reste à charge atteint 45 % des dépenses de santé. Les dépenses d'investissement de l'Etat ont atteint 9 milliards de dirhams.",
			not:  []float64{2.5e6, 45, 9e9}},
		{name: "each count with the name that completes it",
			text: "Le bilan fait état de 3,1 millions de foyers pour le RSU, et de 14,2 millions de citoyens au RNP.",
			want: []want{{"rsu", "enrolled", "household", 3.1e6, "exact", "2025-03"}, {"rnp", "enrolled", "person", 14.2e6, "exact", "2025-03"}}},
		{name: "a count of a programme's people: 'N millions de l'AMO Tadamon'",
			text: "La couverture médicale compte 25 millions de bénéficiaires, dont 10,4 millions de l'AMO Tadamon.",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 10.4e6, "exact", "2025-03"}}},
		{name: "'ils étaient au nombre de N' counts what the count before counted",
			text: "Les bénéficiaires de l'IPE ont atteint 31.000 personnes en 2024, alors qu'ils étaient au nombre de 27.500 en 2023.",
			want: []want{{"ipe", "beneficiaries", "person", 31000, "exact", "2024"}, {"ipe", "beneficiaries", "person", 27500, "exact", "2023"}}},
		{name: "a date between a change's ends is the first end's",
			text: "Le montant moyen de l'IPE est passé de 2.100 dirhams en 2020 à 2.650 dirhams au premier semestre 2024.",
			want: []want{{"ipe", "allowance", "MAD", 2100, "exact", "2020"}, {"ipe", "allowance", "MAD", 2650, "exact", "2024-06"}}},
		{name: "a date after 'contre N' is N's",
			text: "À fin 2024, l'IPE compte 71.200 allocataires contre 65.300 en 2023.",
			want: []want{{"ipe", "beneficiaries", "person", 71200, "exact", "2024-12"}, {"ipe", "beneficiaries", "person", 65300, "exact", "2023"}}},
		{name: "a change 'n'a progressé que de A à B'",
			text: "Le taux de recouvrement de l'AMO TNS n'a progressé que de 18 % en 2022 à 27 % en 2024.",
			want: []want{{"amo-tns", "share", "percent", 27, "exact", "2024"}}},
		{name: "a share 'd'entre eux'",
			text: "L'AMO Achamil compte 500.000 adhérents, mais 30 % d'entre eux seulement ont consulté un médecin.",
			want: []want{{"amo-achamil", "share", "percent", 30, "exact", "2025-03"}}},
		{name: "'en compte N' counts what the count before counted",
			text: "Les provinces d'Azilal (41.000 ménages) et de Midelt (23.000) réunissent le tiers des bénéficiaires de l'aide sociale directe, tandis que Khénifra en compte 19.000.",
			want: []want{{"asd", "beneficiaries", "household", 19000, "exact", "2025-03"}}},
		{name: "'en compte N' in the sentence after the count",
			text: "L'aide sociale directe touche 380.000 ménages dans la région de l'Oriental. À l'opposé, la province de Figuig n'en compte que 9.400.",
			want: []want{{"asd", "beneficiaries", "household", 9400, "exact", "2025-03"}}},
		{name: "'Parmi eux, N' counts a part of the count before",
			text: "L'aide sociale directe compte 3,9 millions de ménages bénéficiaires. Parmi eux, 2,2 millions ont des enfants à charge.",
			want: []want{{"asd", "beneficiaries", "household", 2.2e6, "exact", "2025-03"}}},
		{name: "'on en compte N' after a noun of its own sentence",
			text: "L'aide sociale directe compte 3,9 millions de ménages bénéficiaires. Quant aux personnes âgées sans enfant, on en compte 1,1 million.",
			want: []want{{"asd", "beneficiaries", "elderly", 1.1e6, "exact", "2025-03"}}},
		{name: "a ratio in words is no count",
			text: "Au titre de l'ASD, l'agence a examiné 200.000 recours, et environ un sur quatre a été accepté.",
			not:  []float64{0.25}},
		{name: "a start date in apposition after 'le'",
			text: "Les inscriptions au RSU reçues depuis l'ouverture du portail, le 10 janvier, dépassent 900.000 dossiers.",
			want: []want{{"rsu", "files_submitted", "file", 900000, "more_than", "2025-03"}}},
		{name: "a weak name opening a sentence is its paragraph's topic",
			text: "L'aide sociale directe touche 4 millions de ménages.\n\nLes pensions, ensuite. Le régime des professions libérales ne compte que 60.000 affiliés.",
			want: []want{{"retraite", "enrolled", "person", 60000, "exact", "2025-03"}}},
		{name: "the overall cost of 'la réforme' with no complement",
			title: "AMO Tadamon : un an après",
			text:  "L'AMO Tadamon couvre 11 millions de personnes.\n\nSelon le ministre, le coût total de la réforme atteindra 60 milliards de dirhams par an en 2027.",
			want:  []want{{"protection-sociale", "budget", "MAD", 60e9, "exact", "2027"}}},
		{name: "'N l'ont fait' after an enrolment verb",
			text: "Les commerçants peuvent adhérer à l'AMO TNS depuis un guichet unique, mais près de 90.000 seulement l'auraient fait cette année.",
			want: []want{{"amo-tns", "enrolled", "person", 90000, "about", "2025"}}},
		// testdata/fresh5: a programme's name that starts a longer name of
		// something else is no mention of it.
		{name: "a name followed by another domain is no mention",
			title: "Habitat : les aides directes au logement séduisent les jeunes couples",
			text:  "Les aides directes au logement ont permis à 27.000 familles de devenir propriétaires en 2024. Au total, 3,1 milliards de dirhams ont été décaissés. Les moins de 35 ans représentent 58 % des acquéreurs.",
			not:   []float64{27000, 3.1e9, 58}},
		{name: "the domain word is no mention when the aid itself is named",
			text: "L'aide sociale directe aux familles a coûté 2,4 milliards de dirhams en janvier 2025.",
			want: []want{{"asd", "amount_paid", "MAD", 2.4e9, "exact", "2025-01"}}},
		// testdata/fresh5: several years compared in one sentence.
		{name: "a chain of bare billions after an amount stays money",
			text: "Les dépenses annuelles de l'AMO TNS sont passées de 2,2 milliards de dirhams en 2022 à 3 milliards en 2023, puis à 3,8 milliards en 2024, alors que le nombre d'assurés stagnait.",
			want: []want{{"amo-tns", "amount_paid", "MAD", 2.2e9, "exact", "2022"}, {"amo-tns", "amount_paid", "MAD", 3e9, "exact", "2023"}, {"amo-tns", "amount_paid", "MAD", 3.8e9, "exact", "2024"}}},
		{name: "a name in a relative clause is not the subject",
			text: "L'AMO Achamil, qui s'adresse aux personnes hors du RSU, a progressé lentement : 190.000 adhérents en 2023, 240.000 en 2024 et 300.000 en 2025.",
			want: []want{{"amo-achamil", "enrolled", "person", 190000, "exact", "2023"}, {"amo-achamil", "enrolled", "person", 240000, "exact", "2024"}, {"amo-achamil", "enrolled", "person", 300000, "exact", "2025"}}},
		// testdata/fresh5: a table flattened to pipe lines, with the money
		// column's scale in its header.
		{name: "pipe table rows take their column's header",
			text: "En février 2025, l'aide sociale directe a été versée dans les provinces du Sud comme suit :\n\nProvince | Familles | Versements (MDH)\n\nGuelmim | 21.400 | 12,6\n\nTan-Tan | 9.800 | 5,9\n\nSource : ANSS",
			// (The table holds when its caption says: February.)
			want: []want{{"asd", "beneficiaries", "household", 21400, "exact", "2025-02"}, {"asd", "amount_paid", "MAD", 12.6e6, "exact", "2025-02"},
				{"asd", "beneficiaries", "household", 9800, "exact", "2025-02"}, {"asd", "amount_paid", "MAD", 5.9e6, "exact", "2025-02"}}},
		// testdata/fresh5: the rest.
		{name: "'n'excède pas' is up_to",
			text: "Le nombre d'adhérents de l'AMO Achamil n'excède pas 150.000 à fin mars 2025.",
			want: []want{{"amo-achamil", "enrolled", "person", 150000, "up_to", "2025-03"}}},
		{name: "a floor said as a negated fall is at_least",
			text: "Quelle que soit la taille du foyer, l'aide sociale directe ne peut descendre sous la barre des 500 dirhams par mois.",
			want: []want{{"asd", "allowance", "MAD", 500, "at_least", "2025-03"}}},
		{name: "a ceiling said as a negated excess is up_to",
			text: "Le montant mensuel de l'indemnité pour perte d'emploi ne pourra excéder 3.000 dirhams.",
			want: []want{{"ipe", "allowance", "MAD", 3000, "up_to", "2025-03"}}},
		{name: "a negated excess with pas is up_to too",
			text: "Selon le décret, l'allocation versée par l'IPE ne doit pas dépasser 2.800 dirhams par mois.",
			want: []want{{"ipe", "allowance", "MAD", 2800, "up_to", "2025-03"}}},
		{name: "poverty rates are no share",
			text: "Le taux de pauvreté, qui a longtemps dépassé 10 %, est tombé à 6 % depuis le lancement de l'ASD.",
			not:  []float64{10, 6}},
		{name: "'prévue pour YEAR' is no cost of a count",
			text: "La dotation de l'AMO Tadamon prévue pour 2026 dépasse 10 milliards de dirhams.",
			want: []want{{"amo-tadamon", "budget", "MAD", 10e9, "more_than", "2026"}}},
		{name: "a change with its date between commas",
			text: "L'allocation pour chaque orphelin de l'ASD est passée, en mars 2025, de 300 à 350 dirhams.",
			want: []want{{"asd", "allowance", "MAD", 350, "exact", "2025-03"}}},
		{name: "a birth premium is an allowance",
			text: "Au titre de l'ASD, une prime à la naissance de 1.500 dirhams est accordée aux familles.",
			want: []want{{"asd", "allowance", "MAD", 1500, "exact", "2025-03"}}},
		{name: "'ceux de X N' reads like the figure before",
			text: "Les adhérents de l'AMO TNS ont déposé 900.000 dossiers, ceux de l'AMO Achamil 40.000.",
			want: []want{{"amo-achamil", "files_submitted", "file", 40000, "exact", "2025-03"}}},
		{name: "pensions paid by kind are the pension schemes'",
			text: "À fin 2024, la Caisse versait des pensions à 120.000 retraités, dont 30.000 titulaires d'une pension de réversion.",
			want: []want{{"retraite", "beneficiaries", "person", 120000, "exact", "2024-12"}, {"retraite", "beneficiaries", "person", 30000, "exact", "2024-12"}}},
		{name: "a part counts what its total counts",
			text: "À fin mai 2025, les assurés de l'AMO TNS avaient déposé 700.000 dossiers, dont 640.000 ont été liquidés.",
			want: []want{{"amo-tns", "files_processed", "file", 640000, "exact", "2025-05"}}},
		{name: "footnote calls and bracketed contributions are no figures",
			text: "L'AMO Achamil compte 52.000 adhérents(1), qui versent des cotisations (de 150 à 700 dirhams par mois) jugées élevées(2).",
			want: []want{{"amo-achamil", "enrolled", "person", 52000, "exact", "2025-03"}},
			not:  []float64{1, 2, 150}},
		{name: "a name after a figure is its own, not the one before's",
			text: "Pour 2026, la loi de finances réserve 12 milliards de dirhams à l'AMO Tadamon et 3 milliards à l'indemnité pour perte d'emploi.",
			want: []want{{"amo-tadamon", "budget", "MAD", 12e9, "exact", "2026"}, {"ipe", "budget", "MAD", 3e9, "exact", "2026"}}},
		{name: "'Ce régime' is the regime named last",
			text: "Le ministre a évoqué l'aide sociale directe puis l'AMO Tadamon. Ce régime couvre 11 millions de personnes.",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 11e6, "exact", "2025-03"}}},
		{name: "'Parmi les X, N %' is a share of X",
			text: "Selon l'ANR, le RSU compte 5 millions de ménages. Parmi les ménages enregistrés, 44 % vivent en zone rurale.",
			want: []want{{"rsu", "share", "percent", 44, "exact", "2025-03"}}},
		{name: "a hedge before a pronoun set off by commas",
			text: "Au titre de l'ASD, l'aide mensuelle minimale, quant à elle, est fixée à 400 dirhams par ménage.",
			want: []want{{"asd", "allowance", "MAD", 400, "at_least", "2025-03"}}},
		{name: "a floor named in the subject, clauses before the figure",
			text: "Au titre de l'aide sociale directe, le montant plancher versé aux familles sans enfant, inchangé depuis 2024, reste de 500 dirhams par mois.",
			want: []want{{"asd", "allowance", "MAD", 500, "at_least", "2025-03"}}},
		{name: "a footnote is about the sentence that calls it",
			title: "AMO Achamil : des débuts laborieux",
			text:  "L'AMO Achamil compte 52.000 adhérents.\n\nDe son côté, l'IPE a coûté 410 millions de dirhams en 2024(1).\n\n(1) Contre 350 millions de dirhams de dépenses en 2023.",
			want:  []want{{"ipe", "amount_paid", "MAD", 350e6, "exact", "2023"}}},
		{name: "'immatriculés' count people",
			text: "L'AMO des travailleurs non salariés compte 1,7 million d'immatriculés.",
			want: []want{{"amo-tns", "enrolled", "person", 1.7e6, "exact", "2025-03"}}},
		{name: "a month's payment of the aid is no bracket",
			text: "Pour l'aide sociale directe, la tranche d'avril a été servie à 3,9 millions de ménages.",
			want: []want{{"asd", "beneficiaries", "household", 3.9e6, "exact", "2025-04"}}},
		{name: "an income bracket is a threshold",
			text: "Au titre de l'AMO Achamil, la tranche de revenu allant de 3.000 à 6.000 dirhams paie la cotisation minimale.",
			not:  []float64{3000, 6000}},
		{name: "a proportion in words is no count",
			text: "L'AMO couvre 27 millions de personnes, soit sept habitants sur dix.",
			want: []want{{"amo", "beneficiaries", "person", 27e6, "exact", "2025-03"}},
			not:  []float64{7, 10}},
		{name: "a reader's own case is no fact",
			text: "Au titre de l'aide sociale directe, je perçois 700 dirhams par mois pour mes deux enfants.",
			not:  []float64{700}},
		{name: "the public sector's regime named as the basic compulsory insurance ('de base')",
			text: "L'assurance maladie obligatoire de base du secteur public couvre 3,1 millions de personnes.",
			want: []want{{"amo-fonctionnaires", "beneficiaries", "person", 3.1e6, "exact", "2025-03"}}},
		{name: "those liable to the self-employed's regime, and those who pay into it, are its enrolled",
			text: "L'AMO des travailleurs non salariés compte 2,3 millions d'assujettis. Les artisans sont 410 000 à cotiser à l'AMO des travailleurs non salariés.",
			want: []want{{"amo-tns", "enrolled", "person", 2.3e6, "exact", "2025-03"}, {"amo-tns", "enrolled", "person", 410000, "exact", "2025-03"}}},
		{name: "those who pay into no scheme are no count of a scheme",
			text: "« Plus de 2,8 millions de salariés ne cotisent encore à aucun régime de retraite », estime un économiste.",
			not:  []float64{2.8e6}},
		{name: "a comparator's rated offers are private products, not the programme",
			text: "L'indemnité pour perte d'emploi versée par la CNSS ne suffit pas toujours : voici les offres privées qui la complètent.\n\nOffre | Prime mensuelle | Indemnité | Note\n\nProtect Emploi Meilleure offre | 45 DH | 2 800 DH/mois | 4,4/5 (210 avis)\n\nFilet Plus | 58 DH | 3 600 DH/mois | 4,1/5 (95 avis)",
			not:  []float64{45, 2800, 58, 3600}},
		{name: "a directory's extensions and counters are no counts",
			text: "Réclamations aide sociale directe : M. Karim Alaoui, poste 241. Accueil du public aux guichets 1 à 3 de l'aide sociale directe.",
			not:  []float64{241, 1, 3}},
		{name: "a litigant's own amounts are no fact, the fund's figures in the same judgment are",
			text: "Attendu que la Caisse indique que l'indemnité pour perte d'emploi a été versée à 41 000 bénéficiaires en 2024 ; Par ces motifs, condamne la Caisse à verser au requérant l'indemnité pour perte d'emploi à raison de 2 380 dirhams par mois pendant six mois.",
			want: []want{{"ipe", "beneficiaries", "person", 41000, "exact", "2024"}},
			not:  []float64{2380}},
		{name: "a claim that the fund pay the claimant is no fact",
			text: "Il sollicite la condamnation de la Caisse à lui verser l'indemnité pour perte d'emploi, soit 14 280 dirhams.",
			not:  []float64{14280}},
		{name: "what a speaker reports in the first person is",
			text: "Je rappelle que l'aide sociale directe est versée à 4 millions de ménages.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "exact", "2025-03"}}},
		{name: "a town's name is no first person",
			text: "La CNSS a ouvert une agence à Jerada, portant à 14 le nombre de ses agences dans la région au titre de l'AMO.",
			want: []want{{"amo", "points_of_service", "point", 14, "exact", "2025-03"}}},
		{name: "a figure taken back is no fact, the one said instead is",
			text: "Le directeur : l'AMO TNS compte 2,1 millions d'adhérents… non, pardon, 1,9 million d'adhérents.",
			want: []want{{"amo-tns", "enrolled", "person", 1.9e6, "exact", "2025-03"}},
			not:  []float64{2.1e6}},
		{name: "a figure a correction withdraws is no fact, the exact one is",
			text: "Rectificatif : une version précédente de cet article indiquait que l'IPE avait été versée à 52.000 personnes ; le chiffre exact est de 25.000 bénéficiaires de l'IPE.",
			want: []want{{"ipe", "beneficiaries", "person", 25000, "exact", "2025-03"}},
			not:  []float64{52000}},
		{name: "a figure given instead of another is the fact",
			text: "L'AMO Achamil compte 210.000 adhérents, et non 120.000 comme nous l'avions écrit.",
			want: []want{{"amo-achamil", "enrolled", "person", 210000, "exact", "2025-03"}},
			not:  []float64{120000}},
		{name: "a statistic's confidence is no share",
			text: "Dans l'enquête, 62 % des ménages éligibles reçoivent l'aide sociale directe (intervalle de confiance à 95 % : 59 % – 65 %).",
			want: []want{{"asd", "share", "percent", 62, "exact", "2025-03"}},
			not:  []float64{95, 59, 65}},
		{name: "a regime's ratio of contributors to pensioners is no count",
			text: "La Caisse marocaine des retraites compte 1,1 million de cotisants, soit à peine 2,4 actifs pour un retraité.",
			not:  []float64{2.4}},
		{name: "another country's insurance is not ours",
			text: "L'AMO Tadamon couvre 11 millions de personnes. Au Ghana, l'assurance nationale couvre 17 millions de personnes.",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 11e6, "exact", "2025-03"}},
			not:  []float64{17e6}},
		{name: "a conversion into euros is no fact, the dirhams are",
			text: "L'aide sociale directe verse au minimum 500 dirhams par mois (environ 46 euros) à chaque ménage; un euro vaut près de 11 dirhams.",
			want: []want{{"asd", "allowance", "MAD", 500, "at_least", "2025-03"}},
			not:  []float64{46, 11}},
		{name: "an amount given only in euros is",
			text: "Au total, l'aide sociale directe a coûté 2,4 milliards d'euros en 2024.",
			want: []want{{"asd", "amount_paid", "EUR", 2.4e9, "exact", "2024"}}},
		{name: "a survey's sample is no count, its shares are",
			text: "Notre enquête auprès de 1 450 ménages bénéficiaires de l'aide sociale directe montre que 64 % d'entre eux ont des enfants; 980 ménages ont répondu en ligne.",
			want: []want{{"asd", "share", "percent", 64, "exact", "2025-03"}},
			not:  []float64{1450, 980}},
		{name: "a sample's size is no count, its average is",
			text: "L'échantillon de l'étude compte 2 300 ménages bénéficiaires de l'aide sociale directe; le montant moyen perçu par les ménages de l'échantillon est de 640 dirhams par mois.",
			want: []want{{"asd", "allowance", "MAD", 640, "exact", "2025-03"}},
			not:  []float64{2300}},
		{name: "what a survey finds is",
			text: "L'enquête du ministère révèle que 4 millions de ménages bénéficient de l'aide sociale directe.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "exact", "2025-03"}}},
		{name: "a dividend is no programme's money",
			text: "Le groupe, qui verse l'aide sociale directe dans ses agences, distribuera un dividende de 180 millions de dirhams.",
			not:  []float64{180e6}},
		{name: "a company's own results are no programme's",
			text: "L'opérateur, qui paie l'aide sociale directe à 1,1 million de ménages, affiche une marge d'exploitation de 27,5 %, contre 24 % un an plus tôt; ses portefeuilles actifs atteignent 1,9 million et le versement sociaux pèse 38 % de son chiffre d'affaires.",
			want: []want{{"asd", "beneficiaries", "household", 1.1e6, "exact", "2025-03"}},
			not:  []float64{27.5, 1.9e6, 38}},
		{name: "a company's capital is no programme's money",
			text: "PayExemple, société anonyme au capital de 45 000 000 dirhams, verse l'aide sociale directe dans 300 agences.",
			not:  []float64{45e6}},
		{name: "how an ombudsman's complaints split is no share of a programme",
			text: "L'assurance maladie obligatoire concentre 35 % des plaintes reçues, devant les pensions de retraite (22 %) et l'aide sociale directe (15 %).",
			not:  []float64{35, 22, 15}},
		{name: "an advertorial's fees, gifts and customers are no programme's",
			text: "Avec PayExemple, recevez l'aide sociale directe sans frais : 4 dirhams par retrait au-delà de deux, 25 dirhams offerts à l'ouverture, et 71 % de nos clients sont des femmes. Capital social : 20 000 000 dirhams, RC Rabat 123 456.",
			not:  []float64{4, 25, 71, 20e6, 123456}},
		{name: "a tender's bond and estimate and a recruitment's reserved posts are no facts",
			text: "L'Agence nationale de soutien social lance un appel d'offres pour son centre d'appels de l'aide sociale directe; le cautionnement provisoire est fixé à 80 000 dirhams et l'estimation des coûts à 9 500 000 dirhams; 10 % des postes sont réservés aux personnes en situation de handicap.",
			not:  []float64{80000, 9.5e6, 10}},
		{name: "a ratio to the population is no count, the count is",
			text: "L'AMO Tadamon couvre 11,3 millions de personnes, soit 306 bénéficiaires pour 1 000 habitants; la région de Drâa en compte 520 pour 1 000 habitants, devant Fès (351) et l'Oriental (322 pour 1 000).",
			want: []want{{"amo-tadamon", "beneficiaries", "person", 11.3e6, "exact", "2025-03"}},
			not:  []float64{306, 1000, 520, 351, 322}},
		{name: "a statutory rate of reimbursement is no fact, an average rate is",
			text: "Au titre de l'AMO TNS, les consultations sont remboursées à 80 % du tarif national de référence et l'hospitalisation l'est à 100 %; le taux de remboursement moyen de l'AMO TNS atteint 66 %.",
			want: []want{{"amo-tns", "share", "percent", 66, "exact", "2025-03"}},
			not:  []float64{80, 100}},
		{name: "a figure asked about is no fact",
			text: "L'AMO Achamil compterait 400.000 adhérents, vraiment ?",
			not:  []float64{400000}},
		{name: "a figure said before a question of another clause is",
			text: "Le RSU compte 6 millions de ménages, mais combien de fiches sont à jour ?",
			want: []want{{"rsu", "enrolled", "household", 6e6, "exact", "2025-03"}}},
		{name: "the year a regime opened is not when its count holds, the month its rights were open is",
			text: "L'AMO Achamil, ouverte en 2024 aux personnes capables de cotiser, compte 310 000 adhérents. Parmi les travailleurs non salariés, 1,3 million disposaient de droits ouverts à fin janvier 2025.",
			want: []want{{"amo-achamil", "enrolled", "person", 310000, "exact", "2025-03"}, {"amo-tns", "beneficiaries", "person", 1.3e6, "exact", "2025-01"}}},
		{name: "a scenario's figure is no fact",
			text: "Dans le scénario central de la note, la dépense de l'aide sociale directe atteindrait 35 milliards de dirhams en 2029 ; dans le scénario adverse, 41 milliards.",
			not:  []float64{35e9, 41e9}},
		{name: "what a union demands is no fact, what it says is paid today is",
			text: "Les syndicats de retraités réclament une pension minimale portée à 2 000 dirhams. Nous demandons :\n\n- de revaloriser de 8 % les pensions de la CNSS ;\n\n- d'étendre les allocations familiales à 300 000 enfants de plus ; elles sont aujourd'hui versées à 1,6 million d'enfants.",
			want: []want{{"allocations-familiales", "beneficiaries", "child", 1.6e6, "exact", "2025-03"}},
			not:  []float64{2000, 8, 300000}},
		{name: "what a former regime claimed to have is",
			text: "À son apogée, le RAMED revendiquait 11 millions d'inscrits.",
			want: []want{{"ramed", "enrolled", "person", 11e6, "exact", "2025-03"}}},
		{name: "a vote's count is no fact",
			text: "Un amendement proposant de relever les allocations familiales à 400 dirhams par enfant dès juillet a été rejeté par 140 voix contre 72.",
			not:  []float64{140, 72}},
		{name: "a count and the count it is out of are no proportion",
			text: "Au premier semestre, l'IPE a été accordée à 9.000 salariés, sur 16.000 demandes déposées.",
			want: []want{{"ipe", "beneficiaries", "person", 9000, "exact", "2025-06"}, {"ipe", "files_submitted", "file", 16000, "exact", "2025-06"}}},
		{name: "money a fronted topic says no metric counts",
			text: "Quant aux réserves du régime de l'AMO TNS, elles atteignaient 4,2 milliards de dirhams à fin 2024.",
			not:  []float64{4.2e9}},
		{name: "money collected, then money paid",
			text: "Les cotisations perçues par l'AMO TNS se sont chiffrées à 2,1 milliards de dirhams, tandis que les prestations versées ont atteint 1,7 milliard de dirhams.",
			want: []want{{"amo-tns", "amount_paid", "MAD", 1.7e9, "exact", "2025-03"}},
			not:  []float64{2.1e9}},
		{name: "the direct aid by its description: monthly direct allowances",
			text: "En 2024, l'État a versé des allocations mensuelles directes à 3,9 millions de foyers.",
			want: []want{{"asd", "beneficiaries", "household", 3.9e6, "exact", "2024"}}},
		{name: "a change named by its noun, far before the range",
			text: "Le rapport fait état d'une croissance du nombre d'assurés de l'AMO TNS de 61,5 mille à 198,2 mille assurés en 2023.",
			want: []want{{"amo-tns", "beneficiaries", "person", 198200, "exact", "2023"}}},
		{name: "people a programme does not reach, and the share of them",
			text: "Selon la Cour des comptes, 6,2 millions de personnes inscrites à l'AMO n'ont toujours pas accès à ses services, soit 27 % des assurés de l'AMO.",
			want: []want{{"amo", "share", "percent", 27, "exact", "2025-03"}},
			not:  []float64{6.2e6}},
		{name: "another country's programme, and ours beside it",
			text: "En Égypte, le programme Takaful et Karama couvre environ 5 millions de familles, contre 4 millions de ménages pour l'aide sociale directe au Maroc, quand la Tunisie en aide 900.000.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "exact", "2025-03"}},
			not:  []float64{5e6, 900000}},
		{name: "insured whose rights are closed, people with no cover, an exchange rate",
			text: "L'AMO TNS compte 2,1 millions d'assurés principaux, mais 1,1 million avaient des droits fermés à fin mars, et 3,8 millions de personnes restent sans couverture. Ses prestations ont atteint 300 millions de dollars (1 dollar = 9,95 dirhams).",
			want: []want{{"amo-tns", "beneficiaries", "person", 2.1e6, "exact", "2025-03"}},
			not:  []float64{1.1e6, 3.8e6, 9.95, 1}},
		{name: "macro-economic rates are no share",
			text: "Le chômage a atteint 13,1 %, l'économie devrait croître de 3,4 % et le taux directeur reste à 2,25 %, alors que l'AMO couvre 88 % de la population.",
			want: []want{{"amo", "share", "percent", 88, "exact", "2025-03"}},
			not:  []float64{13.1, 3.4, 2.25}},
		{name: "a distribution's brackets are no allowance, its shares are facts",
			text: "Selon la CMR, 21 % des retraités touchent une pension entre 500 et 1.000 DH, 33 % entre 1.000 et 1.500 DH.",
			want: []want{{"retraite", "share", "percent", 21, "exact", "2025-03"}},
			not:  []float64{500, 1000}},
		{name: "'le registre' is the social register",
			text: "L'aide sociale directe est versée chaque mois aux foyers éligibles. Le registre compte aujourd'hui 6,1 millions de ménages.",
			want: []want{{"rsu", "enrolled", "household", 6.1e6, "exact", "2025-03"}}},
		{name: "money followed by what it is: arrears, a reserve",
			text: "L'AMO TNS accumule plus de 2,1 MMDH d'arriérés. La CNOPS devra puiser 1,1 MMDH de sa réserve de sécurité.",
			not:  []float64{2.1e9, 1.1e9}},
		{name: "a rate of change towards a level, and the rates enumerated after one",
			text: "Les assurés de l'AMO TNS ont augmenté de 8,2 % à 3,9 millions en 2024, en hausse de 2 % sur un an et de 3,1 % sur cinq ans.",
			not:  []float64{8.2, 2, 3.1}},
		{name: "a budget deficit's rates year after year",
			text: "Pour l'AMO TNS, on prévoit un déficit budgétaire de 4,2 % en 2024, de 3,8 % en 2025 et de 3,3 % en 2026.",
			not:  []float64{4.2, 3.8, 3.3}},
		{name: "a word in parentheses is not the amount's subject",
			text: "Le montant des pensions moyennes versées varie selon la caisse : 2.100 dirhams à la CNSS (salariés des entreprises privées) contre 7.000 dirhams versés par la CMR.",
			want: []want{{"retraite", "allowance", "MAD", 7000, "exact", "2025-03"}}},
		{name: "a promised change: its start is today's value, its end a target",
			text: "Le parti s'engage à relever le montant minimal de l'aide sociale directe de 500 à 800 dirhams par mois dès 2027.",
			want: []want{{"asd", "allowance", "MAD", 500, "exact", "2025-03"}, {"asd", "allowance", "MAD", 800, "exact", "2027"}}},
		{name: "the former scheme itself, with its own figure",
			text: "L'AMO Tadamon a pris la suite de l'ancien RAMED, qui comptait environ 16 millions d'inscrits en 2021.",
			want: []want{{"ramed", "enrolled", "person", 16e6, "about", "2021"}}},
		{name: "a call for projects' own terms are no facts",
			text: "Appel à projets : accompagner les familles vers l'aide sociale directe. Chaque projet retenu recevra jusqu'à 300 000 dirhams de l'aide sociale directe. La fondation attend 500 ménages accompagnés par projet. L'enveloppe totale de l'appel à projets pour l'aide sociale directe s'élève à 6 millions de dirhams. L'aide sociale directe est versée à 4 millions de ménages.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "exact", "2025-03"}},
			not:  []float64{300000, 500, 6e6}},
		{name: "the writer's own household, in the first person plural",
			text: "Chez nous, l'aide sociale directe était de 600 dirhams par mois jusqu'en novembre. Pour nos deux aînés, l'aide de rentrée a fait 400 dirhams. À fin janvier, l'aide sociale directe était versée à 4 millions de ménages.",
			want: []want{{"asd", "beneficiaries", "household", 4e6, "exact", "2025-01"}},
			not:  []float64{600, 400}},
		{name: "a price's rise is no share",
			text: "Le minimum de l'aide sociale directe est resté à 500 dirhams, alors que le panier alimentaire a renchéri de 11 % sur la même période.",
			not:  []float64{11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, _ := r.Extract(Input{Text: tt.text, Published: "2025-03-12", Title: tt.title})
			for _, w := range tt.want {
				found := false
				for _, f := range facts {
					if f.Programme == w.prog && f.Metric == w.metric && f.Unit == w.unit && f.Value == w.value {
						found = true
						if f.Qualifier != w.qual || f.AsOf != w.asOf {
							t.Errorf("%v: got qualifier %s as_of %s", w, f.Qualifier, f.AsOf)
						}
					}
				}
				if !found {
					t.Errorf("missing %v; got:", w)
					for _, f := range facts {
						t.Logf("  %s/%s %g %s %s %s (%s, %s)", f.Programme, f.Metric, f.Value, f.Unit, f.Qualifier, f.AsOf, f.Rule, f.ProgrammeFrom)
					}
				}
			}
			for _, v := range tt.not {
				for _, f := range facts {
					if f.Value == v {
						t.Errorf("%g is no fact, got %s/%s (%s)", v, f.Programme, f.Metric, f.Rule)
					}
				}
			}
		})
	}
}

// TestNoCountAboveThePopulation checks that an enumeration's bare hundreds
// of millions, after amounts in dirhams, are neither people (max_value)
// nor a per-person allowance (an enumeration's figure is read as the
// figure before it only within that metric's range).
func TestNoCountAboveThePopulation(t *testing.T) {
	text := "Le relèvement du minimum à 700 dirhams coûterait 9,6 milliards de dirhams par an ; l'aide de rentrée portée à 300 dirhams, 340 millions supplémentaires ; l'élargissement de l'indemnité pour perte d'emploi, 400 millions."
	for _, r := range []*Rules{mustDefault(t).WithModel(nil), mustDefault(t)} {
		facts, _ := r.Extract(Input{Text: text, Published: "2026-06-22"})
		for _, f := range facts {
			if f.Value >= 1e8 && f.Unit != "MAD" || f.Metric == "allowance" && f.Value > 1e5 {
				t.Errorf("%s/%s %g %s (%s)", f.Programme, f.Metric, f.Value, f.Unit, f.Rule)
			}
		}
	}
}

// TestBareBillions checks that a bare figure of billions, which no count
// reaches (max_value), is no count of people, and that the model may read
// it as dirhams where the sentence speaks of money paid.
func TestBareBillions(t *testing.T) {
	text := "S'agissant du régime des pensions civiles, les prestations servies par la CMR se sont chiffrées à 36,2 milliards contre 34,0 milliards en 2022."
	rulesOnly, _ := mustDefault(t).WithModel(nil).Extract(Input{Text: text, Published: "2025-03-12"})
	for _, f := range rulesOnly {
		if f.Unit == "person" {
			t.Errorf("the rules count %g people", f.Value)
		}
	}
	facts, _ := mustDefault(t).Extract(Input{Text: text, Published: "2025-03-12"})
	found := false
	for _, f := range facts {
		found = found || f.Value == 36.2e9 && f.Unit == "MAD" && f.Metric == "amount_paid"
	}
	if !found {
		t.Errorf("36,2 milliards not read as dirhams paid: %+v", facts)
	}
}

// TestNamesInsideDescriptions checks that a programme's name standing
// inside another programme's description is no mention of its own ("
// l'assurance maladie payée par l'État" describes AMO Tadamon), while the
// same name elsewhere is.
func TestNamesInsideDescriptions(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		text string
		want []string // the programmes mentioned, in order
	}{
		{"Dans la province, l'assurance maladie payée par l'État couvre désormais 93.000 personnes.", nil},
		{"L'assurance maladie obligatoire couvre 32 millions de personnes.", []string{"amo"}},
		{"L'assurance maladie couvre 32 millions de personnes, dont 11 millions grâce à l'assurance maladie payée par l'État.", []string{"amo"}},
	}
	for _, tt := range tests {
		x := r.newRun(Input{Text: tt.text, Published: "2025-03-12"})
		kept, _ := x.findMentions(x.maskOf(0))
		var got []string
		for _, mn := range kept {
			got = append(got, mn.prog)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: mentions %v, want %v", tt.text, got, tt.want)
		}
	}
}
