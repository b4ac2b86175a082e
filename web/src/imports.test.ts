import { describe, expect, it } from 'vitest';
import { inProgress, parseCsv, parseReport, progressPercent } from './imports';

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
      { row: '7', status: 'APPLIED', reason: '', message: '', employeeId: '' },
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
