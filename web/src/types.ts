/** The API's views, as docs/back-office-api.md describes them. */
export interface Employee {
  employeeId: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  department?: string | null;
  status: string;
  currentCardId?: string | null;
  registeredAt?: string;
  updatedAt?: string;
  affiliation?: Affiliation | null;
}

/** Employee, visitor (with a host and days) or contractor (with a company and an end date, `validUntil`). */
export interface Affiliation {
  kind: 'EMPLOYEE' | 'VISITOR' | 'CONTRACTOR';
  company?: string | null;
  hostEmployeeId?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** A visitor or contractor as reception lists them. */
export interface ReceptionEntry {
  employeeId: string;
  kind: 'VISITOR' | 'CONTRACTOR';
  givenName: string;
  familyName: string;
  company?: string | null;
  hostEmployeeId?: string | null;
  hostName?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  status: string;
  cardId?: string | null;
  cardNumber?: string | null;
  buildingIds: string[];
  inside: boolean;
  since?: string | null;
}

export interface ReceptionView {
  buildingId: string;
  buildingName: string;
  date: string;
  expected: ReceptionEntry[];
  contractors: ReceptionEntry[];
  inside: ReceptionEntry[];
}

export interface Card {
  cardId: string;
  cardNumber: string;
  status: string;
  employeeId?: string | null;
  /** the holder's number and name; null for a card in stock or an employee no longer on record */
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  issuedAt?: string;
}

export interface Grant {
  employeeId: string;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  buildingId: string;
  schedule?: { days: string[]; from: string; until: string } | null;
  validFrom?: string | null;
  validUntil?: string | null;
  grantedAt?: string;
  /** the admin's token subject (or `imports-bucket`) */
  grantedBy?: string;
  /** the admin's name from the user pool, when the subject names a user */
  grantedByName?: string | null;
}

export interface Command {
  commandId: string;
  type?: string | null;
  status: 'PENDING' | 'APPLIED' | 'REJECTED';
  reason?: string | null;
  message?: string | null;
  employeeId?: string | null;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  subjectId?: string | null;
  /** who submitted it (a token subject, or `imports-bucket`) and their name; listings only */
  actor?: string | null;
  actorName?: string | null;
  finishedAt?: string | null;
}

export interface PageOf<T> {
  items: T[];
  next?: string | null;
}

export interface EmployeeDetail {
  employee: Employee;
  cards: Card[];
  grants: Grant[];
  commands: PageOf<Command>;
}

export interface EmployeeAccepted {
  commandId: string;
  status: string;
  employeeId: string;
}

export interface CardDetail {
  card: Card;
  commands: PageOf<Command>;
}

export type AntiPassbackMode = 'HARD' | 'SOFT' | 'TIMED' | 'OFF';

/** A building's anti-passback setting; `minutes` only for TIMED. */
export interface AntiPassback {
  mode: AntiPassbackMode;
  minutes: number | null;
}

export interface Building {
  buildingId: string;
  name: string;
  timeZone: string;
  antiPassback: AntiPassback;
}

export interface Door {
  doorId: string;
  buildingId: string;
  name: string;
  capability: 'IN' | 'OUT' | 'BOTH';
}

export interface BuildingDetail {
  building: Building;
  doors: Door[];
}

/** The 202 body of every command: the command to follow and the id of what it concerns. */
export interface Accepted {
  commandId: string;
  status: string;
  employeeId?: string;
  cardId?: string;
  buildingId?: string;
  doorId?: string;
}

/** The 202 body of a door registration or key rotation: the plaintext key, here and nowhere else. */
export interface DoorKeyAccepted extends Accepted {
  doorId: string;
  deviceKey: string | null;
  deviceKeyNote?: string;
}

export const CARD_STATUSES = ['ISSUED', 'ACTIVE', 'SUSPENDED', 'LOST', 'REVOKED', 'SUPERSEDED'] as const;
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** `GET /dead-letters`: per queue pair the DLQ depth and up to `limit` of its messages with their reasons. */
export interface DeadLetters {
  queues: DeadLetterQueue[];
}

export interface DeadLetterQueue {
  name: string;
  sourceQueue: string;
  deadLetterQueue: string;
  depth: number;
  messages: DeadLetter[];
}

export interface DeadLetter {
  messageId: string;
  sentAt?: string | null;
  receiveCount: number;
  objectKeys: string[];
  commandIds: string[];
  envelopeProblem?: string | null;
  reason: string;
  attempts?: number | null;
  firstFailedAt?: string | null;
  lastFailedAt?: string | null;
}

export interface Redriven {
  name: string;
  moved: number;
}

/** Why access-stream parked a stream record (docs/operations.md, "Parked stream records"). */
export type ParkReason = 'MALFORMED' | 'UNKNOWN_TYPE' | 'INVALID_FIELD' | 'OVERSIZED' | 'REJECTED_BY_STORE';

/**
 * `GET /parked-records` (a `PageOf`, newest first): a stream record the consumer could never apply, where it sat
 * on the stream, why, and the first 4 KiB of its payload (`truncated` when the record was longer; `size` is the
 * whole record's bytes).
 */
export interface ParkedRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  size: number;
  reason: ParkReason;
  message: string;
  payloadBase64: string;
  truncated: boolean;
  parkedAt: string;
}

/** `GET /admin-audit/verify`: `intact` tells the two shapes apart. */
export type ChainVerification =
  | { intact: true; blocksChecked: number; headSequence: number; headHash: string | null }
  | { intact: false; sequence: number; blockId: string | null; problem: string; message: string };

export interface AuditEntry {
  commandId: string;
  commandType: string;
  actor: string;
  actorName?: string | null;
  status: 'APPLIED' | 'REJECTED' | 'PENDING';
  reason?: string | null;
  subjectId?: string | null;
  /** "Given Family (number)" when the subject is an employee on record */
  subjectName?: string | null;
  finishedAt?: string | null;
}

export interface AuditBlock {
  sequence: number;
  blockId: string;
  appendedAt: string;
  hash: string;
  previousHash?: string | null;
  entries: AuditEntry[];
}

/** Someone inside a building at a past moment; number and name are null for an employee no longer on record. */
export interface PersonInside {
  employeeId: string;
  employeeNumber: string | null;
  name: string | null;
  since: string;
  lastDoorId: string;
}

/** GET /buildings/{id}/inside-at: rebuilt from the door-event archive, reading back to `lookBackFrom`. */
export interface InsideAt {
  buildingId: string;
  at: string;
  lookBackFrom: string;
  people: PersonInside[];
  eventsRead: number;
}

/** A stored door event, with the names behind its ids (null when that record is gone). */
export interface SwipeEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  buildingId?: string | null;
  doorId: string;
  doorName?: string | null;
  employeeId?: string | null;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  cardNumber?: string | null;
  cardId?: string | null;
  cardStatus?: string | null;
  direction?: string | null;
  decision?: string | null;
  reason?: string | null;
  rule?: string | null;
  policyVersion?: string | null;
  doorState?: string | null;
  alarms: string[];
  receivedAt?: string | null;
}

export interface LiveView {
  asOf: string;
  next: string;
  since: string;
  buildings: { buildingId: string; name: string; inside: number }[];
  events: SwipeEvent[];
  alarms: SwipeEvent[];
  /** Every door's offline allow-list: the version it holds and the seconds since it was confirmed current. */
  doorLists?: DoorListStatus[];
}

export interface DoorListStatus {
  doorId: string;
  buildingId: string;
  name: string;
  version?: number | null;
  confirmedAt?: string | null;
  ageSeconds?: number | null;
}

export interface MusterEntry {
  employeeId: string;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  department?: string | null;
  lastDoorId?: string | null;
  lastDoorName?: string | null;
  since?: string | null;
  kind?: 'EMPLOYEE' | 'VISITOR' | 'CONTRACTOR' | null;
  company?: string | null;
  hostEmployeeId?: string | null;
  hostName?: string | null;
}

export interface MusterView {
  buildingId: string;
  buildingName: string;
  asOf: string;
  inside: number;
  people: MusterEntry[];
}

export interface PersonAnswer {
  employeeId: string;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  employeeStatus?: string | null;
  cardId?: string | null;
  cardNumber?: string | null;
  cardStatus?: string | null;
  decision: string;
  reason: string;
  rule: string;
  policyVersion: string;
}

export interface WhoCanEnterView {
  doorId: string;
  doorName: string;
  buildingId: string;
  at: string;
  policyVersion: string;
  granted: PersonAnswer[];
  refused: PersonAnswer[];
}

export interface BuildingAnswer {
  buildingId: string;
  buildingName: string;
  decision: string;
  reason: string;
  rule: string;
  policyVersion: string;
  cardStatus?: string | null;
}

export interface CanEnterView {
  employeeId: string;
  cardId?: string | null;
  at: string;
  policyVersion: string;
  buildings: BuildingAnswer[];
}

/** GET /buildings/{buildingId}/activity: the dashboard's series for one building, today in its time zone. */
export interface BuildingActivity {
  buildingId: string;
  buildingName: string;
  timeZone: string;
  date: string;
  asOf: string;
  insideNow: number;
  occupancy: { at: string; inside: number }[];
  decisionsPerMinute: { at: string; granted: number; denied: number }[];
  denialsByReason: { reason: string; count: number }[];
  consumerLag: { at: string; millis: number }[] | null;
  truncated: boolean;
}
