/** The alarms page's and the alarm subscriptions page's data, and the checks the forms make before sending. */

export type AlarmStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export interface AlarmRow {
  alarmId: string;
  type: string;
  doorId: string;
  buildingId?: string | null;
  eventId: string;
  cardNumber?: string | null;
  cardId?: string | null;
  employeeId?: string | null;
  occurredAt: string;
  raisedAt: string;
  status: AlarmStatus;
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
  acknowledgeNote?: string | null;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
  resolveNote?: string | null;
}

export interface Alarms {
  alarms: AlarmRow[];
}

export type SubscriptionProtocol = 'EMAIL' | 'SMS' | 'WEBHOOK';

export interface AlarmSubscription {
  id: string | null;
  protocol: string;
  endpoint: string;
  status: 'CONFIRMED' | 'PENDING_CONFIRMATION' | 'ACTIVE';
  removable: boolean;
  createdBy?: string | null;
  createdAt?: string | null;
  secretRotatedAt?: string | null;
  secret?: string | null;
}

export interface AlarmSubscriptions {
  subscriptions: AlarmSubscription[];
}

export interface RotatedSecret {
  id: string;
  secret: string;
  previousSecretValidUntil: string;
}

/** The longest note the API takes with an acknowledgement or resolution. */
export const MAX_NOTE = 500;

const LABELS: Record<string, string> = {
  ANTI_PASSBACK: 'Anti-passback',
  UNKNOWN_CARD: 'Unknown card',
  REVOKED_CARD_USED: 'Revoked card used',
  LOST_CARD_USED: 'Lost card used',
  SUSPENDED_CARD_USED: 'Suspended card used',
  DOOR_FORCED: 'Door forced',
  DOOR_HELD_OPEN: 'Door held open',
  REPEATED_DENIALS: 'Repeated denials',
  EVENT_ID_REUSED: 'Event id reused',
  ALLOW_LIST_STALE: 'Allow-list stale',
};

/** An alarm type as people read it; an unknown type is shown as it came. */
export function alarmLabel(type: string): string {
  return LABELS[type] ?? type;
}

export function alarmStatusColor(status: AlarmStatus): string {
  return status === 'OPEN' ? 'red' : status === 'ACKNOWLEDGED' ? 'yellow' : 'green';
}

/** What an operator may still do with an alarm in this status. */
export function nextActions(status: AlarmStatus): ('acknowledge' | 'resolve')[] {
  return status === 'OPEN' ? ['acknowledge', 'resolve'] : status === 'ACKNOWLEDGED' ? ['resolve'] : [];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * Why the endpoint cannot be sent for this protocol (the API's own rules: an email address, an E.164 phone, an
 * https URL without user info or fragment, at most 2048 characters), or null when it may be.
 */
export function endpointProblem(protocol: SubscriptionProtocol, endpoint: string): string | null {
  const value = endpoint.trim();
  if (!value) return 'Required.';
  switch (protocol) {
    case 'EMAIL':
      return value.length <= 254 && EMAIL.test(value) ? null : 'Enter an email address, such as security@example.com.';
    case 'SMS':
      return E164.test(value)
        ? null
        : 'Enter the number in E.164 form: a plus, the country code, the number (+442071234567).';
    case 'WEBHOOK': {
      if (value.length > 2048) return 'At most 2,048 characters.';
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return 'Enter a full URL, such as https://hooks.example.com/badgeflow.';
      }
      // Plain http to the loopback is for test receivers on the local stage; the API refuses it elsewhere.
      const loopback = /^(127\.|localhost$|\[::1\]$)/.test(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        return 'Only https URLs: the alarm and its signature must not travel in clear.';
      }
      if (url.username || url.password) return 'No user name or password in the URL.';
      if (url.hash) return 'No #fragment in the URL.';
      return null;
    }
  }
}

export function subscriptionStatusLabel(status: AlarmSubscription['status']): string {
  return status === 'PENDING_CONFIRMATION' ? 'pending confirmation' : status === 'ACTIVE' ? 'active' : 'confirmed';
}
