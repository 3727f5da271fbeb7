import type { MaterialDefinition, ServiceItemDefinition } from './service-item.definition.js';
import { SERVICE_ITEMS } from './service-items.data.js';

/**
 * A synthetic service catalogue for scale tests and benchmarks: items shaped like the real ones
 * (each is a variant, a 情形, of a real item: same line, level, targets, category and legal basis)
 * whose materials mix the real item's with those of other real items of its line, so every
 * licence type, proof type and data check a material names is a real one. Generated from the
 * index alone: the same index always gives the same item, and a longer catalogue starts with a
 * shorter one.
 */

/** The size of the catalogue the benchmarks use. */
export const SYNTHETIC_CATALOGUE_SIZE = 3_000;

const MAX_MATERIALS = 8;

/**
 * The materials real items of the same line and targets ask for (forms excluded: a form belongs to
 * its own item), so a drawn material is one such an applicant could really hold.
 */
const MATERIAL_POOLS: ReadonlyMap<string, readonly MaterialDefinition[]> = (() => {
  const pools = new Map<string, Map<string, MaterialDefinition>>();
  for (const item of SERVICE_ITEMS) {
    const pool = pools.get(poolKey(item)) ?? new Map<string, MaterialDefinition>();
    for (const m of item.materials) if (m.kind !== 'form' && !pool.has(m.name)) pool.set(m.name, m);
    pools.set(poolKey(item), pool);
  }
  return new Map([...pools].map(([key, pool]) => [key, [...pool.values()]]));
})();

function poolKey(item: ServiceItemDefinition): string {
  return `${item.line}|${[...item.targets].sort().join(',')}`;
}

/** A well-spread unsigned 32-bit hash of an index and a salt (murmur3's finaliser). */
function hash(index: number, salt: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in [0, bound) for this index and salt. */
function pick(index: number, salt: number, bound: number): number {
  return hash(index, salt) % bound;
}

/** The template a synthetic item varies: cycles through the real catalogue so every item is used. */
function templateFor(index: number): ServiceItemDefinition {
  const template = SERVICE_ITEMS[index % SERVICE_ITEMS.length];
  if (!template) throw new Error('the service catalogue is empty');
  return template;
}

/** The template's materials plus up to two drawn from its pool that the template does not already name. */
function materialsFor(index: number, template: ServiceItemDefinition): MaterialDefinition[] {
  const materials = [...template.materials];
  const pool = MATERIAL_POOLS.get(poolKey(template)) ?? [];
  const extra = pool.length === 0 ? 0 : pick(index, 1, 3);
  for (let k = 0; k < extra && materials.length < MAX_MATERIALS; k += 1) {
    const candidate = pool[pick(index, 10 + k, pool.length)];
    if (candidate && !materials.some((m) => m.name === candidate.name)) materials.push(candidate);
  }
  return materials;
}

/** The n-th synthetic item (0-based). */
function syntheticServiceItem(index: number): ServiceItemDefinition {
  const template = templateFor(index);
  const variant = Math.floor(index / SERVICE_ITEMS.length) + 1;
  const timeLimitDays = 1 + pick(index, 2, template.statutoryDays);
  return {
    ...template,
    code: `svc.synthetic.${index + 1}`,
    name: `${template.name}（情形${variant}）（示例）`,
    timeLimitDays,
    materials: materialsFor(index, template),
  };
}

/** A deterministic synthetic catalogue of n items (codes `svc.synthetic.1` … `svc.synthetic.<n>`, names marked （示例）). */
export function syntheticServiceItems(n: number = SYNTHETIC_CATALOGUE_SIZE): ServiceItemDefinition[] {
  return Array.from({ length: n }, (_, index) => syntheticServiceItem(index));
}
