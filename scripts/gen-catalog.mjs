#!/usr/bin/env node
// Converts the sourced sample of procedures (scripts/data/procedures-sample.json, a copy of the
// project's reference file, where every value keeps its status and sources and several limits
// per procedure keep their basis) into the bundled catalogue data/procedures.json, in the
// `Catalog` shape of motcua/procedure. Run: node scripts/gen-catalog.mjs [input] [output]
//
// Effective limit per channel (documented in docs/procedures.md):
//   only general-case values (case = null) in a computable unit are candidates;
//   by basis: law > provincial decision > ministerial decision > national portal (DVCQG) > secondary;
//   ties keep the source's order. Every other published value stays in `alternatives`.
// Procedures are left out (and listed in meta.excluded) when no channel has a candidate, when the
// agency level is not a single level, or when the source itself marks the limit as unresolved.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = process.argv[2] ?? `${root}scripts/data/procedures-sample.json`;
const output = process.argv[3] ?? `${root}data/procedures.json`;
const src = JSON.parse(readFileSync(input, 'utf8'));

export const LIMIT_RULE =
  'For each channel, the candidates are the published limits of the general case (no "case") in a computable unit ' +
  '(working days, calendar days, working hours, same day, immediate). The first by basis wins: law, then provincial decision, ' +
  'then ministerial decision, then the national portal (DVCQG), then secondary sources; ties keep the source order. ' +
  'All other published values are kept in `alternatives` with their basis and status. A procedure with no candidate for any channel is excluded.';

/** Procedures whose source marks the limit itself as unresolved: excluded rather than guessed. */
const UNRESOLVED = new Set(['2.000806', '1.013978']);

const STATUS = { verified: 'verified', verified_secondary: 'verified-secondary', inferred: 'inferred', unknown: 'unknown' };
const BASIS = { law: 'law', dvcqg: 'national-portal', provincial_decision: 'provincial-decision', ministerial_decision: 'ministerial-decision', secondary: 'secondary' };
const PRIORITY = ['law', 'provincial_decision', 'ministerial_decision', 'dvcqg', 'secondary'];
const DOC_BASIS = {
  law_text_copy: 'law', decree_text_copy: 'law', law_quoted_in_qa_page: 'law', resolution_copy: 'law',
  decision_quoted_in_qa_page: 'ministerial-decision',
  national_portal_snapshot: 'national-portal', national_portal_api_response: 'national-portal', national_portal_doc_extraction: 'national-portal',
  provincial_decision_copy: 'provincial-decision', provincial_decision_transcription: 'provincial-decision', time_overrides: 'provincial-decision', change_log: 'provincial-decision',
  legal_status_matrix: 'secondary', fee_resolution_registry: 'secondary', fee_mapping: 'secondary', agency_info_page: 'secondary', third_party_code: 'secondary',
};
const ONLINE = { 'toàn trình': 'full', 'một phần': 'partial', none: 'none' };
const CHANNELS = ['direct', 'online', 'postal'];

function fail(msg) {
  throw new Error(msg);
}

function documentOf(id) {
  const s = src.meta.sources[id] ?? fail(`unknown source ${id}`);
  const doc = { id, basis: DOC_BASIS[s.kind] ?? fail(`unknown source kind ${s.kind}`), title: s.title };
  if (s.decision) doc.reference = s.decision;
  if (s.decisionDate) doc.issuedOn = s.decisionDate;
  if (s.province) doc.province = s.province;
  if (s.repo) doc.location = `${s.repo}${s.commit ? `@${s.commit}` : ''}:${s.path}`;
  return doc;
}

function provenance(v, basis) {
  const p = {
    basis: basis ? BASIS[basis] ?? fail(`unknown basis ${basis}`) : (v.sources?.[0] ? documentOf(v.sources[0]).basis : 'secondary'),
    status: STATUS[v.status] ?? fail(`unknown status ${v.status}`),
    documents: [...(v.sources ?? [])],
  };
  if (v.note) p.note = v.note;
  return p;
}

const UNIT = { working_days: 'working-day', days: 'calendar-day', hours: 'working-hour', same_day: 'same-day', immediate: 'immediate', dvcqg_other: 'unspecified', not_stated: 'not-stated' };
const COMPUTABLE = new Set(['working_days', 'days', 'hours', 'same_day', 'immediate']);

function cutoffOf(t) {
  if (!t.cutoff) return null;
  if (!['next_working_day', 'count_from_next_working_day'].includes(t.cutoff.afterCutoff)) fail(`unknown cut-off rule ${t.cutoff.afterCutoff}`);
  return { time: t.cutoff.time, rule: 'next-working-day' };
}

function limitOf(t) {
  return ['same_day', 'immediate'].includes(t.unit) ? { amount: 0, unit: 'same-day' } : { amount: t.amount, unit: UNIT[t.unit] };
}

function alternativeOf(t) {
  const note = [t.note, t.raw && `raw: ${t.raw}`].filter(Boolean).join('; ');
  return { amount: t.amount, unit: UNIT[t.unit] ?? fail(`unknown unit ${t.unit}`), case: t.case, cutoff: cutoffOf(t), source: provenance({ ...t, note }, t.basis) };
}

const appliesTo = (entry, channel) => entry.channels.includes(channel) || entry.channels.includes('all');

function levelOf(value) {
  const m = /^(commune|district|province)(?![\w/]| and\b| or\b)/.exec(value ?? '');
  return m ? m[1] : null;
}

function clockStopOf(text) {
  if (/financial/i.test(text)) return 'financial-obligation';
  if (/posting|niêm yết/i.test(text)) return 'public-posting';
  if (/verif|xác minh/i.test(text)) return 'verification';
  return 'other';
}

/** Every source id cited anywhere in a procedure of the sample. */
function citedIn(v) {
  if (Array.isArray(v)) return v.flatMap(citedIn);
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (k === 'sources' && Array.isArray(x) ? x.filter((s) => typeof s === 'string') : citedIn(x)));
}

function convert(x) {
  const code = x.code.value;
  if (UNRESOLVED.has(code)) return { excluded: `the source marks the limit as unresolved: ${(x.notes ?? []).join(' ')}` };
  const level = levelOf(x.level.current.value);
  if (!level) return { excluded: `the agency level is not a single level in the source: ${x.level.current.value}` };

  const chosenBases = [];
  const channels = [];
  const dropped = [];
  for (const channel of CHANNELS.filter((c) => x.channels.value.includes(c))) {
    const applicable = x.timeLimits.filter((t) => appliesTo(t, channel));
    const candidates = applicable.filter((t) => t.case === null && COMPUTABLE.has(t.unit));
    const best = candidates.length === 0 ? null : Math.min(...candidates.map((t) => PRIORITY.indexOf(t.basis)));
    const chosen = candidates.find((t) => PRIORITY.indexOf(t.basis) === best);
    if (!chosen) {
      dropped.push(channel);
      continue;
    }
    chosenBases.push([channel, chosen.basis]);
    const fees = x.fees
      .filter((f) => f.kind !== null && appliesTo(f, channel))
      .map((f) => {
        const fee = { kind: f.kind === 'le_phi' ? 'fee' : 'charge', amount: f.amountVnd, per: f.per, collectedAt: 'not-stated', province: f.province };
        if (f.validFrom) fee.validFrom = f.validFrom;
        if (f.exemptions) fee.exemptions = f.exemptions;
        fee.source = provenance(f);
        return fee;
      });
    const sameBasis = candidates.filter((t) => t.basis === chosen.basis && t !== chosen);
    const note = [chosen.note, ...sameBasis.map((t) => `same basis also gives ${t.unit}${t.amount == null ? '' : ` ${t.amount}`}${t.note ? ` (${t.note})` : ''}`)].filter(Boolean).join('; ');
    channels.push({
      channel,
      limit: limitOf(chosen),
      fees,
      limitSource: provenance({ ...chosen, note }, chosen.basis),
      alternatives: applicable.filter((t) => t !== chosen).map(alternativeOf),
    });
  }
  if (channels.length === 0) {
    const general = x.timeLimits.filter((t) => t.case === null).map((t) => `${t.basis} ${t.amount ?? ''} ${t.unit}`.replace('  ', ' '));
    const cased = x.timeLimits.filter((t) => t.case !== null).map((t) => `${t.basis} ${t.amount ?? ''} ${t.unit} when "${t.case}"`.replace('  ', ' '));
    return {
      excluded:
        `no general-case limit in a computable unit: general case ${general.length ? general.join(', ') : 'none'}` +
        (cased.length ? `; only case-specific limits: ${cased.join('; ')}` : ''),
    };
  }

  // cut-off and immediate result: from the general-case entries of each channel's chosen basis
  const general = x.timeLimits.filter((t) => t.case === null && chosenBases.some(([c, b]) => t.basis === b && appliesTo(t, c)));
  const withCutoff = general.find((t) => t.cutoff);
  const immediate = general.some((t) => t.unit === 'immediate');

  const docIds = [...new Set([...x.sources, ...citedIn(x)])];
  const documents = docIds.map(documentOf);
  for (const d of x.decisions ?? []) {
    const no = d.no ?? d.decision;
    if (!no || documents.some((doc) => doc.reference === no)) continue;
    const doc = { id: no, basis: /UBND|province/i.test(`${d.issuer ?? ''} ${d.province ?? ''}`) || d.province ? 'provincial-decision' : 'ministerial-decision', title: [no, d.issuer, d.role ?? d.action].filter(Boolean).join(', '), reference: no };
    if (d.date) doc.issuedOn = d.date;
    if (d.province) doc.province = d.province;
    documents.push(doc);
  }

  const values = {
    code: provenance(x.code),
    name: provenance(x.name),
    field: provenance(x.field),
    'agency.level': provenance(x.level.current),
    onlineLevel: provenance(x.onlineService),
  };
  if (x.ministry.value) values['agency.ministry'] = provenance(x.ministry);
  if (withCutoff) values.cutoff = provenance(withCutoff, withCutoff.basis);
  const noFee = x.fees.find((f) => f.kind === null);
  if (noFee) values.fees = provenance({ ...noFee, note: noFee.note ?? 'no fee entry in the source' });
  if (dropped.length) values.channels = { basis: 'secondary', status: 'verified', documents: [], note: `channel(s) ${dropped.join(', ')} offered but with no computable general-case limit; left out` };

  const clockStops = [...new Set((x.clockStops ?? []).map((c) => clockStopOf(c.value)))];
  if (x.clockStops?.length) values.clockStops = provenance({ ...x.clockStops[0], note: x.clockStops.map((c) => c.value + (c.note ? ` (${c.note})` : '')).join('; ') });
  if (x.interlinked?.steps) {
    const limits = x.interlinked.steps.map((s) => s.limit);
    const why = limits.some((l) => l === null) ? 'a step has no published limit' : 'the published step limits do not add up to the procedure limit';
    const text = x.interlinked.steps.map((s) => `${s.agency}: ${s.task} (${s.limit ? `${s.limit.amount ?? ''} ${s.limit.unit}`.trim() : 'no limit'})`).join('; ');
    values.steps = provenance({ ...x.interlinked, note: `not modelled as steps because ${why}: ${text}` });
  }

  const field = { code: /category code (\S+)/.exec(x.field.note ?? '')?.[1] ?? null, name: x.field.value };
  const agency = { name: x.agencies.competent, level };
  const before = levelOf(x.level.before2025_07_01?.value);
  if (before) agency.levelBefore2025 = before;
  if (x.ministry.value) agency.ministry = x.ministry.value;

  const procedure = {
    code,
    name: x.name.value,
    field,
    agency,
    channels,
    cutoff: withCutoff ? cutoffOf(withCutoff) : null,
    clockStops,
    steps: null,
    immediate,
    paperResultRequired: null,
    onlineLevel: x.onlineService.value === null ? null : ONLINE[x.onlineService.value] ?? fail(`unknown online level ${x.onlineService.value}`),
  };
  if (x.notes?.length) procedure.notes = x.notes;
  if (x.interlinked?.memberOfGroup) procedure.interlinkedGroup = x.interlinked.memberOfGroup;
  procedure.sources = { documents, values };
  return { procedure };
}

const procedures = [];
const excluded = [];
for (const x of src.procedures) {
  const r = convert(x);
  if (r.procedure) procedures.push(r.procedure);
  else excluded.push({ code: x.code.value, reason: r.excluded });
}

const catalog = {
  meta: {
    title: 'motcua sample catalogue: commune- and province-level procedures with published codes, limits, fees and online levels',
    asOf: src.meta.asOf,
    description: `Converted by scripts/gen-catalog.mjs from "${src.meta.title}". ${src.meta.scope} Not a legal reference: limits and fees differ by province and change often.`,
    limitRule: LIMIT_RULE,
    excluded,
  },
  procedures,
};
writeFileSync(output, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`wrote ${procedures.length} procedures to ${output} (${excluded.length} excluded)`);
