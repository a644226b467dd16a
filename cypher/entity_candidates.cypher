// Stored entities sharing a normalised form with extracted ones: one Form
// node per form, found through its key's index, points at every entity
// having that form (an exact seek where a text index search over
// forms_text costs tens of times more). article_count, what
// graph.MatchEntity breaks ties with, is the MENTIONS degree.
UNWIND $forms AS form
MATCH (:Form {key: form})-[:FORM_OF]->(e:Entity)
WITH DISTINCT e
RETURN e {.id, .name, .type, .aliases, article_count: COUNT { (e)<-[:MENTIONS]-() }} AS entity
