package normalize

import (
	"strings"
	"testing"
	"unicode"
)

// TestASCIILetters checks the eight-bytes-at-a-time letter test against
// asciiClass for every byte value at every position.
func TestASCIILetters(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for b := 0; b < 256; b++ {
			x := uint64(0x6161616161616161) // "aaaaaaaa"
			x &^= 0xff << (8 * pos)
			x |= uint64(b) << (8 * pos)
			got := asciiLetters(x)>>(8*pos+7)&1 == 1
			if want := asciiClass[b] != 0; got != want {
				t.Errorf("byte %#x at %d: letter %v, want %v", b, pos, got, want)
			}
			for other := 0; other < 8; other++ {
				if other != pos && asciiLetters(x)>>(8*other+7)&1 != 1 {
					t.Errorf("byte %#x at %d spoils the letter at %d", b, pos, other)
				}
			}
		}
	}
}

// TestWordKeys checks that a word found in the text and the same word
// folded give one key, wherever the word stands (the last bytes of a text
// are read one by one), and that every vocabulary word is found.
func TestWordKeys(t *testing.T) {
	for _, tc := range []struct{ text, folded string }{
		{"de", "de"},
		{"DE", "de"},
		{"Millions", "millions"},
		{"septembre", "septembre"},
		{"SEPTEMBRE", "septembre"},
		{"beneficiaires", "beneficiaires"},
		{"approximativement", "approximativement"},
		{"ApproximativemenT", "approximativement"},
		{"x", "x"},
		{"abcdefgh", "abcdefgh"},
		{"abcdefghi", "abcdefghi"},
		{"abcdefghijklmnop", "abcdefghijklmnop"},
	} {
		for _, pad := range []string{"", " ", "        ", " suite du texte"} {
			text := " " + tc.text + pad
			got := asciiKey(text, 1, 1+len(tc.text))
			if want := foldedKey([]byte(tc.folded)); got != want {
				t.Errorf("asciiKey(%q) = %+v, foldedKey(%q) = %+v", text, got, tc.folded, want)
			}
		}
	}
	for id := 1; id < len(vocabEntries); id++ {
		w := vocabEntries[id].word
		k := foldedKey([]byte(w))
		var got uint16
		if len(w) <= 16 {
			got = vocabTable.find(k)
		} else {
			got = vocabTable.findLong(k, strings.ToUpper(w))
		}
		if got != uint16(id) {
			t.Errorf("vocabulary word %q: found id %d, want %d", w, got, id)
		}
	}
}

// TestLexWords checks the vocabulary word lex gives to words of every
// shape: ASCII, accented (the one-pass path), other scripts (the general
// path), long words and words cut by punctuation.
func TestLexWords(t *testing.T) {
	for _, tc := range []struct {
		in    string
		words []string // folded vocabulary word of each word token, "" for none
	}{
		{"de la réforme sociale", []string{"de", "la", ""}}, // words outside the vocabulary merge
		{"DE LA RÉFORME fin", []string{"de", "la", "", "fin"}},
		{"été", []string{"ete"}},
		{"ÉTÉ", []string{"ete"}},
		{"Été", []string{"ete"}},
		{"l'année", []string{"l", "annee"}},
		{"l’Année", []string{"l", "annee"}},
		{"dépassé", []string{"depasse"}},
		{"Dépassé", []string{"depasse"}},
		{"à", []string{"a"}},
		{"À", []string{"a"}},
		{"décembre", []string{"decembre"}},
		{"DÉCEMBRE", []string{"decembre"}},
		{"bénéficiaires", []string{"beneficiaires"}},
		{"approximativement", []string{"approximativement"}},
		{"APPROXIMATIVEMENT", []string{"approximativement"}},
		{"approximativements", []string{""}},
		{"İl", []string{"il"}},     // a capital outside Latin-1 folds too
		{"dépasséø", []string{""}}, // a letter foldArray lacks: general path
		{"défiƒ", []string{""}},    // another script inside the word
		{"été×", []string{"ete"}},  // × is no letter: the word ends
		{"mois\u00a0dernier", []string{"mois", "dernier"}},
		{"a\xc3", []string{"a"}}, // a cut UTF-8 sequence ends the word
		{"fév.", []string{"fev"}},
		{"ambiguïté", []string{""}},
	} {
		toks := lex(tc.in, nil)
		var got []string
		for _, tk := range toks {
			if tk.kind == tWord {
				got = append(got, tk.w())
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.words, "|") {
			t.Errorf("lex(%q) words %q, want %q", tc.in, got, tc.words)
		}
	}
}

// TestLexAllUpper checks allUpper on vocabulary words, which decides
// whether "EUR 1000" is money.
func TestLexAllUpper(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"EUR", true}, {"Eur", false}, {"eur", false}, {"DÉCEMBRE", true}, {"DÉCEMBRe", false},
		{"Décembre", false}, {"À", true}, {"à", false},
	} {
		toks := lex(tc.in, nil)
		if len(toks) != 1 || toks[0].vi == 0 {
			t.Fatalf("lex(%q) = %d tokens, want one vocabulary word", tc.in, len(toks))
		}
		if toks[0].allUpper != tc.want {
			t.Errorf("lex(%q).allUpper = %v, want %v", tc.in, toks[0].allUpper, tc.want)
		}
	}
	// latinUpper must agree with unicode for every rune it covers.
	for r := range latinUpper {
		if latinUpper[r] != unicode.IsUpper(rune(r)) {
			t.Errorf("latinUpper[%U] = %v", r, latinUpper[r])
		}
	}
}
