package serve_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/faits/faits/serve"
	"github.com/faits/faits/store"
)

// New serves the desk and the API over a store; the command wraps it in an
// http.Server on a loopback address.
func ExampleNew() {
	dir, err := os.MkdirTemp("", "faits-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "faits.db"), &store.Options{Owner: "faits serve"})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	h, err := serve.New(st, serve.Options{Editor: "amina"})
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/api/v1/facts")
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(res.Status)
	fmt.Print(string(body))
	// Output:
	// 200 OK
	// {
	//   "facts": [],
	//   "total": 0,
	//   "offset": 0,
	//   "limit": 100
	// }
}

// IsLoopback decides whether `faits serve --addr` may run without a token.
func ExampleIsLoopback() {
	for _, addr := range []string{"127.0.0.1:8080", "localhost:8080", ":8080", "0.0.0.0:8080"} {
		fmt.Println(addr, serve.IsLoopback(addr))
	}
	// Output:
	// 127.0.0.1:8080 true
	// localhost:8080 true
	// :8080 false
	// 0.0.0.0:8080 false
}
