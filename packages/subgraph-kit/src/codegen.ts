import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One GraphQL Code Generator setup for every subgraph: resolver types generated from the subgraph's
 * schema.graphql, with its parents mapped to the upstream records the resolvers really receive.
 */
export function subgraphCodegen(options: {
  mappers?: Record<string, string>;
  scalars?: Record<string, string>;
  /** Internal values of enums whose resolvers speak another spelling (e.g. registry names). */
  enumValues?: Record<string, Record<string, string>>;
}): CodegenConfig {
  return {
    schema: './src/schema.graphql',
    generates: {
      './src/generated/graphql.ts': {
        plugins: [{ add: { content: '/* Generated from src/schema.graphql by `npm run codegen`; do not edit. */' } }, 'typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          useTypeImports: true,
          emitLegacyCommonJSImports: false,
          contextType: '../context.js#Context',
          mappers: options.mappers ?? {},
          ...(options.enumValues ? { enumValues: options.enumValues } : {}),
          enumsAsTypes: true,
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
          scalars: {
            IIN: 'string',
            BIN: 'string',
            ApplicantId: '@egov/contracts#ApplicantRef',
            Date: 'string',
            DateTime: { input: 'Date', output: 'Date | string' },
            Money: 'number',
            ...options.scalars,
          },
        },
      },
    },
  };
}
