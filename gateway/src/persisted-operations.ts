import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The operations a public portal may send, by id (the SHA-256 of the document, as Apollo's automatic
 * persisted queries and Hive's persisted documents name them). In allowlist mode a caller of a listed kind
 * can only run these: a leaked token cannot explore the graph.
 */
export class PersistedOperations {
  private readonly byId: Map<string, string>;

  constructor(operations: Record<string, string>) {
    for (const [id, document] of Object.entries(operations)) {
      if (operationId(document) !== id) throw new Error(`persisted operation ${id} does not match the SHA-256 of its document`);
    }
    this.byId = new Map(Object.entries(operations));
  }

  static fromFile(path: string): PersistedOperations {
    return new PersistedOperations(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>);
  }

  get(id: string): string | null {
    return this.byId.get(id) ?? null;
  }
}

export function operationId(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}
