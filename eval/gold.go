package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// GoldArticle is one annotated article of a gold folder.
type GoldArticle struct {
	// Article is the input as the corpus gives it: what extraction reads.
	Article graph.Article
	// File is the file's name in the folder; reports follow its order.
	File      string
	Entities  []GoldEntity
	Relations []GoldRelation
}

// GoldEntity is an annotated entity. Relations name it by Name.
type GoldEntity struct {
	Name    string           `json:"name"`
	Type    graph.EntityType `json:"type"`
	Aliases []string         `json:"aliases"`
}

// GoldRelation is an annotated relation. Subject, Object, Via and the alt
// ends name gold entities by name.
type GoldRelation struct {
	Type    graph.RelationType
	Subject string
	Object  string
	Via     []string
	Date    string
	// Polarity is "asserted" when the file leaves it out, as the reference
	// scorer reads it.
	Polarity     graph.Polarity
	AltTypes     []graph.RelationType
	SubjectAlt   []string
	ObjectAlt    []string
	AttributedTo []string
	Role         string
	Evidence     string
}

// goldFile is the on-disk shape of a gold article.
type goldFile struct {
	graph.Article
	Gold *struct {
		Entities  []GoldEntity       `json:"entities"`
		Relations []goldRelationJSON `json:"relations"`
	} `json:"gold"`
}

// goldRelationJSON is the on-disk shape of a gold relation; Polarity is a
// pointer because a missing polarity means "asserted" but an empty one does
// not.
type goldRelationJSON struct {
	Type         graph.RelationType   `json:"type"`
	Subject      *string              `json:"subject"`
	Object       *string              `json:"object"`
	Via          []string             `json:"via"`
	Date         string               `json:"date"`
	Polarity     *string              `json:"polarity"`
	AltTypes     []graph.RelationType `json:"alt_types"`
	SubjectAlt   []string             `json:"subject_alt"`
	ObjectAlt    []string             `json:"object_alt"`
	AttributedTo []string             `json:"attributed_to"`
	Role         string               `json:"role"`
	Evidence     string               `json:"evidence"`
}

// LoadGold reads every *.json file of dir (not its subfolders) as a gold
// article, keyed by the article's id. It fails on the first file that is
// not a gold article, naming it, and on two files with one id, which the
// reference scorer would silently overwrite.
func LoadGold(dir string) (map[string]GoldArticle, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, graph.Errorf(graph.EINVALID, "gold folder %s does not exist", dir)
		}
		return nil, graph.Wrap(graph.EINVALID, err, "cannot read gold folder %s", dir)
	}
	gold := make(map[string]GoldArticle)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		g, err := loadGoldFile(p)
		if err != nil {
			return nil, err
		}
		g.File = e.Name()
		if prev, ok := gold[g.Article.ID]; ok {
			return nil, graph.Errorf(graph.EINVALID, "%s: id %q is also the id of %s", p, g.Article.ID, prev.File)
		}
		gold[g.Article.ID] = g
	}
	if len(gold) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "gold folder %s has no .json files", dir)
	}
	return gold, nil
}

// loadGoldFile reads one gold article and checks what scoring relies on.
func loadGoldFile(p string) (GoldArticle, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return GoldArticle{}, graph.Wrap(graph.EINVALID, err, "cannot read gold file %s", p)
	}
	var f goldFile
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		return GoldArticle{}, graph.Errorf(graph.EINVALID, "%s: not a gold article: %v", p, err)
	}
	switch {
	case f.ID == "":
		return GoldArticle{}, graph.Errorf(graph.EINVALID, "%s: gold article has no id", p)
	case f.Gold == nil:
		return GoldArticle{}, graph.Errorf(graph.EINVALID, "%s: gold article has no \"gold\" annotations", p)
	}
	g := GoldArticle{Article: f.Article, Entities: f.Gold.Entities}
	for i, e := range g.Entities {
		if e.Name == "" || e.Type == "" {
			return GoldArticle{}, graph.Errorf(graph.EINVALID, "%s: gold entity %d has no name or no type", p, i)
		}
	}
	for i, r := range f.Gold.Relations {
		if r.Type == "" || r.Subject == nil || r.Object == nil {
			return GoldArticle{}, graph.Errorf(graph.EINVALID, "%s: gold relation %d lacks a type, subject or object", p, i)
		}
		pol := graph.Asserted
		if r.Polarity != nil {
			pol = graph.Polarity(*r.Polarity)
		}
		g.Relations = append(g.Relations, GoldRelation{
			Type: r.Type, Subject: *r.Subject, Object: *r.Object, Via: r.Via, Date: r.Date,
			Polarity: pol, AltTypes: r.AltTypes, SubjectAlt: r.SubjectAlt, ObjectAlt: r.ObjectAlt,
			AttributedTo: r.AttributedTo, Role: r.Role, Evidence: r.Evidence,
		})
	}
	return g, nil
}
