import { describe, expect, it } from 'vitest';
import { changeText, inProgress, parseCsv, parseReport, planSummary, progressPercent, uploaderLabel } from './imports';

describe('parseCsv', () => {
  it('reads quoted values with commas, doubled quotes and newlines, and skips blank lines', () => {
    const text = '\ufeffrow,message\r\n1,"no building DC-PAR, sorry"\n\n2,"a ""quoted"" word"\n3,"two\nlines"';

    expect(parseCsv(text)).toEqual([
      ['row', 'message'],
      ['1', 'no building DC-PAR, sorry'],
      ['2', 'a "quoted" word'],
      ['3', 'two\nlines'],
    ]);
  });

  it('keeps empty values, also at the end of a row', () => {
    expect(parseCsv('a,,c,\n')).toEqual([['a', '', 'c', '']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('parseReport', () => {
  it('reads the employee number and name of each row', () => {
    const rows = parseReport(
      'row,status,reason,message,employeeId,employeeNumber,givenName,familyName\n' +
        '1,APPLIED,,,emp-1,E-10,山田,太郎\n' +
        '2,REJECTED,INVALID_FIELD,"email must be an email address",,E-9,Bad,"Email, Jr."\n',
    );

    expect(rows[0]).toMatchObject({
      employeeId: 'emp-1',
      employeeNumber: 'E-10',
      givenName: '山田',
      familyName: '太郎',
      action: '',
    });
    expect(rows[1]).toMatchObject({
      employeeId: '',
      employeeNumber: 'E-9',
      givenName: 'Bad',
      familyName: 'Email, Jr.',
      action: '',
    });
  });

  it('reads the report of the contract example by its header', () => {
    const report =
      'row,status,reason,message,employeeId\n' +
      '1,APPLIED,,,2bc06189-214f-34b2-a178-5dcd9b904257\n' +
      '2,REJECTED,BUILDING_NOT_FOUND,"no building DC-PAR",\n' +
      '3,REJECTED,INVALID_FIELD,"email must be an email address",\n';

    const rows = parseReport(report);

    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      row: '1',
      status: 'APPLIED',
      reason: '',
      message: '',
      employeeId: '2bc06189-214f-34b2-a178-5dcd9b904257',
      employeeNumber: '',
      givenName: '',
      familyName: '',
      action: '',
    });
    expect(rows[1]).toMatchObject({
      row: '2',
      status: 'REJECTED',
      reason: 'BUILDING_NOT_FOUND',
      message: 'no building DC-PAR',
    });
    expect(rows[2].employeeId).toBe('');
  });

  it('finds columns in another order and leaves missing ones empty', () => {
    expect(parseReport('status,row\nAPPLIED,7\n')).toEqual([
      {
        row: '7',
        status: 'APPLIED',
        reason: '',
        message: '',
        employeeId: '',
        employeeNumber: '',
        givenName: '',
        familyName: '',
        action: '',
      },
    ]);
    expect(parseReport('')).toEqual([]);
  });
});

describe('progressPercent', () => {
  it('counts applied and rejected rows against the total', () => {
    expect(progressPercent({ status: 'RUNNING', rowsTotal: 200, applied: 90, rejected: 10 })).toBe(50);
  });

  it('is 0 while the total is unknown and 100 once completed', () => {
    expect(progressPercent({ status: 'PENDING', rowsTotal: 0, applied: 0, rejected: 0 })).toBe(0);
    expect(progressPercent({ status: 'COMPLETED', rowsTotal: 0, applied: 0, rejected: 0 })).toBe(100);
    expect(progressPercent({ status: 'RUNNING', rowsTotal: 3, applied: 5, rejected: 0 })).toBe(100);
  });

  it('polls only while an import is pending or running', () => {
    expect(inProgress('PENDING')).toBe(true);
    expect(inProgress('RUNNING')).toBe(true);
    expect(inProgress('COMPLETED')).toBe(false);
    expect(inProgress('REJECTED')).toBe(false);
  });
});

describe('uploaderLabel', () => {
  it('names the uploader, says a file was dropped into the bucket, or shows the subject', () => {
    expect(uploaderLabel({ uploadedBy: 'sub-1', uploadedByName: 'Grace Hopper' })).toBe('Grace Hopper');
    expect(uploaderLabel({ uploadedBy: 'imports-bucket' })).toBe('dropped into the bucket');
    expect(uploaderLabel({ uploadedBy: 'sub-1', uploadedByName: null })).toBe('sub-1');
    expect(uploaderLabel({})).toBe('—');
  });
});

describe('plans', () => {
  it("reads a plan row's changes old to new, naming an empty value", () => {
    expect(
      changeText({
        changes: [
          { field: 'email', from: 'a@x.io', to: 'b@x.io' },
          { field: 'cardNumber', from: null, to: 'C-1' },
        ],
      }),
    ).toBe('email: a@x.io → b@x.io; cardNumber: (none) → C-1');
  });

  it('sums a plan up in a sentence', () => {
    expect(
      planSummary({
        create: 2,
        update: 1,
        offboard: 1,
        unchanged: 5,
        rejected: 1,
        activePeople: 9,
        offboardLimit: 0,
        limitExceeded: true,
        fullExport: true,
        fingerprint: 'f',
      }),
    ).toBe('2 to create, 1 to update, 1 to offboard, 5 unchanged, 1 rejected');
  });

  it('does not poll a planned import: it waits for an admin', () => {
    expect(inProgress('PLANNED')).toBe(false);
  });
});
