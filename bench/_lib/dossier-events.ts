/**
 * Generated NDJSON event logs for `motcua report --events` (bench/kpi-events.bench.mjs and
 * test/node/summarizeEvents.test.ts): the logs of bench/_lib/dossier-logs.ts (seeded, 5-10 events
 * each, every rule set), one event a line with its dossier id, procedure code and agency, the
 * dossiers in ascending id order (the input contract of `--events`), and a catalogue holding the
 * two generated procedures so the CLI can look them up.
 */
import { createWriteStream } from 'node:fs';
import { sampleCatalog } from '../../src/procedure/index';
import type { Catalog } from '../../src/procedure/types';
import { generateLogs, PROCEDURES } from './dossier-logs';

const AGENCIES = ['UBND xã An Bình', 'UBND xã Tân Phú', 'UBND phường 3', 'Sở Tư pháp'];

/** The catalogue of the generated procedures: a sample procedure's attributes with their channels, cut-off, clock stops and steps. */
export function eventsCatalog(): Catalog {
  const base = JSON.parse(JSON.stringify(sampleCatalog.procedures.find((p) => p.code === '1.004873')));
  return {
    meta: sampleCatalog.meta,
    procedures: PROCEDURES.map((p) => ({
      ...base,
      code: p.code,
      name: `Thủ tục thử ${p.code}`,
      channels: p.channels.map((c) => ({ ...base.channels[0], channel: c.channel, limit: c.limit })),
      cutoff: p.cutoff,
      clockStops: p.clockStops,
      steps: p.steps,
      immediate: p.immediate,
    })),
  } as Catalog;
}

/** Facts for every dossier (`"*"`). */
export const EVENTS_FACTS = { '*': { digitised: true, eResult: false, feeDue: true, paidOnline: false, synced: true, complaint: false, reusedData: false, dataStored: false } };

/** The NDJSON text of dossiers `from` .. `from + n - 1` (ids `H00000001`, …), from the logs of seed `seed`. */
export function eventsText(from: number, n: number, seed: number): string {
  const logs = generateLogs(n, seed);
  let out = '';
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const head = `{"dossierId":"H${String(i).padStart(8, '0')}","procedureCode":"${logs[k]!.procedure.code}","agency":"${AGENCIES[i % AGENCIES.length]}",`;
    for (const e of logs[k]!.events) out += `${head}${JSON.stringify(e).slice(1)}\n`;
  }
  return out;
}

/** Write `n` dossiers' events to `path` (10,000 dossiers at a time, so memory stays flat). */
export async function writeEventsFile(path: string, n: number, seed = 18): Promise<void> {
  const out = createWriteStream(path);
  for (let from = 0; from < n; from += 10_000) {
    const chunk = eventsText(from, Math.min(10_000, n - from), seed + from);
    if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  }
  await new Promise<void>((ok) => out.end(() => ok()));
}
