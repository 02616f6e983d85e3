// Vietnamese by default (#19): the Decision 766 indices, their groups and index 2.2 are named in
// Vietnamese in `name`, in English in `nameEn`; `nameVi` (deprecated) stays the Vietnamese name.
import { describe, expect, it } from 'vitest';
import { emptyCounts, handlingTime766, indices766, indicesCatalog, period, sampleRecords, score766, summarize } from '../../src/kpi/index';
import { sampleCatalog } from '../../src/procedure/index';
import { main } from '../../src/cli/main';
import { fakeIo } from '../cli/_io';

// Vietnamese letters with diacritics (and đ) that English names never have
const VI = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

const named = () => {
  const s = summarize(sampleRecords({ year: 2025 }), { period: period('2025'), groupBy: 'procedure' });
  const byProcedure = Object.fromEntries(s.rows.map((r) => [r.key, r.counts]));
  const indices = [...indices766(s.total.counts), ...indicesCatalog(sampleCatalog, {
    byProcedure,
    paymentIntegrated: ['2.000815'],
    componentsComplete: () => true,
    period: period('2025'),
    publications: [{ code: '2.000815', decidedOn: '2025-03-03', effectiveOn: '2025-03-10', publishedOn: '2025-03-05' }],
  })];
  const handling = handlingTime766(sampleRecords({ year: 2025 }), { period: period('2025') });
  return { indices, groups: score766(indices, { handlingTime: handling }).groups, handling };
};

describe('names of the Decision 766 indices', () => {
  it('name is Vietnamese, nameEn English, nameVi the same as name, for every index, group and 2.2', () => {
    const { indices, groups, handling } = named();
    expect(indices.map((i) => i.code).sort()).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '3.1', '3.2', '3.3', '3.5a', '3.5b', '3.6', '4.1', '4.2', '4.3', '4.4', '5.4']);
    expect(groups).toHaveLength(5);
    for (const x of [...indices, ...groups, handling]) {
      expect(x.name, x.nameEn).toMatch(VI);
      expect(x.nameEn, x.name).toMatch(/^[\x20-\x7e]+$/);
      expect(x.nameEn).not.toBe(x.name);
      expect(x.nameVi).toBe(x.name);
    }
    const by = new Map(indices.map((i) => [i.code, i]));
    expect(by.get('2.1')).toMatchObject({ name: 'Tiến độ giải quyết', nameEn: 'Processing progress' });
    expect(by.get('1.1')).toMatchObject({ name: 'Tỷ lệ TTHC công bố đúng hạn', nameEn: 'Procedures published on time' });
    expect(groups[2]).toMatchObject({ group: 3, name: 'Dịch vụ công trực tuyến, thanh toán trực tuyến', nameEn: 'Online service and online payment' });
    expect(handling).toMatchObject({ name: 'Thời gian giải quyết TTHC trung bình', nameEn: 'Average handling time of a procedure' });
    // an index not applicable (denominator 0) is named the same
    expect(indices766(emptyCounts()).find((i) => i.code === '3.3')).toMatchObject({ name: 'Hồ sơ trực tuyến', nameEn: 'Online dossiers', nameVi: 'Hồ sơ trực tuyến', score: null });
  });

  it('motcua report prints the Vietnamese names, the English ones with --lang en, and the JSON carries both', async () => {
    const { indices } = named();
    const vi = fakeIo();
    expect(await main(['report', '--sample', '--year', '2025', '--period', '2025'], vi)).toBe(0);
    const en = fakeIo();
    expect(await main(['report', '--sample', '--year', '2025', '--period', '2025', '--lang', 'en'], en)).toBe(0);
    for (const i of indices766(emptyCounts())) {
      expect(vi.out).toMatch(new RegExp(`${i.code.replace('.', '\\.')}\\s+${i.name}`));
      expect(en.out).toMatch(new RegExp(`${i.code.replace('.', '\\.')}\\s+${i.nameEn}`));
      expect(en.out).not.toContain(i.name);
    }
    const json = fakeIo();
    expect(await main(['report', '--sample', '--year', '2025', '--period', '2025', '--format', 'json'], json)).toBe(0);
    const out = JSON.parse(json.out) as { indices766: { code: string; name: string; nameEn: string; nameVi: string }[]; score766: { groups: { name: string; nameEn: string }[] } };
    const want = new Map(indices.map((i) => [i.code, i]));
    for (const i of out.indices766) expect({ name: i.name, nameEn: i.nameEn, nameVi: i.nameVi }).toEqual({ name: want.get(i.code)!.name, nameEn: want.get(i.code)!.nameEn, nameVi: want.get(i.code)!.name });
    expect(out.score766.groups.map((g) => g.name)).toEqual(['Công khai, minh bạch', 'Tiến độ giải quyết', 'Dịch vụ công trực tuyến, thanh toán trực tuyến', 'Số hóa hồ sơ', 'Mức độ hài lòng']);
  });
});
