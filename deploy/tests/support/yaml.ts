import { readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';

/**
 * One YAML file as data. Merge keys (`<<: *anchor`) are resolved as Docker Compose resolves them, and a
 * YAML error (duplicate key, bad indentation) fails the test rather than being skipped over.
 */
export function readYaml<T = unknown>(file: string): T {
  return parse(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true, prettyErrors: true }) as T;
}

/** Every document of a multi-document YAML stream; errors in any of them fail. */
export function parseYamlStream(text: string, source = 'stream'): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  if (!Array.isArray(docs)) throw new Error(`${source}: not a YAML stream`);
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((error) => error.message).join('; ')}`);
  }
  return docs.map((doc) => doc.toJS()).filter((value) => value !== null);
}
