// Runs the graphql-http audit suite against a running CaseGraph and prints one line per check.
// Usage: node graphql-http-audit.mjs http://127.0.0.1:PORT/graphql
// Exit code 1 when any MUST fails ('error') or any SHOULD warns ('warn'); MAY notices are listed only.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
let problems = 0;
let notices = 0;
for (const result of results) {
  const line = `${result.status.toUpperCase()} ${result.name}`;
  if (result.status === 'ok') {
    console.log(line);
  } else {
    if (result.status === 'notice') {
      notices++;
    } else {
      problems++;
    }
    console.log(`${line}: ${result.reason}`);
  }
}
console.log(`audit: ${results.length - problems - notices} passed, ${problems} failed, ${notices} notices`);
process.exit(problems === 0 ? 0 : 1);
