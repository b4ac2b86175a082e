import { describe, expect, it } from 'vitest';
import { may } from './auth';
import { insideAtSummary, instantToLocal, localToInstant } from './insideAt';

describe('localToInstant', () => {
  it('reads a datetime-local value in the browser time zone', () => {
    expect(localToInstant('2026-12-01T09:30')).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
    expect(localToInstant('2026-12-01T09:30:15')).toBe(new Date(2026, 11, 1, 9, 30, 15).toISOString());
  });

  it('refuses what is not a date and time', () => {
    expect(localToInstant('')).toBeNull();
    expect(localToInstant('yesterday')).toBeNull();
    expect(localToInstant('2026-13-45T99:00')).toBeNull();
  });

  it('round-trips with instantToLocal', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5);
    expect(localToInstant(instantToLocal(at))).toBe(at.toISOString());
  });
});

describe('insideAtSummary', () => {
  const report = { buildingId: 'HQ', at: 'T', lookBackFrom: 'L', eventsRead: 12, people: [] };
  const format = (value: string) => `<${value}>`;

  it('says nobody, one person or how many, and where the look-back began', () => {
    expect(insideAtSummary(report, format)).toBe(
      'Nobody was inside HQ at <T>, from 12 archived events since <L>.' +
        ' Someone who entered before then and passed no door since is not known.',
    );
    const one = {
      ...report,
      people: [{ employeeId: 'e', employeeNumber: null, name: null, since: 'S', lastDoorId: 'd' }],
    };
    expect(insideAtSummary(one, format)).toMatch(/^1 person was inside HQ/);
    expect(insideAtSummary({ ...one, people: [...one.people, ...one.people] }, format)).toMatch(/^2 people were/);
  });
});

describe('who may ask who was inside', () => {
  it('is auditors and admins, like the API', () => {
    expect(may('auditor', 'readInsideAt')).toBe(true);
    expect(may('admin', 'readInsideAt')).toBe(true);
    expect(may('operator', 'readInsideAt')).toBe(false);
    expect(may(null, 'readInsideAt')).toBe(false);
  });
});
