// Lint Cypher statements with Neo4j's own front end (@neo4j-cypher/language-support).
//
// stdin:  {"statements": ["MATCH ...", ...], "schema": {labels, relationshipTypes, propertyKeys}}
// stdout: [{"statement": i, "diagnostics": [{"severity": 1|2|..., "message": "..."}]}, ...]
// Used by tests/test_cypher_lint.py so that what lcg sends to ArcadeDB is also valid Neo4j 5 Cypher.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { statements, schema = {} } = JSON.parse(input);
const dbSchema = { defaultLanguage: 'CYPHER 5', ...schema };
const out = statements.map((statement, i) => {
  const { diagnostics } = lintCypherQuery(statement, dbSchema);
  return {
    statement: i,
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, message: d.message })),
  };
});
process.stdout.write(JSON.stringify(out));
