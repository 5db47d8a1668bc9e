// Runs the README's browser example of the live inbox (the ```js block under "## Live inbox") against a
// started service, as written but for its address and login: it subscribes over WebSocket on one node, a
// task is created through POST /graphql on another (or the same) node, and the example must print the
// TASK_CREATED event within 10 s.
//   node --experimental-websocket .ci/live-example.mjs <ws-url of node B> <http-url of node A> <user> <password>
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const [wsUrl, httpUrl, user, password] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Live inbox'));
const block = /```js\n([\s\S]*?)```/.exec(section);
if (!block) throw new Error('no ```js block under "## Live inbox" in README.md');
const code = block[1]
  .replace("'ws://localhost:8080/graphql-ws'", JSON.stringify(wsUrl))
  .replace("btoa('hr:demo')", `btoa(${JSON.stringify(`${user}:${password}`)})`);
if (code === block[1]) throw new Error('the example no longer names ws://localhost:8080/graphql-ws and hr:demo');

const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
async function graphql(query, variables = {}) {
  const r = await fetch(httpUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const printed = [];
const log = console.log;
console.log = (...args) => { printed.push(args); log(...args); };
const file = join(here, 'live-example.tmp.mjs');
writeFileSync(file, code);
try {
  await import(pathToFileURL(file).href);
  const branch = (await graphql('{ branches(first: 1) { nodes { id } } }')).branches.nodes[0].id;
  // Give the subscription a moment to be registered by the server before the change it must hear of.
  await new Promise((r) => setTimeout(r, 1000));
  const app = (await graphql(`mutation($b: ID!) { submitApplication(input: {name: "实时示例", phone: "13900002222",
      email: "live@example.com", origin: EXTERNAL, education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年经验",
      declaresEthics: true, declaresNoBadRecord: true, declaresHealthy: true, branchId: $b, region: URBAN}) {
      application { id } } }`, { b: branch })).submitApplication.application.id;
  const key = `APPLICATION-${app}`;
  const deadline = Date.now() + 10_000;
  while (!printed.some(([e]) => e && e.kind === 'TASK_CREATED' && e.businessKey === key)) {
    if (Date.now() > deadline) throw new Error(`no TASK_CREATED for ${key} within 10 s; printed: ${JSON.stringify(printed)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`live example: heard TASK_CREATED of ${key}`);
  process.exit(0);
} finally {
  rmSync(file, { force: true });
}
