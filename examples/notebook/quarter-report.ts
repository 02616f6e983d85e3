// Notebook-style: recompute a quarter's Biểu II.06a from a provincial CSV export and check the
// figures a report claims. Paste the cells into a TypeScript notebook (importing from 'motcua/kpi'
// instead of the sources) or run it with any TypeScript runner; the test suite runs it
// (test/kpi/notebook.test.ts). Here the CSV is the bundled sample year, written out first.
import { checkReport, formatRate, indices766, period, readRecords, sampleRecords, summarize, type DossierRecord } from 'motcua/kpi';

// 1. A CSV export (here generated; in real life: createReadStream('export.csv', { encoding: 'utf8' })).
const header = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,returnedOn,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint,reusedData,dataStored';
const q = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = [header, ...sampleRecords({ year: 2025 }).map((r) => [r.id, r.procedureCode, r.field, r.agency, r.level, r.channel, r.receivedOn, r.dueOn, r.finishedOn ?? '', r.finishedAs ?? '', r.returnedOn ?? '', r.supplements, r.extensions, r.digitised, r.eResult, r.paperResultRequired ?? '', r.feeDue, r.paidOnline, r.synced, r.complaint, r.reusedData ?? '', r.dataStored ?? ''].map(q).join(','))].join('\n');

// 2. Read it, keeping every rejected row.
export async function quarterReport() {
  const records: DossierRecord[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for await (const r of readRecords([csv])) (r.ok ? records.push(r.record) : rejected.push(r));

  // 3. The quarter, by field.
  // Stopped dossiers count as resolved here, so that only withdrawals stay outside (7).
  const s = summarize(records, { period: period('2025-Q1'), groupBy: 'field', policy: { stopped: 'resolved' } });
  const c = s.total.counts;

  // 4. A report claims these figures; which are wrong?
  const check = checkReport({
    counts: { received: c.received, online: c.online, directOrPostal: c.directOrPostal, carriedOver: c.carriedOver, resolved: c.resolved, early: c.early, onTime: c.onTime, late: c.late + 1, pending: c.pending, withinTime: c.withinTime, overdue: c.overdue, withdrawn: c.withdrawn },
    rates: [
      // printed with truncation instead of half-up rounding
      { label: 'Tỷ lệ đúng hạn', numerator: c.early + c.onTime, denominator: 'resolved', reported: formatRate(s.total.rates.onTime, { rounding: 'truncate' }) },
      // the fraction printed with a "%" sign instead of the percentage
      { label: 'Tỷ lệ trực tuyến', numerator: 'online', denominator: c.online + c.directOrPostal, reported: `${formatRate(s.total.rates.online, { percent: false })}%` },
    ],
  });
  return { rejected, summary: s, indices: indices766(c), check };
}

quarterReport().then(({ rejected, summary, indices, check }) => {
  console.log(`rows rejected: ${rejected.length}`);
  console.table(summary.rows.map((r) => ({ field: r.key, received: r.counts.received, resolved: r.counts.resolved, late: r.counts.late, onTime: formatRate(r.rates.onTime) })));
  console.table(indices.map((i) => ({ code: i.code, index: i.name, rounded: i.rounded, score: i.score, points: i.points })));
  console.log(check.sums.filter((x) => !x.ok), check.rates);
});
