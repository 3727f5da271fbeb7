import { AppError } from '../errors.js';
import { isWithinRegion } from '../ids/region-code.js';

/** Staff roles; one list, used by schemas, the console and the checks below. */
export const ROLES = ['admin', 'officer', 'clerk', 'supervisor', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything that can be done, named once; each role is granted a subset below. */
export type Permission =
  | 'region.read'
  | 'department.read'
  | 'subject.read'
  | 'subject.create'
  | 'subject.reveal'
  | 'subject.import'
  | 'staff.read'
  | 'staff.manage'
  | 'apikey.manage'
  | 'audit.read'
  | 'license.read'
  | 'license.issue'
  | 'license.import'
  | 'proof.issue'
  | 'proof.read';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'region.read', 'department.read', 'subject.read', 'subject.create', 'subject.reveal', 'subject.import',
    'staff.read', 'staff.manage', 'apikey.manage', 'audit.read',
    'license.read', 'license.issue', 'license.import', 'proof.issue', 'proof.read',
  ],
  officer: [
    'region.read', 'department.read', 'subject.read', 'subject.create', 'subject.reveal', 'subject.import',
    'license.read', 'license.issue', 'license.import', 'proof.issue', 'proof.read',
  ],
  clerk: ['region.read', 'department.read', 'subject.read', 'subject.create', 'subject.reveal', 'license.read', 'proof.issue', 'proof.read'],
  supervisor: ['region.read', 'department.read', 'subject.read', 'staff.read', 'license.read', 'proof.read'],
  auditor: ['region.read', 'department.read', 'staff.read', 'audit.read'],
  viewer: ['region.read', 'department.read'],
};

/** Who is acting: a staff member, a department system's API key, a subject in the portal, or the platform itself. */
export interface Actor {
  kind: 'staff' | 'api_key' | 'subject' | 'system';
  id: string;
  /** Username, key name or 'system', recorded in the audit chain as it was at the time. */
  name: string;
  departmentId: string | null;
  roles: Role[];
  scope: {
    /** Root of the region subtree the actor may act in. */
    regionCode: string;
    /** Departments the actor may act for (always includes its own). */
    departmentIds: string[];
  };
}

/** The platform acting on its own (seeding, scheduled jobs): every permission, the whole province. */
export const systemActor: Actor = {
  kind: 'system',
  id: 'system',
  name: 'system',
  departmentId: null,
  roles: ['admin'],
  scope: { regionCode: '430000000000', departmentIds: [] },
};

/** True when one of the actor's roles grants the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => GRANTS[role].includes(permission));
}

/** Throws `forbidden` unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden', `role ${actor.roles.join(',') || '(none)'} may not ${permission}`);
}

/** True when the region lies in the actor's region subtree. */
export function inRegionScope(actor: Actor, regionCode: string): boolean {
  return actor.kind === 'system' || isWithinRegion(regionCode, actor.scope.regionCode);
}

/** True when the actor may act for the department. */
export function actsForDepartment(actor: Actor, departmentId: string): boolean {
  return actor.kind === 'system' || actor.departmentId === departmentId || actor.scope.departmentIds.includes(departmentId);
}

/** The permissions an actor holds, for the console to show or hide what the server would refuse anyway. */
export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.roles.flatMap((role) => GRANTS[role]))];
}
