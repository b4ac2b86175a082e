import type { MusterEntry } from './types';

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
