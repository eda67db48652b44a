#!/usr/bin/env node
/**
 * The README's promise on the machine's Node (20): `npm start` brings the whole graph up on a fresh clone, and a
 * citizen's token reads their record through the gateway. Starts `npm start`, waits for the gateway's /health,
 * asks `person { fullName }`, then stops it with SIGTERM and checks it exits cleanly. Exit 0 when all of that
 * holds. Plain JavaScript: it runs before anything is built.
 */
import { execFileSync, spawn } from 'node:child_process';

const GATEWAY = 'http://127.0.0.1:4000';
const IIN = '850314301234';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Its own process group, so a stop reaches npm, the start script and every part it started, and nothing is left
// holding a port (or this script's pipes) for the test suite that runs next.
const graph = spawn(npm, ['start'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let output = '';
for (const stream of [graph.stdout, graph.stderr]) stream.on('data', (chunk) => (output += chunk.toString()));
// 'close', not 'exit': every process of the group has let go of the pipes, so none is left running.
const exited = new Promise((resolve) => graph.once('close', (code, signal) => resolve({ code, signal })));
const stopGroup = (signal) => {
  try {
    process.kill(-graph.pid, signal);
  } catch {
    // already gone
  }
};

function fail(message) {
  console.error(`start smoke: ${message}\n--- npm start said (last 4000 characters) ---\n${output.slice(-4000)}`);
  stopGroup('SIGKILL');
  process.exit(1);
}

const deadline = Date.now() + 240_000;
for (;;) {
  if (graph.exitCode !== null) fail(`npm start exited with ${graph.exitCode}`);
  const healthy = await fetch(`${GATEWAY}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (healthy) break;
  if (Date.now() > deadline) fail('the gateway did not answer /health within 240 s');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

const token = execFileSync(npm, ['run', '-s', 'token', '--', 'citizen', IIN], { encoding: 'utf8' }).trim();
const answer = await fetch(`${GATEWAY}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: `{ person(iin: "${IIN}") { fullName licenses { number } } }` }),
}).then((r) => r.json());
if (!answer.data?.person?.fullName) fail(`the citizen's query did not answer: ${JSON.stringify(answer).slice(0, 500)}`);

stopGroup('SIGTERM');
const stop = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 40_000))]);
if (!stop) fail('npm start did not stop within 40 s of SIGTERM');
console.log(
  `start smoke: npm start on Node ${process.version} answered a citizen's record (${answer.data.person.licenses.length} licences), stopped with ${JSON.stringify(stop)}`,
);
// Whatever handle fetch keeps, the smoke is over: CI goes on to the suite.
process.exit(0);
