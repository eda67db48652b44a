import { randomUUID } from 'node:crypto';
import { postGraphQL, type GraphQLResponse } from '@egov/shared/testing';
import type { RunningGraph } from './graph.js';

/** The calls a portal makes, as small helpers, so flow tests read like the flow. */
export function portal(graph: RunningGraph) {
  const ask = <T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => postGraphQL<T>(graph.gatewayUrl, query, variables);

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
    async upload(files: { document: string; file: Buffer; name: string }[]): Promise<{ id: string; documentId: string }[]> {
      const form = new FormData();
      for (const f of files) form.append(f.document, new Blob([new Uint8Array(f.file)]), f.name);
      const response = await fetch(`${graph.gatewayBase}/attachments`, { method: 'POST', body: form });
      const body = (await response.json()) as { attachments?: { id: string; documentId: string }[]; errors?: unknown };
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

    submit: (input: { serviceCode: string; action: string; applicantId: string; attachmentIds: string[]; paymentId?: string; idempotencyKey?: string }) =>
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
        { input: { idempotencyKey: randomUUID(), ...input } },
      ),
  };
}
