import { describe, expect, it } from 'vitest';
import { employeeActions, offboardConsequences } from './offboarding';
import type { EmployeeDetail } from './types';

function detail(overrides: Partial<EmployeeDetail> = {}): EmployeeDetail {
  return {
    employee: {
      employeeId: 'e-1',
      employeeNumber: 'E-1',
      givenName: 'Ada',
      familyName: 'Lovelace',
      email: 'ada@example.com',
      status: 'ACTIVE',
      currentCardId: 'c-2',
    },
    cards: [
      { cardId: 'c-1', cardNumber: '1001', status: 'LOST' },
      { cardId: 'c-2', cardNumber: '1002', status: 'ACTIVE' },
    ],
    grants: [
      { employeeId: 'e-1', buildingId: 'HQ' },
      { employeeId: 'e-1', buildingId: 'DC' },
    ],
    commands: { items: [] },
    ...overrides,
  };
}

describe('offboardConsequences', () => {
  it('names the current card and every grant it revokes', () => {
    const lines = offboardConsequences(detail());

    expect(lines[0]).toMatch(/Ada Lovelace is marked OFFBOARDED/);
    expect(lines).toContain('Card 1002 (now ACTIVE) is revoked and never works again.');
    expect(lines).toContain('All 2 access grants are revoked (HQ, DC).');
    expect(lines.join(' ')).not.toMatch(/1001/);
    expect(lines.at(-1)).toMatch(/Employee number E-1 is released/);
  });

  it('says so when there is no card and a single grant', () => {
    const base = detail();
    const lines = offboardConsequences({
      ...base,
      employee: { ...base.employee, currentCardId: null },
      cards: [],
      grants: [{ employeeId: 'e-1', buildingId: 'HQ' }],
    });

    expect(lines).toContain('They hold no current card, so no card is revoked.');
    expect(lines).toContain('Their access grant to HQ is revoked.');
  });

  it('says so when there are no grants', () => {
    expect(offboardConsequences(detail({ grants: [] }))).toContain('They have no access grants, so none is revoked.');
  });
});

describe('employeeActions', () => {
  it('offers what fits the status', () => {
    expect(employeeActions('ACTIVE')).toEqual(['edit', 'deactivate', 'offboard']);
    expect(employeeActions('INACTIVE')).toEqual(['edit', 'reactivate', 'offboard']);
    expect(employeeActions('OFFBOARDED')).toEqual([]);
  });
});
