import type { MigrationSet } from '@egov/stores';
import { AUDIT_SCHEMA } from '@egov/subgraph-kit';

/** This subgraph's tables: applications, scans, the outbox. */
export const APPLICATIONS_SCHEMA: MigrationSet = { component: 'applications', dir: new URL('../migrations/', import.meta.url) };

/**
 * The schema of the graph's one database, in the order it is applied: the audit trail, which every subgraph
 * writes, then this subgraph's tables (the only other component with tables). The migration Job
 * (`migrate-cli.ts`) applies exactly this list; a component that gains tables adds its set here.
 */
export const DATABASE_SCHEMA: readonly MigrationSet[] = [AUDIT_SCHEMA, APPLICATIONS_SCHEMA];
