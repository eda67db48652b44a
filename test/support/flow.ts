import { allScopesHeaders, bearer, type SubmissionDraft, TestSigner, type TokenRequest } from '@egov/mocks';
import { type GraphQLResponse, postGraphQL } from '@egov/testkit';
import type { RunningGraph } from './graph.js';

/** The test CA's signer, loaded once per test file. */
export const testSigner = () => TestSigner.shared();

export interface Uploaded {
  id: string;
  documentId: string;
  sha256: string;
}

/**
 * What a portal does for a signed-in person: every call carries their token, and submissions carry their
 * signature (ЭЦП) over exactly what is submitted, as the portal's signing widget would make it.
 */
export function portal(graph: RunningGraph, as: TokenRequest & { iin: string }) {
  const headers = bearer(as);
  const ask = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    postGraphQL<T>(graph.gatewayUrl, query, variables, await headers);

  return {
    ask,

    draft: (serviceCode: string, action: string, applicantId: string) =>
      ask(
        `query Draft($s: ID!, $a: ServiceActionKind!, $id: ApplicantId!) {
          applicationDraft(serviceCode: $s, action: $a, applicantId: $id) {
            applicantKind channel eligible reasons { code message field }
            fields { formId fieldId value source { registry path recordId } filledBy }
            documents { document { id } status summary unavailableBecause }
            attachmentsNeeded { id name }
            fee { kind amountMrp amount paid payment { id } }
            expectedResult { startDate dueDate }
          }
        }`,
        { s: serviceCode, a: action, id: applicantId },
      ),

    /** Uploads scans through the gateway; each is filed under the catalog document it is for. */
    async upload(files: { document: string; file: Buffer; name: string }[]): Promise<Uploaded[]> {
      const form = new FormData();
      for (const f of files) form.append(f.document, new Blob([new Uint8Array(f.file)]), f.name);
      const response = await fetch(`${graph.gatewayBase}/attachments`, { method: 'POST', body: form, headers: await headers });
      const body = (await response.json()) as { attachments?: Uploaded[]; errors?: unknown };
      if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
      return body.attachments!;
    },

    /** Opens the fee's payment order and pays it at the (mock) bank. */
    async pay(serviceCode: string, action: string, payerId: string): Promise<string> {
      const opened = await ask(
        `mutation($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!) { initiatePayment(serviceCode: $s, action: $a, payerId: $p) { paymentUrl payment { id } } }`,
        { s: serviceCode, a: action, p: payerId },
      );
      if (opened.errors) throw new Error(JSON.stringify(opened.errors));
      await fetch(opened.data.initiatePayment.paymentUrl, { method: 'POST' });
      return opened.data.initiatePayment.payment.id;
    },

    /** The submitApplication input with the applicant's signature over it (a company's, by its head, for its BIN). */
    signedInput: async (input: SubmissionDraft) => (await testSigner()).signedSubmission(input, as.iin),

    async submit(input: SubmissionDraft) {
      return this.submitSigned(await this.signedInput(input));
    },

    submitSigned: (input: object) =>
      ask(
        `mutation Submit($input: SubmitApplicationInput!) {
          submitApplication(input: $input) {
            __typename
            ... on ApplicationReceipt {
              number acceptedAt action replayed expectedResultDate
              service { code }
              documents { documentId supply attachmentIds registry summary }
              application { status dueDate }
            }
            ... on ApplicationRejected { problems { code field message } }
          }
        }`,
        { input },
      ),
  };
}

/** What an officer's workstation does: calls with the officer's token, decisions signed with their ЭЦП. */
export function officer(graph: RunningGraph, as: { iin: string; agency: string; roles?: string[] }) {
  const headers = bearer({ kind: 'officer', ...as });
  const ask = async (query: string, variables?: Record<string, unknown>) => postGraphQL(graph.gatewayUrl, query, variables, await headers);
  return {
    ask,
    startReview: (number: string) => ask(`mutation($n: String!) { startReview(number: $n) { status } }`, { n: number }),
    async decide(number: string, decision: { outcome: 'ISSUE' | 'REFUSE'; refusalGround?: string; note?: string }, selection = 'status') {
      const signature = await (await testSigner()).signDecision({
        number,
        outcome: decision.outcome,
        refusalGround: decision.refusalGround ?? null,
        note: decision.note ?? null,
        officerId: as.iin,
      });
      return ask(`mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { ${selection} } }`, {
        input: { number, ...decision, signature },
      });
    },
  };
}

/** A partner system with every scope (development only), for reads across many people. */
export async function allScopesPartner(graph: RunningGraph) {
  const headers = await allScopesHeaders();
  return (query: string, variables?: Record<string, unknown>) => postGraphQL(graph.gatewayUrl, query, variables, headers);
}
