package source

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// MaxLineBytes caps one JSONL line, and also a whole .txt or .json file,
// since each holds one article. Longer inputs are refused with ETOOLARGE
// rather than read into memory.
const MaxLineBytes = 16 << 20

// Item is one article read, or the error reading it, with where it came
// from.
type Item struct {
	Article graph.Article
	// Origin names the input: the file path, with ":LINE" for a JSONL line
	// and "#ID" for a Telegram message.
	Origin string
	// Links are the addresses an article's text links to, when its input
	// says (Telegram messages do).
	Links []string
	// Err is a *graph.Error (EINVALID, or ETOOLARGE for an oversized
	// input) when the input could not be read as an article; Article is
	// then zero.
	Err error
}

// Read reads every article under paths, in order, and calls fn once per
// article and once per bad input. Paths are files or directories;
// directories are walked recursively in lexical order, skipping hidden
// entries and files of other extensions. Bad inputs do not stop reading:
// Read returns early only when fn returns an error (which it returns) or
// ctx is done (ctx.Err()).
func Read(ctx context.Context, paths []string, fn func(Item) error) error {
	r := reader{ctx: ctx, fn: fn}
	return r.paths(paths)
}

// ReadFS is Read over a file system such as an embed.FS, with paths in its
// slash-separated form; "." reads all of it. Origins are those paths.
func ReadFS(ctx context.Context, fsys fs.FS, paths []string, fn func(Item) error) error {
	r := reader{ctx: ctx, fn: fn, fsys: fsys}
	return r.paths(paths)
}

// reader carries what every file reader needs, so each can stop as soon as
// the caller or the context says so.
type reader struct {
	ctx context.Context
	fn  func(Item) error
	// fsys is where files are read from; nil means the operating system's,
	// named by OS paths.
	fsys fs.FS
}

func (r *reader) paths(paths []string) error {
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) open(p string) (fs.File, error) {
	if r.fsys == nil {
		return os.Open(p)
	}
	return r.fsys.Open(p)
}

func (r *reader) stat(p string) (fs.FileInfo, error) {
	if r.fsys == nil {
		return os.Stat(p)
	}
	return fs.Stat(r.fsys, p)
}

func (r *reader) walk(root string, fn fs.WalkDirFunc) error {
	if r.fsys == nil {
		return filepath.WalkDir(root, fn)
	}
	return fs.WalkDir(r.fsys, root, fn)
}

// emit hands one item to the callback, checking the context first so a
// cancelled read stops between items.
func (r *reader) emit(it Item) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	return r.fn(it)
}

// fail emits a bad-input item.
func (r *reader) fail(origin string, err *graph.Error) error {
	return r.emit(Item{Origin: origin, Err: err})
}

// path reads one command-line argument. A file named explicitly must have a
// known extension; inside directories, other files are skipped.
func (r *reader) path(p string) error {
	if r.fsys != nil && !fs.ValidPath(p) {
		return r.fail(p, graph.Errorf(graph.EINVALID, "%s: not a valid path (want a slash-separated path inside the file system, without \"..\")", p))
	}
	info, err := r.stat(p)
	if err != nil {
		return r.fail(p, statError(p, err))
	}
	if !info.IsDir() {
		if kindOf(p) == "" {
			return r.fail(p, graph.Errorf(graph.EINVALID, "%s: unsupported file type %q (want .txt, .json, .jsonl, .html or .htm)", p, filepath.Ext(p)))
		}
		return r.file(p)
	}
	return r.walk(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable directory or entry is one bad input; the walk
			// goes on with its siblings.
			if ferr := r.fail(path, statError(path, err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if kindOf(path) == "" {
			slog.Debug("source: skipping file of unknown type", "path", path)
			return nil
		}
		return r.file(path)
	})
}

// statError describes a path that cannot be read, without the OS error's
// wording for the common cases.
func statError(p string, err error) *graph.Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return graph.Errorf(graph.EINVALID, "%s: no such file or directory", p)
	case errors.Is(err, fs.ErrPermission):
		return graph.Errorf(graph.EINVALID, "%s: permission denied", p)
	}
	return graph.Wrap(graph.EINVALID, err, "%s: cannot read", p)
}

// Input kinds, by extension.
const (
	kindText  = "txt"
	kindJSON  = "json"
	kindJSONL = "jsonl"
	kindHTML  = "html"
)

// kindOf returns the input kind of a file name, "" for other extensions.
func kindOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return kindText
	case ".json":
		return kindJSON
	case ".jsonl":
		return kindJSONL
	case ".html", ".htm":
		return kindHTML
	}
	return ""
}

// file reads one file of a known kind.
func (r *reader) file(p string) error {
	switch kindOf(p) {
	case kindText:
		return r.textFile(p)
	case kindJSON:
		if r.sniffTelegram(p) {
			return r.telegramFile(p)
		}
		return r.jsonFile(p)
	case kindHTML:
		return r.htmlFile(p)
	default:
		return r.jsonlFile(p)
	}
}

// baseID is the article id derived from a file name: its base name without
// extension.
func baseID(p string) string {
	b := filepath.Base(p)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
