// Command synthgen writes a synthetic corpus for scale measurements:
//
//	go run ./internal/synth/synthgen [-seed N] [-near] DIR COUNT
//	go run ./internal/synth/synthgen [-seed N] -long BYTES FILE
//
// writes COUNT distinct articles (or, with -near, near-identical template
// pages) into DIR, 1,000 a subfolder, and prints their total size. With
// -long it writes one article of at least BYTES bytes of distinct
// paragraphs into FILE (a scale test of one file, not of many).
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/faits/faits/internal/synth"
)

func main() {
	seed := flag.Uint64("seed", 1, "corpus seed")
	near := flag.Bool("near", false, "near-identical template pages instead of distinct articles")
	long := flag.Int("long", 0, "write one article of at least this many bytes into FILE")
	flag.Parse()
	if *long > 0 {
		if flag.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "usage: synthgen [-seed N] -long BYTES FILE")
			os.Exit(2)
		}
		a := synth.Long(*seed, *long)
		if err := os.WriteFile(flag.Arg(0), a.Text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d bytes in %s\n", len(a.Text), flag.Arg(0))
		return
	}
	n, err := strconv.Atoi(flag.Arg(1))
	if flag.NArg() != 2 || err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: synthgen [-seed N] [-near] DIR COUNT")
		os.Exit(2)
	}
	gen := func(i int) synth.Article { return synth.Distinct(*seed, i) }
	if *near {
		gen = func(i int) synth.Article { return synth.NearIdentical(*seed, i) }
	}
	size, err := synth.Write(flag.Arg(0), 0, n, gen)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d articles, %d bytes in %s\n", n, size, flag.Arg(0))
}
