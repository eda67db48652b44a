import { applicantIdOf } from '@egov/contracts';
import { ErrorCode, graphqlError } from '@egov/core';
import type { StoredAccess } from '@egov/security';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const KINDS = { citizen: 'CITIZEN', portal: 'PORTAL', officer: 'OFFICER', partner: 'PARTNER' } as const;

/** How a read is shown: systems and authorities by name; the exact accessor only to auditors. */
function presented(record: StoredAccess, context: Context, forAuditor: boolean) {
  const kind = KINDS[record.actorKind as keyof typeof KINDS] ?? 'PARTNER';
  const name =
    kind === 'PARTNER'
      ? (context.partners.grantOf(record.actorId)?.name ?? record.actorId)
      : kind === 'OFFICER'
        ? `Officer of ${context.agencies.get(record.actorAgency ?? '')?.name ?? record.actorAgency}`
        : kind === 'PORTAL'
          ? record.actorId
          : record.actorId === 'self'
            ? 'you'
            : 'a citizen (head of the company)';
  return { ...record, accessor: { kind, name, agency: record.actorAgency, id: forAuditor ? record.actorId : null } };
}

/** Pages go by record id; anything else is the caller's mistake, not a database error. */
function pageOf(first: number | null | undefined, before: string | null | undefined) {
  if (before != null && !/^\d{1,18}$/.test(before))
    throw graphqlError(ErrorCode.BAD_USER_INPUT, '`before` is the id of a DataAccess record from an earlier page', { field: 'before' });
  if (first != null && (first < 1 || first > 500)) throw graphqlError(ErrorCode.BAD_USER_INPUT, '`first` is between 1 and 500', { field: 'first' });
  return { first: first ?? 50, beforeId: before ?? undefined };
}

export const accessLogResolvers: Resolvers = {
  Query: {
    myDataAccessLog: async (_root, { first, before }, context) => {
      const me = context.auth.principal;
      if ((me.kind !== 'citizen' && me.kind !== 'portal') || !me.iin) {
        throw graphqlError(
          me.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
          'The own-data access log is for a signed-in citizen (or a portal acting for one)',
        );
      }
      const records = await context.audit.recordsFor(me.iin, pageOf(first, before));
      return records.map((r) => presented(r, context, false));
    },
    dataAccessLog: async (_root, { subjectId, first, before }, context) => {
      const me = context.auth.principal;
      if (me.kind !== 'officer' || !me.roles.includes('auditor')) {
        throw graphqlError(
          me.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
          'The access log of a subject is for officers with the auditor role',
        );
      }
      const subject = applicantIdOf(subjectId);
      const records = await context.audit.recordsFor(subject, pageOf(first, before));
      return records.map((r) => presented(r, context, true));
    },
  },
};
