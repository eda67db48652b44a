import type { Ctx, Inputs, ScenarioDriver, Submission } from './types.js';

/** The service S4 applies for: one scan (the information form) and a licence fee of 10 MRP. */
export const S4_SERVICE = 'state-symbols-licence';
export const S4_ACTION = 'ISSUE';
export const S4_DOCUMENT = 'information-form';

/** S4, first request: the portal's draft (test/support/flow.ts), everything prefilled from the registries. */
export const DRAFT_QUERY = `query Draft($s: ID!, $a: ServiceActionKind!, $id: ApplicantId!) {
  applicationDraft(serviceCode: $s, action: $a, applicantId: $id) {
    applicantKind channel eligible reasons { code message field }
    fields { formId fieldId value source { registry path recordId } filledBy }
    documents { document { id } status summary unavailableBecause }
    attachmentsNeeded { id name }
    fee { kind amountMrp amount paid payment { id } }
    expectedResult { startDate dueDate }
  }
}`;

/** S4, second request: the submission, with the scan and the paid fee prepared before the run. */
export const SUBMIT_MUTATION = `mutation Submit($input: SubmitApplicationInput!) {
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
}`;

/** A request still has to go out when the prepared pool is used up; its answer then counts as wrong. */
const EXHAUSTED: Submission = { bin: '000000000000', scanId: 'att_pool_exhausted', idempotencyKey: 'pool-exhausted', signature: 'unsigned' };

export function checkDraft(draft: any, bin: string): string | null {
  if (!draft) return 'applicationDraft missing';
  if (draft.eligible !== true) return `not eligible: ${JSON.stringify(draft.reasons)}`;
  if (draft.fee?.paid !== true) return `fee not paid for ${bin}`;
  if (!draft.fields?.some((f: any) => f.source?.recordId === bin)) return 'no field prefilled from the applicant record';
  return null;
}

export function checkReceipt(result: any): string | null {
  if (result?.__typename !== 'ApplicationReceipt') return `rejected: ${(result?.problems ?? []).map((p: any) => p.code).join(',') || JSON.stringify(result)}`;
  if (result.replayed !== false) return 'receipt replayed';
  if (!/^EL-\d{4}-\d+$/.test(result.number ?? '')) return `odd receipt number ${result.number}`;
  return null;
}

export function submitScenario(inputs: Inputs): ScenarioDriver {
  const take = (ctx: Ctx): Submission => (ctx.submission as Submission | undefined) ?? EXHAUSTED;
  return {
    // The head of the legal entity, signed in, acting for it.
    caller: (ctx) => {
      const head = inputs.fx.entities.get(take(ctx).bin)?.headIin;
      return head ? { kind: 'citizen', iin: head } : null;
    },
    steps: [
      {
        name: 'draft',
        body(ctx) {
          const next = inputs.nextSubmission();
          ctx.submission = next ?? EXHAUSTED;
          ctx.exhausted = next === null;
          return { query: DRAFT_QUERY, variables: { s: S4_SERVICE, a: S4_ACTION, id: take(ctx).bin }, operationName: 'Draft' };
        },
        check: (data, ctx) => (ctx.exhausted ? 'submission pool exhausted' : checkDraft(data?.applicationDraft, take(ctx).bin)),
      },
      {
        name: 'submit',
        body(ctx) {
          const { bin, scanId, idempotencyKey, signature } = take(ctx);
          return {
            query: SUBMIT_MUTATION,
            variables: {
              input: {
                serviceCode: S4_SERVICE,
                action: S4_ACTION,
                applicantId: bin,
                attachmentIds: [scanId],
                idempotencyKey,
                signature,
              },
            },
            operationName: 'Submit',
          };
        },
        check: (data, ctx) => (ctx.exhausted ? 'submission pool exhausted' : checkReceipt(data?.submitApplication)),
      },
    ],
    floor: { kind: 'subgraph', subgraph: 'applications' },
  };
}
