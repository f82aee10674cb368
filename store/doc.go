/*
Package store keeps the facts read from press articles, every place each
was read, the articles themselves and the editors' decisions, in one bbolt
file. Callers never see a bucket: they ingest files, review facts and read
them back through typed methods.

# Opening

Open takes bbolt's file lock for as long as the Store stays open: an
exclusive lock for a read-write store, a shared one for Options.ReadOnly, so
that any number of readers coexist but never with a writer. A process that
cannot get the lock within Options.Timeout (default one second) gets a
*LockedError, "database is in use by another faits process (pid N)",
instead of hanging. The pid and the holder's name come from an owner file,
PATH.owner ({"pid": N, "owner": "faits serve"}), that a writer writes as
soon as it holds the lock and removes on Close. A writer killed with
SIGKILL leaves its owner file behind; that is harmless: the lock itself
dies with the process, the next writer overwrites the file as soon as it
gets the lock, and a blocked Open ignores a file whose pid is not a live
process. Readers write no owner file (there may be several), so a writer
blocked by readers gets a LockedError with PID 0 and a message that says
so.

A writer that answers read requests elsewhere (faits serve's JSON API, the
one faits ingest opens on loopback while it runs) says so with
Store.Advertise: the owner file then also holds {"addr": "host:port",
"token": T}, and is readable by its user only. A reader the lock keeps out
finds both in the LockedError and reads through that API instead of
waiting; the lock itself stays held for the writer's whole run.

# Writing

One writer at a time, and for speed many files a transaction:

	e, err := store.Prepare(rel, rawSHA256, doc, facts) // any goroutine: checks spans, signs the text
	b := st.NewBatch()
	b.Add(e)                                             // the writer's goroutine
	written, err := b.Commit()                           // one transaction, one fsync

Prepare is the CPU-heavy part (it checks every fact's span against the
text and computes the reprint signature) and touches no store, so workers
call it in parallel. Commit writes the batch's files in the order added,
exactly as one Ingest each in that order would (the same store), in one
transaction, or in a few when the pages of the map the writer read pass
the budget below (a transaction's pages stay mapped until it commits): a
crash leaves a prefix of the batch written, so a rerun of an interrupted
run skips that prefix, redoes the rest and ends where a clean run does. A file
the store refuses fails alone (Written.Err), the others are written.
Ingest is Prepare and a batch of one. A caller bounds its batches by count
and bytes (faits ingest: 256 files or 8 MB of text); this is the entry
point for any program that writes extracted facts, faits load included.

# Layout

Keys are designed so that what is read together is one cursor prefix, and
what one reading writes lands in as few B+tree leaves as can be: a fact's
sources are keyed right after its record, in the facts bucket, and a
document's body, signature and readings right after its record, in the
docs bucket. (Until schema 5 these were four buckets of their own: at
20,000 articles a new article's writes made the commit rewrite about 29
pages, each first faulted in, and now about 19; most of those left are a
new fact's record, index and rank keys, which are hashed.) "hash" is the
SHA-256 of a document's clean text (corpus.Document.Body), in hex (64
bytes) or raw (32 bytes) as said.

	meta     "schema" → decimal schema version (SchemaVersion); "sig_gen" →
	         uint64, bumped by every transaction that changes a signature;
	         "derived_stale" → "1" while the index and rank buckets lag
	         the records (see rank below).
	files    path relative to the ingested folder → JSON {raw, doc, title,
	         site, author, url, published, published_from}: the hash of the
	         file's bytes as given to Ingest (for Unchanged), its document,
	         and the metadata this copy gave.
	docs     each document's keys, its hex hash first:
	           hex hash → JSON Document without Body: sorted Paths, the
	             metadata of the first path's file record, ReprintGroup;
	           hex hash + "b" → clean text, compressed: a format byte (1)
	             and the text's DEFLATE stream (about a third of the
	             text's size). Source offsets are byte offsets in the text;
	           hex hash + "r" + fact id + start + end (uint32 each) → empty:
	             the document's readings (its sources by document), so that
	             re-reading a document finds what it gave before;
	           hex hash + "s" → shingle count (uint32) and 128 uint32
	             MinHash values, for documents of at least 8 shingles.
	         Walks over documents step over the other keys (a record's key
	         is the only one of 64 bytes).
	groups   group id + raw hash → empty: the members of each reprint group.
	facts    each fact's keys, its id first:
	           fact id → JSON record: the key the rules read, the number
	             of sources, of their distinct origins
	             (IndependentSources), and their qualifier and modality
	             counts, the editor's decision and edited values, the
	             number of events, and the time the exported record last
	             changed (for Filter.Since only);
	           fact id + raw hash + start + end (uint32 each) → JSON source
	             {span, quote, qualifier, modality, rule, programme_from}.
	         Walks over facts step over the sources (a record's key is the
	         only one of 14 bytes; past 8 sources, by one seek).
	index    programme NUL metric NUL as_of NUL fact id → empty, on the
	         values the fact shows (the editor's, when edited). Filters on
	         programme (and metric) and Conflicts walk it.
	rank     status (one byte: pending 1, accepted 2, rejected 3, edited
	         4, orphaned 5), independent sources and sources (uint32
	         each, complemented), as_of as shown (each byte complemented,
	         then 0xFF), fact id → empty: the queue's order (List sorted
	         by sources) within each status, latest as_of first on a tie.
	         A writer's batches keep their changes to it and to the
	         index in memory and file them together, in key order, in
	         transactions bounded like a batch's by the map's budget (at
	         Close, before any other write, when a reader of the same
	         store asks — unless a walk (EachFact, Each, Decisions) is running:
	         a write under its open read transaction could wait on it
	         forever, so such a reader reads the records —, or after a
	         batch that leaves 65,536 keys pending): their keys end
	         with hashed ids, and each fact a batch changed moved its
	         rank key from one random leaf to another and put a new
	         fact's index key in a third. "derived_stale" says meanwhile
	         that both lag: readers order, count and filter from the
	         records, Check skips them, and a writer that finds them
	         left by a writer that died rebuilds them from the records.
	lsh      the reprint index as the last writer left it: "hashes",
	         "root", "dead", "main" (its arrays) and "gen" (the sig_gen
	         it reflects). A cache: absent or stale, it is rebuilt.
	events   fact id + sequence (uint64, store-wide) → JSON event: who,
	         when, the action, the note, the fact before and after, and the
	         decision state before it (what undo restores).

A source stores neither the document's path nor its metadata nor its group:
those are joined in when a fact is read, so that a document gaining a path,
a title or a reprint group never leaves stale copies in its sources.

# Identity

A fact id is "f-" and the first 12 hex digits of the SHA-256 of its
deduplication key (spec/facts.md) encoded as the six fields programme,
metric, unit, value, value_max, as_of joined by U+001F, numbers in shortest
fixed-point form (strconv.FormatFloat(v, 'f', -1, 64): 22500000, 0.5),
value_max empty when absent (Key.Canonical). Ids thus agree across runs and
machines. A collision of two keys on 48 bits fails the ingest loudly rather
than merging two facts.

A document is its clean text's hash: the same text under two paths is one
document with two paths; its sources name the first path in sort order, and
its metadata is that path's, so neither depends on which copy came first.

# Lifetimes

Ingest replaces, in one transaction, every source the document held with
the facts given (a file re-read with other rules keeps no stale source). A
file whose bytes changed to another text leaves its old document, which
goes when it has no path left, with its body, signature and sources. A fact
left with no source is dropped, unless it has events: then it stays, with
status "orphaned" and its decision in Fact.Decision, so that no decision is
ever lost, and takes its decision back if a later ingest reads it again. Events are never deleted, not even
with their fact: a fact that comes back finds its history.

An unchanged file (same path, same raw hash) is skipped. Ingest compares the
raw hash as an opaque string: to make new rules re-read unchanged files, the
caller folds the rules' version into it.

# Decisions and ids

The id is the hash of the key the rules read, not of the values shown. An
edit lays the editor's values (value, value_max, programme, metric, unit,
qualifier, as_of) over that key, and the fact keeps its id: the next ingest
reads the same key, finds the same fact and keeps showing the editor's
values. Consequences:

  - A downstream program must not recompute an id from an edited fact's
    values; ids are opaque.
  - When changed rules read another key (say another as_of), that is
    another fact, with another id, pending; the old one, if decided on,
    stays as an orphan with its decision and history, so the editor sees
    both. The id holds exactly as long as the key does.
  - An edit can make a fact show the values of another fact. They stay two
    facts (merging would mix two histories); Conflicts does not list them,
    the values being equal.

An editor may add a fact the rules missed (Store.Add): it gets a source
like any other, whose Rule is EditorRule ("editor") and whose span and
sentence the editor marked, and an "add" event that makes it accepted.
Re-ingesting the document keeps that source (it is the only kind of source
an ingest does not replace); the document's removal takes it, leaving the
fact an orphan with its decision.

Decisions lists every decided fact for programs that learn from the
editors (faits train): "accepted" and "rejected" judge the rules' reading,
"edited" corrects it (Decided.Read is what the rules read, Fact what the
editor says), "added" is a miss of the rules (the EditorRule sources are
the places). Events keep who and when, and are never deleted.

Undo reverts the newest decision not yet undone, restoring the state
recorded in that decision's event; it is itself an event.

# Reprints

A document of at least 8 four-word shingles gets a 128-value MinHash
signature. Two documents are reprints when their signatures agree on one
of 32 bands of 4 values (the LSH lookup) and on at least half of all values
(estimated Jaccard similarity ≥ ReprintThreshold). Groups are the connected
components of that graph: a document joins, and merges, the groups of all
documents it is a reprint of, and a document leaving a group splits the
rest again. A group is named after its smallest member's hash, so names and
members depend on the set of documents, not on the order they came in; a
member's document is rewritten only when its group's name changes (a new
smallest member, or a merge).

The band index lives in memory while a writer runs (it holds the
exclusive lock, so nothing else changes the signatures meanwhile). A
writer that closes saves it in the lsh bucket, and the next writer's
first write loads it (a few arrays read back: about 0.1 s at 100,000
documents) rather than rebuilding it from every signature; a saved index
whose sig_gen is not the file's (its writer died first) is rebuilt. It is compact: documents are
numbered, a band entry is a 32-bit band key and a document number (8
bytes) in a sorted array, and a band holds at most one document per
reprint group, and each document's print (the low four bits of each
signature value, 64 bytes), so about 415 bytes a document (42 MB at
100,000). A lookup compares the new document with one document per group
and band, and with that group's other members only when it is no reprint
of that one: a scraper's 10,000 copies of one template cost a comparison
or two each, not one per earlier copy. Distinct articles that share stock
phrases share bands with about one in a hundred earlier articles; the
prints turn those down in memory (two signatures agree on no more values
than their prints agree on nibbles), so only a likely reprint's signature
is read from the file. A rolled-back transaction undoes its changes to the
index. Fact.IndependentSources counts a group once. A writer's transaction
keeps the sources of each fact it counted by origin, updated as sources
come and go, and drops them when a document's origin moves (a group
renamed, merged or split, a document removed): a fact read in each of a
scraper's 10,000 pages is counted from its sources once a transaction,
not at each page, and a page joining a group whose name stays lists none
of its members.

# Reading

Reads are bounded by what they return, not by the store. List gives one
page of facts, each with its source counts (Fact.SourceCount,
Fact.IndependentCount) and only its first few sources (SourceOrder: one per
independent origin first, then the reprints); Sources pages through the
rest; Summary is one fact that way. Sorted by id, List keeps only its page
(an unfiltered one counts keys without decoding a record); sorted by
sources with no filter but the status (the queue), it reads its page and
counts keys of the rank bucket; otherwise sorted by date or sources, one
small sort key per matching fact, from the records alone unless a filter
is on the sources (rule, site, document). Each streams facts the
same way in id or programme/metric/as_of order, and EachFact (the export)
streams whole facts: they hold one fact at a time, and a document cache
of at most 32,768 entries. bbolt reads through a map of the file, so a
walk would leave every page it read in the process's resident set; walks
(looking every 64 facts; the map is advised as read at random, so that a fault maps one page and not the 16 around it) and the writer (after each transaction, which it ends early past the budget) drop
those pages from it with madvise when the process holds more than 96 MB
of them (they stay in the kernel's page cache). Releasing on a budget
rather than a count keeps the pages read again and again mapped between
two releases.

# Caveats

Everything runs in bbolt transactions: one writer at a time, readers see a
snapshot. Store.All and EachFact hold a read transaction for the whole walk;
writing to the store from inside the walk can deadlock (bbolt's remap waits
for read transactions to end).

A shorter text than eight shingles is never grouped with anything. A
partial reprint (half of a dispatch) scores about 0.5 and may fall on
either side of the threshold.

Two paths with one text but different metadata (title, publication date)
read by rules that use metadata may give different facts; the last one
ingested wins for the document's sources.

Since compares the time the exported record last changed in this store;
it is not kept in the exported record, so that exports of the same inputs
are byte-identical.

# Schema

SchemaVersion is 6. Opening an older file read-write migrates it in one
transaction (schema 1 had no index bucket; it is built from the facts;
schema 2 kept bodies as plain text; they are compressed; schema 3 had no
independent counts and no rank bucket: they are counted from the
sources; schema 4 kept sources, bodies, signatures and readings by
document in buckets of their own: they are moved, keys in order, next to
their fact's or document's record; schema 5 always filed its rank and
index at once, and did not know "derived_stale": nothing changes in the
file). A read-only open of an old file, or
any open of a newer one, fails with a *SchemaError that says what to do.
*/
package store
