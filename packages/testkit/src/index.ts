/**
 * Test support shared by every package's tests (never imported by production code): GraphQL over HTTP,
 * msw options, free ports, a fresh PostgreSQL database per test file.
 */

export * from './database.js';
export * from './graphql.js';
