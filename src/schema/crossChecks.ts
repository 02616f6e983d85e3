import { stepBudgetProblems } from '../procedure/stepBudgets';
import type { ChannelRule, ProcedureSteps } from '../procedure/types';
import { issueAt } from './issues';
import type { ParseIssue } from './issues';
import { schemasFor } from './procedure';
import type { UnknownKeys } from './procedure';

type Path = readonly (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function collectDocumentRefs(v: unknown, path: (string | number)[], out: [Path, string][]): void {
  if (Array.isArray(v)) v.forEach((x, i) => collectDocumentRefs(x, [...path, i], out));
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'documents' && Array.isArray(x) && x.every((d) => typeof d === 'string') && path[path.length - 1] !== 'sources') {
        x.forEach((d, i) => out.push([[...path, k, i], d as string]));
      } else if (k !== 'documents') collectDocumentRefs(x, [...path, k], out);
    }
  }
}

/**
 * @internal Cross-field checks of one procedure that a per-field schema cannot express, run on
 * the raw input wherever its parts are well-formed, so they add to the structural issues:
 * duplicate channels, step budgets against the channel limits, cited documents that are not listed.
 */
export function procedureCrossChecks(input: unknown, at: Path, unknownKeys: UnknownKeys): ParseIssue[] {
  if (!isObject(input)) return [];
  const out: ParseIssue[] = [];
  const s = schemasFor(unknownKeys);
  const channels = Array.isArray(input.channels) ? input.channels : [];
  const seen = new Map<unknown, number>();
  channels.forEach((c, i) => {
    if (!isObject(c) || typeof c.channel !== 'string') return;
    const first = seen.get(c.channel);
    if (first !== undefined) out.push(issueAt([...at, 'channels', i, 'channel'], { vi: `kênh ${JSON.stringify(c.channel)} được khai hai lần (lần đầu tại channels[${first}])`, en: `channel ${JSON.stringify(c.channel)} is listed twice (first at channels[${first}])` }));
    else seen.set(c.channel, i);
  });

  const steps = s.steps.safeParse(input.steps);
  if (steps.success) {
    const st = steps.data as ProcedureSteps;
    // problems of the steps themselves, then each well-formed channel against the steps' total
    for (const p of stepBudgetProblems(st, [])) out.push(issueAt([...at, ...p.path], p.texts));
    channels.forEach((c, i) => {
      if (!s.channelRule.safeParse(c).success) return;
      for (const p of stepBudgetProblems(st, [c as ChannelRule])) {
        if (p.path[0] === 'channels') out.push(issueAt([...at, 'channels', i, ...p.path.slice(2)], p.texts));
      }
    });
  }

  const sources = input.sources;
  if (isObject(sources) && Array.isArray(sources.documents)) {
    const ids = new Map<string, number>();
    sources.documents.forEach((d, i) => {
      if (!isObject(d) || typeof d.id !== 'string') return;
      if (ids.has(d.id)) out.push(issueAt([...at, 'sources', 'documents', i, 'id'], { vi: `mã văn bản ${JSON.stringify(d.id)} được khai hai lần`, en: `document id ${JSON.stringify(d.id)} is listed twice` }));
      else ids.set(d.id, i);
    });
    const refs: [Path, string][] = [];
    const { sources: _omit, ...rest } = input;
    collectDocumentRefs(rest, [...at], refs);
    collectDocumentRefs(sources.values, [...at, 'sources', 'values'], refs);
    for (const [path, id] of refs) {
      if (!ids.has(id)) out.push(issueAt(path, { vi: `dẫn văn bản ${JSON.stringify(id)}, nhưng văn bản này không có trong sources.documents`, en: `cites document ${JSON.stringify(id)}, which is not in sources.documents` }));
    }
  }
  return out;
}

/** @internal Cross-procedure checks of a catalogue: duplicate codes. */
export function catalogCrossChecks(input: unknown, unknownKeys: UnknownKeys): ParseIssue[] {
  if (!isObject(input) || !Array.isArray(input.procedures)) return [];
  const out: ParseIssue[] = [];
  const seen = new Map<string, number>();
  input.procedures.forEach((p, i) => {
    out.push(...procedureCrossChecks(p, ['procedures', i], unknownKeys));
    if (!isObject(p) || typeof p.code !== 'string') return;
    const first = seen.get(p.code);
    if (first !== undefined) out.push(issueAt(['procedures', i, 'code'], { vi: `mã thủ tục ${JSON.stringify(p.code)} bị trùng (lần đầu tại procedures[${first}])`, en: `duplicate code ${JSON.stringify(p.code)} (first at procedures[${first}])` }));
    else seen.set(p.code, i);
  });
  return out;
}
