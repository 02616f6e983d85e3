/** @internal The check every function taking a dossier makes first (#14: a typed error, not a TypeError). */
import { MotcuaError, show } from '../../errors';
import { RULE_SETS } from '../ruleSets';
import type { Dossier } from '../types';

const ARRAYS = ['events', 'history', 'steps', 'warnings', 'rejected', 'resume', 'corrections'] as const;

/** A dossier as `initial`, `evolve` or `replay` made it (or its JSON read back): typed error otherwise (#14). */
export function checkDossier(d: unknown): asserts d is Dossier {
  if (typeof d !== 'object' || d === null || (d as Dossier).type !== 'motcua.dossier') {
    throw new MotcuaError('INVALID_INPUT', { vi: `cần một hồ sơ tạo bởi initial() hoặc replay() (type "motcua.dossier"), nhận được ${show(d, 'vi')}`, en: `expected a dossier made by initial() or replay() (type "motcua.dossier"), got ${show(d)}` }, d, 'dossier');
  }
  for (const k of ARRAYS) if (!Array.isArray((d as Dossier)[k])) throw new MotcuaError('INVALID_INPUT', { vi: `cần một mảng, nhận được ${show((d as Dossier)[k], 'vi')}`, en: `expected an array, got ${show((d as Dossier)[k])}` }, (d as Dossier)[k], `dossier.${k}`);
  // a stored dossier edited by hand: an unknown rule set is named here, not inside the next event
  const rs = (d as Dossier).ruleSet;
  if (rs !== null && !RULE_SETS.some((r) => r.id === rs)) {
    throw new MotcuaError('INVALID_INPUT', { vi: `bộ quy định không xác định ${show(rs, 'vi')} (các bộ quy định: ${RULE_SETS.map((r) => r.id).join(', ')}, hoặc null)`, en: `unknown rule set ${show(rs)} (known: ${RULE_SETS.map((r) => r.id).join(', ')}, or null)` }, rs, 'dossier.ruleSet');
  }
  if ((d as Dossier).history.length !== (d as Dossier).events.length) throw new MotcuaError('INVALID_INPUT', { vi: 'dossier.history và dossier.events phải có đúng một dòng cho mỗi sự kiện đã được chấp nhận', en: 'dossier.history and dossier.events must have one line per accepted event' }, (d as Dossier).history.length, 'dossier.history');
}

