import type { ParkedRecord, ParkReason } from './types';

/** A parked record's payload as the page shows it: UTF-8 text when it is text, else the base64 the API sent. */
export interface Payload {
  kind: 'text' | 'base64';
  text: string;
  /** What the shown text is, e.g. "UTF-8 text, the first 4,096 of 307,200 bytes (truncated)". */
  note: string;
}

const count = new Intl.NumberFormat('en');

function bytes(n: number): string {
  return n === 1 ? '1 byte' : `${count.format(n)} bytes`;
}

/**
 * Decodes a parked record's payload excerpt. It is shown as text only when its bytes are valid UTF-8 without
 * control characters (other than tab and line breaks): binary that happens to decode would show as nothing
 * readable, so it stays base64, which an operator can copy and decode. A truncated excerpt may end inside a
 * multi-byte character (the cut is at a byte count); that cut character is left off rather than making the whole
 * excerpt "not text".
 */
export function payloadOf(record: Pick<ParkedRecord, 'payloadBase64' | 'truncated' | 'size'>): Payload {
  const raw = decodeBase64(record.payloadBase64);
  const text = raw && utf8(raw, record.truncated);
  const kind = text != null && printable(text) ? 'text' : 'base64';
  const shown = raw ? raw.length : record.size;
  const what = kind === 'text' ? 'UTF-8 text' : 'base64 (not UTF-8 text)';
  const note = record.truncated
    ? `${what}, the first ${count.format(shown)} of ${bytes(record.size)} (truncated)`
    : `${what}, ${bytes(shown)}`;
  return { kind, text: kind === 'text' ? text! : record.payloadBase64, note };
}

function decodeBase64(base64: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Strict UTF-8; with `cut`, an incomplete character at the very end is dropped (streaming mode holds it back). */
function utf8(raw: Uint8Array, cut: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw, { stream: cut });
  } catch {
    return null;
  }
}

/** No control character other than tab, line feed and carriage return (U+0000-U+001F, U+007F). */
function printable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

/**
 * A reason's badge colour: the producer's format faults orange, a record too large to read yellow, the store's
 * refusal (a consumer bug when it is a validation error) red.
 */
export function reasonColor(reason: ParkReason | string): string {
  switch (reason) {
    case 'MALFORMED':
    case 'UNKNOWN_TYPE':
    case 'INVALID_FIELD':
      return 'orange';
    case 'OVERSIZED':
      return 'yellow';
    case 'REJECTED_BY_STORE':
      return 'red';
    default:
      return 'gray';
  }
}
