import type { Logger } from '@egov/core';
import type { Pool } from '@egov/stores';
import type { AuditLog } from '../audit-log.js';
import { type AuditAnchorConfig, anchorKeys } from './anchor-config.js';
import { AuditAnchor } from './audit-anchor.js';
import { DirectoryCheckpointStore } from './checkpoints.js';

export { type AuditAnchorConfig, anchorKeys, auditAnchorConfigFromEnv, DEV_ANCHOR_KEY_FILE } from './anchor-config.js';
export { type AnchorStatus, AuditAnchor, type AuditAnchorOptions } from './audit-anchor.js';
export { type Checkpoint, type CheckpointContent, type CheckpointStore, DirectoryCheckpointStore, isSignedCheckpoint, signCheckpoint } from './checkpoints.js';

/** The anchor of a process that writes the trail: it verifies on a schedule and may sign checkpoints. */
export function createAuditAnchor(config: AuditAnchorConfig, deps: { audit: AuditLog; pool: Pool; writer: string; logger?: Logger }): AuditAnchor {
  return new AuditAnchor({ ...deps, store: new DirectoryCheckpointStore(config.dir), keys: anchorKeys(config, 'sign'), fullEveryMs: config.fullEveryMs });
}
