import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS generator shared with scripts/gen-data.mjs
import { generateLunar, generateOfficial } from '../../scripts/gen-data-lib.mjs';
import { calendarTable, createCalendar, daysOff, explain, hungKingsDate, isWorkingDay, tetDate, workingWeekends } from '../../src/calendar/index';
import { calendarTableSql } from '../../src/sql/index';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataPath = `${root}data/vn-official-days.json`;
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const sharedPath = `${root}../shared/reference/data/vn-official-days.json`;

describe('sourced data', () => {
  it('the compiled official module is a fresh compilation of data/vn-official-days.json', () => {
    expect(readFileSync(`${root}src/calendar/_data/official.ts`, 'utf8')).toBe(generateOfficial(data));
  });

  it('the compiled lunar module equals a fresh computation from the Vietnamese calendar behind date-holidays', async () => {
    expect(readFileSync(`${root}src/calendar/_data/lunar.ts`, 'utf8')).toBe(await generateLunar());
  });

  it.skipIf(!existsSync(sharedPath))(`the bundled data is the reference data, unchanged${existsSync(sharedPath) ? '' : ' (skipped: no reference copy ../shared/reference/data beside the repository, only the development machine has one)'}`, () => {
    expect(readFileSync(dataPath, 'utf8')).toBe(readFileSync(sharedPath, 'utf8'));
  });

  it('Tết and Hùng Kings 1990-2100 agree with the reference tables (Vietnamese calendar, not Chinese)', () => {
    for (let y = 1990; y <= 2100; y++) {
      expect(tetDate(y), `Tết ${y}`).toBe(data.lunar.tetVN[String(y)]);
      expect(hungKingsDate(y), `10/3 ${y}`).toBe(data.lunar.hungKingsVN[String(y)]);
    }
    for (const d of data.lunar.differencesVNvsCN_1990_2100) {
      const ours = d.what === 'tet' ? tetDate(d.year) : hungKingsDate(d.year);
      expect(ours).toBe(d.vietnam);
      expect(ours).not.toBe(d.china);
    }
  });

  it('date-holidays, as an oracle, agrees for every year 1990-2100 but its two known misplacements of 10/3', () => {
    const hd = new Holidays('VN');
    const disagree: string[] = [];
    for (let y = 1990; y <= 2100; y++) {
      const hs = hd.getHolidays(y);
      const tet = hs.find((h) => h.rule === 'vietnamese 1-0-1')?.date.slice(0, 10);
      const hung = hs.find((h) => h.rule === 'vietnamese 3-0-10')?.date.slice(0, 10);
      if (tet !== tetDate(y)) disagree.push(`tet ${y} ${tet}`);
      if (hung !== hungKingsDate(y)) disagree.push(`10/3 ${y} ${hung}`);
    }
    // date-holidays evaluates "vietnamese 3-0-10" through an estimate of the month's new moon and
    // lands one day early in 2050 and 2083; the astronomical new moons (2050-03-23 07:42 and
    // 2083-04-17 09:12, UTC+7) and the reference tables give 2050-04-01 and 2083-04-26.
    expect(disagree).toEqual(['10/3 2050 2050-03-31', '10/3 2083 2083-04-25']);
  });
});

describe('the official schedules are honoured', () => {
  const cultural = createCalendar({ cultureDay: true });

  it('every official weekday off is off, with its kind, status and a source', () => {
    let n = 0;
    for (const d of data.nonWorkingWeekdays) {
      if (d.status === 'pending') {
        expect(isWorkingDay(d.date), d.date).toBe(true);
        expect(isWorkingDay(d.date, cultural), d.date).toBe(false);
        expect(explain(d.date, cultural).status).toBe('pending');
        continue;
      }
      const e = explain(d.date);
      expect(e.working, d.date).toBe(false);
      expect(e.kind, d.date).toBe(d.kind);
      expect(e.status, d.date).toBe(d.status);
      expect(e.estimated, d.date).toBe(d.status === 'inferred');
      expect(e.source, d.date).toBeTruthy();
      n++;
    }
    expect(n).toBe(113);
  });

  it('every official working Saturday is a working day that names the weekday it replaces', () => {
    for (const s of data.workingSaturdays) {
      // English reasons name the ISO dates; Vietnamese ones (the default) the printed dates dd/MM/yyyy
      const e = explain(s.date, undefined, { locale: 'en' });
      expect(e.working, s.date).toBe(true);
      expect(e.kind).toBe('working-saturday');
      expect(e.reason).toContain(s.replacesWeekday);
      expect(explain(s.replacesWeekday).kind).toBe('swap');
      expect(explain(s.replacesWeekday, undefined, { locale: 'en' }).reason).toContain(s.date);
      const dmy = (iso: string) => iso.split('-').reverse().join('/');
      expect(explain(s.date).reason).toContain(dmy(s.replacesWeekday));
      expect(explain(s.replacesWeekday).reason).toContain(dmy(s.date));
    }
  });

  it('daysOff and workingWeekends list exactly the official days of an announced year', () => {
    const want = data.nonWorkingWeekdays.filter((d: { date: string; status: string }) => d.date.startsWith('2026') && d.status !== 'pending').map((d: { date: string }) => d.date);
    expect(daysOff(2026).map((d) => d.date)).toEqual(want);
    expect(workingWeekends(2026).map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(daysOff(2026, cultural).map((d) => d.date)).toContain('2026-11-24');
  });

  it('the rules alone reproduce every announced year 2018-2027 except the swaps', () => {
    const estimated = createCalendar({ officialData: false });
    const swaps = new Set(data.workingSaturdays.flatMap((s: { date: string; replacesWeekday: string }) => [s.date, s.replacesWeekday]));
    for (let y = 2018; y <= 2027; y++) {
      const official = new Set([...daysOff(y).map((d) => d.date), ...workingWeekends(y).map((d) => d.date)]);
      const ruled = new Set(daysOff(y, estimated).map((d) => d.date));
      const onlyOfficial = [...official].filter((d) => !ruled.has(d));
      const onlyRuled = [...ruled].filter((d) => !official.has(d));
      expect(onlyRuled, `${y}: estimated but not official`).toEqual([]);
      expect(onlyOfficial.every((d) => swaps.has(d)), `${y}: ${onlyOfficial}`).toBe(true);
    }
  });

  it('years with no official schedule are estimated, and say so', () => {
    for (const y of [1990, 2005, 2017, 2028, 2031, 2100]) {
      const days = daysOff(y, undefined, { locale: 'en' });
      expect(days.length).toBeGreaterThanOrEqual(y >= 2007 ? 9 : 7);
      for (const d of days) {
        expect(d.estimated).toBe(true);
        expect(d.status).toBe('estimated');
        expect(d.reason).toMatch(/estimated/);
      }
      for (const d of daysOff(y)) expect(d.reason).toMatch(/ước tính/);
      const workday = ['10', '11', '12'].map((d) => explain(`${y}-03-${d}`)).find((e) => e.working);
      expect(workday?.estimated).toBe(true);
      expect(workday?.kind).toBe('workday');
    }
    for (const d of daysOff(2027)) expect(d.estimated).toBe(true);
    expect(explain('2026-03-16').estimated).toBe(false);
  });
});

describe('Tết Nguyên đán is found by its occasion, whatever its kind', () => {
  // The data's legend of the kinds of a weekday off: holiday, compensatory, swap, tet.
  const legend = Object.keys(data.meta.kindLegend);
  const weekdaysOf = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let t = Date.parse(`${from}T00:00Z`); t <= Date.parse(`${to}T00:00Z`); t += 86_400_000) {
      const d = new Date(t);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
    }
    return out;
  };

  it('the legend is the four kinds of a day off', () => {
    expect(legend.sort()).toEqual(['compensatory', 'holiday', 'swap', 'tet']);
  });

  it('for every year 2018-2027, every weekday off of the announced Tết break has occasion tet_nguyen_dan and a kind of the legend, in explain, daysOff and calendarTable', () => {
    const kindsSeen = new Map<number, Set<string>>();
    for (let y = 2018; y <= 2027; y++) {
      const block = data.years[String(y)].occasions.find((o: { occasion: string }) => o.occasion === 'tet_nguyen_dan');
      const tet = weekdaysOf(block.from, block.to);
      expect(tet.length, `${y}`).toBeGreaterThanOrEqual(4);
      const rows = new Map(calendarTable({ fromYear: y, toYear: y }).map((r) => [r.date, r]));
      const kinds = new Set<string>();
      for (const date of tet) {
        const e = explain(date);
        expect(e.working, date).toBe(false);
        expect(e.occasion, date).toBe('tet_nguyen_dan');
        expect(legend, date).toContain(e.kind);
        expect(rows.get(date)?.occasion, date).toBe('tet_nguyen_dan');
        expect(rows.get(date)?.kind, date).toBe(e.kind);
        kinds.add(e.kind);
      }
      kindsSeen.set(y, kinds);
      // filtering by occasion finds exactly the break's weekdays, in daysOff and in the table
      expect(daysOff(y).filter((d) => d.occasion === 'tet_nguyen_dan').map((d) => d.date), `${y}`).toEqual(tet);
      expect([...rows.values()].filter((r) => r.occasion === 'tet_nguyen_dan' && !r.working && legend.includes(r.kind)).map((r) => r.date), `${y}`).toEqual(tet);
      // and the SQL calendar table carries the same occasion on those rows
      const sql = calendarTableSql(calendarTable({ fromYear: y, toYear: y }));
      for (const date of tet) expect(sql, date).toMatch(new RegExp(`'${date}', (?:FALSE|false), '${rows.get(date)?.kind}', [^\\n]*'tet_nguyen_dan'`));
    }
    // the kind is not the key: Tết weekdays are 'tet' in some years and 'holiday' (2021: also 'compensatory') in others
    expect([...kindsSeen.get(2018)!]).toEqual(['tet']);
    expect([...kindsSeen.get(2026)!]).toEqual(['holiday']);
    expect([...kindsSeen.get(2021)!].sort()).toEqual(['compensatory', 'holiday']);
    expect(daysOff(2026).filter((d) => d.kind === 'tet')).toEqual([]);
  });
});

describe('hard cases', () => {
  it('Tết 2007 is placed on the Vietnamese date (17/2), not the Chinese one (18/2)', () => {
    expect(tetDate(2007)).toBe('2007-02-17');
    // LC 1994: the last day of the year and three first days: Fri 16, Sat 17, Sun 18, Mon 19 → compensated Tue 20, Wed 21.
    expect(daysOff(2007).filter((d) => d.occasion === 'tet_nguyen_dan').map((d) => d.date)).toEqual(['2007-02-16', '2007-02-19', '2007-02-20', '2007-02-21']);
    expect(isWorkingDay('2007-02-22')).toBe(true); // with the Chinese date it would be a compensatory day
  });

  it('Tết 2030 is placed on the Vietnamese date (2/2), not the Chinese one (3/2)', () => {
    expect(tetDate(2030)).toBe('2030-02-02');
    expect(daysOff(2030).filter((d) => d.occasion === 'tet_nguyen_dan').map((d) => d.date)).toEqual(['2030-01-31', '2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06']);
    expect(isWorkingDay('2030-02-07')).toBe(true);
  });

  it('2025: the working Saturday comes before its swapped weekday', () => {
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(explain('2025-04-26', undefined, { locale: 'en' }).reason).toContain('2025-05-02');
    expect(explain('2025-04-26').reason).toContain('Thứ Sáu 02/05/2025');
  });

  it('2026: both swaps (2/1 ⇄ 10/1 and 31/8 ⇄ 22/8)', () => {
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2026-01-10')).toBe(true);
    expect(isWorkingDay('2026-08-31')).toBe(false);
    expect(isWorkingDay('2026-08-22')).toBe(true);
    expect(explain('2026-08-31').kind).toBe('swap');
  });

  it('2023: back-to-back compensatory days after 29/4 (Sat), 30/4 (Sun), 1/5 (Mon)', () => {
    expect(explain('2023-05-01').kind).toBe('holiday');
    expect(explain('2023-05-02').kind).toBe('compensatory');
    expect(explain('2023-05-03').kind).toBe('compensatory');
    expect(explain('2023-04-29').name).toMatch(/Hùng Vương/);
    expect(isWorkingDay('2023-05-04')).toBe(true);
  });

  it('civil servants worked Saturdays before the five-day week of 2/10/1999', () => {
    expect(isWorkingDay('1999-09-25')).toBe(true);
    expect(isWorkingDay('1999-10-02')).toBe(false);
    expect(explain('1999-10-09').source).toMatch(/188\/1999/);
  });

  it('Hùng Kings only from 2007 (Law 84/2007/QH11), 2/9 two days only from 2021 (Labour Code 2019)', () => {
    expect(isWorkingDay(hungKingsDate(2006))).toBe(true);
    expect(isWorkingDay(hungKingsDate(2008))).toBe(false);
    expect(daysOff(2020).filter((d) => d.occasion === 'quoc_khanh').length).toBe(1);
    expect(daysOff(2028).filter((d) => d.occasion === 'quoc_khanh').map((d) => d.date)).toEqual(['2028-09-01', '2028-09-04']);
  });
});
