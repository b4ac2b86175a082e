/**
 * Erasure of an offboarded person's name, email and department (POST /employees/{id}/erasure, docs/operations.md
 * "Erasure"). Only an OFFBOARDED employee may be erased; the reason is mandatory and kept for good in the admin
 * audit chain, so it must say why (a ticket, a request), never whom.
 */
export const MAX_REASON_LENGTH = 500;

export function canErase(status: string): boolean {
  return status === 'OFFBOARDED';
}

/** Why the reason cannot be sent, or null when it can. */
export function reasonProblem(reason: string): string | null {
  if (!reason.trim()) return 'Give the reason for the erasure (kept in the audit trail).';
  if (reason.length > MAX_REASON_LENGTH) return `At most ${MAX_REASON_LENGTH} characters.`;
  return null;
}

/** The heading of an employee page: the name, or "Erased person" once the data is gone. */
export function employeeTitle(employee: {
  givenName?: string | null;
  familyName?: string | null;
  status: string;
}): string {
  if (employee.status === 'ERASED') return 'Erased person';
  return [employee.givenName, employee.familyName].filter(Boolean).join(' ');
}
