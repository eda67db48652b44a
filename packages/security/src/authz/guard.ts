import { ErrorCode, graphqlError } from '@egov/core';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Resource } from './policy.js';
import type { RequestAuth } from './request-auth.js';

/**
 * Per type: the resource a parent object stands for (the field name lets one type hold two kinds of data).
 * A `Query` rule judges a root field by its arguments instead: `licensesOf(holderId:)` reads what
 * `Person.licenses` reads, and passes the same check, scopes and audit.
 */
// biome-ignore lint/suspicious/noExplicitAny: each rule takes its own type's parent and arguments; the map cannot name them all
export type GuardRules = Record<string, (parent: any, field: string, args: any) => Resource | null>;

/**
 * Wraps every field of the listed types: the caller must be allowed to read the parent's resource
 * (policy), partners must hold the field's `@requiresScopes` (declared in the subgraph's SDL), and the
 * read is recorded for the audit trail. Whatever path reaches the field (a root query, `_entities`, a
 * nested field of another type), it passes here.
 */
export function guardSchema(schema: GraphQLSchema, rules: GuardRules): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const rule = rules[typeName];
      if (!rule) return field;
      const scopes = (getDirective(schema, field, 'requiresScopes')?.[0]?.scopes as string[][] | undefined) ?? null;
      const resolve = field.resolve ?? defaultFieldResolver;
      const label = `${typeName}.${fieldName}`;
      const read = (resource: Resource, parent: unknown, args: Record<string, unknown>, context: { auth: RequestAuth }, info: GraphQLResolveInfo) => {
        if (!context.auth.hasScopes(scopes)) {
          throw graphqlError(ErrorCode.FORBIDDEN, `This field needs the scope ${scopes!.map((s) => s.join(' and ')).join(' or ')}`);
        }
        // A partner's read for a purpose no law exempts: the field's scope must be within a valid consent.
        const consentId = context.auth.consentForField(resource, scopes);
        context.auth.recordRead(resource, label, consentId);
        return resolve(parent, args, context, info);
      };
      const readWhenDecided = async (
        pending: Promise<void>,
        resource: Resource,
        parent: unknown,
        args: Record<string, unknown>,
        context: { auth: RequestAuth },
        info: GraphQLResolveInfo,
      ) => {
        await pending;
        return read(resource, parent, args, context, info);
      };
      return {
        ...field,
        resolve: (parent, args, context: { auth: RequestAuth }, info) => {
          const resource = rule(parent, fieldName, args);
          if (!resource) return resolve(parent, args, context, info);
          // A field of a record whose read was authorized before it was fetched finds the decision made:
          // it resolves at once instead of costing a promise and a tick, which adds up over long lists.
          const pending = context.auth.check(resource);
          return pending ? readWhenDecided(pending, resource, parent, args, context, info) : read(resource, parent, args, context, info);
        },
      };
    },
  });
}
