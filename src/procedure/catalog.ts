import type { AgencyLevel, Catalog, Procedure } from './types';

interface CatalogIndex {
  readonly byCode: Map<string, Procedure>;
  readonly byField: Map<string, Procedure[]>;
}

const cache = new WeakMap<readonly Procedure[], CatalogIndex>();

function push(map: Map<string, Procedure[]>, key: string, p: Procedure): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

function fold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').trim();
}

/** Build (once per procedures array) the lookup index of a catalogue. The first procedure of a code wins. */
function indexOf(catalog: Catalog): CatalogIndex {
  let idx = cache.get(catalog.procedures);
  if (!idx) {
    const byCode = new Map<string, Procedure>();
    const byField = new Map<string, Procedure[]>();
    for (const p of catalog.procedures) {
      if (!byCode.has(p.code)) byCode.set(p.code, p);
      if (p.field.code !== null) push(byField, `code:${p.field.code}`, p);
      push(byField, `name:${fold(p.field.name)}`, p);
    }
    idx = { byCode, byField };
    cache.set(catalog.procedures, idx);
  }
  return idx;
}

/**
 * Find a procedure by its exact code (tra cứu theo mã thủ tục). The index is built once per
 * catalogue and reused.
 *
 * @example
 * ```ts
 * import { findProcedure, sampleCatalog } from 'motcua/procedure';
 * findProcedure(sampleCatalog, '1.001193')?.name; // 'Thủ tục đăng ký khai sinh'
 * findProcedure(sampleCatalog, '9.999999'); // undefined
 * ```
 */
export function findProcedure(catalog: Catalog, code: string): Procedure | undefined {
  return indexOf(catalog).byCode.get(code);
}

/**
 * Procedures of a field (lĩnh vực) whose national code (`G15-TP07`) or name matches, names
 * compared without regard to case (`Hộ tịch` = `hộ tịch`), in catalogue order.
 *
 * @example
 * ```ts
 * import { proceduresByField, sampleCatalog } from 'motcua/procedure';
 * proceduresByField(sampleCatalog, 'Chứng thực').length > 0; // true
 * ```
 */
export function proceduresByField(catalog: Catalog, field: string): readonly Procedure[] {
  const idx = indexOf(catalog);
  const byCode = idx.byField.get(`code:${field}`);
  const byName = idx.byField.get(`name:${fold(field)}`);
  if (!byCode || !byName) return byCode ?? byName ?? [];
  const both = new Set([...byCode, ...byName]);
  return catalog.procedures.filter((p) => both.has(p));
}

/** What {@link proceduresByAgency} matches: a substring of the agency name, a level, or both. */
export interface AgencyQuery {
  /** Part of the agency name (cơ quan thực hiện), case-insensitive, e.g. `cấp xã`. */
  readonly name?: string;
  readonly level?: AgencyLevel;
}

/**
 * Procedures of an implementing agency (cơ quan thực hiện): by level, by part of the name, or both.
 *
 * @example
 * ```ts
 * import { proceduresByAgency, sampleCatalog } from 'motcua/procedure';
 * proceduresByAgency(sampleCatalog, { level: 'province' }).map((p) => p.code); // e.g. ['1.010803', '1.013236']
 * proceduresByAgency(sampleCatalog, { name: 'Sở Xây dựng' }).length; // 1
 * ```
 */
export function proceduresByAgency(catalog: Catalog, query: AgencyQuery): readonly Procedure[] {
  const name = query.name === undefined ? undefined : fold(query.name);
  return catalog.procedures.filter(
    (p) => (query.level === undefined || p.agency.level === query.level) && (name === undefined || fold(p.agency.name).includes(name)),
  );
}
