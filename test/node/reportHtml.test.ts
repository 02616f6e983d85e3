// The HTML report: one self-contained file (no script, no external resource), the form's table
// equal to `summarize`, charts of the on-time and online rates by month and by field, rendered
// and screenshotted in headless Chromium (Debian's, through playwright-core).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { FORM_COLUMNS, formatRate, period, readRecords, regroup, summarize, type DossierRecord } from '../../src/kpi/index';
import { dvcqgFixture } from '../kpi/_vendorFixture';
import { fakeIo } from '../cli/_io';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'motcua-html-'));
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

async function setup() {
  const { vendor, clean } = dvcqgFixture();
  const f = join(dir, 'export.csv');
  writeFileSync(f, vendor);
  const out = join(dir, 'bao-cao.html');
  const io = fakeIo();
  expect(await main(['report', f, '--preset', 'dvcqg', '--period', '2024', '--format', 'html', '--out', out, '--unit', 'UBND xã A', '--assume', 'returnedOn=none,originalDueOn=none,pausedSince=none,digitised=false,eResult=false,paperResultRequired=none,feeDue=false,paidOnline=false,synced=false,complaint=false,reusedData=false,dataStored=false,componentsFromStore=false'], io)).toBe(1);
  const recs: DossierRecord[] = [];
  for await (const r of readRecords([clean])) if (r.ok) recs.push(r.record);
  const s = summarize(recs, { period: period('2024'), groupBy: ['level', 'field', 'month'] });
  return { out, html: readFileSync(out, 'utf8'), s };
}

describe('motcua report --format html', () => {
  it('is one self-contained file holding the form and the charts', async () => {
    const { html, s } = await setup();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);
    expect(html).toContain('Biểu số II.06a/VPCP/KSTT');
    expect(html).toContain('Kỳ báo cáo: Năm 2024 (từ ngày 01/01/2024 đến ngày 31/12/2024)');
    expect((html.match(/<svg /g) ?? []).length).toBe(4);
    const months = regroup(s, ['month']).rows;
    expect(months.map((m) => m.key)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    for (const m of months) if (m.rates.onTime.value !== null) expect(html).toContain(`${formatRate(m.rates.onTime)} (${m.rates.onTime.numerator}/${m.rates.onTime.denominator})`);
    expect(html).toContain('dòng dữ liệu bị loại');
  });

  describe.skipIf(!CHROMIUM && process.env.CI !== 'true')(`in headless Chromium${CHROMIUM ? '' : ' (skipped: no /usr/bin/chromium; CI installs it and fails without it)'}`, () => {
    it('renders offline: the table cells equal summarize, the bars are drawn, a screenshot is taken', async () => {
      if (!CHROMIUM) throw new Error('CI=true but Debian chromium is not installed');
      const { out, s } = await setup();
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const requests: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) requests.push(r.url());
        });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pathToFileURL(out).href);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const cells = await page.$$eval('table.form tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        const total = cells.at(-1)!;
        expect(total[1]).toBe('Tổng cộng');
        expect(total.slice(2).map((t) => Number(t.replaceAll('.', '')))).toEqual(FORM_COLUMNS.map((k) => s.total.counts[k]));
        const lf = regroup(s, ['level', 'field']);
        const fieldRows = cells.filter((c) => /^\d+$/.test(c[0]!));
        expect(fieldRows.length).toBe(lf.rows.length);
        const bars = await page.$$eval('svg rect', (rs) => rs.map((r) => Number(r.getAttribute('width'))));
        expect(bars.length).toBeGreaterThanOrEqual(4 * 3);
        expect(bars.every((w) => w > 0 && w <= 360)).toBe(true);
        const box = await page.locator('svg').first().boundingBox();
        expect(box!.width).toBeGreaterThan(500);
        mkdirSync(join(root, 'test/_examples'), { recursive: true });
        const png = join(root, 'test/_examples/report-html.png');
        await page.screenshot({ path: png, fullPage: true });
        expect(statSync(png).size).toBeGreaterThan(30_000);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
