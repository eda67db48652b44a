import { applicantIdOf } from '@egov/contracts';
import { ErrorCode, graphqlError } from '@egov/core';
import { applicantReference } from '@egov/subgraph-kit';
import type { Resolvers } from '../generated/graphql.js';

/** Drafts, submissions, applications and officers' decisions. */
export const applicationResolvers: Resolvers = {
  Query: {
    applicationDraft: async (_root, { serviceCode, action, applicantId }, { app, auth }) => {
      await auth.require({ kind: 'act-for', applicantId: applicantIdOf(applicantId) });
      return app.applications.draft(serviceCode, action, applicantId);
    },
    application: (_root, { number }, { app, auth }) => app.applications.visible(number, auth),
    applicationsToHandle: async (_root, { status, first }, { app, auth }) => {
      const officer = auth.principal;
      const agency = officer.kind === 'officer' ? app.agencies.get(officer.agency ?? '') : undefined;
      if (!agency)
        throw graphqlError(officer.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, 'The work queue is for officers of a known agency');
      return app.store.forAgency(agency.services, agency.region, status ?? ['SUBMITTED', 'IN_REVIEW'], first ?? 50);
    },
  },
  Mutation: {
    submitApplication: async (_root, { input }, { app, auth }) => {
      await auth.require({ kind: 'act-for', applicantId: applicantIdOf(input.applicantId) });
      const result = await app.applications.submit({
        serviceCode: input.serviceCode,
        action: input.action,
        applicant: input.applicantId,
        attachmentIds: input.attachmentIds,
        paymentId: input.paymentId ?? null,
        idempotencyKey: input.idempotencyKey,
        fields: input.fields ?? [],
        signature: input.signature,
        submittedBy: auth.principal.iin,
      });
      return result.kind === 'accepted'
        ? { __typename: 'ApplicationReceipt', application: result.application, replayed: result.replayed }
        : { __typename: 'ApplicationRejected', problems: result.problems };
    },
    startReview: (_root, { number }, { app, auth }) => app.applications.startReview(number, auth),
    decideApplication: (_root, { input }, { app, auth }) =>
      app.applications.decide(
        input.number,
        { outcome: input.outcome, refusalGround: input.refusalGround ?? null, note: input.note ?? null },
        auth,
        input.signature,
      ),
  },
  SubmitApplicationResult: {
    __resolveType: (result) => result.__typename,
  },
  ApplicationDraft: {
    service: (draft) => draft.entry,
    action: (draft) => draft.action.kind,
    applicant: (draft) => applicantReference(draft.snapshot.id),
    applicantKind: (draft) => draft.recipientKind,
    attachmentsNeeded: (draft) => draft.documents.filter((d) => d.status === 'ATTACH_NEEDED').map((d) => d.document),
    license: (draft) => draft.licence,
    expectedResult: (draft) => draft.expectedResult.due,
    expectedResultUnknownBecause: (draft) => draft.expectedResult.unknownBecause,
    readAt: (draft) => draft.snapshot.readAt,
  },
  DraftField: {
    formTitle: (field) => field.formTitle.en,
    label: (field) => field.label.en,
    labelOriginal: (field) => field.label.original,
  },
  DraftDocument: {
    summary: (requirement) => (requirement.fact?.available ? requirement.fact.summary : null),
    unavailableBecause: (requirement) => (requirement.fact && !requirement.fact.available ? requirement.fact.reason : null),
  },
  FeeStatus: {
    mrp: (fee) => (fee.mrpKzt === null ? null : fee.mrpKzt * 100),
    amount: (fee) => fee.amountTiyn,
    payment: (fee) => (fee.payment ? { id: fee.payment.id } : null),
  },
  ApplicationReceipt: {
    number: ({ application }) => application.number,
    acceptedAt: ({ application }) => application.receipt.acceptedAt,
    service: ({ application }, _args, { app }) => app.catalog.byCode(application.serviceCode)!,
    action: ({ application }) => application.action as never,
    documents: ({ application }) => application.receipt.documents as never,
    expectedResultDate: ({ application }) => application.receipt.expectedResultDate,
    expectedResultUnknownBecause: ({ application }) => application.receipt.expectedResultUnknownBecause,
  },
  Application: {
    __resolveReference: (reference, { app, auth }) => app.applications.visible(reference.number, auth),
    service: (application, _args, { app }) => app.catalog.byCode(application.serviceCode)!,
    action: (application) => application.action as never,
    applicant: (application) => applicantReference(application.applicantId),
    applicantKind: (application) => application.applicantKind as never,
    documents: (application) => application.receipt.documents as never,
    attachments: (application, _args, { app }) => app.attachments.ofApplication(application.number),
    payment: (application) => (application.paymentId ? { id: application.paymentId } : null),
    history: (application, _args, { app }) => app.store.history(application.number),
    refusalGround: (application, _args, { app }) =>
      app.catalog.byCode(application.serviceCode)?.refusalGrounds.find((g) => g.code === application.refusalGround) ?? null,
    license: (application) => (application.licenseNumber ? { number: application.licenseNumber } : null),
    delivery: async (application, _args, { deliveryOf }) =>
      (await deliveryOf.load(application.number)) ?? {
        state: 'PENDING',
        attempts: 0,
        lastAttemptAt: null,
        nextAttemptAt: null,
        deliveredAt: null,
        lastError: null,
      },
  },
  Attachment: {
    sha256: (attachment) => attachment.sha256,
  },
};
