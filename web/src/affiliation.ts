import { formatDate, formatDateRange } from './format';
import type { Affiliation, MusterEntry } from './types';

/** "Visitor of <host>" or "Contractor, <company>"; a dash for an employee. */
export function affiliationLabel(
  person: Pick<MusterEntry, 'kind' | 'company' | 'hostName' | 'hostEmployeeId'>,
): string {
  if (person.kind === 'VISITOR') {
    const host = person.hostName ?? person.hostEmployeeId ?? 'unknown host';
    return `Visitor of ${host}${person.company ? ` (${person.company})` : ''}`;
  }
  if (person.kind === 'CONTRACTOR') return `Contractor${person.company ? `, ${person.company}` : ''}`;
  return '—';
}

/** The facts an employee page adds for a visitor (host, days) or contractor (company, end date); none for employees. */
export function affiliationFacts(affiliation?: Affiliation | null): [string, string][] {
  if (!affiliation || affiliation.kind === 'EMPLOYEE') return [];
  if (affiliation.kind === 'VISITOR') {
    return [
      ['Visitor of', affiliation.hostEmployeeId ?? '—'],
      ['Company', affiliation.company ?? '—'],
      ['Visit', formatDateRange(affiliation.validFrom, affiliation.validUntil)],
    ];
  }
  return [
    ['Contractor of', affiliation.company ?? '—'],
    ['End date', affiliation.validUntil ? formatDate(affiliation.validUntil) : '—'],
  ];
}
