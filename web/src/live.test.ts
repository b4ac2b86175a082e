import { describe, expect, it } from 'vitest';
import { instantFromLocal, isAlarm, listAgeText, mergeEvents, outcomeText, personText } from './live';
import type { SwipeEvent } from './types';

function event(eventId: string, occurredAt: string, extra: Partial<SwipeEvent> = {}): SwipeEvent {
  return { eventId, type: 'EntryDecided', occurredAt, doorId: 'door-1', alarms: [], ...extra };
}

describe('mergeEvents', () => {
  it('keeps an event polled twice once, newest first, at most the limit', () => {
    const shown = [event('b', '2026-01-01T10:00:02Z'), event('a', '2026-01-01T10:00:01Z')];
    const polled = [event('c', '2026-01-01T10:00:03Z'), event('b', '2026-01-01T10:00:02Z')];
    expect(mergeEvents(shown, polled).map((e) => e.eventId)).toEqual(['c', 'b', 'a']);
    expect(mergeEvents(shown, polled, 2).map((e) => e.eventId)).toEqual(['c', 'b']);
  });
});

describe('event text', () => {
  it('says who and what', () => {
    expect(personText({ givenName: 'Ada', familyName: 'Lovelace' })).toBe('Ada Lovelace');
    expect(personText({ givenName: 'Ada', familyName: 'Lovelace', employeeNumber: 'E-9' })).toBe('Ada Lovelace (E-9)');
    expect(personText({ cardNumber: '04A1' })).toBe('card 04A1');
    expect(outcomeText(event('x', 't', { decision: 'DENIED', reason: 'CARD_NOT_ACTIVE' }))).toBe(
      'DENIED · CARD_NOT_ACTIVE',
    );
    expect(outcomeText(event('x', 't', { doorState: 'HELD_OPEN' }))).toBe('Door held open');
  });

  it('treats alarms and forced doors as alarms', () => {
    expect(isAlarm(event('x', 't', { alarms: ['REVOKED_CARD_USED'] }))).toBe(true);
    expect(isAlarm(event('x', 't', { doorState: 'FORCED' }))).toBe(true);
    expect(isAlarm(event('x', 't', { doorState: 'CLOSED' }))).toBe(false);
  });

  it('reads a local date-time input as an instant', () => {
    expect(instantFromLocal('')).toBeUndefined();
    expect(instantFromLocal('nonsense')).toBeUndefined();
    expect(instantFromLocal('2026-01-01T10:00')).toMatch(/^2026-01-01T\d\d:00:00\.000Z$/);
  });
});

describe('listAgeText', () => {
  it('says how long ago a door list was confirmed, or that the door has none', () => {
    expect(listAgeText(undefined)).toBe('no list');
    expect(listAgeText(null)).toBe('no list');
    expect(listAgeText(42)).toBe('42 s');
    expect(listAgeText(600)).toBe('10 min');
    expect(listAgeText(3 * 3600)).toBe('3 h');
  });
});
