package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/api"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.flagSet("serve", "[--store URI] [--addr HOST:PORT]",
		"Run the HTTP API (see README) over a store until interrupted. Write endpoints\n"+
			"need the bearer token in ACTORGRAPH_API_TOKEN; without one, serve listens on\n"+
			"loopback addresses only. ACTORGRAPH_READ_TOKEN, when set, is the bearer token\n"+
			"reads under /v1 need (the write token works for them too).")
	storeURI := m.storeFlag(fs)
	addr := fs.String("addr", m.envOr("ACTORGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on (env ACTORGRAPH_ADDR)")
	cors := fs.String("cors", m.Getenv("ACTORGRAPH_CORS_ORIGINS"), "comma-separated origins allowed by CORS, or * (env ACTORGRAPH_CORS_ORIGINS)")
	web := fs.String("web", m.envOr("ACTORGRAPH_WEB_DIR", api.DefaultWebDir), "directory of the built web page served at / (env ACTORGRAPH_WEB_DIR)")
	rateLimit := fs.Float64("rate-limit", 0, "requests a second one client address may make on average, 0 for no limit (env ACTORGRAPH_RATE_LIMIT)")
	rateBurst := fs.Int("rate-burst", 0, "requests one client may make at once under --rate-limit (default: the limit rounded up; env ACTORGRAPH_RATE_BURST)")
	maxWrites := fs.Int("max-writes", api.DefaultMaxWrites, "posted articles extracted and stored at once; more wait a second, then get 429 (0 for no bound; env ACTORGRAPH_MAX_WRITES)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if err := m.logFormat(*logFormat); err != nil {
		return err
	}
	if err := m.rateFromEnv(fs, rateLimit, rateBurst, maxWrites); err != nil {
		fmt.Fprintln(m.Stderr, err)
		return errUsage
	}
	m.webDir = *web
	st, err := m.openStore(ctx, *storeURI)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	return m.serve(ctx, st, x, *addr, splitList(*cors), nil, func(s *api.Server) {
		s.RateLimit, s.RateBurst, s.MaxWrites = *rateLimit, *rateBurst, *maxWrites
	})
}

// serve runs the API on addr until ctx is done, then drains connections.
// ready, when set, is called with the bound address once listening; opts
// set the server's other options.
func (m *Main) serve(ctx context.Context, st graph.Store, x *extract.Extractor, addr string, cors []string, ready func(string), opts ...func(*api.Server)) error {
	token := m.Getenv("ACTORGRAPH_API_TOKEN")
	if token == "" && !loopback(addr) {
		return fmt.Errorf("refusing to listen on %s without ACTORGRAPH_API_TOKEN: set a token, or listen on 127.0.0.1", addr)
	}
	srv := &api.Server{
		Store:       st,
		Extractor:   x,
		Logger:      m.Logger,
		Token:       token,
		ReadToken:   m.Getenv("ACTORGRAPH_READ_TOKEN"),
		CORSOrigins: cors,
		WebDir:      m.webDir,
	}
	for _, o := range opts {
		o(srv)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	m.Logger.Info("serving", "addr", "http://"+ln.Addr().String())
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	m.Logger.Info("shutting down: draining connections")
	// Drain for as long as one request may run, so that a request in
	// flight at the signal is answered, not cut.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), api.DefaultQueryTimeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loopback reports whether addr listens on loopback only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// rateFromEnv fills the rate flags not given on the command line from
// ACTORGRAPH_RATE_LIMIT, ACTORGRAPH_RATE_BURST and ACTORGRAPH_MAX_WRITES,
// and checks them.
func (m *Main) rateFromEnv(fs *flag.FlagSet, limit *float64, burst, writes *int) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if v := m.Getenv("ACTORGRAPH_RATE_LIMIT"); v != "" && !given["rate-limit"] {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("ACTORGRAPH_RATE_LIMIT=%q is not a number of requests a second", v)
		}
		*limit = f
	}
	if v := m.Getenv("ACTORGRAPH_RATE_BURST"); v != "" && !given["rate-burst"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("ACTORGRAPH_RATE_BURST=%q is not a whole number", v)
		}
		*burst = n
	}
	if v := m.Getenv("ACTORGRAPH_MAX_WRITES"); v != "" && !given["max-writes"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("ACTORGRAPH_MAX_WRITES=%q is not a whole number", v)
		}
		*writes = n
	}
	if *limit < 0 || *burst < 0 || *writes < 0 || math.IsNaN(*limit) || math.IsInf(*limit, 0) {
		return fmt.Errorf("--rate-limit, --rate-burst and --max-writes must be finite and not negative")
	}
	return nil
}

func (m *Main) envOr(key, def string) string {
	if v := m.Getenv(key); v != "" {
		return v
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
