import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatValidUntil,
  naturalCompare,
  personLabel,
  personName,
  sortNaturally,
  sortPeople,
  staffLabel,
  zoneNote,
} from './format';

describe('formatDateTime', () => {
  it('shows an instant in the building zone with the zone named', () => {
    expect(formatDateTime('2027-12-31T22:59:00Z', 'Europe/Berlin')).toBe('31 Dec 2027, 23:59 CET');
    expect(formatDateTime('2027-07-01T12:00:00Z', 'Europe/London')).toBe('1 Jul 2027, 13:00 BST');
    expect(formatDateTime('2027-12-31T12:00:00Z', 'America/New_York')).toBe('31 Dec 2027, 07:00 EST');
  });

  it('names the offset where the zone has no common abbreviation', () => {
    expect(formatDateTime('2027-12-31T12:00:00Z', 'Asia/Tokyo')).toBe('31 Dec 2027, 21:00 GMT+9');
  });

  it('follows the daylight saving change on the day it happens', () => {
    // Europe/Berlin, 28 Mar 2027: at 01:00 UTC the clocks jump from 02:00 CET to 03:00 CEST
    expect(formatDateTime('2027-03-28T00:59:00Z', 'Europe/Berlin')).toBe('28 Mar 2027, 01:59 CET');
    expect(formatDateTime('2027-03-28T01:00:00Z', 'Europe/Berlin')).toBe('28 Mar 2027, 03:00 CEST');
    // and back on 31 Oct 2027: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice, told apart by the zone
    expect(formatDateTime('2027-10-31T00:30:00Z', 'Europe/Berlin')).toBe('31 Oct 2027, 02:30 CEST');
    expect(formatDateTime('2027-10-31T01:30:00Z', 'Europe/Berlin')).toBe('31 Oct 2027, 02:30 CET');
  });

  it('uses the browser zone, named, where no building applies or the zone is unknown', () => {
    const shown = formatDateTime('2027-12-31T12:00:00Z');
    expect(shown).toMatch(/^31 Dec 2027, \d\d:\d\d \S+/);
    expect(formatDateTime('2027-12-31T12:00:00Z', 'Not/AZone')).toBe(shown);
  });

  it('shows a dash for nothing and the text itself for what is not an instant', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('formatDate', () => {
  it('shows a calendar date without moving it by a zone', () => {
    expect(formatDate('2027-12-31')).toBe('31 Dec 2027');
    expect(formatDate('2027-01-01')).toBe('1 Jan 2027');
    expect(formatDate('2027-03-28')).toBe('28 Mar 2027');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('31/12/2027')).toBe('31/12/2027');
  });
});

describe('formatValidUntil', () => {
  it('shows an end at midnight UTC as the last day the card works', () => {
    expect(formatValidUntil('2028-01-01T00:00:00Z', 'Europe/Berlin')).toBe('through 31 Dec 2027 (UTC)');
  });

  it('shows any other end as a time in the zone', () => {
    expect(formatValidUntil('2027-12-31T22:59:00Z', 'Europe/Berlin')).toBe('31 Dec 2027, 23:59 CET');
    expect(formatValidUntil(null)).toBe('—');
  });
});

describe('formatDateRange and staffLabel', () => {
  it('shows a validity as dates', () => {
    expect(formatDateRange('2027-01-01', '2027-12-31')).toBe('1 Jan 2027 – 31 Dec 2027');
    expect(formatDateRange(null, '2027-12-31')).toBe('until 31 Dec 2027');
    expect(formatDateRange('2027-01-01', null)).toBe('from 1 Jan 2027');
    expect(formatDateRange()).toBe('any day');
  });

  it('names who acted, or says an import did', () => {
    expect(staffLabel('Grace Hopper', 'sub-1')).toBe('Grace Hopper');
    expect(staffLabel(null, 'imports-bucket')).toBe('an import');
    expect(staffLabel(undefined, 'sub-1')).toBe('sub-1');
    expect(staffLabel()).toBe('—');
  });
});

describe('zoneNote', () => {
  it("names the building's zone, or the browser's where no building applies", () => {
    expect(zoneNote('Europe/Berlin', 'HQ')).toBe("Times are in HQ's time zone, Europe/Berlin.");
    expect(zoneNote('Europe/Berlin')).toBe("Times are in the building's time zone, Europe/Berlin.");
    expect(zoneNote(null)).toMatch(/^Times are in your browser's time zone, \S+\.$/);
  });
});

describe('natural order', () => {
  it('orders numbers inside names by value', () => {
    const names = ['Person 10', 'Person 100', 'Person 2', 'person 1', 'Person 20'];
    expect(sortNaturally(names, (n) => n)).toEqual(['person 1', 'Person 2', 'Person 10', 'Person 20', 'Person 100']);
    expect(sortNaturally(['E-10', 'E-9', 'E-100', 'E-1'], (n) => n)).toEqual(['E-1', 'E-9', 'E-10', 'E-100']);
  });

  it('ignores case and accents and puts missing values first', () => {
    expect(naturalCompare('émile', 'Emile')).toBe(0);
    expect(naturalCompare(null, 'a')).toBeLessThan(0);
  });

  it('sorts people by family name, given name, then employee number', () => {
    const people = [
      { familyName: 'Person', givenName: '10', employeeNumber: 'E-10' },
      { familyName: 'Person', givenName: '2', employeeNumber: 'E-2' },
      { familyName: 'Ångström', givenName: 'Anders', employeeNumber: 'E-1' },
      { familyName: 'Person', givenName: '2', employeeNumber: 'E-1' },
    ];
    expect(sortPeople(people).map((p) => p.employeeNumber)).toEqual(['E-1', 'E-1', 'E-2', 'E-10']);
    expect(sortPeople(people)[0].familyName).toBe('Ångström');
  });
});

describe('people', () => {
  it('names a person with their employee number', () => {
    expect(personLabel({ givenName: '山田', familyName: '太郎', employeeNumber: 'E-9' })).toBe('山田 太郎 (E-9)');
    expect(personName({ givenName: 'Ada', familyName: null })).toBe('Ada');
  });

  it('falls back to the number, then to what the caller gives', () => {
    expect(personLabel({ employeeNumber: 'E-9' })).toBe('E-9');
    expect(personLabel({}, 'emp-1')).toBe('emp-1');
    expect(personName({ givenName: ' ', familyName: '' })).toBeNull();
  });
});
