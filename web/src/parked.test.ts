import { describe, expect, it } from 'vitest';
import { payloadOf, reasonColor } from './parked';

function base64(bytes: Uint8Array | string): string {
  const raw = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return btoa(String.fromCharCode(...raw));
}

describe('payloadOf', () => {
  it('shows a UTF-8 payload as text, multi-byte characters included', () => {
    const payload = payloadOf({ payloadBase64: base64('not json: Grüße ✓'), truncated: false, size: 21 });

    expect(payload).toEqual({ kind: 'text', text: 'not json: Grüße ✓', note: 'UTF-8 text, 21 bytes' });
  });

  it('keeps the base64 of bytes that are not UTF-8', () => {
    const sent = base64(new Uint8Array([0x7b, 0xff, 0xfe, 0x00]));

    expect(payloadOf({ payloadBase64: sent, truncated: false, size: 4 })).toEqual({
      kind: 'base64',
      text: sent,
      note: 'base64 (not UTF-8 text), 4 bytes',
    });
  });

  it('keeps the base64 of valid UTF-8 that is binary (control characters)', () => {
    const sent = base64(new Uint8Array([0x00, 0x01, 0x02, 0x41]));

    expect(payloadOf({ payloadBase64: sent, truncated: false, size: 4 }).kind).toBe('base64');
  });

  it('shows tabs and line breaks as text', () => {
    expect(payloadOf({ payloadBase64: base64('{\n\t"a": 1\r\n}'), truncated: false, size: 12 }).text).toBe(
      '{\n\t"a": 1\r\n}',
    );
  });

  it('says when the excerpt is truncated, and of how many bytes', () => {
    const excerpt = `{${' '.repeat(4095)}`;

    expect(payloadOf({ payloadBase64: base64(excerpt), truncated: true, size: 307_200 })).toEqual({
      kind: 'text',
      text: excerpt,
      note: 'UTF-8 text, the first 4,096 of 307,200 bytes (truncated)',
    });
  });

  it('leaves off a character the truncation cut in half, and is still text', () => {
    const whole = new TextEncoder().encode('abc€');
    const cut = whole.slice(0, whole.length - 1);

    const payload = payloadOf({ payloadBase64: base64(cut), truncated: true, size: 5000 });

    expect(payload.kind).toBe('text');
    expect(payload.text).toBe('abc');
    expect(payload.note).toBe('UTF-8 text, the first 5 of 5,000 bytes (truncated)');
  });

  it('does not forgive a broken character at the end of a payload that was not truncated', () => {
    const whole = new TextEncoder().encode('abc€');
    const cut = base64(whole.slice(0, whole.length - 1));

    expect(payloadOf({ payloadBase64: cut, truncated: false, size: 5 })).toEqual({
      kind: 'base64',
      text: cut,
      note: 'base64 (not UTF-8 text), 5 bytes',
    });
  });

  it('shows an empty payload as empty text', () => {
    expect(payloadOf({ payloadBase64: '', truncated: false, size: 0 })).toEqual({
      kind: 'text',
      text: '',
      note: 'UTF-8 text, 0 bytes',
    });
  });

  it('shows what the API sent when it is not base64 at all', () => {
    expect(payloadOf({ payloadBase64: 'not base64!', truncated: false, size: 9 })).toEqual({
      kind: 'base64',
      text: 'not base64!',
      note: 'base64 (not UTF-8 text), 9 bytes',
    });
  });

  it('counts a single byte in the singular', () => {
    expect(payloadOf({ payloadBase64: base64('x'), truncated: false, size: 1 }).note).toBe('UTF-8 text, 1 byte');
  });
});

describe('reasonColor', () => {
  it('tells the producer faults, a too large record and the store refusal apart', () => {
    expect(['MALFORMED', 'UNKNOWN_TYPE', 'INVALID_FIELD'].map(reasonColor)).toEqual(['orange', 'orange', 'orange']);
    expect(reasonColor('OVERSIZED')).toBe('yellow');
    expect(reasonColor('REJECTED_BY_STORE')).toBe('red');
    expect(reasonColor('SOMETHING_NEW')).toBe('gray');
  });
});
