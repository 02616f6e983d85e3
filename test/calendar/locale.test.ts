/**
 * The texts of explain() and dueDate() in Vietnamese (the default) and English, one snapshot per
 * kind of explanation and per kind of due-date step (#19). A change of wording shows here.
 */
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { vi } from 'date-fns/locale/vi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate } from '../../src/calendar/_lib/civil';
import { createCalendar, daysOff, dueDate, explain, formatDay, type Calendar, type DueDateInput, type Locale } from '../../src/calendar/index';
import { dueDateFor, findProcedure, sampleCatalog } from '../../src/procedure/index';

const both = (date: string, cal?: Calendar) => ({ vi: explain(date, cal).reason, en: explain(date, cal, { locale: 'en' }).reason });
const steps = (input: DueDateInput, cal?: Calendar) => {
  const out: Record<Locale, string[]> = { vi: [], en: [] };
  for (const locale of ['vi', 'en'] as const) out[locale] = dueDate({ ...input, locale }, cal).steps.map((s) => `${s.rule}: ${s.text}`);
  return out;
};
const cultural = createCalendar({ cultureDay: true });

describe('printed dates', () => {
  it('formatDay writes what date-fns writes with its vi / en-US locales and EEEE dd/MM/yyyy, whatever the host zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1990, 1, 1), max: daysFromCivil(2100, 12, 31) }), (day) => {
        const iso = formatDate(day);
        const local = new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
        expect(formatDay(iso)).toBe(format(local, 'EEEE dd/MM/yyyy', { locale: vi }));
        expect(formatDay(iso, { locale: 'en' })).toBe(format(local, 'EEEE dd/MM/yyyy', { locale: enUS }));
      }),
      { numRuns: 300 },
    );
    expect(formatDay('2026-02-16')).toBe('Thứ Hai 16/02/2026');
  });

  it('an unknown locale is refused, naming the field', () => {
    expect(() => explain('2026-02-16', undefined, { locale: 'fr' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.locale' }));
    expect(() => dueDate({ receivedAt: '2026-02-16T09:00+07:00', limit: { amount: 1, unit: 'working-day' }, locale: 'VI' as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'locale' }),
    );
    expect(() => formatDay('2026-02-16', { locale: null as never })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('the locale changes the texts only: every other field is the same', () => {
    for (const d of ['2026-02-17', '2025-05-02', '2026-03-14', '2031-01-23']) {
      const { reason: a, ...x } = explain(d);
      const { reason: b, ...y } = explain(d, undefined, { locale: 'en' });
      expect(x).toEqual(y);
      expect(a).not.toBe(b);
    }
    const input = { receivedAt: '2026-02-13T15:01+07:00', limit: { amount: 3, unit: 'working-day' as const }, cutoff: '15:00' };
    const strip = (r: ReturnType<typeof dueDate>) => ({ ...r, steps: r.steps.map(({ text: _, ...s }) => s) });
    expect(strip(dueDate(input))).toEqual(strip(dueDate({ ...input, locale: 'en' })));
  });
});

describe('explain().reason, each kind', () => {
  it('ordinary working day, verified and estimated', () => {
    expect(both('2026-03-16')).toMatchInlineSnapshot(`
      {
        "en": "ordinary working day (Monday)",
        "vi": "ngày làm việc bình thường (Thứ Hai)",
      }
    `);
    expect(both('2031-03-12')).toMatchInlineSnapshot(`
      {
        "en": "ordinary working day (Wednesday) (estimated: no official schedule for 2031)",
        "vi": "ngày làm việc bình thường (Thứ Tư) (ước tính: chưa có lịch nghỉ chính thức năm 2031)",
      }
    `);
  });
  it('weekly rest, and weekly rest inside the Tết break', () => {
    expect(both('2026-03-14')).toMatchInlineSnapshot(`
      {
        "en": "weekly rest (Saturday)",
        "vi": "nghỉ hằng tuần (Thứ Bảy)",
      }
    `);
    expect(both('2026-02-14')).toMatchInlineSnapshot(`
      {
        "en": "weekly rest (Saturday) within the Tết Nguyên đán break 2026-02-14..2026-02-22",
        "vi": "nghỉ hằng tuần (Thứ Bảy) trong đợt nghỉ Tết Nguyên đán 14-22/02/2026",
      }
    `);
  });
  it('statutory holiday, Tết, compensatory day off', () => {
    expect(both('2026-09-02')).toMatchInlineSnapshot(`
      {
        "en": "statutory holiday: Quốc khánh",
        "vi": "nghỉ lễ, tết: Quốc khánh",
      }
    `);
    expect(both('2024-02-08')).toMatchInlineSnapshot(`
      {
        "en": "Tết Nguyên đán break",
        "vi": "nghỉ Tết Nguyên đán",
      }
    `);
    expect(both('2026-04-27')).toMatchInlineSnapshot(`
      {
        "en": "compensatory day off (nghỉ bù) for Giỗ Tổ Hùng Vương falling on a weekly rest day",
        "vi": "nghỉ bù Giỗ Tổ Hùng Vương trùng ngày nghỉ hằng tuần",
      }
    `);
  });
  it('swapped day off and the working Saturday worked in exchange', () => {
    expect(both('2025-05-02')).toMatchInlineSnapshot(`
      {
        "en": "swapped day off (hoán đổi) for Ngày Chiến thắng và Ngày Quốc tế Lao động, worked on 2025-04-26",
        "vi": "nghỉ hoán đổi dịp Ngày Chiến thắng và Ngày Quốc tế Lao động, làm bù vào Thứ Bảy 26/04/2025",
      }
    `);
    expect(both('2025-04-26')).toMatchInlineSnapshot(`
      {
        "en": "working Saturday (làm bù) in exchange for 2025-05-02 (Ngày Chiến thắng và Ngày Quốc tế Lao động)",
        "vi": "làm việc bù cho Thứ Sáu 02/05/2025 (Ngày Chiến thắng và Ngày Quốc tế Lao động)",
      }
    `);
  });
  it('projected year, and a year estimated by rule (a holiday on a weekend, compensated)', () => {
    expect(both('2027-01-01')).toMatchInlineSnapshot(`
      {
        "en": "statutory holiday: Tết Dương lịch (estimated: the 2027 schedule is a projection, not yet announced)",
        "vi": "nghỉ lễ, tết: Tết Dương lịch (ước tính: lịch nghỉ năm 2027 là dự kiến, chưa được công bố)",
      }
    `);
    expect(both('2031-01-23')).toMatchInlineSnapshot(`
      {
        "en": "Tết Nguyên đán break (estimated by rule: no official schedule for 2031)",
        "vi": "nghỉ Tết Nguyên đán (ước tính theo quy tắc: chưa có lịch nghỉ chính thức năm 2031)",
      }
    `);
    expect(both('2028-09-02')).toMatchInlineSnapshot(`
      {
        "en": "weekly rest (Saturday); Quốc khánh falls on it and is compensated (estimated by rule: no official schedule for 2028)",
        "vi": "nghỉ hằng tuần (Thứ Bảy); Quốc khánh trùng vào ngày này và được nghỉ bù (ước tính theo quy tắc: chưa có lịch nghỉ chính thức năm 2028)",
      }
    `);
  });
  it('Vietnamese Culture Day (pending, options.cultureDay), and its compensatory day', () => {
    expect(both('2026-11-24', cultural)).toMatchInlineSnapshot(`
      {
        "en": "Ngày Văn hóa Việt Nam: day off decided in principle (pending: not yet in the Labour Code; enabled by options.cultureDay)",
        "vi": "Ngày Văn hóa Việt Nam: ngày nghỉ đã có chủ trương (chưa có trong Bộ luật Lao động; bật bằng options.cultureDay)",
      }
    `);
    expect(both('2029-11-26', cultural)).toMatchInlineSnapshot(`
      {
        "en": "compensatory day off (nghỉ bù) for Ngày Văn hóa Việt Nam falling on a weekly rest day (pending: not yet in the Labour Code; enabled by options.cultureDay) (estimated by rule: no official schedule for 2029)",
        "vi": "nghỉ bù Ngày Văn hóa Việt Nam trùng ngày nghỉ hằng tuần (chưa có trong Bộ luật Lao động; bật bằng options.cultureDay) (ước tính theo quy tắc: chưa có lịch nghỉ chính thức năm 2029)",
      }
    `);
  });
  it('the options: a schedule, a swap, an extra day off, an extra working day', () => {
    const cal = createCalendar({
      schedules: [{ year: 2028, daysOff: [{ date: '2028-01-03', name: 'Tết Dương lịch' }], workingDays: ['2028-01-08'], source: 'Thông báo X/2027' }],
      swaps: [{ dayOff: '2029-05-02', workingDay: '2029-05-12', name: 'Ngày Chiến thắng' }],
      extraDaysOff: [{ date: '2029-03-05', name: 'Lễ hội địa phương' }, '2029-03-06'],
      extraWorkingDays: ['2029-03-10'],
    });
    expect(daysOff(2028, cal).filter((d) => d.date === '2028-01-03').map((d) => d.reason)).toMatchInlineSnapshot(`
      [
        "ngày nghỉ đã công bố năm 2028: Tết Dương lịch",
      ]
    `);
    expect(both('2028-01-08', cal)).toMatchInlineSnapshot(`
      {
        "en": "working day announced for 2028",
        "vi": "ngày làm việc đã công bố năm 2028",
      }
    `);
    expect(both('2029-05-02', cal)).toMatchInlineSnapshot(`
      {
        "en": "swapped day off (hoán đổi) for Ngày Chiến thắng, worked on 2029-05-12",
        "vi": "nghỉ hoán đổi dịp Ngày Chiến thắng, làm bù vào Thứ Bảy 12/05/2029",
      }
    `);
    expect(both('2029-05-12', cal)).toMatchInlineSnapshot(`
      {
        "en": "working day (làm bù) in exchange for 2029-05-02 (Ngày Chiến thắng)",
        "vi": "làm việc bù cho Thứ Tư 02/05/2029 (Ngày Chiến thắng)",
      }
    `);
    expect(both('2029-03-05', cal)).toMatchInlineSnapshot(`
      {
        "en": "extra day off: Lễ hội địa phương (options.extraDaysOff)",
        "vi": "ngày nghỉ thêm: Lễ hội địa phương (options.extraDaysOff)",
      }
    `);
    expect(both('2029-03-06', cal)).toMatchInlineSnapshot(`
      {
        "en": "extra day off (options.extraDaysOff)",
        "vi": "ngày nghỉ thêm (options.extraDaysOff)",
      }
    `);
    expect(both('2029-03-10', cal)).toMatchInlineSnapshot(`
      {
        "en": "extra working day (options.extraWorkingDays)",
        "vi": "ngày làm việc thêm (options.extraWorkingDays)",
      }
    `);
  });
});

describe('dueDate().steps[].text, each rule', () => {
  const wd = (amount: number) => ({ amount, unit: 'working-day' as const });
  it('received after the 15:00 cut-off before Tết: names the Tết days skipped', () => {
    expect(steps({ receivedAt: '2026-02-13T15:01+07:00', limit: wd(3), cutoff: '15:00' })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 15:01 Friday 13/02/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "after-cutoff: Received after the 15:00 cut-off: counts from the next working day, Monday 23/02/2026; days off skipped: Tết Nguyên đán 16-20/02/2026",
          "count: 3 working days after Monday 23/02/2026: Thursday 26/02/2026",
          "due-at: Due at the close of office hours, 17:00 Thursday 26/02/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 15:01 Thứ Sáu 13/02/2026 (giờ Việt Nam)",
          "after-cutoff: Tiếp nhận sau 15:00 (giờ chốt tiếp nhận): tính từ ngày làm việc tiếp theo, Thứ Hai 23/02/2026; bỏ qua nghỉ Tết Nguyên đán 16-20/02/2026",
          "count: Thời hạn 3 ngày làm việc tính từ ngày sau Thứ Hai 23/02/2026: kết thúc Thứ Năm 26/02/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Năm 26/02/2026 (hết giờ làm việc)",
        ],
      }
    `);
    const r = dueDate({ receivedAt: '2026-02-13T15:01+07:00', limit: wd(3), cutoff: '15:00' });
    expect(r.steps[1]?.skipped).toEqual([{ name: 'Tết Nguyên đán', occasion: 'tet_nguyen_dan', kind: 'holiday', from: '2026-02-16', to: '2026-02-20' }]);
  });
  it('received on a day off (a Tết holiday), and after office hours', () => {
    expect(steps({ receivedAt: '2026-02-17T09:00+07:00', limit: wd(1) })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 09:00 Tuesday 17/02/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "day-off: Tuesday 17/02/2026 is not a working day (statutory holiday: Tết Nguyên đán): counts from the next working day, Monday 23/02/2026; days off skipped: Tết Nguyên đán 17-20/02/2026",
          "count: 1 working day after Monday 23/02/2026: Tuesday 24/02/2026",
          "due-at: Due at the close of office hours, 17:00 Tuesday 24/02/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 09:00 Thứ Ba 17/02/2026 (giờ Việt Nam)",
          "day-off: Thứ Ba 17/02/2026 không phải ngày làm việc (nghỉ lễ, tết: Tết Nguyên đán): tính từ ngày làm việc tiếp theo, Thứ Hai 23/02/2026; bỏ qua nghỉ Tết Nguyên đán 17-20/02/2026",
          "count: Thời hạn 1 ngày làm việc tính từ ngày sau Thứ Hai 23/02/2026: kết thúc Thứ Ba 24/02/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Ba 24/02/2026 (hết giờ làm việc)",
        ],
      }
    `);
    expect(steps({ receivedAt: '2026-04-29T17:20+07:00', limit: wd(2) })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 17:20 Wednesday 29/04/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "after-hours: Received after office hours: counts from the next working day, Monday 04/05/2026; days off skipped: Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-01/05/2026",
          "count: 2 working days after Monday 04/05/2026: Wednesday 06/05/2026",
          "due-at: Due at the close of office hours, 17:00 Wednesday 06/05/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 17:20 Thứ Tư 29/04/2026 (giờ Việt Nam)",
          "after-hours: Tiếp nhận sau giờ làm việc: tính từ ngày làm việc tiếp theo, Thứ Hai 04/05/2026; bỏ qua nghỉ Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-01/05/2026",
          "count: Thời hạn 2 ngày làm việc tính từ ngày sau Thứ Hai 04/05/2026: kết thúc Thứ Tư 06/05/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Tư 06/05/2026 (hết giờ làm việc)",
        ],
      }
    `);
  });
  it('received before office hours; a same-day limit', () => {
    expect(steps({ receivedAt: '2026-03-02T07:00+07:00', limit: { amount: 0, unit: 'same-day' } })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 07:00 Monday 02/03/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "before-hours: Received before office hours: counts from that day",
          "count: Result due the same working day, Monday 02/03/2026",
          "due-at: Due at the close of office hours, 17:00 Monday 02/03/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 07:00 Thứ Hai 02/03/2026 (giờ Việt Nam)",
          "before-hours: Tiếp nhận trước giờ làm việc: tính từ chính ngày này",
          "count: Trả kết quả trong ngày làm việc Thứ Hai 02/03/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Hai 02/03/2026 (hết giờ làm việc)",
        ],
      }
    `);
  });
  it('a working-day count over 30/4-1/5 and Quốc khánh, a fraction of a day, working hours', () => {
    expect(steps({ receivedAt: '2026-04-28T10:00+07:00', limit: wd(5) })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 10:00 Tuesday 28/04/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "count: 5 working days after Tuesday 28/04/2026: Thursday 07/05/2026; days off skipped: Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-01/05/2026",
          "due-at: Due at the close of office hours, 17:00 Thursday 07/05/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 10:00 Thứ Ba 28/04/2026 (giờ Việt Nam)",
          "count: Thời hạn 5 ngày làm việc tính từ ngày sau Thứ Ba 28/04/2026: kết thúc Thứ Năm 07/05/2026; bỏ qua nghỉ Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-01/05/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Năm 07/05/2026 (hết giờ làm việc)",
        ],
      }
    `);
    expect(steps({ receivedAt: '2025-04-29T16:00+07:00', limit: wd(2.5) })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 16:00 Tuesday 29/04/2025 (Vietnam time, Asia/Ho_Chi_Minh)",
          "count: 2.5 working days after Tuesday 29/04/2025: 2 whole day(s) to Tuesday 06/05/2025, then 4 office hours; days off skipped: Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-02/05/2025",
          "due-at: Due at 11:30 Wednesday 07/05/2025",
        ],
        "vi": [
          "received: Tiếp nhận lúc 16:00 Thứ Ba 29/04/2025 (giờ Việt Nam)",
          "count: Thời hạn 2,5 ngày làm việc tính từ ngày sau Thứ Ba 29/04/2025: 2 ngày trọn đến Thứ Ba 06/05/2025, thêm 4 giờ làm việc; bỏ qua nghỉ Ngày Chiến thắng và Ngày Quốc tế Lao động 30/04-02/05/2025",
          "due-at: Hẹn trả kết quả lúc 11:30 Thứ Tư 07/05/2025",
        ],
      }
    `);
    expect(steps({ receivedAt: '2026-08-28T15:00+07:00', limit: { amount: 8, unit: 'working-hour' } })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 15:00 Friday 28/08/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "count: 8 working hours from 15:00 Friday 28/08/2026; days off skipped: Quốc khánh 31/08-02/09/2026",
          "due-at: Due at 15:00 Thursday 03/09/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 15:00 Thứ Sáu 28/08/2026 (giờ Việt Nam)",
          "count: Thời hạn 8 giờ làm việc tính từ 15:00 Thứ Sáu 28/08/2026; bỏ qua nghỉ Quốc khánh 31/08-02/09/2026",
          "due-at: Hẹn trả kết quả lúc 15:00 Thứ Năm 03/09/2026",
        ],
      }
    `);
  });
  it('calendar days ending on a day off move to the next working day (Civil Code Art 148)', () => {
    expect(steps({ receivedAt: '2026-02-06T09:00+07:00', limit: { amount: 10, unit: 'calendar-day' } })).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 09:00 Friday 06/02/2026 (Vietnam time, Asia/Ho_Chi_Minh)",
          "count: 10 calendar days after Friday 06/02/2026: Monday 16/02/2026",
          "moved-to-working-day: Monday 16/02/2026 is not a working day (statutory holiday: Tết Nguyên đán): the period ends on the next working day, Monday 23/02/2026 (Civil Code 2015 Art 148); days off skipped: Tết Nguyên đán 16-20/02/2026",
          "due-at: Due at the close of office hours, 17:00 Monday 23/02/2026",
        ],
        "vi": [
          "received: Tiếp nhận lúc 09:00 Thứ Sáu 06/02/2026 (giờ Việt Nam)",
          "count: Thời hạn 10 ngày tính từ ngày sau Thứ Sáu 06/02/2026: kết thúc Thứ Hai 16/02/2026",
          "moved-to-working-day: Thứ Hai 16/02/2026 không phải ngày làm việc (nghỉ lễ, tết: Tết Nguyên đán): thời hạn kết thúc vào ngày làm việc tiếp theo, Thứ Hai 23/02/2026 (Điều 148 Bộ luật Dân sự 2015); bỏ qua nghỉ Tết Nguyên đán 16-20/02/2026",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Hai 23/02/2026 (hết giờ làm việc)",
        ],
      }
    `);
  });
  it('an unnamed extra day off is still named by its kind', () => {
    const cal = createCalendar({ extraDaysOff: ['2029-03-06'] });
    expect(steps({ receivedAt: '2029-03-05T09:00+07:00', limit: wd(2) }, cal)).toMatchInlineSnapshot(`
      {
        "en": [
          "received: Received at 09:00 Monday 05/03/2029 (Vietnam time, Asia/Ho_Chi_Minh)",
          "count: 2 working days after Monday 05/03/2029: Thursday 08/03/2029; days off skipped: extra day off 06/03/2029",
          "due-at: Due at the close of office hours, 17:00 Thursday 08/03/2029",
        ],
        "vi": [
          "received: Tiếp nhận lúc 09:00 Thứ Hai 05/03/2029 (giờ Việt Nam)",
          "count: Thời hạn 2 ngày làm việc tính từ ngày sau Thứ Hai 05/03/2029: kết thúc Thứ Năm 08/03/2029; bỏ qua ngày nghỉ thêm 06/03/2029",
          "due-at: Hẹn trả kết quả lúc 17:00 Thứ Năm 08/03/2029 (hết giờ làm việc)",
        ],
      }
    `);
  });
  it('dueDateFor passes the locale through', () => {
    const p = findProcedure(sampleCatalog, '2.000815')!;
    expect(dueDateFor(p, 'direct', '2026-03-02T15:30+07:00').steps[1]?.text).toMatch(/^Tiếp nhận sau 15:00/);
    expect(dueDateFor(p, 'direct', '2026-03-02T15:30+07:00', undefined, { locale: 'en' }).steps[1]?.text).toMatch(/^Received after the 15:00 cut-off/);
  });
});
