// The Vietnamese text of every kind of zod issue (#19): specific to the issue (the type expected,
// the allowed values, the bound and its unit, the format, the unknown field), from motcua's own
// small table, never zod's global configuration. The raw issues come from real zod/mini schemas
// (the zod the package depends on), so the fields read here are the ones zod gives.
import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import { en as zodEn, vi as zodVi } from 'zod/v4/locales';
import { afterEach, describe, expect, it } from 'vitest';
import { findProcedure, sampleCatalog } from '../../src/procedure/index';
import { parseCatalog, parseProcedure } from '../../src/schema/index';
import { fromZod } from '../../src/schema/issues';

const VI_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** The issues of a failed parse, as motcua words them. */
function issuesOf(schema: { safeParse(v: unknown, ctx: { reportInput: boolean }): { success: boolean; error?: { issues: unknown[] } } }, value: unknown) {
  const r = schema.safeParse(value, { reportInput: true });
  expect(r.success).toBe(false);
  return fromZod(r.error!.issues as never);
}

/** One issue's texts without the label and path (`(root)` here). */
function only(schema: Parameters<typeof issuesOf>[0], value: unknown): { vi: string; en: string; code: string } {
  const r = schema.safeParse(value, { reportInput: true });
  const raw = r.error!.issues as { code: string }[];
  const [i, ...rest] = fromZod(raw as never);
  expect(rest).toEqual([]);
  const cut = (s: string) => s.slice(s.indexOf(': ') + 2);
  return { vi: cut(i!.texts.vi), en: cut(i!.texts.en), code: raw[0]!.code };
}

describe('zod issues in Vietnamese, one kind at a time', () => {
  it('expected type: every type named in Vietnamese, not in zod’s English', () => {
    expect(only(z.record(z.string(), z.number()), [])).toEqual({ code: 'invalid_type', vi: 'cần đối tượng (các cặp khóa: giá trị), nhận được một mảng', en: 'expected record, got an array' });
    expect(only(z.int(), 1.5).vi).toBe('cần số nguyên, nhận được số 1.5');
    expect(only(z.tuple([z.string()]), 'x').vi).toBe('cần mảng có số phần tử cố định, nhận được chuỗi "x"');
    expect(only(z.set(z.string()), 'x').vi).toBe('cần tập hợp (Set), nhận được chuỗi "x"');
    expect(only(z.map(z.string(), z.string()), 'x').vi).toBe('cần bảng ánh xạ (Map), nhận được chuỗi "x"');
    expect(only(z.date(), 'x').vi).toBe('cần ngày (Date), nhận được chuỗi "x"');
    expect(only(z.object({ a: z.string() }), {}).vi).toBe('bắt buộc phải có, cần chuỗi');
    expect(only(z.instanceof(URL), 'x').vi).toMatch(/^cần đối tượng URL, nhận được/);
  });

  it('allowed values: one value, or one of several', () => {
    expect(only(z.enum(['a', 'b']), 'c')).toEqual({ code: 'invalid_value', vi: 'cần một trong "a" | "b", nhận được "c"', en: 'expected "a" | "b", got "c"' });
    expect(only(z.literal('next-working-day'), 'x')).toEqual({ code: 'invalid_value', vi: 'cần "next-working-day", nhận được "x"', en: 'expected "next-working-day", got "x"' });
  });

  it('bounds zod checks itself: minimum and maximum, inclusive or not, with the unit and what the input has', () => {
    expect(only(z.string().check(z.minLength(3)), 'ab')).toEqual({ code: 'too_small', vi: 'quá ít ký tự: cần ít nhất 3 ký tự, nhận được 2 ký tự', en: 'too few characters: expected at least 3 characters, got 2 characters' });
    expect(only(z.string().check(z.maxLength(3)), 'abcde')).toEqual({ code: 'too_big', vi: 'quá nhiều ký tự: cần nhiều nhất 3 ký tự, nhận được 5 ký tự', en: 'too many characters: expected at most 3 characters, got 5 characters' });
    expect(only(z.string().check(z.length(2)), 'abc').vi).toBe('quá nhiều ký tự: cần đúng 2 ký tự, nhận được 3 ký tự');
    expect(only(z.array(z.number()).check(z.maxLength(1)), [1, 2]).vi).toBe('quá nhiều mục: cần nhiều nhất 1 mục, nhận được 2 mục');
    expect(only(z.array(z.number()).check(z.minLength(2)), [1]).vi).toBe('quá ít mục: cần ít nhất 2 mục, nhận được 1 mục');
    expect(only(z.number().check(z.lte(10)), 12).vi).toBe('quá lớn: cần ≤ 10, nhận được 12');
    expect(only(z.number().check(z.lt(10)), 10).vi).toBe('quá lớn: cần < 10, nhận được 10');
    expect(only(z.number().check(z.gte(0)), -1)).toEqual({ code: 'too_small', vi: 'quá nhỏ: cần ≥ 0, nhận được -1', en: 'too small: expected ≥ 0, got -1' });
    expect(only(z.number().check(z.gt(0)), 0).vi).toBe('quá nhỏ: cần > 0, nhận được 0');
    expect(only(z.date().check(z.gte(new Date('2026-01-01T00:00:00Z'))), new Date('2025-01-01T00:00:00Z')).vi).toBe('quá sớm: cần ≥ 2026-01-01T00:00:00.000Z, nhận được Date(2025-01-01T00:00:00.000Z)');
  });

  it('formats, divisors, unions, keys, elements, custom checks', () => {
    expect(only(z.string().check(z.regex(/^\d+$/)), 'x')).toEqual({ code: 'invalid_format', vi: 'không khớp mẫu /^\\d+$/, nhận được "x"', en: 'does not match the pattern /^\\d+$/, got "x"' });
    expect(only(z.string().check(z.startsWith('VN-')), 'x').vi).toBe('phải bắt đầu bằng "VN-", nhận được "x"');
    expect(only(z.string().check(z.endsWith('.H13')), 'x').vi).toBe('phải kết thúc bằng ".H13", nhận được "x"');
    expect(only(z.string().check(z.includes('@')), 'x').vi).toBe('phải chứa "@", nhận được "x"');
    expect(only(z.email(), 'x').vi).toBe('cần một địa chỉ email, nhận được "x"');
    expect(only(z.iso.date(), '2026-13-01').vi).toBe('cần ngày ISO 8601 (YYYY-MM-DD), nhận được "2026-13-01"');
    expect(only(z.number().check(z.multipleOf(5)), 7)).toEqual({ code: 'not_multiple_of', vi: 'phải là bội số của 5, nhận được 7', en: 'must be a multiple of 5, got 7' });
    expect(only(z.union([z.string(), z.number()]), true)).toEqual({ code: 'invalid_union', vi: 'không khớp với dạng nào được chấp nhận, nhận được true', en: 'matches none of the accepted forms, got true' });
    expect(only(z.record(z.string().check(z.minLength(2)), z.number()), { b: 1 })).toEqual({ code: 'invalid_key', vi: 'có khóa không hợp lệ, nhận được "b"', en: 'has an invalid key, got "b"' });
    expect(only(z.string().check(z.refine(() => false)), 'x')).toEqual({ code: 'custom', vi: 'không thỏa điều kiện kiểm tra, nhận được "x"', en: 'does not pass a check, got "x"' });
  });

  it('English texts of our own for every kind, built from the issue’s data, never zod’s generic message', () => {
    const en = (schema: Parameters<typeof issuesOf>[0], value: unknown) => only(schema, value).en;
    expect(en(z.string().check(z.length(2)), 'abc')).toBe('too many characters: expected exactly 2 characters, got 3 characters');
    expect(en(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toBe('too many items: expected at most 1 item, got 2 items');
    expect(en(z.array(z.number()).check(z.minLength(2)), [1])).toBe('too few items: expected at least 2 items, got 1 item');
    expect(en(z.number().check(z.lt(10)), 10)).toBe('too large: expected < 10, got 10');
    expect(en(z.number().check(z.gt(0)), 0)).toBe('too small: expected > 0, got 0');
    expect(en(z.date().check(z.gte(new Date('2026-01-01T00:00:00Z'))), new Date('2025-01-01T00:00:00Z'))).toBe('too early: expected ≥ 2026-01-01T00:00:00.000Z, got Date(2025-01-01T00:00:00.000Z)');
    expect(en(z.string().check(z.startsWith('VN-')), 'x')).toBe('must start with "VN-", got "x"');
    expect(en(z.string().check(z.endsWith('.H13')), 'x')).toBe('must end with ".H13", got "x"');
    expect(en(z.string().check(z.includes('@')), 'x')).toBe('must include "@", got "x"');
    expect(en(z.email(), 'x')).toBe('expected an email address, got "x"');
    expect(en(z.iso.date(), '2026-13-01')).toBe('expected an ISO 8601 date (YYYY-MM-DD), got "2026-13-01"');
    // a check with a message zod would word from its global configuration: never quoted
    expect(only(z.string().check(z.refine(() => false, { message: 'Invalid input: expected something' })), 'x').en).toBe('does not pass a check, got "x"');
    // the path is kept in front, as for every issue
    const [i] = issuesOf(z.object({ channels: z.array(z.object({ fees: z.array(z.number()).check(z.maxLength(1)) })) }), { channels: [{ fees: [1, 2] }] });
    expect(i!.at).toBe('channels[0].fees');
    expect(i!.texts.en.endsWith(' at channels[0].fees: too many items: expected at most 1 item, got 2 items')).toBe(true);
    expect(i!.texts.vi.endsWith(' tại channels[0].fees: quá nhiều mục: cần nhiều nhất 1 mục, nhận được 2 mục')).toBe(true);
  });

  it('no English of zod’s in any text: the English texts are ours whatever zod’s locale', () => {
    const schemas: [Parameters<typeof issuesOf>[0], unknown][] = [
      [z.string().check(z.minLength(2)), 'a'],
      [z.string().check(z.maxLength(1)), 'ab'],
      [z.number().check(z.gte(0)), -1],
      [z.string().check(z.regex(/^a$/)), 'b'],
      [z.number().check(z.multipleOf(2)), 3],
      [z.union([z.string(), z.number()]), null],
      [z.string().check(z.refine(() => false)), 'x'],
    ];
    const texts = () => schemas.flatMap(([s, v]) => issuesOf(s, v).map((i) => i.texts));
    const plain = texts();
    for (const t of plain) expect(t.en).not.toMatch(/Invalid input|Too small|Too big|Invalid string|Expected/);
    const saved = { ...core.config() };
    try {
      core.config(zodVi());
      expect(texts()).toEqual(plain);
      core.config({ customError: () => 'lỗi tùy biến của ứng dụng' });
      expect(texts()).toEqual(plain);
    } finally {
      core.config({ localeError: saved.localeError, customError: saved.customError });
    }
  });

  it('unrecognised keys: one issue per key, at the key', () => {
    const i = issuesOf(z.strictObject({ a: z.string() }), { a: 'x', colour: 1, size: 2 });
    expect(i.map((x) => [x.at, x.texts.vi.slice(x.texts.vi.indexOf(': ') + 2)])).toEqual([
      ['colour', 'trường không xác định "colour" (truyền { unknownKeys: \'keep\' } để giữ các trường không xác định)'],
      ['size', 'trường không xác định "size" (truyền { unknownKeys: \'keep\' } để giữ các trường không xác định)'],
    ]);
  });

  it('every Vietnamese text above is Vietnamese, none the generic "giá trị không hợp lệ"', () => {
    const schemas: [Parameters<typeof issuesOf>[0], unknown][] = [
      [z.string().check(z.maxLength(1)), 'ab'],
      [z.number().check(z.multipleOf(2)), 3],
      [z.union([z.string(), z.number()]), null],
      [z.email(), 'x'],
      [z.iso.datetime(), 'x'],
      [z.url(), 'x'],
      [z.uuid(), 'x'],
    ];
    for (const [s, v] of schemas) {
      for (const i of issuesOf(s, v)) {
        expect(i.texts.vi).toMatch(VI_LETTERS);
        expect(i.texts.vi).not.toContain('giá trị không hợp lệ');
      }
    }
  });
});

describe('zod’s global configuration does not change motcua’s texts (no hidden global state)', () => {
  const saved = { ...core.config() };
  afterEach(() => {
    core.config({ localeError: saved.localeError, customError: saved.customError });
  });

  const bad = () => {
    const p = JSON.parse(JSON.stringify(findProcedure(sampleCatalog, '1.001193'))) as Record<string, unknown>;
    p.code = '1.1';
    p.name = '';
    p.immediate = 'yes';
    p.cutoff = { time: '25:00', rule: 'x' };
    p.sources = { documents: [], values: [] };
    p.colour = 'blue';
    return p;
  };
  const texts = () => {
    const r = parseProcedure(bad());
    const c = parseCatalog({ procedures: [bad()], meta: { title: '', asOf: '2026-02-30' } });
    return [...(r.ok ? [] : r.issues), ...(c.ok ? [] : c.issues)].map((i) => i.texts);
  };

  it('the same texts with no locale, zod’s English locale, zod’s Vietnamese locale, or a custom error map', () => {
    const plain = texts();
    expect(plain.length).toBeGreaterThan(8);
    core.config(zodEn());
    expect(texts()).toEqual(plain);
    core.config(zodVi());
    expect(texts()).toEqual(plain);
    core.config({ customError: () => 'lỗi tùy biến của ứng dụng' });
    expect(texts()).toEqual(plain);
  });

  it('a bound zod checks itself keeps its wording under a global locale', () => {
    const s = z.string().check(z.maxLength(2));
    const before = only(s, 'abc');
    core.config(zodVi());
    expect(only(s, 'abc')).toEqual(before);
    core.config(zodEn());
    expect(only(s, 'abc')).toEqual(before);
  });

  it('motcua itself never configures zod', () => {
    expect(core.config().localeError).toBe(saved.localeError);
    expect(core.config().customError).toBe(saved.customError);
  });
});
