import { describe, expect, it } from 'vitest';
import { canErase, employeeTitle, reasonProblem } from './erasure';

describe('erasure', () => {
  it('is offered for offboarded employees only', () => {
    expect(canErase('OFFBOARDED')).toBe(true);
    expect(['ACTIVE', 'INACTIVE', 'ERASED'].filter(canErase)).toEqual([]);
  });

  it('needs a reason of at most 500 characters', () => {
    expect(reasonProblem('  ')).toMatch(/reason/);
    expect(reasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(reasonProblem('data subject request, ticket 4711')).toBeNull();
  });

  it('titles an erased employee without a name', () => {
    expect(employeeTitle({ givenName: null, familyName: null, status: 'ERASED' })).toBe('Erased person');
    expect(employeeTitle({ givenName: 'Ada', familyName: 'Lovelace', status: 'OFFBOARDED' })).toBe('Ada Lovelace');
  });
});
