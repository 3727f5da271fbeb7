import type { ProofType } from '../shared/contracts';
import { useCatalogue } from '../shared/useCatalogue';
import { useLineDepartments } from './license-catalogue';

/** The proof-type catalogue (证明目录), loaded once per page load; null until it arrives. */
export function useProofTypes(): { types: ProofType[] | null; error: unknown } {
  const { items, error } = useCatalogue<ProofType>('/api/v1/proof-types');
  return { types: items, error };
}

/** The data resources a proof is drawn from, each with the department holding it (`lines`: line → department name). */
export function ResourceList({ resources, lines }: { resources: ProofType['resources']; lines: Map<string, string> }) {
  return (
    <ul className="resource-list">
      {resources.map((r) => (
        <li key={r.code}>
          {r.name}
          <span className="subtle"> · {lines.get(r.holdingLine) ?? r.holdingLine}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Department names by line for an applicant living in `regionCode`: its county's departments first,
 * then the city's (the ones that hold its data and issue its proofs); before the applicant is known,
 * those nearest to `fallback` (the actor's scope).
 */
export function useApplicantLineDepartments(regionCode: string | undefined, fallback: string): Map<string, string> {
  return useLineDepartments(regionCode ? `${regionCode.slice(0, 6)}000000` : fallback);
}
