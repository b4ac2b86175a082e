import { describe, expect, it } from 'vitest';
import { may } from './auth';
import { statusColor, toInstant, toLocalInput } from './commands';

describe('datetime-local values and instants', () => {
  it('turns an empty field into null, and a local time into an instant and back', () => {
    expect(toInstant('')).toBeNull();
    const instant = toInstant('2026-03-01T08:30');
    expect(instant).toBe(new Date('2026-03-01T08:30').toISOString());
    expect(toLocalInput(instant)).toBe('2026-03-01T08:30');
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });
});

describe('what a role may do', () => {
  it('leaves every command to the admin', () => {
    for (const action of ['issueCard', 'changeCard', 'registerBuilding', 'manageDoors', 'grantAccess',
      'setAntiPassback'] as const) {
      expect(may('admin', action)).toBe(true);
      expect(may('operator', action)).toBe(false);
      expect(may('auditor', action)).toBe(false);
      expect(may(null, action)).toBe(false);
    }
  });
});

describe('statusColor', () => {
  it('shows applied green, rejected red and pending blue', () => {
    expect(statusColor('APPLIED')).toBe('green');
    expect(statusColor('REJECTED')).toBe('red');
    expect(statusColor('PENDING')).toBe('blue');
  });
});
