import type { Attributes, AttributeValue, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Twelve digits in a row: an IIN or a BIN (or a longer number that contains one). */
const ID_RUN = /\d{12,}/g;
/** A bearer token, a JWT anywhere, or a long base64 blob (a CMS signature, a certificate). */
const TOKEN = /\b(Bearer\s+)\S+/gi;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BLOB = /[A-Za-z0-9+/_-]{64,}={0,2}/g;
/** GraphQL string literals (block strings first): a client may inline an IIN, a name, a signature. */
const GRAPHQL_STRINGS = /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g;
/** Where a GraphQL document is recorded (Hive's plugin records the raw text and the subgraph queries). */
const DOCUMENT_KEYS = new Set(['graphql.document', 'graphql.source']);

/** Masks personal data and secrets in one attribute value; other values pass unchanged. */
export function redactValue(key: string, value: AttributeValue): AttributeValue {
  if (typeof value === 'string') return redactString(key, value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? redactString(key, item) : item)) as AttributeValue;
  return value;
}

function redactString(key: string, value: string): string {
  let out = DOCUMENT_KEYS.has(key) ? value.replace(GRAPHQL_STRINGS, '"***"') : value;
  out = out.replace(TOKEN, '$1***').replace(JWT, '***').replace(BLOB, '***');
  return out.replace(ID_RUN, (digits) => '*'.repeat(digits.length));
}

function redactAll(attributes: Attributes | undefined, set: (key: string, value: AttributeValue) => void): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    const clean = redactValue(key, value);
    if (clean !== value && JSON.stringify(clean) !== JSON.stringify(value)) set(key, clean);
  }
}

/**
 * Runs first among the span processors: just before a span ends (still writable) every string attribute, event
 * attribute and the status message is masked, so no IIN, BIN, token or signature reaches the exporter. The
 * instrumentations record URLs (ids in paths and query strings), Hive's plugin records GraphQL documents as
 * sent; this is the one place that makes all of them safe, whatever records them.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnding(span: Span): void {
    const name = redactString('name', span.name);
    if (name !== span.name) span.updateName(name);
    redactAll(span.attributes, (key, value) => span.setAttribute(key, value));
    for (const event of span.events) {
      const attributes = event.attributes as Record<string, AttributeValue> | undefined;
      redactAll(attributes, (key, value) => {
        if (attributes) attributes[key] = value;
      });
    }
    if (span.status.message) span.status.message = redactString('status', span.status.message);
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
