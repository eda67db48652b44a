/**
 * What a string from a client may hold, before it reaches SQL, a file or a registry. Every string argument
 * and input field gets a rule: the default for its type (String: one line of text; ID: a token), or the
 * rule a subgraph names for it (free text that may span lines, an opaque key, a known id shape).
 */
export interface TextRule {
  /** Said in the refusal: what the value should be. */
  expects: string;
  maxLength: number;
  /** Line breaks and tabs are text (a note, a typed form value); other control characters never are. */
  multiline?: boolean;
  /** Empty or only spaces is a value (free text); never for ids and keys. */
  blankAllowed?: boolean;
  /** The shape an id or code has; checked after the character rules. */
  shape?: RegExp;
}

/** Why the value breaks the rule, or null when it keeps it. The value itself is never quoted back. */
export function textProblem(value: string, rule: TextRule): string | null {
  if (value.length > rule.maxLength) return `is longer than ${rule.maxLength} characters`;
  if (LONE_SURROGATE.test(value)) return 'is not well-formed Unicode (a lone surrogate)';
  if ((rule.multiline ? CONTROL_IN_TEXT : CONTROL).test(value)) return 'contains a control character';
  if (!rule.blankAllowed && value.trim() === '') return 'is blank';
  if (rule.shape && !rule.shape.test(value)) return `must be ${rule.expects}`;
  return null;
}

/** C0 controls, DEL and C1 controls; U+2028/2029 break lines in JavaScript and logs alike. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same, except tab, line feed and carriage return. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The default for a String argument or input field: one line of text, not blank. */
export const SINGLE_LINE: TextRule = { expects: 'one line of text', maxLength: 1_000 };

/** The default for an ID: a token of letters, digits and - _ . : (never a path, never SQL). */
export const TOKEN: TextRule = {
  expects: 'an id made of letters, digits and - _ . :',
  maxLength: 200,
  shape: /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/,
};

/** Free text a person typed: lines and tabs allowed, blank allowed. */
export const FREE_TEXT: TextRule = { expects: 'text', maxLength: 4_000, multiline: true, blankAllowed: true };

/** A client's opaque key (an idempotency key): any printable characters, not blank. */
export const OPAQUE_KEY: TextRule = { expects: 'a key of printable characters (a UUID is ideal)', maxLength: 200 };

/** A detached CMS signature, base64 (a certificate chain inside makes it a few KB). */
export const BASE64_SIGNATURE: TextRule = {
  expects: 'a base64 signature',
  maxLength: 64 * 1024,
  shape: /^[A-Za-z0-9+/]+={0,2}$/,
};

/** Catalog codes: services, documents, form fields (`state-symbols-licence`). */
export const KEBAB_CODE: TextRule = { expects: 'a kebab-case code', maxLength: 100, shape: /^[a-z0-9]+(-[a-z0-9]+)*$/ };

/** Codes like refusal grounds (`FEE_NOT_PAID`). */
export const SNAKE_CODE: TextRule = { expects: 'an upper-case code', maxLength: 100, shape: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/ };

/** A record id made of digits (a page cursor). */
export const DIGITS: TextRule = { expects: 'digits', maxLength: 18, shape: /^\d+$/ };

/** A rule for an id of a known shape. */
export function shaped(expects: string, shape: RegExp, maxLength = 64): TextRule {
  return { expects, maxLength, shape };
}
