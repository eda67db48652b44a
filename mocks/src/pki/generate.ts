/**
 * Regenerates the committed test PKI in mocks/data/pki (run from the repository root):
 *
 *   node --conditions=source --import tsx mocks/src/pki/generate.ts
 *
 * New keys every run (so every signature made with the old files stops verifying); the file names stay
 * the same. Everything is valid from two years before today (so tests pinned to a past date, such as
 * FIXTURE_TODAY, still see valid certificates) until ten years after; the CAs outlive that.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { createTestCa, privateKeyToPem } from './ca.js';
import { TEST_PKI_FILES, TEST_SIGNER_NAMES, TEST_SIGNERS } from './files.js';

const yearsFromNow = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
};
const from = yearsFromNow(-2);
const until = yearsFromNow(10);

// The CA's clock is set back: its certificates start a day before it, people's certificates likewise.
const ca = await createTestCa({ name: 'НУЦ РК (TEST)', now: from });
const written: string[] = [];
const write = async (path: string, text: string) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  written.push(relative(process.cwd(), path));
};

for (const name of TEST_SIGNER_NAMES) {
  const { revoked, ...person } = { revoked: false, ...TEST_SIGNERS[name] };
  const issued = await ca.issue({ ...person, notAfter: until });
  if (revoked) ca.revoke(issued);
  await write(TEST_PKI_FILES.certificate(name), issued.certificatePem);
  await write(TEST_PKI_FILES.key(name), await privateKeyToPem(issued.privateKey));
}
await write(TEST_PKI_FILES.root, ca.rootPem);
await write(TEST_PKI_FILES.issuingCa, ca.intermediatePem);
await write(TEST_PKI_FILES.issuingCaKey, await ca.intermediateKeyPem());
await write(TEST_PKI_FILES.crl, await ca.crlPem({ thisUpdate: from, nextUpdate: until }));

process.stdout.write(
  `Test PKI written (valid ${from.toISOString().slice(0, 10)} to ${until.toISOString().slice(0, 10)}):\n${written.map((f) => `  ${f}`).join('\n')}\n`,
);
