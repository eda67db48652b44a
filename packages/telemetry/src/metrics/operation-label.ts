/** GraphQL names as the spec allows them, at most 64 characters: anything else is `invalid`. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** A name carrying a long run of digits may carry an IIN or BIN: never a label. */
const DIGITS = /\d{6}/;

/**
 * The `operation` label, bounded (deploy/METRICS.md): operation names are chosen by clients, so a client that
 * sends a new name per request must not make a new series per request. A persisted operation always keeps its
 * name (the allowlist is finite); other valid names are kept until `max` distinct ones were seen by this
 * process, then count as `other`; no name is `anonymous`, a malformed one (or one with six digits in a row,
 * which could be an id) `invalid`.
 */
export function boundedOperations(max: number): (name: string | null | undefined, persisted?: boolean) => string {
  const seen = new Set<string>();
  return (name, persisted = false) => {
    if (name === undefined || name === null || name === '') return 'anonymous';
    if (!NAME.test(name) || DIGITS.test(name)) return 'invalid';
    if (persisted || seen.has(name)) return name;
    if (seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
}
