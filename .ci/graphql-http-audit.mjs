// GraphQL over HTTP compliance: runs the graphql-http server audits against a running service
// and fails if any MUST or SHOULD audit does not pass (MAY audits are only reported).
//
//   npm ci --prefix .ci && node .ci/graphql-http-audit.mjs http://127.0.0.1:8080/graphql admin demo
//
// Every request of the audit carries the given user's HTTP Basic credentials, because the
// service answers 401 to anonymous requests before GraphQL sees them.
import { auditServer } from 'graphql-http';

const [url, user, password] = process.argv.slice(2);
if (!url || !user || password === undefined) {
  console.error('usage: node graphql-http-audit.mjs <url> <user> <password>');
  process.exit(2);
}

const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

function fetchWithLogin(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', authorization);
  return fetch(input, { ...init, headers });
}

const results = await auditServer({ url, fetchFn: fetchWithLogin });

let failed = 0;
for (const result of results) {
  const required = result.name.startsWith('MUST') || result.name.startsWith('SHOULD');
  const passed = result.status === 'ok';
  if (required && !passed) {
    failed++;
  }
  const mark = passed ? 'ok  ' : required ? 'FAIL' : 'note';
  console.log(`${mark} ${result.id} ${result.name}${passed ? '' : ` -- ${result.reason}`}`);
}
const required = results.filter((r) => r.name.startsWith('MUST') || r.name.startsWith('SHOULD')).length;
console.log(`graphql-http audit: ${required - failed} of ${required} MUST/SHOULD audits passed, ${results.length} audits run`);
process.exit(failed === 0 ? 0 : 1);
