import type { EmployeeDetail } from './types';

/**
 * What offboarding this employee will do, in sentences taken from the data on the page: OffboardEmployee marks
 * the employee OFFBOARDED, revokes their current card, deletes every access grant and releases the employee
 * number, all in one transaction (docs/contracts.md). Nothing of it can be undone.
 */
export function offboardConsequences({ employee, cards, grants }: EmployeeDetail): string[] {
  const name = `${employee.givenName} ${employee.familyName}`;
  const lines = [`${name} is marked OFFBOARDED for good; no command can change them afterwards.`];
  const current = employee.currentCardId ? cards.find((card) => card.cardId === employee.currentCardId) : undefined;
  if (current) {
    lines.push(`Card ${current.cardNumber} (now ${current.status}) is revoked and never works again.`);
  } else if (employee.currentCardId) {
    lines.push(`Their current card (${employee.currentCardId}) is revoked and never works again.`);
  } else {
    lines.push('They hold no current card, so no card is revoked.');
  }
  if (grants.length === 0) {
    lines.push('They have no access grants, so none is revoked.');
  } else {
    const buildings = grants.map((grant) => grant.buildingId).join(', ');
    lines.push(
      grants.length === 1
        ? `Their access grant to ${buildings} is revoked.`
        : `All ${grants.length} access grants are revoked (${buildings}).`,
    );
  }
  lines.push(`Employee number ${employee.employeeNumber} is released, so a rehire may be registered with it.`);
  return lines;
}

/** The employee commands that make sense in a status; the API decides the rest when applying them. */
export function employeeActions(status: string): ('edit' | 'deactivate' | 'reactivate' | 'offboard')[] {
  switch (status) {
    case 'ACTIVE':
      return ['edit', 'deactivate', 'offboard'];
    case 'INACTIVE':
      return ['edit', 'reactivate', 'offboard'];
    default:
      return [];
  }
}
