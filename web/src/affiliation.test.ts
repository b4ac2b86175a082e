import { describe, expect, it } from 'vitest';
import { affiliationLabel } from './affiliation';

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
