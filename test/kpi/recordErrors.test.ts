// Trust defects of a new user's trial: every error of the record readers is a MotcuaError with a
// code, { vi, en } texts, the value and the field; the date-order reason names the columns as the
// user's file calls them; the unknown-channel and unknown-level reasons list the Vietnamese names
// the reader accepts, from the reader's own table.
import { describe, expect, it } from 'vitest';
import { evolve, replay } from '../../src/dossier/index';
import { isMotcuaError, messageOf, type MotcuaError } from '../../src/errors';
import { formII06a, period, readRecords, recordFromObject, regroup, rejectionTexts, sampleRecords, summarize, type ReadResult } from '../../src/kpi/index';
import { defaultWords } from '../../src/kpi/_lib/values';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';

const VI_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

const good = { id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'Cấp xã', channel: 2, receivedOn: '2024-01-05', dueOn: '2024-01-09', finishedOn: '2024-01-08', finishedAs: 'resolved' };

function caught(f: () => unknown): MotcuaError {
  try {
    f();
  } catch (e) {
    expect(isMotcuaError(e, 'INVALID_INPUT') || isMotcuaError(e, 'INVALID_OPTION')).toBe(true);
    return e as MotcuaError;
  }
  throw new Error('expected an error');
}

describe('recordFromObject throws a MotcuaError: code, { vi, en } texts, value, field', () => {
  it('reads a good record', () => {
    expect(recordFromObject(good)).toMatchObject({ level: 'commune', channel: 'online', finishedOn: '2024-01-08' });
  });

  const cases: [string, Record<string, unknown>, string, unknown][] = [
    ['channel', { channel: 'Fax' }, 'channel', 'Fax'],
    ['level', { level: 'Cấp thôn' }, 'level', 'Cấp thôn'],
    ['date not real', { receivedOn: '2024-02-30' }, 'receivedOn', '2024-02-30'],
    ['date order', { finishedOn: '2024-01-02' }, 'finishedOn', '2024-01-02'],
    ['due before receipt', { dueOn: '01/01/2024' }, 'dueOn', '01/01/2024'],
    ['whole number', { supplements: 'two' }, 'supplements', 'two'],
    ['yes/no', { digitised: 'maybe' }, 'digitised', 'maybe'],
    ['status', { finishedAs: 'Đã xong?' }, 'finishedAs', 'Đã xong?'],
    ['number beyond 2^53', { id: 2 ** 60 }, 'id', 2 ** 60],
    ['not text', { agency: { name: 'x' } }, 'agency', { name: 'x' }],
    ['empty', { id: '' }, 'id', ''],
    ['end half set', { finishedAs: null }, 'finishedAs', ''],
  ];
  for (const [name, patch, field, value] of cases) {
    it(name, () => {
      const e = caught(() => recordFromObject({ ...good, ...patch }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.field).toBe(field);
      expect(e.value).toEqual(value);
      expect(e.texts.en).toBe(e.message);
      expect(messageOf(e)).toBe(e.texts.vi);
      // the English reason a CSV row would get, and its Vietnamese from the reasons' table
      expect(e.texts).toEqual(rejectionTexts(e.message));
      expect(e.texts.vi).not.toBe(e.texts.en);
      expect(e.texts.vi).toMatch(VI_LETTERS);
      // the field named once (not `channel: channel: …`)
      expect(e.message).toContain(field);
      expect(e.message.startsWith(`${field}: ${field}`)).toBe(false);
    });
  }

  it('a value that is not an object', () => {
    const e = caught(() => recordFromObject(5 as never));
    expect([e.code, e.field, e.value, e.message, e.texts.vi]).toEqual(['INVALID_INPUT', 'record', 5, 'expected an object, got 5', 'cần một đối tượng, nhận được 5']);
  });

  it('a date-order error in both languages', () => {
    const e = caught(() => recordFromObject({ ...good, finishedOn: '2024-01-02' }));
    expect(e.texts).toEqual({ en: 'finishedOn: 2024-01-02 is before receivedOn 2024-01-05', vi: 'finishedOn: 2024-01-02 sớm hơn receivedOn 2024-01-05' });
  });
});

describe('other public kpi and dossier functions throw MotcuaError, not Error', () => {
  const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['level', 'field'] });

  it('regroup by a key the summary is not grouped by: INVALID_OPTION naming groupBy', () => {
    const e = caught(() => regroup(s, ['month']));
    expect([e.code, e.field, e.value]).toEqual(['INVALID_OPTION', 'groupBy', 'month']);
    expect(e.texts.vi).toMatch(VI_LETTERS);
  });

  it('regroup a summary whose row keys do not split: INVALID_INPUT naming summary.rows', () => {
    const broken = { ...s, rows: [{ ...s.rows[0]!, key: 'commune' }] };
    const e = caught(() => regroup(broken, ['level']));
    expect([e.code, e.field, e.value]).toEqual(['INVALID_INPUT', 'summary.rows', 'commune']);
  });

  it('formII06a of a summary grouped otherwise: INVALID_INPUT naming summary.groupBy', () => {
    const byMonth = summarize(sampleRecords({ year: 2025 }), { period: period('2025-Q1'), groupBy: ['month'] });
    const e = caught(() => formII06a(byMonth));
    expect([e.code, e.field, e.value]).toEqual(['INVALID_INPUT', 'summary.groupBy', ['month']]);
    expect(e.texts.vi).toMatch(/^summary\.groupBy: Biểu II\.06a liệt kê/);
  });

  it('evolve a stored dossier whose ruleSet was edited: INVALID_INPUT naming dossier.ruleSet', () => {
    const procedure = findProcedure(sampleCatalog, '1.001193')!;
    const d = replay(
      [
        { id: 'e1', type: 'submitted', at: '2025-03-03T08:00:00+07:00', channel: 'online' },
        { id: 'e2', type: 'received', at: '2025-03-03T09:00:00+07:00' },
      ] as never,
      { procedure },
    );
    expect(d.rejected).toEqual([]);
    const e = caught(() => evolve({ ...d, ruleSet: 'decree-1-1990' as never }, { id: 'e3', type: 'supplement-requested', at: '2025-03-04T09:00:00+07:00' } as never));
    expect([e.code, e.field, e.value]).toEqual(['INVALID_INPUT', 'dossier.ruleSet', 'decree-1-1990']);
    expect(e.message).toContain('decree-118-2025');
    // any value that is not a rule set id
    expect(caught(() => evolve({ ...d, ruleSet: 7 as never }, { id: 'e3', type: 'supplement-requested', at: '2025-03-04T09:00:00+07:00' } as never)).field).toBe('dossier.ruleSet');
  });
});

async function rows(csv: string, mapping: Record<string, string>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readRecords([csv], { mapping })) out.push(r);
  return out;
}

describe('the date-order reasons name both columns as the file calls them', () => {
  const mapping = { id: 'Mã hồ sơ', procedureCode: 'Mã TTHC', field: 'Lĩnh vực', agency: 'Cơ quan', level: 'Cấp', channel: 'Kênh', receivedOn: 'Ngày nhận', dueOn: 'Hạn xử lý', finishedOn: 'Ngày xong', finishedAs: 'Kết quả', returnedOn: 'Ngày trả', pausedSince: 'Tạm dừng từ', pausedFor: 'Lý do dừng' };
  const header = Object.values(mapping).join(',');
  const row = (o: Partial<Record<keyof typeof mapping, string>>) => {
    const r = { id: 'H1', procedureCode: '1.001193', field: 'Hộ tịch', agency: 'UBND xã A', level: 'Cấp xã', channel: 'Trực tuyến', receivedOn: '05/01/2024', dueOn: '09/01/2024', finishedOn: '', finishedAs: '', returnedOn: '', pausedSince: '', pausedFor: '', ...o };
    return (Object.keys(mapping) as (keyof typeof mapping)[]).map((k) => r[k]).join(',');
  };

  it('each order rule, in English and Vietnamese', async () => {
    const bad = [
      row({ finishedOn: '02/01/2024', finishedAs: '9' }),
      row({ dueOn: '04/01/2024' }),
      row({ finishedOn: '08/01/2024', finishedAs: '9', returnedOn: '07/01/2024' }),
      row({ returnedOn: '04/01/2024' }),
      row({ pausedSince: '04/01/2024', pausedFor: 'Bổ sung' }),
      row({ finishedOn: '08/01/2024', finishedAs: 'refused', pausedSince: '09/01/2024', pausedFor: 'Bổ sung' }),
      row({ finishedOn: '08/01/2024', finishedAs: '9', pausedSince: '07/01/2024', pausedFor: 'Bổ sung' }),
    ];
    const out = await rows(`${header}\n${bad.join('\n')}\n`, mapping);
    const reasons = out.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons).toEqual([
      'finishedOn (column "Ngày xong"): 2024-01-02 is before receivedOn (column "Ngày nhận") 2024-01-05',
      'dueOn (column "Hạn xử lý"): 2024-01-04 is before receivedOn (column "Ngày nhận") 2024-01-05',
      'returnedOn (column "Ngày trả"): 2024-01-07 is before finishedOn (column "Ngày xong") 2024-01-08',
      'returnedOn (column "Ngày trả"): 2024-01-04 is before receivedOn (column "Ngày nhận") 2024-01-05',
      'pausedSince (column "Tạm dừng từ"): 2024-01-04 is before receivedOn (column "Ngày nhận") 2024-01-05',
      'pausedSince (column "Tạm dừng từ"): 2024-01-09 is after finishedOn (column "Ngày xong") 2024-01-08',
      'pausedSince (column "Tạm dừng từ"): 2024-01-07 is set, but the dossier was resolved: a resolved dossier is not waiting for the applicant',
    ]);
    expect(reasons.map((r) => rejectionTexts(r).vi)).toEqual([
      'finishedOn (cột "Ngày xong"): 2024-01-02 sớm hơn receivedOn (cột "Ngày nhận") 2024-01-05',
      'dueOn (cột "Hạn xử lý"): 2024-01-04 sớm hơn receivedOn (cột "Ngày nhận") 2024-01-05',
      'returnedOn (cột "Ngày trả"): 2024-01-07 sớm hơn finishedOn (cột "Ngày xong") 2024-01-08',
      'returnedOn (cột "Ngày trả"): 2024-01-04 sớm hơn receivedOn (cột "Ngày nhận") 2024-01-05',
      'pausedSince (cột "Tạm dừng từ"): 2024-01-04 sớm hơn receivedOn (cột "Ngày nhận") 2024-01-05',
      'pausedSince (cột "Tạm dừng từ"): 2024-01-09 muộn hơn finishedOn (cột "Ngày xong") 2024-01-08',
      'pausedSince (cột "Tạm dừng từ"): 2024-01-07 có giá trị, nhưng hồ sơ đã giải quyết xong: hồ sơ đã giải quyết không còn chờ người nộp',
    ]);
  });

  it('a column named as its field, or a name with a quote, reads as before', async () => {
    const plain = await rows(`id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs\nH1,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-05,2024-01-09,2024-01-02,resolved\n`, {});
    expect(plain.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['finishedOn: 2024-01-02 is before receivedOn 2024-01-05']);
    const quoted = await rows(`id,procedureCode,field,agency,level,channel,"Nhận ""gốc""",dueOn,finishedOn,finishedAs\nH1,1.001193,Hộ tịch,UBND xã A,commune,online,2024-01-05,2024-01-09,2024-01-02,resolved\n`, { receivedOn: 'Nhận "gốc"' });
    const reason = quoted.map((r) => (r.ok ? 'ok' : r.reason))[0]!;
    expect(reason).toBe('finishedOn: 2024-01-02 is before receivedOn (column "Nhận \\"gốc\\"") 2024-01-05');
    expect(rejectionTexts(reason).vi).toBe('finishedOn: 2024-01-02 sớm hơn receivedOn (cột "Nhận \\"gốc\\"") 2024-01-05');
  });
});

describe('the unknown-channel and unknown-level reasons list the names the reader accepts, from its table', () => {
  for (const f of ['channel', 'level'] as const) {
    it(f, () => {
      const e = caught(() => recordFromObject({ ...good, [f]: 'Fax' }));
      const listed = e.message.slice(e.message.indexOf('without a map: ') + 'without a map: '.length);
      // every group of the table, with every one of its names, and nothing else
      const groups = listed.replace(/\)$/, '').split('; ');
      const table = defaultWords(f);
      expect(groups.length).toBe(table.length);
      expect(table.some(([, words]) => words.some((w) => /[^\x00-\x7f]/.test(w)))).toBe(true);
      for (const [k, [value, words]] of table.entries()) {
        expect(groups[k]!.startsWith(`${value}: `)).toBe(true);
        const names = [...groups[k]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
        expect(names.map((n) => n.toLowerCase())).toEqual(words);
        // each name listed is read, as the value it is listed under
        for (const n of names) expect(recordFromObject({ ...good, [f]: n })[f]).toBe(value);
      }
      // the Vietnamese text lists the same names
      expect(e.texts.vi).toContain(listed);
      expect(e.texts.vi).toMatch(f === 'channel' ? /^channel: "Fax" không phải kênh tiếp nhận/ : /^level: "Fax" không phải cấp/);
    });
  }
});
