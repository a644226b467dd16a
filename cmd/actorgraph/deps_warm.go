package main

// temporary: keeps dependencies required until their importers land

import (
	_ "github.com/gin-gonic/gin"
	_ "github.com/jdkato/prose/v3"
	_ "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	_ "modernc.org/sqlite"
)

func main() {}
