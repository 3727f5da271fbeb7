import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { RESOURCE_FACTS, isResourceCode } from '../../exchange/index.js';
import { LICENSE_TYPES } from '../../licenses/catalogue/license-types.data.js';
import { PROOF_TYPES } from '../../proofs/index.js';
import { yiyangDepartments } from '../../registry/demo/yiyang-departments.js';
import { DEFERRAL_DAYS_CAP, DEFERRAL_LISTS, type DeferralTerms } from './deferral-lists.data.js';
import type { ExemptionMode, MaterialDefinition, ServiceCategory, ServiceItemDefinition, ServiceLevel } from './service-item.definition.js';
import { SERVICE_ITEMS } from './service-items.data.js';
import { SYNTHETIC_CATALOGUE_SIZE, syntheticServiceItems } from './synthetic-catalogue.js';

const licenseTypes = new Map(LICENSE_TYPES.map((t) => [t.code, t]));
const proofTypes = new Map(PROOF_TYPES.map((t) => [t.code, t]));

/** The department lines present at each level, as the registry seeds them (one township is enough). */
const linesAt: Record<ServiceLevel, Set<string>> = (() => {
  const sets: Record<ServiceLevel, Set<string>> = { city: new Set(), county: new Set(), township: new Set() };
  for (const d of yiyangDepartments([{ code: '430903001000', name: '示例街道', parentCode: '430903000000' }])) {
    const level: ServiceLevel = d.regionCode === '430900000000' ? 'city' : d.regionCode.endsWith('000000') ? 'county' : 'township';
    sets[level].add(d.line);
  }
  return sets;
})();

const LEVELS: readonly ServiceLevel[] = ['city', 'county', 'township'];
const CATEGORIES: readonly ServiceCategory[] = ['new', 'renew', 'change', 'cancel', 'other'];
const MODES: readonly ExemptionMode[] = ['none', 'license', 'proof', 'data', 'commitment', 'cancelled'];

/** What is wrong with one material of an item (empty when nothing is). */
function materialProblems(item: ServiceItemDefinition, m: MaterialDefinition): string[] {
  const problems: string[] = [];
  const at = `${item.code} / ${m.name}`;
  const holds = (kinds: readonly string[]) => item.targets.some((t) => kinds.includes(t));
  if (m.kind === 'license' || m.exemption === 'license') {
    const type = m.licenseType === undefined ? undefined : licenseTypes.get(m.licenseType);
    if (m.kind !== 'license' || !type) problems.push(`${at}: a licence material needs kind license and a known licenseType (${m.licenseType})`);
    else if (!holds(type.holderKinds)) problems.push(`${at}: no target of the item can hold a ${type.code}`);
  } else if (m.licenseType !== undefined) problems.push(`${at}: licenseType on a ${m.kind} material`);
  if (m.kind === 'proof' || m.exemption === 'proof') {
    const type = m.proofType === undefined ? undefined : proofTypes.get(m.proofType);
    if (m.kind !== 'proof' || !type) problems.push(`${at}: a proof material needs kind proof and a known proofType (${m.proofType})`);
    else if (!holds(type.holderKinds)) problems.push(`${at}: no target of the item can hold a ${type.code} proof`);
  } else if (m.proofType !== undefined) problems.push(`${at}: proofType on a ${m.kind} material`);
  if (m.kind === 'data' && m.exemption !== 'data' && m.exemption !== 'commitment') problems.push(`${at}: a data material is exempted by data or commitment`);
  if (m.exemption === 'data' && !m.check) problems.push(`${at}: data exemption without a check`);
  if (m.check && m.exemption !== 'data' && m.exemption !== 'commitment') problems.push(`${at}: a check on a ${m.exemption} material`);
  if (m.check) problems.push(...checkProblems(at, m.check));
  if (m.exemption === 'commitment' && !m.commitmentText?.trim()) problems.push(`${at}: commitment without its text`);
  if (m.exemption !== 'commitment' && m.commitmentText !== undefined) problems.push(`${at}: commitmentText on a ${m.exemption} material`);
  if (m.kind === 'form' && m.exemption !== 'none') problems.push(`${at}: a form is always submitted`);
  if (m.exemption === 'cancelled' && m.critical) problems.push(`${at}: a cancelled material cannot be critical`);
  return problems;
}

/** A check names a resource of the catalogue, and a field check a top-level field with a value its schema allows. */
function checkProblems(at: string, check: NonNullable<MaterialDefinition['check']>): string[] {
  if (!isResourceCode(check.resource)) return [`${at}: unknown resource ${check.resource}`];
  const properties = RESOURCE_FACTS[check.resource].properties as Record<string, Parameters<typeof Value.Check>[0]>;
  if (check.require === 'active') {
    const status = properties['status'];
    return status && Value.Check(status, 'active') ? [] : [`${at}: ${check.resource} has no status that can be active`];
  }
  if (check.require !== 'field') return [];
  const field = properties[check.field];
  if (!field) return [`${at}: ${check.resource} has no field ${check.field}`];
  return Value.Check(field, check.equals) ? [] : [`${at}: ${check.resource}.${check.field} can never equal ${String(check.equals)}`];
}

/** What is wrong with an item and its materials (empty when nothing is); a synthetic renewal keeps its synthetic code. */
function itemProblems(item: ServiceItemDefinition, synthetic = false): string[] {
  const problems: string[] = [];
  if (!/^svc\.[a-z0-9_]+\.[a-z0-9_]+$/.test(item.code)) problems.push(`${item.code}: code is not svc.<thing>.<action>`);
  if (!item.name.trim() || !item.legalBasis.includes('《')) problems.push(`${item.code}: name and a cited legal basis are required`);
  if (!linesAt[item.level].has(item.line)) problems.push(`${item.code}: no ${item.line} department at ${item.level} level`);
  if (item.targets.length === 0) problems.push(`${item.code}: no targets`);
  if (!Number.isInteger(item.timeLimitDays) || item.timeLimitDays < 1) problems.push(`${item.code}: promised time must be at least one working day`);
  if (item.timeLimitDays > item.statutoryDays) problems.push(`${item.code}: promised ${item.timeLimitDays} > statutory ${item.statutoryDays}`);
  if (item.materials.length < 2 || item.materials.length > 8) problems.push(`${item.code}: ${item.materials.length} materials (2–8 expected)`);
  if (new Set(item.materials.map((m) => m.name)).size !== item.materials.length) problems.push(`${item.code}: two materials share a name`);
  if (!item.materials.some((m) => m.critical)) problems.push(`${item.code}: no critical material`);
  if (item.licenseType !== undefined) {
    const type = licenseTypes.get(item.licenseType);
    if (!type) problems.push(`${item.code}: unknown licenseType ${item.licenseType}`);
    else if (type.issuingLine !== item.line) problems.push(`${item.code}: ${type.code} is issued by ${type.issuingLine}, not ${item.line}`);
  }
  if ((item.category === 'renew' || item.category === 'change') && item.licenseType === undefined) problems.push(`${item.code}: a ${item.category} item names its licence type`);
  if (item.category === 'renew' && !synthetic && item.code !== `svc.${item.licenseType}.renew`) problems.push(`${item.code}: a renewal is svc.<licence type>.renew`);
  for (const m of item.materials) problems.push(...materialProblems(item, m));
  return problems;
}

const byCode = new Map(SERVICE_ITEMS.map((item) => [item.code, item]));

/** The deferral terms in force after each batch, keyed by item and material. */
function foldDeferralLists(): Map<string, DeferralTerms>[] {
  const states: Map<string, DeferralTerms>[] = [];
  let current = new Map<string, DeferralTerms>();
  for (const list of DEFERRAL_LISTS) {
    current = new Map(current);
    for (const change of list.changes) {
      const key = `${change.itemCode} / ${change.material}`;
      const present = current.has(key);
      if (change.action === 'add' ? present : !present) throw new Error(`batch ${list.batch}: cannot ${change.action} ${key}`);
      if (change.action === 'withdraw') current.delete(key);
      else current.set(key, { itemCode: change.itemCode, material: change.material, days: change.days, supplyMethod: change.supplyMethod, consequence: change.consequence });
    }
    states.push(current);
  }
  return states;
}

describe('the service catalogue', () => {
  it('has at least 110 items with unique codes', () => {
    expect(SERVICE_ITEMS.length).toBeGreaterThanOrEqual(110);
    expect(byCode.size).toBe(SERVICE_ITEMS.length);
  });

  it('has only valid items and materials', () => {
    expect(SERVICE_ITEMS.flatMap((item) => itemProblems(item))).toEqual([]);
  });

  it('defines the renewal item every expiring licence type points to', () => {
    const missing = LICENSE_TYPES.filter((t) => t.renewalServiceCode !== null)
      .filter((t) => byCode.get(t.renewalServiceCode ?? '')?.licenseType !== t.code)
      .map((t) => t.renewalServiceCode);
    expect(missing).toEqual([]);
  });

  it('has every level and every category, with each renewal asking for the licence it renews', () => {
    for (const level of LEVELS) expect(SERVICE_ITEMS.some((i) => i.level === level), level).toBe(true);
    for (const category of CATEGORIES) expect(SERVICE_ITEMS.some((i) => i.category === category), category).toBe(true);
    const renewals = SERVICE_ITEMS.filter((i) => i.category === 'renew');
    const withoutLicense = renewals.filter((i) => !i.materials.some((m) => m.exemption === 'license' && m.licenseType === i.licenseType));
    expect(withoutLicense.map((i) => i.code)).toEqual([]);
  });

  it('exempts most materials the government already holds, and keeps the form and identity critical', () => {
    const materials = SERVICE_ITEMS.flatMap((i) => i.materials);
    const exempted = materials.filter((m) => m.exemption !== 'none').length;
    expect(exempted / materials.length).toBeGreaterThan(0.4);
    for (const mode of MODES) expect(materials.some((m) => m.exemption === mode), mode).toBe(true);
    expect(materials.filter((m) => m.kind === 'form').every((m) => m.critical)).toBe(true);
    expect(materials.filter((m) => m.licenseType === 'resident_id_card' && m.name === '申请人居民身份证').every((m) => m.critical)).toBe(true);
  });

  it('prints the counts a reviewer wants to see', () => {
    const materials = SERVICE_ITEMS.flatMap((i) => i.materials);
    const count = <T,>(values: readonly T[]) => Object.fromEntries([...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>())].sort((a, b) => b[1] - a[1]));
    const byMode = count(materials.map((m) => m.exemption));
    const exempted = materials.length - (byMode['none'] ?? 0);
    const summary = [
      `service items: ${SERVICE_ITEMS.length}`,
      `  by level: ${JSON.stringify(count(SERVICE_ITEMS.map((i) => i.level)))}`,
      `  by category: ${JSON.stringify(count(SERVICE_ITEMS.map((i) => i.category)))}`,
      `  by line: ${JSON.stringify(count(SERVICE_ITEMS.map((i) => i.line)))}`,
      `materials: ${materials.length}, exempted from submission: ${exempted} (${Math.round((100 * exempted) / materials.length)}%)`,
      `  by exemption mode: ${JSON.stringify(byMode)}`,
      `  critical: ${materials.filter((m) => m.critical).length}, may be deferred: ${materials.filter((m) => !m.critical && m.exemption === 'none').length}`,
      `items handled with nothing to submit but forms: ${SERVICE_ITEMS.filter((i) => i.materials.every((m) => m.kind === 'form' || m.exemption !== 'none')).length}`,
    ].join('\n');
    console.log(summary);
    expect(exempted).toBeGreaterThan(0);
  });
});

describe('the 容缺受理 lists', () => {
  it('are numbered batches in order, each adding, changing or withdrawing entries of the list in force', () => {
    expect(DEFERRAL_LISTS.map((l) => l.batch)).toEqual(DEFERRAL_LISTS.map((_, i) => i + 1));
    const dates = DEFERRAL_LISTS.map((l) => l.effectiveFrom);
    expect(dates).toEqual([...dates].sort());
    for (const list of DEFERRAL_LISTS) expect(linesAt.city.has(list.issuingLine)).toBe(true);
    const states = foldDeferralLists();
    expect(states.length).toBe(DEFERRAL_LISTS.length);
    const second = DEFERRAL_LISTS[1]?.changes ?? [];
    expect(second.some((c) => c.action === 'change')).toBe(true);
    expect(second.some((c) => c.action === 'withdraw')).toBe(true);
  });

  it('only defer a non-critical, submitted material of an existing item, within the item’s promised time and the cap', () => {
    const problems: string[] = [];
    for (const list of DEFERRAL_LISTS) {
      for (const change of list.changes) {
        const at = `batch ${list.batch}: ${change.itemCode} / ${change.material}`;
        const item = byCode.get(change.itemCode);
        const material = item?.materials.find((m) => m.name === change.material);
        if (!item || !material) {
          problems.push(`${at}: no such item or material`);
          continue;
        }
        if (change.action === 'withdraw') continue;
        if (material.critical) problems.push(`${at}: a critical material cannot be deferred`);
        if (material.exemption !== 'none') problems.push(`${at}: the material is exempted (${material.exemption}), nothing to defer`);
        if (change.days < 1 || change.days > Math.min(DEFERRAL_DAYS_CAP, item.timeLimitDays)) problems.push(`${at}: ${change.days} days exceeds min(${DEFERRAL_DAYS_CAP}, ${item.timeLimitDays})`);
        if (!change.supplyMethod.trim() || !change.consequence.trim()) problems.push(`${at}: supply method and consequence are required`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the synthetic catalogue', () => {
  it(`gives n valid items with unique codes (${SYNTHETIC_CATALOGUE_SIZE} by default)`, () => {
    const items = syntheticServiceItems();
    expect(items.length).toBe(SYNTHETIC_CATALOGUE_SIZE);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    expect(items.every((i) => /^svc\.synthetic\.\d+$/.test(i.code) && i.name.endsWith('（示例）'))).toBe(true);
    expect(items.flatMap((i) => itemProblems(i, true))).toEqual([]);
    const modes = new Set(items.flatMap((i) => i.materials.map((m) => m.exemption)));
    expect([...modes].sort()).toEqual([...MODES].sort());
  });

  it('is deterministic, and a shorter catalogue is the start of a longer one', () => {
    expect(syntheticServiceItems(50)).toEqual(syntheticServiceItems(50));
    expect(syntheticServiceItems(1_000).slice(0, 200)).toEqual(syntheticServiceItems(200));
    expect(syntheticServiceItems(0)).toEqual([]);
  });
});
