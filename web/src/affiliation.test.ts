import { describe, expect, it } from 'vitest';
import { affiliationFacts, affiliationLabel } from './affiliation';

describe('affiliationLabel', () => {
  it('names a visitor by their host, with the company when known', () => {
    expect(affiliationLabel({ kind: 'VISITOR', hostName: 'Ada Lovelace', company: 'Navy' })).toBe(
      'Visitor of Ada Lovelace (Navy)',
    );
    expect(affiliationLabel({ kind: 'VISITOR', hostEmployeeId: 'emp-1' })).toBe('Visitor of emp-1');
  });

  it('names a contractor by company and leaves employees unmarked', () => {
    expect(affiliationLabel({ kind: 'CONTRACTOR', company: 'Acme Ltd' })).toBe('Contractor, Acme Ltd');
    expect(affiliationLabel({ kind: 'EMPLOYEE' })).toBe('—');
    expect(affiliationLabel({})).toBe('—');
  });
});

describe('affiliationFacts', () => {
  it("shows a contractor's company and end date, and nothing for an employee", () => {
    expect(affiliationFacts({ kind: 'CONTRACTOR', company: 'Acme Ltd', validUntil: '2027-01-31' })).toEqual([
      ['Contractor of', 'Acme Ltd'],
      ['End date', '31 Jan 2027'],
    ]);
    expect(affiliationFacts({ kind: 'EMPLOYEE' })).toEqual([]);
    expect(affiliationFacts(undefined)).toEqual([]);
  });

  it("shows a visitor's host and days", () => {
    expect(
      affiliationFacts({ kind: 'VISITOR', hostEmployeeId: 'emp-1', validFrom: '2026-12-08', validUntil: '2026-12-08' }),
    ).toEqual([
      ['Visitor of', 'emp-1'],
      ['Company', '—'],
      ['Visit', '8 Dec 2026 – 8 Dec 2026'],
    ]);
  });
});
