import { ErrorCode, graphqlError } from '@egov/core';
import type { RequestAuth } from '@egov/security';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';

/**
 * `_service { sdl }` is the subgraph's whole schema (every field, every scope directive): the gateway
 * composes from the checked-in supergraph and never asks for it, so it is for signed-in callers only,
 * however the field is reached (alias, fragment, GET).
 */
export function sdlForSignedInCallers(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType()?.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== query || fieldName !== '_service') return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (parent, args, context: { auth?: RequestAuth }, info) => {
          if (!context.auth || context.auth.principal.kind === 'anonymous')
            throw graphqlError(ErrorCode.UNAUTHENTICATED, "The service's schema is for signed-in callers");
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}
