package fetch

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/actorgraph/actorgraph/graph"
)

// validators are what a server gave to ask about a resource again.
type validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// cache holds validators by URL, optionally backed by a JSON file.
type cache struct {
	mu    sync.Mutex
	file  string
	byURL map[string]validators
	dirty bool
}

func loadCache(file string) (*cache, error) {
	c := &cache{file: file, byURL: make(map[string]validators)}
	if file == "" {
		return c, nil
	}
	b, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c, nil
	case err != nil:
		return nil, graph.Wrap(graph.EINVALID, err, "fetch cache %s: cannot read", file)
	}
	if err := json.Unmarshal(b, &c.byURL); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "fetch cache %s: not a cache file (delete it to start afresh)", file)
	}
	if c.byURL == nil {
		c.byURL = make(map[string]validators)
	}
	return c, nil
}

func (c *cache) get(u string) (validators, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.byURL[u]
	return v, ok
}

func (c *cache) put(u string, v validators) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byURL[u] = v
	c.dirty = true
}

func (c *cache) del(u string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byURL[u]; ok {
		delete(c.byURL, u)
		c.dirty = true
	}
}

// save writes the file through a temporary one renamed over it, so a crash
// leaves the old cache or the new one, never half of either.
func (c *cache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.file == "" || !c.dirty {
		return nil
	}
	b, err := json.MarshalIndent(c.byURL, "", " ")
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "fetch cache: cannot encode")
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".fetch-cache-*")
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "fetch cache %s: cannot write", c.file)
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr == nil && cerr == nil {
		werr = os.Rename(tmp.Name(), c.file)
	} else if werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return graph.Wrap(graph.EINTERNAL, werr, "fetch cache %s: cannot write", c.file)
	}
	c.dirty = false
	return nil
}
