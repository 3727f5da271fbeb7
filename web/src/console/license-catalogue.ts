import { useEffect, useState } from 'react';
import { api, queryString } from '../shared/api';
import type { Department, LicenseType, Page } from '../shared/contracts';
import { fill } from '../shared/format';
import { useCatalogue } from '../shared/useCatalogue';
import type { useLicenseMessages } from './license-messages';

/** The licence-type catalogue (证照目录), loaded once per page load; null until it arrives. */
export function useLicenseTypes(): { types: LicenseType[] | null; error: unknown } {
  const { items, error } = useCatalogue<LicenseType>('/api/v1/license-types');
  return { types: items, error };
}

/**
 * Names of the departments of each functional line, nearest to the actor first: the departments of
 * the actor's own region, then of its county, then of its city (counterparts at every level issue
 * the same licence types).
 */
export function useLineDepartments(scopeRegionCode: string): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const regions = [...new Set([scopeRegionCode, `${scopeRegionCode.slice(0, 6)}000000`, `${scopeRegionCode.slice(0, 4)}00000000`])];
    let live = true;
    Promise.all(regions.map((regionCode) => api<Page<Department>>(`/api/v1/departments${queryString({ regionCode, exact: true, limit: 200 })}`).then((p) => p.items, () => [])))
      .then((lists) => {
        const byLine = new Map<string, string>();
        for (const d of lists.flat()) if (!byLine.has(d.line)) byLine.set(d.line, d.name);
        if (live) setNames(byLine);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [scopeRegionCode]);
  return names;
}

/** A type's validity rule in words (有效期规则). */
export function validityText(rule: LicenseType['validity'], t: ReturnType<typeof useLicenseMessages>): string {
  if (rule.kind === 'years') return fill(t.validityYears, { n: rule.years });
  if (rule.kind === 'permanent') return t.validityPermanent;
  return t.validityResidentId;
}
