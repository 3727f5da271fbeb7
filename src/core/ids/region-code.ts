/**
 * Statistical division codes (统计用区划代码): 12 digits, 2 province + 2 city + 2 county +
 * 3 township + 3 village. A region's subtree is every code sharing its significant prefix.
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** True for a syntactically valid 12-digit division code. */
export function isRegionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/** The level a code denotes, read from which of its trailing groups are zero. */
export function regionLevelOf(code: string): RegionLevel {
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'township';
  return 'village';
}

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

/** The significant prefix of a code: every code in its subtree starts with it. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevelOf(code)]);
}

/** True when `code` is `root` or lies below it. */
export function isWithinRegion(code: string, root: string): boolean {
  return code.startsWith(regionPrefix(root));
}

/** The 6-digit county part (GB/T 2260) used in ID numbers and USCCs. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}
