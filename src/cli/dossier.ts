/**
 * `motcua dossier <events.json> [--limit "<n> <unit>"] [--policy 766] [--json]`: replay a dossier's
 * event log and print its timeline (states, national codes, due dates) and its final timeliness.
 *
 * The file holds either `{ "procedure": {...}, "events": [...], "policy"?: {...}, "id"?: "..." }` or a
 * bare array of events (then `--limit` gives the processing limit of a minimal procedure).
 */
import { isMotcuaError, messageOf } from '../errors';
import { DOSSIER_STATES, NATIONAL_STATUS_CODES, controlSlip, replay, timeliness } from '../dossier/index';
import type { DossierEvent, DossierPolicy, DossierProcedure } from '../dossier/index';
import { columnBlocks, columns, commandArgs, textIn, UsageError, usageError, wrap } from './_format';
import { DOSSIER } from './_messages';
import { parseLimit } from './due';
import type { CliIo, Command } from './io';

interface Input {
  procedure: DossierProcedure;
  events: DossierEvent[];
  policy?: Partial<DossierPolicy>;
  id?: string;
}

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'dossier', { vi: DOSSIER.vi.usage, en: DOSSIER.en.usage }, argv, { limit: { type: 'string' }, policy: { type: 'string' }, json: { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  const lang = flags.lang;
  const t = DOSSIER[lang];
  const usage = (io: CliIo, message: string) => usageError(io, 'dossier', t.usage, message);
  if (flags.positionals.length !== 1) return usage(io, flags.positionals.length ? t.oneFile(flags.positionals.length) : t.missingFile);
  if (flags.values.policy !== undefined && flags.values.policy !== 'legal' && flags.values.policy !== '766') return usage(io, t.policy(flags.values.policy));
  const path = flags.positionals[0]!;
  let input: Input;
  try {
    const raw: unknown = JSON.parse(await io.readFile(path));
    if (Array.isArray(raw)) {
      if (flags.values.limit === undefined) return usage(io, t.bareArray(path));
      const limit = parseLimit(flags.values.limit, lang);
      const channels = (['direct', 'online', 'postal'] as const).map((channel) => ({ channel, limit }));
      input = { procedure: { code: 'cli', channels, cutoff: null, clockStops: ['financial-obligation', 'public-posting', 'expert-assessment', 'site-inspection', 'verification', 'other'], steps: null, immediate: false }, events: raw as DossierEvent[] };
    } else if (typeof raw === 'object' && raw !== null && 'events' in raw && 'procedure' in raw) input = raw as Input;
    else {
      io.stderr(`motcua dossier: ${t.notDossier(path)}\n`);
      return 2; // bad input (exit codes: src/cli/exit.ts)
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    io.stderr(`motcua dossier: ${t.cannotRead(path, messageOf(e, lang))}\n`);
    return 2;
  }
  const policy: Partial<DossierPolicy> = { ...(input.policy ?? {}), ...(flags.values.policy === '766' ? { supplement: 'decision-766' as const } : flags.values.policy === 'legal' ? { supplement: 'legal-restart' as const } : {}) };

  let d;
  try {
    d = replay(input.events, { procedure: input.procedure, policy, ...(input.id === undefined ? {} : { id: input.id }) });
  } catch (e) {
    if (isMotcuaError(e)) {
      io.stderr(`motcua dossier: ${e.code}${e.field ? ` (${e.field})` : ''}: ${messageOf(e, lang)}\n`);
      return 2;
    }
    throw e;
  }
  const t0 = timeliness(d);
  const slip = controlSlip(d);
  if (flags.values.json) {
    io.stdout(`${JSON.stringify({ dossier: d, timeliness: t0, controlSlip: slip }, null, 2)}\n`);
    return d.rejected.length ? 1 : 0;
  }
  const rows: string[][] = [t.head];
  for (const h of d.history) rows.push([h.at, t.event(h.type), t.state(h.state, DOSSIER_STATES.find((x) => x.state === h.state)?.vi ?? h.state), t.code(h.code, NATIONAL_STATUS_CODES[h.code]), h.dueDate === null ? '-' : `${h.dueDate}${h.paused ? ` ${t.paused}` : ''}`]);
  const out = [...wrap(t.title(d.id ?? null, d.procedure.code, d.channel ?? null, d.ruleSet ?? null, d.policy.supplement), '', '  '), '', ...columnBlocks(rows)];
  if (slip.length) {
    out.push('', t.slip);
    const s: string[][] = [t.slipHead];
    for (const r of slip) s.push([String(r.seq), r.from, r.to, r.handedOverAt, r.dueDate ?? '-', r.completedAt ?? '-', r.result === null ? '-' : t.result(r.result)]);
    out.push(...columnBlocks(s, { indent: '  ' }));
  }
  if (d.warnings.length) out.push('', t.warnings, ...d.warnings.flatMap((w) => wrap(`${w.eventId}: ${w.rule}: ${textIn(w, lang)}`, '  ', '    ')));
  if (d.rejected.length) {
    out.push('', t.refused);
    for (const r of d.rejected) {
      const ev = r.event as { id?: unknown; type?: unknown } | null;
      out.push(...wrap(`${typeof ev?.id === 'string' ? ev.id : '?'} ${typeof ev?.type === 'string' ? ev.type : '?'}: ${r.code} ${r.rule}: ${textIn(r, lang)}`, '  ', '    '));
    }
  }
  const c = d.clock;
  out.push(
    '',
    t.dueDate(c?.dueDate ?? '-', c && c.originalDueDate !== c.dueDate ? c.originalDueDate : null),
    ...wrap(t.timeliness(t.result(t0.result), t0.endAt, t0.endKind, t0.judgedAt !== null && t0.judgedAt !== t0.endAt ? t0.judgedAt : null, t0.subtractedMs > 0 ? (t0.subtractedMs / 86_400_000).toFixed(2) : null, t0.workingDaysMargin), '', '  '),
  );
  if (t0.lateSteps.length) out.push(...wrap(t.lateSteps(t0.lateSteps.map((s) => t.lateStep(s.step, s.agency, s.workingDaysLate)).join('; ')), '', '  '));
  io.stdout(`${out.join('\n')}\n`);
  return d.rejected.length ? 1 : 0;
};
