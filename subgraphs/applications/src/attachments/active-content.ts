import { constants, inflateSync } from 'node:zlib';
import type { MediaType } from './detect.js';

/**
 * Whether a scan carries active content: something a viewer would run, launch or open rather than show.
 * Scans are read by officers on their workstations; a scan is a picture of paper and needs none of it.
 *
 * - PDF: the names that make actions and attachments (/JavaScript, /JS, /OpenAction, /AA, /Launch,
 *   /EmbeddedFile(s), ...), found as a PDF reader tokenizes them: `#xx` escapes decoded, anywhere in the
 *   file (incremental updates after the first %%EOF included), inside object streams too (inflated), but
 *   not inside strings, comments or the bodies of content and image streams, where such bytes are just
 *   text or pixels. An /OpenAction that is only a view destination (`[page /Fit]`) is not an action.
 * - PNG and JPEG: HTML or script (tags, event handlers, `javascript:`) anywhere outside the compressed
 *   pixel data, where a browser sniffing the file would see markup: in text chunks and segments, and
 *   after the image's end.
 */
export interface ActiveContent {
  /** A short code for the kind of content, e.g. PDF_JAVASCRIPT or HTML_IN_IMAGE. */
  reason: string;
  message: string;
}

export interface ContentScanner {
  push(chunk: Buffer): void;
  /** Call once after the last chunk. */
  end(): void;
  /** The first active content found, if any; once set it stays. */
  readonly found: ActiveContent | null;
}

export function scannerFor(mediaType: MediaType): ContentScanner {
  switch (mediaType) {
    case 'application/pdf':
      return new PdfScanner();
    case 'image/png':
      return new PngScanner();
    case 'image/jpeg':
      return new JpegScanner();
  }
}

// -------------------------------------------------------------------------------------------------- PDF

const PDF_ACTIVE_NAMES: Record<string, [reason: string, what: string]> = {
  JavaScript: ['PDF_JAVASCRIPT', 'JavaScript'],
  JS: ['PDF_JAVASCRIPT', 'JavaScript'],
  OpenAction: ['PDF_OPEN_ACTION', 'an action run on opening (/OpenAction)'],
  AA: ['PDF_ADDITIONAL_ACTIONS', 'actions run on events (/AA)'],
  Launch: ['PDF_LAUNCH', 'a command that launches a program (/Launch)'],
  EmbeddedFile: ['PDF_EMBEDDED_FILE', 'an embedded file'],
  EmbeddedFiles: ['PDF_EMBEDDED_FILE', 'embedded files'],
  RichMedia: ['PDF_RICH_MEDIA', 'embedded media (/RichMedia)'],
  XFA: ['PDF_XFA_FORM', 'a scripted XFA form'],
  SubmitForm: ['PDF_FORM_ACTION', 'a form action that sends data (/SubmitForm)'],
  ImportData: ['PDF_FORM_ACTION', 'a form action that imports data (/ImportData)'],
  GoToR: ['PDF_REMOTE_GOTO', 'a link that opens another file (/GoToR)'],
  GoToE: ['PDF_REMOTE_GOTO', 'a link that opens an embedded file (/GoToE)'],
};

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (byte: number) => !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
const ENDSTREAM = Buffer.from('endstream', 'latin1');
/** Names and keywords longer than this are not PDF syntax (the limit is 127); they are cut. */
const MAX_TOKEN = 256;
/** The names of one object's dictionary kept to judge its stream (type, filters). */
const MAX_OBJECT_NAMES = 64;

/** Decodes a PDF name's `#xx` escapes (/J#61vaScript is /JavaScript). */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

type PdfState = 'normal' | 'name' | 'keyword' | 'string' | 'hex' | 'comment' | 'stream-eol' | 'stream';

class PdfScanner implements ContentScanner {
  found: ActiveContent | null = null;
  private state: PdfState = 'normal';
  private token = '';
  private stringDepth = 0;
  private escaped = false;
  /** After /OpenAction: the next token tells a destination ('[') from an action. */
  private openActionPending = false;
  /** The decoded names since the last `obj` keyword: what the next stream is (an object stream?). */
  private objectNames: string[] = [];
  private stream: { objectStream: boolean; collected: Buffer[]; tail: Buffer } | null = null;

  constructor(private readonly insideObjectStream = false) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.found) {
      if (this.state === 'stream') at = this.streamBytes(chunk, at);
      else this.step(chunk[at++]!);
    }
  }

  end(): void {
    if (this.state === 'name') this.endName();
  }

  private flag(name: string): void {
    const [reason, what] = PDF_ACTIVE_NAMES[name]!;
    this.found ??= { reason, message: `The PDF carries ${what}; a scan must be a plain document. Print it to PDF or scan the paper again` };
  }

  private step(byte: number): void {
    switch (this.state) {
      case 'stream-eol':
        // `stream` is followed by CRLF or LF; the body starts after it.
        if (byte === 0x0d) return;
        this.state = 'stream';
        if (byte !== 0x0a) this.streamBytes(Buffer.of(byte), 0);
        return;
      case 'stream':
        this.streamBytes(Buffer.of(byte), 0);
        return;
      case 'comment':
        if (byte === 0x0a || byte === 0x0d) this.state = 'normal';
        return;
      case 'hex':
        // `<<` opens a dictionary (back to syntax); otherwise a hex string runs to `>`.
        if ((this.token === '<' && byte === 0x3c) || byte === 0x3e) this.state = 'normal';
        this.token = '';
        return;
      case 'string':
        if (this.escaped) this.escaped = false;
        else if (byte === 0x5c) this.escaped = true;
        else if (byte === 0x28) this.stringDepth++;
        else if (byte === 0x29 && --this.stringDepth === 0) this.state = 'normal';
        return;
      case 'name':
        if (isRegular(byte)) {
          if (this.token.length < MAX_TOKEN) this.token += String.fromCharCode(byte);
          return;
        }
        this.endName();
        return this.normal(byte);
      case 'keyword':
        if (isRegular(byte)) {
          if (this.token.length < MAX_TOKEN) this.token += String.fromCharCode(byte);
          return;
        }
        if (this.endKeyword()) return this.step(byte);
        return this.normal(byte);
      case 'normal':
        return this.normal(byte);
    }
  }

  private normal(byte: number): void {
    if (WHITESPACE.has(byte)) return;
    if (this.openActionPending) {
      this.openActionPending = false;
      // A destination array only sets the first view; anything else (a dictionary, a reference) is an action.
      if (byte !== 0x5b) this.flag('OpenAction');
      if (this.found) return;
    }
    switch (byte) {
      case 0x25:
        this.state = 'comment';
        return;
      case 0x28:
        this.state = 'string';
        this.stringDepth = 1;
        return;
      case 0x2f:
        this.state = 'name';
        this.token = '';
        return;
      case 0x3c:
        // `<<` opens a dictionary, `<` a hex string: decided by the next byte.
        this.state = 'hex';
        this.token = '<';
        return;
      default:
        if (isRegular(byte)) {
          this.state = 'keyword';
          this.token = String.fromCharCode(byte);
        }
    }
  }

  private endName(): void {
    this.state = 'normal';
    const name = decodeName(this.token);
    if (this.objectNames.length < MAX_OBJECT_NAMES) this.objectNames.push(name);
    if (name === 'OpenAction') this.openActionPending = true;
    else if (PDF_ACTIVE_NAMES[name]) this.flag(name);
  }

  /** Ends a keyword; true when it opened a stream body. */
  private endKeyword(): boolean {
    this.state = 'normal';
    if (this.token === 'obj') this.objectNames = [];
    if (this.token !== 'stream' || this.insideObjectStream) return false;
    this.state = 'stream-eol';
    this.stream = { objectStream: this.objectNames.includes('ObjStm'), collected: [], tail: Buffer.alloc(0) };
    return true;
  }

  /**
   * A stream's body: skipped (pixels, page text, fonts), except an object stream's, which holds objects
   * and is scanned once whole. Returns where the body ended in `chunk` (its length when it goes on).
   */
  private streamBytes(chunk: Buffer, from: number): number {
    const stream = this.stream!;
    const piece = chunk.subarray(from);
    const window = Buffer.concat([stream.tail, piece]);
    const end = window.indexOf(ENDSTREAM);
    if (end === -1) {
      if (stream.objectStream) stream.collected.push(piece);
      stream.tail = window.subarray(Math.max(0, window.length - (ENDSTREAM.length - 1)));
      return chunk.length;
    }
    const afterEnd = end + ENDSTREAM.length - stream.tail.length;
    this.state = 'normal';
    this.stream = null;
    if (stream.objectStream) {
      const withEnd = Buffer.concat([...stream.collected, piece.subarray(0, afterEnd)]);
      this.scanObjectStream(withEnd.subarray(0, withEnd.length - ENDSTREAM.length), this.objectNames);
    }
    return from + afterEnd;
  }

  /** The objects inside an object stream, plain or Flate-compressed, are scanned like the file's own. */
  private scanObjectStream(body: Buffer, names: readonly string[]): void {
    const filters = names.filter((n) => n.endsWith('Decode'));
    let objects: Buffer;
    if (filters.length === 0) objects = body;
    else if (filters.length === 1 && filters[0] === 'FlateDecode') {
      try {
        objects = inflateSync(body, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 * 1024 });
      } catch {
        this.found ??= {
          reason: 'PDF_UNREADABLE_OBJECTS',
          message: 'The PDF holds a compressed object stream that cannot be read, so its content cannot be checked',
        };
        return;
      }
    } else {
      this.found ??= { reason: 'PDF_UNREADABLE_OBJECTS', message: `The PDF holds objects encoded with ${filters.join(', ')}, which cannot be checked` };
      return;
    }
    const inner = new PdfScanner(true);
    inner.push(objects);
    inner.end();
    this.found ??= inner.found;
  }
}

// ------------------------------------------------------------------------------------------ PNG and JPEG

/**
 * Markup a browser would act on, in any letter case: tags that run or embed something, an event handler
 * in a tag, a javascript: URL. XMP metadata (`<x:xmpmeta>`, `<rdf:...>`) is XML and stays allowed.
 */
const MARKUP =
  /<(script|iframe|frame|frameset|object|embed|svg|html|body|img|meta|link|form|style|base|applet|math)[\s/>]|<!doctype\s+html|(javascript|vbscript):|<[a-z][a-z0-9:-]{0,20}\s[^>]{0,200}?\bon[a-z]{3,20}\s*=/i;
/** Bytes kept from one text region to the next chunk of it, so a tag split between chunks is still seen. */
const CARRY = 256;

/** Finds markup in the text regions of an image, chunk by chunk. */
class MarkupFinder {
  private carry = '';
  found: ActiveContent | null = null;

  text(bytes: Buffer): void {
    if (this.found || bytes.length === 0) return;
    const window = this.carry + bytes.toString('latin1');
    if (MARKUP.test(window)) {
      this.found = { reason: 'HTML_IN_IMAGE', message: 'The image carries HTML or script; a scan must be a plain picture. Scan the paper again' };
      return;
    }
    this.carry = window.slice(-CARRY);
  }

  /** Binary data (pixels) lies between two text regions: they are not one text. */
  gap(): void {
    this.carry = '';
  }
}

const PNG_SIGNATURE_LENGTH = 8;
/** Chunks whose data is compressed pixels (APNG frames too): not text. */
const PNG_PIXEL_CHUNKS = new Set(['IDAT', 'fdAT']);

/**
 * PNG: a signature, then chunks (length, type, data, CRC). Pixel chunks are skipped; every other chunk's
 * data, and everything after IEND or after the structure breaks, is text to a sniffer.
 */
class PngScanner implements ContentScanner {
  private readonly markup = new MarkupFinder();
  private state: 'signature' | 'header' | 'data' | 'crc' | 'free' = 'signature';
  /** Bytes left in the current state (signature, data or CRC). */
  private left = PNG_SIGNATURE_LENGTH;
  private header = Buffer.alloc(0);
  private dataIsText = false;
  private lastChunk = '';

  get found() {
    return this.markup.found;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.found) {
      if (this.state === 'free') {
        this.markup.text(chunk.subarray(at));
        return;
      }
      if (this.state === 'header') {
        const piece = chunk.subarray(at, at + 8 - this.header.length);
        this.markup.text(piece);
        this.header = Buffer.concat([this.header, piece]);
        at += piece.length;
        if (this.header.length === 8) this.startChunk();
        continue;
      }
      const n = Math.min(this.left, chunk.length - at);
      // Everything but pixel data is what a sniffer reads: chunk headers and CRCs included.
      if (this.state !== 'data' || this.dataIsText) this.markup.text(chunk.subarray(at, at + n));
      this.left -= n;
      at += n;
      if (this.left === 0) this.next();
    }
  }

  private next(): void {
    if (this.state === 'data') {
      this.state = 'crc';
      this.left = 4;
    } else if (this.state === 'crc' && this.lastChunk === 'IEND') {
      // Nothing after the image's end belongs to it: a sniffer reads it all.
      this.state = 'free';
    } else {
      this.state = 'header';
      this.header = Buffer.alloc(0);
    }
  }

  private startChunk(): void {
    const length = this.header.readUInt32BE(0);
    const type = this.header.subarray(4, 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) {
      // Not a chunk: whatever this is, a sniffer reads it as text.
      this.state = 'free';
      return;
    }
    this.lastChunk = type;
    this.dataIsText = !PNG_PIXEL_CHUNKS.has(type);
    if (!this.dataIsText) this.markup.gap();
    this.state = 'data';
    this.left = length;
    if (length === 0) this.next();
  }

  end(): void {}
}

/**
 * JPEG: markers and segments. The entropy-coded pixel data after a start-of-scan is skipped; every
 * segment's data (comments, APPn metadata), and everything after the end-of-image or after the structure
 * breaks, is text to a sniffer.
 */
class JpegScanner implements ContentScanner {
  private readonly markup = new MarkupFinder();
  private state: 'soi' | 'marker' | 'marker-code' | 'length' | 'segment' | 'entropy' | 'entropy-ff' | 'free' = 'soi';
  private soiLeft = 2;
  private lengthBytes: number[] = [];
  private segmentLeft = 0;
  private marker = 0;

  get found() {
    return this.markup.found;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.found) {
      const byte = chunk[at]!;
      // Markers and lengths are read by a sniffer too; only the pixel data (entropy-coded) is not text.
      if (this.state === 'soi' || this.state === 'marker-code' || this.state === 'length' || (this.state === 'marker' && byte === 0xff))
        this.markup.text(chunk.subarray(at, at + 1));
      switch (this.state) {
        case 'free':
          this.markup.text(chunk.subarray(at));
          return;
        case 'soi':
          this.soiLeft--;
          at++;
          if (this.soiLeft === 0) this.state = 'marker';
          break;
        case 'marker':
          if (byte !== 0xff) {
            this.state = 'free';
            break;
          }
          this.state = 'marker-code';
          at++;
          break;
        case 'marker-code':
          at++;
          if (byte === 0xff) break; // fill bytes
          this.marker = byte;
          if (byte === 0xd9)
            this.state = 'free'; // end of image: what follows is not the image
          else if ((byte >= 0xd0 && byte <= 0xd7) || byte === 0x01 || byte === 0xd8) this.state = 'marker';
          else {
            this.state = 'length';
            this.lengthBytes = [];
          }
          break;
        case 'length':
          this.lengthBytes.push(byte);
          at++;
          if (this.lengthBytes.length === 2) {
            const length = (this.lengthBytes[0]! << 8) | this.lengthBytes[1]!;
            if (length < 2) this.state = 'free';
            else {
              this.segmentLeft = length - 2;
              this.state = this.segmentLeft > 0 ? 'segment' : this.afterSegment();
            }
          }
          break;
        case 'segment': {
          const n = Math.min(this.segmentLeft, chunk.length - at);
          this.markup.text(chunk.subarray(at, at + n));
          this.segmentLeft -= n;
          at += n;
          if (this.segmentLeft === 0) this.state = this.afterSegment();
          break;
        }
        case 'entropy': {
          // Pixels until a marker: 0xFF followed by anything but 0x00 (a stuffed byte) or a restart marker.
          const next = chunk.indexOf(0xff, at);
          if (next === -1) {
            at = chunk.length;
            break;
          }
          at = next + 1;
          this.state = 'entropy-ff';
          break;
        }
        case 'entropy-ff':
          if (byte === 0x00 || (byte >= 0xd0 && byte <= 0xd7) || byte === 0xff) {
            at++;
            if (byte !== 0xff) this.state = 'entropy';
            break;
          }
          this.state = 'marker-code';
          break;
      }
    }
  }

  private afterSegment(): 'entropy' | 'marker' {
    if (this.marker === 0xda) {
      this.markup.gap();
      return 'entropy';
    }
    return 'marker';
  }

  end(): void {}
}
