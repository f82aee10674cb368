// Package extract ties figures found by package normalize to a programme, a
// metric and an as_of date, following rules kept as data.
package extract

// Fact is one figure read in one place of one text by one rule.
type Fact struct {
	Programme string   `json:"programme"`
	Metric    string   `json:"metric"`
	Unit      string   `json:"unit"`
	Value     float64  `json:"value"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	Qualifier string   `json:"qualifier"`
	// AsOf is an ISO 8601 partial date or "" (spec/taxonomy.md, as_of).
	AsOf string `json:"as_of"`
	// Modality is "" for an achieved figure, "target" or "forecast" otherwise.
	Modality string `json:"modality,omitempty"`
	// Span is text[Start:End], the text the rule matched (byte offsets).
	Span  string `json:"span"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Quote is the whole sentence around Span.
	Quote string `json:"quote"`
	// Rule names the rule that produced the fact ("beneficiaries/couvre").
	Rule string `json:"rule"`
	// ProgrammeFrom says where the programme was found: "sentence",
	// "context" (an earlier sentence of the paragraph), or "title".
	ProgrammeFrom string `json:"programme_from,omitempty"`
	// Why names the features that weighed most for the reading the model
	// chose over the next best, in words; "" for a rules-only reading.
	Why string `json:"why,omitempty"`
}
