import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the portal from the composed supergraph (GraphQL Code Generator's client preset),
 * and the trusted-documents manifest: every operation the portal may send, by the SHA-256 of its text.
 * The gateway holds portal tokens to that manifest (PERSISTED_OPERATIONS_FILE), and the built portal sends
 * only ids, never query text. Run `npm run codegen -w @egov/portal` after changing any graphql() call.
 */
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/generated/': {
      preset: 'client',
      presetConfig: {
        // Components receive only the fields their own fragment asks for.
        fragmentMasking: { unmaskFunctionName: 'readFragment' },
        // The bundle carries only each operation's id. The id is the plain hex SHA-256 of the printed
        // document, the form the gateway's PERSISTED_OPERATIONS_FILE uses (codegen's own 'sha256' prefixes it).
        persistedDocuments: {
          mode: 'replaceDocumentWithHash',
          hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
          hashPropertyName: 'hash',
        },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // The graph's custom scalars arrive as JSON strings (Money too: "43250.00", never a float).
        scalars: { IIN: 'string', BIN: 'string', ApplicantId: 'string', Date: 'string', DateTime: 'string', Money: 'string' },
      },
    },
  },
};

export default config;
