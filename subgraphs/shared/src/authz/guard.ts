import { MapperKind, mapSchema, getDirective } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { ErrorCode, graphqlError } from '../errors.js';
import type { Resource } from './policy.js';
import type { RequestAuth } from './request-auth.js';

/** Per type: the resource a parent object stands for (the field name lets one type hold two kinds of data). */
export type GuardRules = Record<string, (parent: any, field: string) => Resource | null>;

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
      return {
        ...field,
        resolve: (parent, args, context: { auth: RequestAuth }, info) => {
          const resource = rule(parent, fieldName);
          if (!resource) return resolve(parent, args, context, info);
          const read = () => {
            if (!context.auth.hasScopes(scopes)) {
              throw graphqlError(ErrorCode.FORBIDDEN, `This field needs the scope ${scopes!.map((s) => s.join(' and ')).join(' or ')}`);
            }
            context.auth.recordRead(resource, label);
            return resolve(parent, args, context, info);
          };
          // Every field of a list of allowed records would otherwise cost a promise and a tick of its own.
          return context.auth.allowedNow(resource) ? read() : context.auth.require(resource).then(read);
        },
      };
    },
  });
}
