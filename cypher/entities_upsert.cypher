// Writes resolved entities in one batch. The type label comes from
// graph.EntityType.Label, never from input text.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.type = row.type
SET e.name = row.name, e.aliases = row.aliases, e.forms = row.forms, e.forms_text = row.forms_text
