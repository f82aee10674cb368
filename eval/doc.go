// Package eval scores extracted facts against a gold file exactly as
// spec/facts.md says: per document, predictions are reduced to keys
// (programme, metric, unit, value, value_max); a key matches a gold fact when
// unit, value and value_max are equal (relative difference under 1e-9) and
// programme and metric are each the gold one or one of its _alt answers.
// Precision, recall and F1 are micro-averaged over documents; as_of and
// qualifier accuracy are measured on the matched required gold facts.
//
// The package knows nothing of the store: callers turn their facts into
// Predictions, one per (fact, document).
package eval
