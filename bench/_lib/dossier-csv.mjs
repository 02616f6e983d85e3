// The generated dossier CSV the file benches share: rows cycled from eight years of the bundled
// sample (2019-2026), default column names (the record fields), written once into .bench-tmp/.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const COLS = 'id,procedureCode,field,agency,level,channel,receivedOn,dueOn,finishedOn,finishedAs,supplements,extensions,digitised,eResult,paperResultRequired,feeDue,paidOnline,synced,complaint';
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The path of a generated CSV of `rows` rows, written if missing. */
export async function dossierCsv(kpi, rows) {
  const dir = `${root}.bench-tmp`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/dossiers-${rows}.csv`;
  if (existsSync(path)) return path;
  const base = [];
  for (let y = 2019; y <= 2026; y++) base.push(...kpi.sampleRecords({ year: y }));
  const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  out.write(`${COLS}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const r = base[i % base.length];
    buf += `${i},${r.procedureCode},${q(r.field)},${q(r.agency)},${r.level},${r.channel},${r.receivedOn},${r.dueOn},${r.finishedOn ?? ''},${r.finishedAs ?? ''},${r.supplements},${r.extensions},${r.digitised},${r.eResult},,${r.feeDue},${r.paidOnline},${r.synced},${r.complaint}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((ok) => out.once('drain', ok));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((ok) => out.end(ok));
  const { renameSync } = await import('node:fs');
  renameSync(tmp, path);
  return path;
}
