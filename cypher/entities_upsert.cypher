// Writes resolved entities in one batch. The type label comes from
// graph.EntityType.Label, never from input text. Each form gets its Form
// node and a FORM_OF to the entity, which entity_candidates looks up;
// forms only grow (a merge keeps every name as an alias), so nothing is
// taken away.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.type = row.type
SET e.name = row.name, e.aliases = row.aliases, e.forms = row.forms, e.forms_text = row.forms_text
WITH e, row
UNWIND row.forms AS form
MERGE (k:Form {key: form})
MERGE (k)-[:FORM_OF]->(e)
