/**
 * `motcua dossier <events.json> [--limit "<n> <unit>"] [--policy 766] [--json]`: replay a dossier's
 * event log and print its timeline (states, national codes, due dates) and its final timeliness.
 *
 * The file holds either `{ "procedure": {...}, "events": [...], "policy"?: {...}, "id"?: "..." }` or a
 * bare array of events (then `--limit` gives the processing limit of a minimal procedure).
 */
import { isMotcuaError } from '../errors';
import { NATIONAL_STATUS_CODES, controlSlip, replay, timeliness } from '../dossier/index';
import type { DossierEvent, DossierPolicy, DossierProcedure } from '../dossier/index';
import { columns, commandArgs, UsageError, usageError } from './_format';
import { parseLimit } from './due';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua dossier <events.json> [--limit "<n> <unit>"] [--policy legal|766] [--json]

  <events.json>  { "procedure": {...}, "events": [...], "policy"?: {...}, "id"?: "..." }
                 or a bare array of events (then --limit is required)
  --limit        processing limit for a bare array, e.g. "10 working-days"
  --policy       supplement policy: legal (restart, default) or 766 (subtract the wait)
  --json         print { dossier, timeliness, controlSlip } as JSON
`;

const usage = (io: CliIo, message: string) => usageError(io, 'dossier', USAGE, message);

interface Input {
  procedure: DossierProcedure;
  events: DossierEvent[];
  policy?: Partial<DossierPolicy>;
  id?: string;
}

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'dossier', USAGE, argv, { limit: { type: 'string' }, policy: { type: 'string' }, json: { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  if (flags.positionals.length !== 1) return usage(io, flags.positionals.length ? `expected one file, got ${flags.positionals.length}` : 'missing <events.json>');
  if (flags.values.policy !== undefined && flags.values.policy !== 'legal' && flags.values.policy !== '766') return usage(io, `--policy: expected legal or 766, got "${flags.values.policy}"`);
  const path = flags.positionals[0]!;
  let input: Input;
  try {
    const raw: unknown = JSON.parse(await io.readFile(path));
    if (Array.isArray(raw)) {
      if (flags.values.limit === undefined) return usage(io, `${path} is a bare array of events: give --limit`);
      const limit = parseLimit(flags.values.limit);
      const channels = (['direct', 'online', 'postal'] as const).map((channel) => ({ channel, limit }));
      input = { procedure: { code: 'cli', channels, cutoff: null, clockStops: ['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other'], steps: null, immediate: false }, events: raw as DossierEvent[] };
    } else if (typeof raw === 'object' && raw !== null && 'events' in raw && 'procedure' in raw) input = raw as Input;
    else {
      io.stderr(`motcua dossier: ${path}: expected { procedure, events } or an array of events\n`);
      return 2; // bad input (exit codes: src/cli/exit.ts)
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    io.stderr(`motcua dossier: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const policy: Partial<DossierPolicy> = { ...(input.policy ?? {}), ...(flags.values.policy === '766' ? { supplement: 'decision-766' as const } : flags.values.policy === 'legal' ? { supplement: 'legal-restart' as const } : {}) };

  let d;
  try {
    d = replay(input.events, { procedure: input.procedure, policy, ...(input.id === undefined ? {} : { id: input.id }) });
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua dossier: ${e.code}${e.field ? ` (${e.field})` : ''}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const t = timeliness(d);
  const slip = controlSlip(d);
  if (flags.values.json) {
    io.stdout(`${JSON.stringify({ dossier: d, timeliness: t, controlSlip: slip }, null, 2)}\n`);
    return d.rejected.length ? 1 : 0;
  }
  const rows: string[][] = [['at', 'event', 'state', 'code', 'due date']];
  for (const h of d.history) rows.push([h.at, h.type, h.state, `${h.code} ${NATIONAL_STATUS_CODES[h.code]}`, h.dueDate === null ? '-' : `${h.dueDate}${h.paused ? ' (paused)' : ''}`]);
  const out = [`Dossier ${d.id ?? ''} · procedure ${d.procedure.code} · ${d.channel ?? '-'} · rule set ${d.ruleSet ?? '-'} · supplement policy ${d.policy.supplement}`.replace('Dossier  ·', 'Dossier ·'), '', ...columns(rows)];
  if (slip.length) {
    out.push('', 'Control slip (Phiếu kiểm soát quá trình):');
    const s: string[][] = [['#', 'from', 'to', 'handed over', 'step due', 'completed', 'result']];
    for (const r of slip) s.push([String(r.seq), r.from, r.to, r.handedOverAt, r.dueDate ?? '-', r.completedAt ?? '-', r.result ?? '-']);
    out.push(...columns(s).map((l) => `  ${l}`));
  }
  if (d.warnings.length) out.push('', 'Warnings:', ...d.warnings.map((w) => `  ${w.eventId}: ${w.rule}: ${w.message}`));
  if (d.rejected.length) {
    out.push('', 'Refused events (kept, not applied):');
    for (const r of d.rejected) {
      const ev = r.event as { id?: unknown; type?: unknown } | null;
      out.push(`  ${typeof ev?.id === 'string' ? ev.id : '?'} ${typeof ev?.type === 'string' ? ev.type : '?'}: ${r.code} ${r.rule}: ${r.message}`);
    }
  }
  const c = d.clock;
  out.push(
    '',
    `Due date: ${c?.dueDate ?? '-'}${c && c.originalDueDate !== c.dueDate ? ` (original ${c.originalDueDate})` : ''}`,
    `Timeliness: ${t.result}${t.endAt ? ` (end ${t.endAt}, ${t.endKind}${t.judgedAt !== null && t.judgedAt !== t.endAt ? `; judged at the pause start ${t.judgedAt}, tính đến thời điểm tạm dừng` : ''})` : ''}${t.subtractedMs > 0 ? `, ${(t.subtractedMs / 86_400_000).toFixed(2)} day(s) of supplement wait subtracted (Decision 766)` : ''}${t.workingDaysMargin === null ? '' : `, margin ${t.workingDaysMargin} working day(s)`}`,
  );
  if (t.lateSteps.length) out.push(`Late steps: ${t.lateSteps.map((s) => `${s.step} (${s.agency}, ${s.workingDaysLate} working day(s) late)`).join('; ')}`);
  io.stdout(`${out.join('\n')}\n`);
  return d.rejected.length ? 1 : 0;
};
