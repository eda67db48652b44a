import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryCheckpointStore, signCheckpoint } from '../src/index.js';

const keys = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const checkpoint = (records: number, privateKey = keys.privateKey) =>
  signCheckpoint({ records, lastId: String(records), lastHash: `h${records}`, at: new Date(records * 1000).toISOString() }, privateKey);

function storeWith(lines: string[]): DirectoryCheckpointStore {
  const dir = mkdtempSync(join(tmpdir(), 'egov-checkpoints-'));
  writeFileSync(join(dir, 'checkpoints.jsonl'), `${lines.join('\n')}\n`);
  return new DirectoryCheckpointStore(dir);
}

describe('the newest checkpoint of a long anchor', () => {
  it('is the last line signed with our key; lines after it that are not are counted as untrusted', async () => {
    const store = storeWith([JSON.stringify(checkpoint(1)), JSON.stringify(checkpoint(2)), JSON.stringify(checkpoint(3, stranger.privateKey)), 'not json']);
    expect(await store.newest(keys.publicKey)).toEqual({ checkpoint: checkpoint(2), untrusted: 2 });
  });

  it('is found from the end: the years of lines before it are not each checked again every round', async () => {
    // Garbage before the newest good line would count as untrusted if every line were still examined.
    const store = storeWith([...Array.from({ length: 5_000 }, () => 'garbage'), JSON.stringify(checkpoint(7))]);
    expect(await store.newest(keys.publicKey)).toEqual({ checkpoint: checkpoint(7), untrusted: 0 });
  });

  it('is none when no line verifies', async () => {
    expect(await storeWith(['{}', JSON.stringify(checkpoint(1, stranger.privateKey))]).newest(keys.publicKey)).toEqual({ checkpoint: null, untrusted: 2 });
  });
});
