// actorgraph graph export: load with cypher-shell -f FILE into an empty database.
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
CREATE TEXT INDEX entity_forms IF NOT EXISTS FOR (e:Entity) ON (e.forms_text);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.forms_text];
UNWIND [
  {aliases: [], forms: ['harbor daily'], forms_text: '|harbor daily|', id: 'media:harbor-daily', name: 'Harbor Daily', type: 'MEDIA'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Media, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {aliases: ['Farran'], forms: ['ali farran', 'farran'], forms_text: '|ali farran|farran|', id: 'person:ali-farran', name: 'Ali Farran', type: 'PERSON'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Person, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {author: '', forwarded_from: '', hash: '33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc', id: 'fx-4', key: 'sha256:33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc', platform: '', published: '', source: 'Capital Wire', title: '', url: '', views: 0}
] AS row
MERGE (a:Article {key: row.key}) SET a += row;
UNWIND [
  {aliases: ['Farran'], forms: ['sadeq farran', 'farran'], forms_text: '|sadeq farran|farran|', id: 'person:sadeq-farran', name: 'Sadeq Farran', type: 'PERSON'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Person, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {author: '', forwarded_from: '', hash: '41d43cabd666c0138d794d92e43bb931d9c18460b38cbd6dbef74b04c51ed63c', id: 'fx-3', key: 'url:https://example.org/news/farran-brothers', platform: '', published: '2025-05-20', source: 'Harbor Daily', title: 'The Farran brothers', url: 'https://example.org/news/farran-brothers', views: 0}
] AS row
MERGE (a:Article {key: row.key}) SET a += row;
UNWIND [
  {aliases: [], forms: ['norland'], forms_text: '|norland|', id: 'country:norland', name: 'Norland', type: 'COUNTRY'},
  {aliases: [], forms: ['oskaria'], forms_text: '|oskaria|', id: 'country:oskaria', name: 'Oskaria', type: 'COUNTRY'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Country, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {aliases: [], forms: ['norland trade office'], forms_text: '|norland trade office|', id: 'organization:norland-trade-office', name: 'Norland Trade Office', type: 'ORGANIZATION'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Organization, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {aliases: ['O\'Brien', 'Brien; S.'], forms: ['sean o brien', 'o brien', 'brien s'], forms_text: '|sean o brien|o brien|brien s|', id: 'person:sean-o-brien', name: 'Sean O\'Brien', type: 'PERSON'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Person, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {author: 'Ann O\'Neil', forwarded_from: 'Chan;nel|x', hash: '168105fa435581f875ee82a249b0bc62ae4f4c969e2ad95311fe2170d0b7f7d7', id: 'tricky', key: 'url:https://example.org/news/o\'brien?a=1;b=2', platform: 'telegram', published: '2025-08-01', source: 'Harbor Daily', title: 'It\'s "quoted"\\', url: 'https://example.org/news/o\'brien?a=1;b=2', views: 42}
] AS row
MERGE (a:Article {key: row.key}) SET a += row;
UNWIND [
  {aliases: ['Quist'], forms: ['mara quist', 'quist'], forms_text: '|mara quist|quist|', id: 'person:mara-quist', name: 'Mara Quist', type: 'PERSON'},
  {aliases: ['Brevik'], forms: ['tomas brevik', 'brevik'], forms_text: '|tomas brevik|brevik|', id: 'person:tomas-brevik', name: 'Tomas Brevik', type: 'PERSON'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Person, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {author: '', forwarded_from: '', hash: '0891936ba06437f5b439f7287160a36dbb4de3402aa35cb73ffc41a7d5aea9bf', id: 'fx-2', key: 'url:https://example.org/news/second-account', platform: '', published: '2025-03-12', source: 'Capital Wire', title: 'A second account of the talks', url: 'https://example.org/news/second-account', views: 0}
] AS row
MERGE (a:Article {key: row.key}) SET a += row;
UNWIND [
  {aliases: ['Valdorian'], forms: ['valdoria', 'valdorian'], forms_text: '|valdoria|valdorian|', id: 'country:valdoria', name: 'Valdoria', type: 'COUNTRY'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Country, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {aliases: ['council'], forms: ['council of ministers of valdoria', 'council'], forms_text: '|council of ministers of valdoria|council|', id: 'organization:council-of-ministers-of-valdoria', name: 'Council of Ministers of Valdoria', type: 'ORGANIZATION'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Organization, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {author: '', forwarded_from: '', hash: '5b9edca3dd6a6cabfc16270857b9de502c41297dcd15551023ba0594c75ac60c', id: 'fx-1', key: 'url:https://example.org/news/valdoria-norland-talks', platform: '', published: '2025-03-10', source: 'Harbor Daily', title: 'Valdoria and Norland hold talks', url: 'https://example.org/news/valdoria-norland-talks', views: 0}
] AS row
MERGE (a:Article {key: row.key}) SET a += row;
UNWIND [
  {aliases: [], forms: ['port selden'], forms_text: '|port selden|', id: 'location:port-selden', name: 'Port Selden', type: 'LOCATION'}
] AS row
MERGE (e:Entity {id: row.id}) SET e:Location, e += row WITH e UNWIND e.forms AS form MERGE (k:Form {key: form}) MERGE (k)-[:FORM_OF]->(e);
UNWIND [
  {article: 'sha256:33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc', count: 1, entity: 'media:harbor-daily'},
  {article: 'sha256:33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc', count: 1, entity: 'person:ali-farran'},
  {article: 'url:https://example.org/news/farran-brothers', count: 2, entity: 'country:norland'},
  {article: 'url:https://example.org/news/farran-brothers', count: 2, entity: 'country:oskaria'},
  {article: 'url:https://example.org/news/farran-brothers', count: 1, entity: 'organization:norland-trade-office'},
  {article: 'url:https://example.org/news/farran-brothers', count: 2, entity: 'person:ali-farran'},
  {article: 'url:https://example.org/news/farran-brothers', count: 2, entity: 'person:sadeq-farran'},
  {article: 'url:https://example.org/news/o\'brien?a=1;b=2', count: 0, entity: 'country:norland'},
  {article: 'url:https://example.org/news/o\'brien?a=1;b=2', count: 0, entity: 'person:sean-o-brien'},
  {article: 'url:https://example.org/news/second-account', count: 1, entity: 'country:norland'},
  {article: 'url:https://example.org/news/second-account', count: 1, entity: 'country:valdoria'},
  {article: 'url:https://example.org/news/second-account', count: 1, entity: 'media:harbor-daily'},
  {article: 'url:https://example.org/news/second-account', count: 2, entity: 'organization:council-of-ministers-of-valdoria'},
  {article: 'url:https://example.org/news/second-account', count: 1, entity: 'person:mara-quist'},
  {article: 'url:https://example.org/news/second-account', count: 1, entity: 'person:tomas-brevik'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 2, entity: 'country:norland'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 1, entity: 'country:oskaria'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 2, entity: 'country:valdoria'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 1, entity: 'location:port-selden'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 2, entity: 'person:mara-quist'},
  {article: 'url:https://example.org/news/valdoria-norland-talks', count: 2, entity: 'person:tomas-brevik'}
] AS row
MATCH (a:Article {key: row.article}), (e:Entity {id: row.entity}) MERGE (a)-[m:MENTIONS]->(e) SET m.count = row.count;
UNWIND [
  {o: 'organization:norland-trade-office', props: {attributed_to: [], confidence: 0.55, date: '', evidence: ['{"article_key":"url:https://example.org/news/farran-brothers","article_id":"fx-3","article_url":"https://example.org/news/farran-brothers","article_title":"The Farran brothers","published":"2025-05-20","source":"harbor daily","text":"His brother Sadeq Farran leads the Norland Trade Office, which Oskaria has praised.","start":93,"end":176,"confidence":0.55,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/farran-brothers'], id: 'rel:0d9e06fada794bd42bcf', polarity: 'asserted', role: '', sources: ['harbor daily'], support: 1, via: []}, s: 'country:norland'},
  {o: 'organization:council-of-ministers-of-valdoria', props: {attributed_to: [], confidence: 0.65, date: '', evidence: ['{"article_key":"url:https://example.org/news/second-account","article_id":"fx-2","article_url":"https://example.org/news/second-account","article_title":"A second account of the talks","published":"2025-03-12","source":"capital wire","text":"Norland accused the Council of Ministers of Valdoria on Tuesday of delaying the fishing accord.","start":56,"end":151,"confidence":0.65,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/second-account'], id: 'rel:fd33f0e69678f94eb5f4', polarity: 'asserted', role: '', sources: ['capital wire'], support: 1, via: []}, s: 'country:valdoria'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:AFFILIATED_WITH {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'country:norland', props: {attributed_to: [], confidence: 0.6, date: '', evidence: ['{"article_key":"url:https://example.org/news/farran-brothers","article_id":"fx-3","article_url":"https://example.org/news/farran-brothers","article_title":"The Farran brothers","published":"2025-05-20","source":"harbor daily","text":"Ali Farran, a lawmaker in Norland, urged Oskaria on Monday to mediate between the two sides.","start":0,"end":92,"confidence":0.6,"via":null,"attributed_to":null,"role":"Lawmaker"}'], evidence_articles: ['url:https://example.org/news/farran-brothers'], id: 'rel:15a110e96d16e4b6dfb3', polarity: 'asserted', role: 'Lawmaker', sources: ['harbor daily'], support: 1, via: []}, s: 'person:ali-farran'},
  {o: 'country:valdoria', props: {attributed_to: [], confidence: 0.9, date: '', evidence: ['{"article_key":"url:https://example.org/news/valdoria-norland-talks","article_id":"fx-1","article_url":"https://example.org/news/valdoria-norland-talks","article_title":"Valdoria and Norland hold talks","published":"2025-03-10","source":"harbor daily","text":"Valdorian Foreign Minister Mara Quist met Norland\'s envoy Tomas Brevik in Port Selden on Saturday.","start":0,"end":98,"confidence":0.9,"via":null,"attributed_to":null,"role":"Foreign Minister"}'], evidence_articles: ['url:https://example.org/news/valdoria-norland-talks'], id: 'rel:9f79571cd575e37ad096', polarity: 'asserted', role: 'Foreign Minister', sources: ['harbor daily'], support: 1, via: []}, s: 'person:mara-quist'},
  {o: 'organization:norland-trade-office', props: {attributed_to: [], confidence: 0.7, date: '', evidence: ['{"article_key":"url:https://example.org/news/farran-brothers","article_id":"fx-3","article_url":"https://example.org/news/farran-brothers","article_title":"The Farran brothers","published":"2025-05-20","source":"harbor daily","text":"His brother Sadeq Farran leads the Norland Trade Office, which Oskaria has praised.","start":93,"end":176,"confidence":0.7,"via":null,"attributed_to":null,"role":"Head"}'], evidence_articles: ['url:https://example.org/news/farran-brothers'], id: 'rel:d38456f6121d08bd7b81', polarity: 'asserted', role: 'Head', sources: ['harbor daily'], support: 1, via: []}, s: 'person:sadeq-farran'},
  {o: 'country:norland', props: {attributed_to: [], confidence: 0.8, date: '', evidence: ['{"article_key":"url:https://example.org/news/valdoria-norland-talks","article_id":"fx-1","article_url":"https://example.org/news/valdoria-norland-talks","article_title":"Valdoria and Norland hold talks","published":"2025-03-10","source":"harbor daily","text":"Valdorian Foreign Minister Mara Quist met Norland\'s envoy Tomas Brevik in Port Selden on Saturday.","start":0,"end":98,"confidence":0.8,"via":null,"attributed_to":null,"role":"Envoy"}'], evidence_articles: ['url:https://example.org/news/valdoria-norland-talks'], id: 'rel:e84e0c1612231d1e9100', polarity: 'asserted', role: 'Envoy', sources: ['harbor daily'], support: 1, via: []}, s: 'person:tomas-brevik'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:HOLDS_ROLE {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'country:norland', props: {attributed_to: [], confidence: 0.7, date: '2025-07-31', evidence: ['{"article_key":"url:https://example.org/news/o\'brien?a=1;b=2","article_id":"tricky","article_url":"https://example.org/news/o\'brien?a=1;b=2","article_title":"It\'s \\"quoted\\"\\\\","published":"2025-08-01","source":"harbor daily","text":"O\'Brien said \\"no\\" \\\\ twice;\\nthen left.","start":0,"end":37,"confidence":0.7,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/o\'brien?a=1;b=2'], id: 'rel:1c866961c8a0c7954333', polarity: 'asserted', role: '', sources: ['harbor daily'], support: 1, via: []}, s: 'person:sean-o-brien'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:REJECT {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'media:harbor-daily', props: {attributed_to: [], confidence: 0.5, date: '', evidence: ['{"article_key":"sha256:33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc","article_id":"fx-4","article_url":"","article_title":"","published":"","source":"capital wire","text":"Farran told Harbor Daily that the office would reopen.","start":0,"end":54,"confidence":0.5,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['sha256:33afa201c820128fb0d187b5f9e9ead6dc0af16cb6d86c6cc09232c8d65283dc'], id: 'rel:5f1daec4a46817abcf05', polarity: 'asserted', role: '', sources: ['capital wire'], support: 1, via: []}, s: 'person:ali-farran'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:COMMUNICATE {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'organization:norland-trade-office', props: {attributed_to: [], confidence: 0.5, date: '2025', evidence: ['{"article_key":"url:https://example.org/news/farran-brothers","article_id":"fx-3","article_url":"https://example.org/news/farran-brothers","article_title":"The Farran brothers","published":"2025-05-20","source":"harbor daily","text":"His brother Sadeq Farran leads the Norland Trade Office, which Oskaria has praised.","start":93,"end":176,"confidence":0.5,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/farran-brothers'], id: 'rel:73d4eb64e3da105b4e9f', polarity: 'asserted', role: '', sources: ['harbor daily'], support: 1, via: []}, s: 'country:oskaria'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:SUPPORT {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'organization:council-of-ministers-of-valdoria', props: {attributed_to: [], confidence: 0.6, date: '2025-03-11', evidence: ['{"article_key":"url:https://example.org/news/second-account","article_id":"fx-2","article_url":"https://example.org/news/second-account","article_title":"A second account of the talks","published":"2025-03-12","source":"capital wire","text":"Norland accused the Council of Ministers of Valdoria on Tuesday of delaying the fishing accord.","start":56,"end":151,"confidence":0.6,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/second-account'], id: 'rel:9e3043244438a0fbb332', polarity: 'asserted', role: '', sources: ['capital wire'], support: 1, via: []}, s: 'country:norland'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:ACCUSE {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'country:valdoria', props: {attributed_to: ['person:mara-quist'], confidence: 0.7, date: '', evidence: ['{"article_key":"url:https://example.org/news/valdoria-norland-talks","article_id":"fx-1","article_url":"https://example.org/news/valdoria-norland-talks","article_title":"Valdoria and Norland hold talks","published":"2025-03-10","source":"harbor daily","text":"Valdoria will not negotiate with Norland over fishing rights, Quist said.","start":163,"end":236,"confidence":0.7,"via":null,"attributed_to":["person:mara-quist"],"role":""}'], evidence_articles: ['url:https://example.org/news/valdoria-norland-talks'], id: 'rel:a0304065b60226b739e8', polarity: 'negated', role: '', sources: ['harbor daily'], support: 1, via: []}, s: 'country:norland'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:NEGOTIATE {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'person:tomas-brevik', props: {attributed_to: ['media:harbor-daily'], confidence: 0.95, date: '2025-03-08', evidence: ['{"article_key":"url:https://example.org/news/second-account","article_id":"fx-2","article_url":"https://example.org/news/second-account","article_title":"A second account of the talks","published":"2025-03-12","source":"capital wire","text":"Brevik and Quist met on 8 March, Harbor Daily reported.","start":0,"end":55,"confidence":0.95,"via":null,"attributed_to":["media:harbor-daily"],"role":""}', '{"article_key":"url:https://example.org/news/valdoria-norland-talks","article_id":"fx-1","article_url":"https://example.org/news/valdoria-norland-talks","article_title":"Valdoria and Norland hold talks","published":"2025-03-10","source":"harbor daily","text":"Valdorian Foreign Minister Mara Quist met Norland\'s envoy Tomas Brevik in Port Selden on Saturday.","start":0,"end":98,"confidence":0.8,"via":["country:oskaria"],"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/second-account', 'url:https://example.org/news/valdoria-norland-talks'], id: 'rel:c924678b3ad3ec67cb93', polarity: 'asserted', role: '', sources: ['capital wire', 'harbor daily'], support: 2, via: ['country:oskaria']}, s: 'person:mara-quist'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:MEET {id: row.props.id}]->(o) SET r += row.props;
UNWIND [
  {o: 'country:oskaria', props: {attributed_to: [], confidence: 0.75, date: '2025-05-19', evidence: ['{"article_key":"url:https://example.org/news/farran-brothers","article_id":"fx-3","article_url":"https://example.org/news/farran-brothers","article_title":"The Farran brothers","published":"2025-05-20","source":"harbor daily","text":"Ali Farran, a lawmaker in Norland, urged Oskaria on Monday to mediate between the two sides.","start":0,"end":92,"confidence":0.75,"via":null,"attributed_to":null,"role":""}'], evidence_articles: ['url:https://example.org/news/farran-brothers'], id: 'rel:f7aece4010451cd665b0', polarity: 'asserted', role: '', sources: ['harbor daily'], support: 1, via: []}, s: 'person:ali-farran'}
] AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) MERGE (s)-[r:REQUEST {id: row.props.id}]->(o) SET r += row.props;
