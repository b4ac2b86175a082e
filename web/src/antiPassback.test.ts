import { describe, expect, it } from 'vitest';
import { antiPassbackBody, antiPassbackText } from './antiPassback';

describe('antiPassbackText', () => {
  it('names each mode, with the minutes for TIMED', () => {
    expect(antiPassbackText({ mode: 'HARD', minutes: null })).toBe('Hard');
    expect(antiPassbackText({ mode: 'SOFT', minutes: null })).toBe('Soft (alarm only)');
    expect(antiPassbackText({ mode: 'TIMED', minutes: 15 })).toBe('Timed (15 min)');
    expect(antiPassbackText({ mode: 'OFF', minutes: null })).toBe('Off');
  });
});

describe('antiPassbackBody', () => {
  it('sends minutes for TIMED only', () => {
    expect(antiPassbackBody({ mode: 'TIMED', minutes: ' 15 ' })).toEqual({ mode: 'TIMED', minutes: 15 });
    expect(antiPassbackBody({ mode: 'HARD', minutes: '15' })).toEqual({ mode: 'HARD', minutes: null });
    expect(antiPassbackBody({ mode: 'OFF', minutes: '' })).toEqual({ mode: 'OFF', minutes: null });
  });

  it('leaves missing or odd minutes for the API to name', () => {
    expect(antiPassbackBody({ mode: 'TIMED', minutes: '' })).toEqual({ mode: 'TIMED', minutes: null });
    expect(antiPassbackBody({ mode: 'TIMED', minutes: '1.5' })).toEqual({ mode: 'TIMED', minutes: '1.5' });
  });
});
