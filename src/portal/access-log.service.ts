import { findAuditEvents, recordAudit } from '../core/audit/audit.service.js';
import type { Deps } from '../core/context.js';
import { AppError, invalid } from '../core/errors.js';
import { findDepartmentNames, presentSubject, type SubjectView } from '../registry/index.js';
import type { AccessEntryView } from './portal.contract.js';
import { sessionSubject, subjectActor, type PortalSession } from './portal-session.service.js';

/** The subjects of the session, masked; the subject's own look at its data is audited without listing it as an access by others. */
export async function readOwnProfile(deps: Deps, session: PortalSession, requestId?: string): Promise<SubjectView[]> {
  const [primary] = session.subjects;
  if (!primary) throw new AppError('not_found', 'no subject for this session');
  await recordAudit(deps.db, { clock: deps.clock, actor: subjectActor(primary), ...(requestId ? { requestId } : {}) }, {
    action: 'portal.profile_read',
    targetType: 'subject',
    targetId: primary.id,
    payload: { subjects: session.subjects.map((s) => s.id) },
  });
  return session.subjects.map(presentSubject);
}

/**
 * Who has read a subject's data (谁查看了我的数据): audit events that list the subject among the
 * subjects they touched, newest first, with the acting department. The subject's own portal
 * activity is recorded against the subject as a target, not in `subject_ids`, so it never appears here.
 */
export async function listAccessToSubjectData(
  deps: Deps,
  session: PortalSession,
  q: { subjectId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: AccessEntryView[]; nextCursor: string | null }> {
  const subject = sessionSubject(session, q.subjectId);
  if (q.cursor !== undefined && !/^\d{1,15}$/.test(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  const rows = await findAuditEvents(deps.db, { subjectId: subject.id, ...(q.cursor ? { beforeSeq: Number(q.cursor) } : {}), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const names = await findDepartmentNames(deps.db, page.flatMap((e) => (e.actorDepartmentId ? [e.actorDepartmentId] : [])));
  const items = page
    .filter((e) => e.actorKind !== 'subject')
    .map((e) => ({
      seq: e.seq,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actorKind: e.actorKind,
      departmentId: e.actorDepartmentId,
      departmentName: e.actorDepartmentId ? (names.get(e.actorDepartmentId) ?? null) : null,
      purpose: e.purpose,
    }));
  return { items, nextCursor: rows.length > q.limit ? String(page.at(-1)?.seq) : null };
}
