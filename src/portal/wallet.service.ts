import { contextFor, type Ctx, type Deps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { getLicense, listLicenses, signedLicenseDocument, type LicenseView, type SignedDocument } from '../licenses/index.js';
import { sessionSubject, subjectActor, type PortalSession } from './portal-session.service.js';

/** A subject acting in the portal on its own licences; `subjectId` must be one of the session's subjects. */
function holderCtx(deps: Deps, session: PortalSession, subjectId: string | undefined, requestId: string | undefined): Ctx {
  return contextFor(deps, subjectActor(sessionSubject(session, subjectId)), requestId);
}

/**
 * 我的证照: the subject's licences, newest first, each with its status as of today. Versions replaced
 * by an amendment (superseded) are left out: the wallet holds what is in force or has ended, not
 * its history. The licences module filters by holder for a subject actor.
 */
export async function listWalletLicenses(
  deps: Deps,
  session: PortalSession,
  q: { subjectId?: string | undefined; cursor?: string | undefined; limit: number },
  requestId?: string,
): Promise<{ items: LicenseView[]; nextCursor: string | null }> {
  const ctx = holderCtx(deps, session, q.subjectId, requestId);
  const page = await listLicenses(ctx, { cursor: q.cursor, limit: q.limit });
  return { items: page.items.filter((l) => l.status !== 'superseded'), nextCursor: page.nextCursor };
}

/** One of the subject's licences (any version); someone else's is not found rather than forbidden, so ids cannot be probed. */
export async function getWalletLicense(deps: Deps, session: PortalSession, id: string, subjectId: string | undefined, requestId?: string): Promise<LicenseView> {
  const ctx = holderCtx(deps, session, subjectId, requestId);
  try {
    return await getLicense(ctx, id);
  } catch (err) {
    // A subject holds no staff permission: the licences module answers `forbidden` for a licence it does not hold.
    if (err instanceof AppError && err.code === 'forbidden') throw new AppError('not_found', `licence ${id} not found`);
    throw err;
  }
}

/** The signed document of one of the subject's licences, to carry and show (下载电子证照); audited by the licences module. */
export async function walletLicenseDocument(deps: Deps, session: PortalSession, id: string, subjectId: string | undefined, requestId?: string): Promise<SignedDocument> {
  return signedLicenseDocument(holderCtx(deps, session, subjectId, requestId), id);
}
