/**
 * Signs a JSON file with a committed test key, the way NCALayer would, and prints the base64 detached
 * CMS signature (run from the repository root):
 *
 *   node --conditions=source --import tsx mocks/src/pki/sign-cli.ts 850314301234 payload.json      (a file, or - for stdin)
 *
 * The bytes signed are canonicalBytes of the JSON. A payload whose `type` is egov-graph/application/v1 or
 * egov-graph/decision/v1 is first rebuilt with applicationPayload / decisionPayload, exactly as the server
 * rebuilds it (attachments sorted by id, fields by fieldId, absent paymentId/refusalGround/note as null),
 * so the order in the file does not matter. Signers: see mocks/data/pki/README.md (850314301234-revoked
 * signs with the revoked certificate).
 */
import { readFile } from 'node:fs/promises';
import { canonicalBytes } from '@egov/core';
import {
  APPLICATION_PAYLOAD_TYPE,
  type ApplicationPayloadInput,
  applicationPayload,
  DECISION_PAYLOAD_TYPE,
  type DecisionPayloadInput,
  decisionPayload,
  signDetached,
} from '@egov/security/signatures';
import { loadTestPki, TEST_SIGNER_NAMES } from './files.js';

const USAGE = `usage: node --conditions=source --import tsx mocks/src/pki/sign-cli.ts <signer> <payload.json | ->\nsigners: ${TEST_SIGNER_NAMES.join(', ')}\n`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** What the server will rebuild from the submitted input, for the payload types it knows. */
function payloadToSign(json: unknown): unknown {
  const type = (json as { type?: unknown } | null)?.type;
  if (type === APPLICATION_PAYLOAD_TYPE) return applicationPayload(json as ApplicationPayloadInput);
  if (type === DECISION_PAYLOAD_TYPE) return decisionPayload(json as DecisionPayloadInput);
  return json;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const [signerName, path, ...extra] = process.argv.slice(2);
if (!signerName || !path || extra.length > 0) fail(USAGE);
if (!(TEST_SIGNER_NAMES as string[]).includes(signerName)) fail(`unknown signer "${signerName}"\n${USAGE}`);

let json: unknown;
try {
  json = JSON.parse(path === '-' ? await readStdin() : await readFile(path, 'utf8'));
} catch (error) {
  fail(`cannot read JSON from ${path}: ${(error as Error).message}`, 1);
}

const signer = (await loadTestPki()).signer(signerName);
const signature = await signDetached({
  payload: canonicalBytes(payloadToSign(json)),
  privateKey: signer.privateKey,
  certificate: signer.certificatePem,
  chain: signer.chainPem,
});
process.stdout.write(`${signature}\n`);
