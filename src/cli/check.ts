/**
 * `motcua check claims.json [--json]`: recompute the figures a report claims and say which are wrong.
 */
import { MotcuaError } from '../errors';
import { checkReport } from '../kpi';
import { columns, commandArgs, usageError } from './_format';
import type { CliIo, Command } from './io';

const USAGE = `Usage: motcua check <claims.json> [--json]

  claims.json   { "counts": { name: number }, "sums": [{ "total": name, "parts": [name, …] }],
                  "rates": [{ "label": text, "numerator": name|number, "denominator": name|number, "reported": "96,19%" }] }
                The standard II.06a names (received, online, directOrPostal, carriedOver, resolved, early,
                onTime, late, pending, withinTime, overdue, withdrawn) get their identities checked unlisted.
  --json        { sums: [{ total, expected, actual, ok }], rates: [{ label, exact, reported, verdict, hint }] }
Exit code: 0 when every figure matches (truncated prints included), 1 when one does not, 2 on usage errors.
`;

const usage = (io: CliIo, message: string) => usageError(io, 'check', USAGE, message);

export const run: Command = async (argv, io) => {
  const flags = commandArgs(io, 'check', USAGE, argv, { json: { type: 'boolean' } });
  if (typeof flags === 'number') return flags;
  const [file, ...extra] = flags.positionals;
  if (!file) return usage(io, 'missing <claims.json>');
  if (extra.length) return usage(io, `unexpected argument "${extra[0]}"`);
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return usage(io, `cannot read ${file}: ${(e as Error).message}`);
  }
  let claims: unknown;
  try {
    claims = JSON.parse(text);
  } catch (e) {
    throw new MotcuaError('INVALID_INPUT', `${file} is not JSON: ${(e as Error).message}`, file, file);
  }
  const r = checkReport(claims as never);
  if (flags.values.json) {
    const out = {
      sums: r.sums.map((s) => ({ total: s.total, parts: s.parts, expected: s.expected, actual: s.actual, difference: s.difference, ok: s.ok, standard: s.standard })),
      rates: r.rates.map((x) => ({ label: x.label, numerator: x.numerator, denominator: x.denominator, exact: x.exact, reported: x.reported, verdict: x.verdict, hint: x.hint })),
      ok: r.ok,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return r.ok ? 0 : 1;
  }
  const lines: string[] = [];
  if (r.sums.length) {
    lines.push('Sums (tổng)', ...columns([
      ['', 'Total', 'Parts', 'Expected', 'Claimed', 'Difference'],
      ...r.sums.map((s) => [s.ok ? 'OK' : 'WRONG', s.total, `${s.parts.join(' + ')}${s.standard ? ' (II.06a)' : ''}`, String(s.expected), String(s.actual), s.difference > 0 ? `+${s.difference}` : String(s.difference)]),
    ]), '');
  }
  if (r.rates.length) {
    lines.push('Rates (tỷ lệ)', ...columns([
      ['', 'Label', 'Fraction', 'Exact', 'Printed', 'Why'],
      ...r.rates.map((x) => [x.verdict === 'match' ? 'OK' : x.verdict === 'match-truncated' ? 'OK (truncated)' : 'WRONG', x.label, `${x.numerator}/${x.denominator}`, x.exact === null ? '-' : `${x.exact.toFixed(4).replace('.', ',')}%`, x.reported, x.hint ?? '']),
    ]), '');
  }
  const wrong = r.sums.filter((s) => !s.ok).length + r.rates.filter((x) => x.verdict === 'mismatch').length;
  lines.push(wrong === 0 ? 'Every figure checks out.' : `${wrong} figure(s) do not check out.`);
  io.stdout(`${lines.join('\n')}\n`);
  return r.ok ? 0 : 1;
};
