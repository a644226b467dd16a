// Schema: constraints and indexes, created idempotently at Open. One
// statement per line group, separated by semicolons.
// Unique keys: entity id, article key, a normalised form's Form node (what
// entity resolution looks candidates up by), the ingest lock's name, and the
// id of every ontology relationship type (each constraint also gives the
// index relation_get and MERGE use).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (a:Article) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT form_key IF NOT EXISTS FOR (f:Form) REQUIRE f.key IS UNIQUE;
CREATE CONSTRAINT ingest_lock_name IF NOT EXISTS FOR (l:IngestLock) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT rel_meet_id IF NOT EXISTS FOR ()-[r:MEET]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_negotiate_id IF NOT EXISTS FOR ()-[r:NEGOTIATE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_communicate_id IF NOT EXISTS FOR ()-[r:COMMUNICATE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_request_id IF NOT EXISTS FOR ()-[r:REQUEST]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_agree_id IF NOT EXISTS FOR ()-[r:AGREE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_reject_id IF NOT EXISTS FOR ()-[r:REJECT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_accuse_id IF NOT EXISTS FOR ()-[r:ACCUSE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_threaten_id IF NOT EXISTS FOR ()-[r:THREATEN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_attack_id IF NOT EXISTS FOR ()-[r:ATTACK]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_sanction_id IF NOT EXISTS FOR ()-[r:SANCTION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_support_id IF NOT EXISTS FOR ()-[r:SUPPORT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_cooperate_id IF NOT EXISTS FOR ()-[r:COOPERATE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_holds_role_id IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_affiliated_with_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() REQUIRE r.id IS UNIQUE;
// Forms lookup: forms_text is "|form|form|", so CONTAINS "|form|" is an
// exact form match the trigram text index answers.
CREATE TEXT INDEX entity_forms IF NOT EXISTS FOR (e:Entity) ON (e.forms_text);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
// Full-text search over names and aliases, for analysts:
// CALL db.index.fulltext.queryNodes('entity_names', 'araghchi')
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.forms_text];
