package samples

import "embed"

// FS holds the sample articles at its root, one JSON file each in the
// input format of package source (id, url, title, source, published, text).
//
//go:embed *.json
var FS embed.FS
