import { ErrorCode, graphqlError, notFound } from '@egov/core';
import { isOnline } from '@egov/domain';
import type { Resolvers } from '../generated/graphql.js';

const MAX_TERM_DAYS = 3650;

/** The public-service catalog and the due-date calculator: public data, no token needed. */
export const catalogResolvers: Resolvers = {
  Query: {
    publicServices: (_root, { filter }, { app }) =>
      app.catalog.filter({ recipient: filter?.recipient ?? undefined, online: filter?.online ?? undefined, paid: filter?.paid ?? undefined }),
    publicService: (_root, { code }, { app }) => {
      const entry = app.catalog.byCode(code);
      if (!entry) throw notFound('public service', 'licensing');
      return entry;
    },
    dueDate: (_root, { from, days, unit }, { app }) => {
      if (days < 0 || days > MAX_TERM_DAYS) throw graphqlError(ErrorCode.BAD_USER_INPUT, `days must be between 0 and ${MAX_TERM_DAYS}`, { field: 'days' });
      return app.calendar.dueDate({ submittedAt: from, days, unit });
    },
  },
  PublicService: {
    repealedBy: (entry) => entry.repealedBy?.act ?? null,
    online: (entry) => isOnline(entry),
    result: (entry) => entry.result.en,
    fee: (entry) => ({ entry }),
    action: (entry, { kind }) => entry.actions.find((a) => a.kind === kind) ?? null,
  },
  Citation: {
    fromLine: (citation) => citation.lines[0],
    toLine: (citation) => citation.lines[1],
  },
  Provider: {
    name: (provider) => provider.name.en,
    nameOriginal: (provider) => provider.name.original,
  },
  ServiceFee: {
    kind: ({ entry }) => entry.fee.kind,
    basis: ({ entry }) => entry.fee.basis,
    paidVia: ({ entry }) => entry.fee.paidVia,
    source: ({ entry }) => entry.fee.source,
    amounts: ({ entry }, _args, { app, now }) => entry.actions.map((a) => ({ ...app.fees.due(entry, a.kind, now), action: a.kind })),
  },
  FeeAmount: {
    mrp: (fee) => (fee.mrpKzt === null ? null : fee.mrpKzt * 100),
    amount: (fee) => fee.amountTiyn,
  },
  ServiceAction: {
    when: (action) => action.when?.en ?? null,
    documents: (action, { channel }) => (channel ? action.documents.filter((d) => d.channels.includes(channel)) : action.documents),
  },
  Deadline: {
    description: (deadline) => deadline.text,
  },
  ServiceDocument: {
    name: (document) => document.name.en,
    nameOriginal: (document) => document.name.original,
  },
  RefusalGround: {
    text: (ground) => ground.text.en,
    textOriginal: (ground) => ground.text.original,
  },
  Form: {
    title: (form) => form.title.en,
    titleOriginal: (form) => form.title.original,
  },
  FormField: {
    label: (field) => field.label.en,
    labelOriginal: (field) => field.label.original,
    prefill: (field) => (field.prefill === null ? [] : Array.isArray(field.prefill) ? field.prefill : [field.prefill]),
  },
  ProcessStep: {
    description: (step) => step.en,
    duration: (step) => step.durationText,
  },
  DueDate: {
    warnings: (due) => due.warnings.map((w) => w.message),
  },
  RegistryName: { INDIVIDUALS: 'individuals', LEGAL_ENTITIES: 'legal-entities', PAYMENTS: 'payments', LICENSING: 'licensing' },
};
