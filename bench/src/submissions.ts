import { randomUUID } from 'node:crypto';
import { samplePdf, type TestSigner } from '@egov/mocks';
import { S4_ACTION, S4_DOCUMENT, S4_SERVICE } from './scenarios/s4-submit.js';
import type { Submission } from './scenarios/types.js';

const INITIATE = `mutation Pay($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!, $k: String) {
  initiatePayment(serviceCode: $s, action: $a, payerId: $p, idempotencyKey: $k) { paymentUrl payment { id } }
}`;

/** Runs `task` over `items` with at most `limit` in flight. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * S4's inputs, prepared outside the measured runs through the same HTTP endpoints a portal uses
 * (test/support/flow.ts): a scan uploaded to the applications subgraph, and a licence fee opened through the
 * payments subgraph and paid at the (mock) bank. A submission takes the applicant's newest unused paid fee
 * and claims its scan, so each prepared tuple is good for exactly one accepted submission. Each is signed
 * beforehand by the applicant's head (the ЭЦП submitApplication requires), as NCALayer would in the portal.
 *
 * Tuples cycle through the applicants in a fixed order, so two submissions of one legal entity are always
 * hundreds of requests apart and never race for the same fee.
 */
export class SubmissionPool {
  private queue: Submission[] = [];
  private sequence = 0;
  prepared = 0;
  prepareMs = 0;

  constructor(
    private readonly bins: readonly string[],
    /** The applications subgraph, without /graphql: scans are uploaded to its POST /attachments. */
    private readonly applicationsBase: string,
    private readonly paymentsUrl: string,
    /** The applicant's head signs uploads and payment orders when the subgraphs check tokens. */
    private readonly authFor: (bin: string) => Readonly<Record<string, string>>,
    private readonly signer: TestSigner,
    /** The IIN of the legal entity's head, who signs its submissions. */
    private readonly headOf: (bin: string) => string,
  ) {
    if (bins.length < 100) throw new Error(`S4 needs many applicants; the fixture set has ${bins.length}`);
  }

  /** Makes sure at least `wanted` tuples are ready. */
  async ensure(wanted: number): Promise<void> {
    const missing = wanted - this.queue.length;
    if (missing <= 0) return;
    const started = performance.now();
    const bins = Array.from({ length: missing }, () => this.bins[this.sequence++ % this.bins.length]!);
    // One scan per upload, signed as the applicant (scans and fees are the applicant's own).
    const prepared = await inParallel(bins, 16, async (bin): Promise<Submission> => {
      const [scan] = await this.upload(bin, 1);
      await this.pay(bin);
      const { idempotencyKey, signature } = await this.signer.signedSubmission(
        { serviceCode: S4_SERVICE, action: S4_ACTION, applicantId: bin, attachments: [scan!] },
        this.headOf(bin),
      );
      return { bin, scanId: scan!.id, idempotencyKey, signature };
    });
    this.queue.push(...prepared);
    this.prepared += missing;
    this.prepareMs += performance.now() - started;
  }

  take(n: number): Submission[] {
    return this.queue.splice(0, n);
  }

  /** Tuples a run never sent go back to the front, in order. */
  giveBack(unused: Submission[]): void {
    this.queue.unshift(...unused);
  }

  private async upload(bin: string, count: number): Promise<{ id: string; sha256: string }[]> {
    const pdf = new Uint8Array(samplePdf('Appendix 3 (benchmark)'));
    const form = new FormData();
    for (let i = 0; i < count; i++) form.append(S4_DOCUMENT, new Blob([pdf], { type: 'application/pdf' }), `appendix-3-${i}.pdf`);
    const response = await fetch(`${this.applicationsBase}/attachments`, { method: 'POST', body: form, headers: this.authFor(bin) });
    const body = (await response.json()) as { attachments?: { id: string; sha256: string }[]; errors?: unknown };
    if (response.status !== 201 || !body.attachments) throw new Error(`scan upload failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body.attachments.map((a) => ({ id: a.id, sha256: a.sha256 }));
  }

  private async pay(bin: string): Promise<void> {
    const response = await fetch(this.paymentsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authFor(bin) },
      body: JSON.stringify({ query: INITIATE, variables: { s: S4_SERVICE, a: S4_ACTION, p: bin, k: randomUUID() } }),
    });
    const body = (await response.json()) as { data?: { initiatePayment?: { paymentUrl: string } }; errors?: unknown };
    const url = body.data?.initiatePayment?.paymentUrl;
    if (!url) throw new Error(`initiatePayment failed for a legal entity: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    const paid = await fetch(url, { method: 'POST' });
    await paid.arrayBuffer();
    if (paid.status !== 200) throw new Error(`paying the fee failed: ${paid.status}`);
  }
}
