/**
 * HR sync: the CSV columns card-events reads (docs/contracts.md, section 6), the API's views of an import and of
 * its dry-run plan, and the per-row report read back from its CSV.
 */
export interface ImportColumn {
  name: string;
  required: boolean;
  rule: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    name: 'employee number',
    required: true,
    rule: 'text ≤ 64, once per file: a known number updates that person, a new one registers a person',
  },
  { name: 'given name', required: true, rule: 'text ≤ 128' },
  { name: 'family name', required: true, rule: 'text ≤ 128' },
  { name: 'email', required: true, rule: 'an email address' },
  { name: 'department', required: false, rule: 'text ≤ 128' },
  {
    name: 'building codes',
    required: false,
    rule: 'building codes separated by ";" (at most 40); each building must already be registered',
  },
  {
    name: 'card number',
    required: false,
    rule: 'the person’s card: a new number issues a new card (the old one is superseded), empty revokes it',
  },
  {
    name: 'valid until',
    required: false,
    rule: 'ISO date (2027-03-31), needs a card number: the card works through the end of that day, UTC',
  },
];

export type ImportStatus = 'PENDING' | 'PLANNED' | 'RUNNING' | 'COMPLETED' | 'REJECTED';

export type PlanAction = 'CREATE' | 'UPDATE' | 'OFFBOARD' | 'UNCHANGED' | 'REJECTED';

export const PLAN_ACTIONS: readonly PlanAction[] = ['CREATE', 'UPDATE', 'OFFBOARD', 'UNCHANGED', 'REJECTED'];

/** What a dry run found (`plan` of an import). */
export interface PlanCounts {
  create: number;
  update: number;
  offboard: number;
  unchanged: number;
  rejected: number;
  activePeople: number;
  offboardLimit: number;
  limitExceeded: boolean;
  fullExport: boolean;
  fingerprint: string;
}

/** One row of `GET /imports/{importId}/plan`. */
export interface PlanRowView {
  /** the file's row; absent for an offboarding (the person is not in the file) */
  row?: number | null;
  action: PlanAction;
  employeeNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  employeeId?: string | null;
  changes: { field: string; from?: string | null; to?: string | null }[];
  reason?: string | null;
  message?: string | null;
}

/** A plan row's changes as one line: `email: a@x → b@x; buildings: HQ → HQ;LAB`. */
export function changeText(row: Pick<PlanRowView, 'changes'>): string {
  return row.changes.map((c) => `${c.field}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`).join('; ');
}

/** How a plan reads in a sentence: `2 to create, 1 to update, 1 to offboard, 5 unchanged, 1 rejected`. */
export function planSummary(plan: PlanCounts): string {
  return (
    `${plan.create} to create, ${plan.update} to update, ${plan.offboard} to offboard, ` +
    `${plan.unchanged} unchanged, ${plan.rejected} rejected`
  );
}

/** `GET /imports/{importId}`, and each item of `GET /imports` (newest first). */
export interface ImportView {
  importId: string;
  status: ImportStatus;
  objectKey?: string | null;
  /** the file's name as uploaded; null for an upload without one */
  fileName?: string | null;
  /** the uploader's token subject, or `imports-bucket` for a file dropped into the bucket */
  uploadedBy?: string | null;
  /** the uploader's name from the user pool, when the subject names a user */
  uploadedByName?: string | null;
  rowsTotal: number;
  applied: number;
  rejected: number;
  startedAt?: string | null;
  finishedAt?: string | null;
  reason?: string | null;
  reportUrl?: string | null;
  /** the dry run's plan, once card-events has made it */
  plan?: PlanCounts | null;
  planUrl?: string | null;
  planCsvUrl?: string | null;
  confirmedBy?: string | null;
  confirmedByName?: string | null;
  confirmedAt?: string | null;
  limitOverridden?: boolean;
}

/** The 202 of `POST /imports`. */
export interface ImportAccepted {
  importId: string;
  status: ImportStatus;
  alreadyUploaded: boolean;
}

export interface ReportRow {
  row: string;
  status: string;
  reason: string;
  message: string;
  employeeId: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  action: string;
}

/** Who uploaded an import, as a person reads it: their name, else the subject (`imports-bucket`), else a dash. */
export function uploaderLabel(view: Pick<ImportView, 'uploadedBy' | 'uploadedByName'>): string {
  if (view.uploadedByName) return view.uploadedByName;
  if (view.uploadedBy === 'imports-bucket') return 'dropped into the bucket';
  return view.uploadedBy ?? '—';
}

/** Whether an import is still moving (worth polling). */
export function inProgress(status: ImportStatus): boolean {
  return status === 'PENDING' || status === 'RUNNING';
}

/** How far an import is, 0-100: rows applied or rejected out of all rows (0 while the total is unknown). */
export function progressPercent(view: Pick<ImportView, 'status' | 'rowsTotal' | 'applied' | 'rejected'>): number {
  if (view.status === 'COMPLETED') return 100;
  if (!view.rowsTotal || view.rowsTotal <= 0) return 0;
  const done = Math.max(0, view.applied) + Math.max(0, view.rejected);
  return Math.min(100, Math.round((done / view.rowsTotal) * 100));
}

/**
 * Splits CSV text (RFC 4180: quoted values may hold commas, newlines and doubled quotes) into rows of values.
 * Blank lines are skipped; CRLF and LF both end a row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(value);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    value = '';
  };
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        value += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else {
      value += c;
    }
  }
  if (value !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * The report CSV (`row,status,reason,message,employeeId,employeeNumber,givenName,familyName,action`, columns found by
 * their header, so a report written before the name or action columns existed still reads) as rows.
 */
export function parseReport(text: string): ReportRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const at = (name: keyof ReportRow) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const columns = {
    row: at('row'),
    status: at('status'),
    reason: at('reason'),
    message: at('message'),
    employeeId: at('employeeId'),
    employeeNumber: at('employeeNumber'),
    givenName: at('givenName'),
    familyName: at('familyName'),
    action: at('action'),
  };
  const cell = (values: string[], index: number) => (index >= 0 ? (values[index] ?? '') : '');
  return rows.map((values) => ({
    row: cell(values, columns.row),
    status: cell(values, columns.status),
    reason: cell(values, columns.reason),
    message: cell(values, columns.message),
    employeeId: cell(values, columns.employeeId),
    employeeNumber: cell(values, columns.employeeNumber),
    givenName: cell(values, columns.givenName),
    familyName: cell(values, columns.familyName),
    action: cell(values, columns.action),
  }));
}
