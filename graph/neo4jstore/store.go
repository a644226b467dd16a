package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/actorgraph/actorgraph/cypher"
	"github.com/actorgraph/actorgraph/graph"
)

// Config says which Neo4j server to use and how to log in.
type Config struct {
	// URI is bolt://host:port for one server or neo4j://host:port for
	// routing (a cluster, or one server that answers routing requests).
	URI      string
	User     string
	Password string
	// Database is the database to use; "" is the server's default.
	Database string
	// ConnectAttempts bounds how often Open tries to reach the server
	// before it gives up (0 means 5); the wait between attempts doubles from
	// half a second, so a server that is still starting has time to answer.
	ConnectAttempts int
}

// Store is a graph.Store on a Neo4j server. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	uri    string // without credentials, for messages
	// batch holds the bounds of one batched ingest transaction, lowered
	// when the server refuses a batch for its transaction memory (see
	// memory.go); nil until then.
	batch atomic.Pointer[batchBounds]
}

var _ graph.Store = (*Store)(nil)

// Open connects to the server, checks that it answers and creates the
// schema (constraints and indexes) if it is missing. A server that cannot be
// reached within the bounded retries is EUNAVAILABLE, named by its URI.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	u, err := url.Parse(cfg.URI)
	if err != nil || u.Host == "" {
		return nil, graph.Errorf(graph.EINVALID, "Neo4j URI %q is not scheme://host:port", redact(cfg.URI))
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return nil, graph.Errorf(graph.EINVALID, "Neo4j URI %q: scheme %q is not bolt:// or neo4j://", redact(cfg.URI), u.Scheme)
	}
	user, pass := cfg.User, cfg.Password
	if u.User != nil { // credentials in the URI, as some deployments give them
		if user == "" {
			user = u.User.Username()
		}
		if p, ok := u.User.Password(); ok && pass == "" {
			pass = p
		}
		u.User = nil
	}
	if user == "" {
		user = "neo4j"
	}
	s := &Store{db: cfg.Database, uri: u.String()}
	s.driver, err = neo4j.NewDriverWithContext(u.String(), neo4j.BasicAuth(user, pass, ""), func(c *config.Config) {
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.MaxTransactionRetryTime = 30 * time.Second
	})
	if err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "Neo4j URI %q is not usable", s.uri)
	}
	if err := s.connect(ctx, cfg.ConnectAttempts); err != nil {
		s.driver.Close(context.Background())
		return nil, err
	}
	if err := s.createSchema(ctx); err != nil {
		s.driver.Close(context.Background())
		return nil, err
	}
	return s, nil
}

// connect verifies connectivity with bounded retries and backoff. Wrong
// credentials are not retried: waiting does not fix them.
func (s *Store) connect(ctx context.Context, attempts int) error {
	if attempts <= 0 {
		attempts = 5
	}
	wait := 500 * time.Millisecond
	var err error
	for i := 0; i < attempts; i++ {
		if err = s.driver.VerifyConnectivity(ctx); err == nil {
			return nil
		}
		var auth *neo4j.InvalidAuthenticationError
		var n4 *neo4j.Neo4jError
		if errors.As(err, &auth) || (errors.As(err, &n4) && n4.Classification() == "ClientError") {
			return graph.Wrap(graph.EUNAVAILABLE, err, "Neo4j at %s refused the login (check NEO4J_USER and NEO4J_PASSWORD)", s.uri)
		}
		if i == attempts-1 {
			break
		}
		select {
		case <-ctx.Done():
			return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "gave up connecting to Neo4j at %s", s.uri)
		case <-time.After(wait):
		}
		wait *= 2
	}
	return graph.Wrap(graph.EUNAVAILABLE, err, "cannot reach Neo4j at %s after %d attempts", s.uri, attempts)
}

// createSchema runs every statement of schema.cypher; each is IF NOT
// EXISTS, so opening a store twice changes nothing. It then gives Form
// nodes to entities a store without them wrote.
func (s *Store) createSchema(ctx context.Context) error {
	for _, stmt := range cypher.Split(cypher.MustGet("schema")) {
		_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			return s.fail(ctx, err, "cannot create the Neo4j schema")
		}
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, statements["entity_forms_backfill"], nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return s.fail(ctx, err, "cannot index the stored entities' forms")
	}
	return nil
}

// Close releases the driver's connections.
func (s *Store) Close() error {
	if err := s.driver.Close(context.Background()); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "closing the Neo4j driver")
	}
	return nil
}

// URI is the server the store talks to, without credentials.
func (s *Store) URI() string { return s.uri }

// fail turns a driver error into a graph.Error: a cancelled or expired
// context and a lost server are EUNAVAILABLE, anything else EINTERNAL. The
// message is generic; the driver's error is kept as the cause for logs.
func (s *Store) fail(ctx context.Context, err error, msg string) error {
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	if ctx.Err() != nil {
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "%s: the request was cancelled", msg)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return graph.Wrap(graph.EUNAVAILABLE, err, "%s: the request was cancelled", msg)
	}
	if neo4j.IsConnectivityError(err) || neo4j.IsTransactionExecutionLimit(err) {
		return graph.Wrap(graph.EUNAVAILABLE, err, "%s: Neo4j at %s is unavailable", msg, s.uri)
	}
	return graph.Wrap(graph.EINTERNAL, err, "%s", msg)
}

// fatal reports whether err means no further request can succeed now, as
// opposed to a failure of one article's data.
func (s *Store) fatal(ctx context.Context, err error) bool {
	return ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
		neo4j.IsConnectivityError(err) || neo4j.IsTransactionExecutionLimit(err)
}

// read runs work in a managed read transaction, which the driver retries on
// transient errors.
func (s *Store) read(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.Background())
	return sess.ExecuteRead(ctx, work)
}

// write runs work in a managed write transaction; work may run more than
// once, so it must derive everything it returns from what it reads.
func (s *Store) write(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.Background())
	return sess.ExecuteWrite(ctx, work)
}

// collect runs a named statement in tx and returns its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, statements[name], params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// exec runs a named statement in tx and discards its records.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) error {
	res, err := tx.Run(ctx, statements[name], params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// statements holds every statement the store runs, loaded once; a missing
// file panics at start-up rather than at the first query.
var statements = func() map[string]string {
	m := map[string]string{}
	for _, n := range cypher.Names() {
		m[n] = cypher.MustGet(n)
	}
	return m
}()

func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable)"
	}
	u.User = nil
	return u.String()
}

// clear deletes everything in the database; tests and benchmarks use it
// between cases. It runs as an auto-commit query, which batched deletion
// needs.
func (s *Store) clear(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.Background())
	for _, stmt := range cypher.Split(statements["clear_batched"]) {
		res, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return s.fail(ctx, err, "cannot clear the database")
		}
	}
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}

func float(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int64:
		return float64(n)
	}
	return 0
}

// strs converts a stored list to strings, never nil.
func strs(v any) []string {
	out := []string{}
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, fmt.Sprint(x))
		}
	}
	return out
}
