import { describe, expect, it } from 'vitest';
import { may } from './auth';
import { concerns, statusColor, toInstant, toLocalInput } from './commands';

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
    for (const action of [
      'registerEmployee',
      'changeEmployee',
      'issueCard',
      'changeCard',
      'registerBuilding',
      'manageDoors',
      'grantAccess',
      'setAntiPassback',
      'importEmployees',
    ] as const) {
      expect(may('admin', action)).toBe(true);
      expect(may('operator', action)).toBe(false);
      expect(may('auditor', action)).toBe(false);
      expect(may(null, action)).toBe(false);
    }
  });

  it('gives dead letters, their redrive and parked stream records to operators and admins, not auditors', () => {
    for (const action of ['readDeadLetters', 'redrive', 'readParkedRecords'] as const) {
      expect(may('admin', action)).toBe(true);
      expect(may('operator', action)).toBe(true);
      expect(may('auditor', action)).toBe(false);
    }
  });

  it('gives the admin audit trail to auditors and admins, not operators', () => {
    expect(may('admin', 'readAdminAudit')).toBe(true);
    expect(may('auditor', 'readAdminAudit')).toBe(true);
    expect(may('operator', 'readAdminAudit')).toBe(false);
    expect(may(null, 'readAdminAudit')).toBe(false);
  });
});

describe('statusColor', () => {
  it('shows applied green, rejected red and pending blue', () => {
    expect(statusColor('APPLIED')).toBe('green');
    expect(statusColor('REJECTED')).toBe('red');
    expect(statusColor('PENDING')).toBe('blue');
  });
});

describe('concerns', () => {
  it('names the employee a command concerns, else shows its subject', () => {
    expect(
      concerns({
        commandId: 'c',
        status: 'APPLIED',
        employeeId: 'emp-1',
        givenName: 'Person',
        familyName: '10',
        employeeNumber: 'E-10',
      }),
    ).toBe('Person 10 (E-10)');
    expect(concerns({ commandId: 'c', status: 'APPLIED', employeeId: 'emp-1', subjectId: 'card-1' })).toBe('card-1');
    expect(concerns({ commandId: 'c', status: 'APPLIED', subjectId: 'HQ' })).toBe('HQ');
  });
});
