/**
 * Who may do what. Containers: each person has one (`/users/<id>/annotations/`,
 * also reached as `/annotations/` with their token), each group one
 * (`/groups/<id>/annotations/`). Each annotation has an audience: `private`
 * (its owner), `group` (members of the group whose container holds it),
 * `public` (anyone, signed in or not).
 *
 * What one may not see answers 404 (its existence is not confirmed); what one
 * may see but not change answers 403. Only an annotation's owner changes or
 * deletes it.
 */
import type { AccountStore, Role, User } from './accounts.ts';
import { HttpProblem } from './http-problem.ts';
import type { Audience, StoredAnnotation, Visibility } from './store.ts';

/** A container as one reader sees it. */
export interface ContainerRef {
  /** Storage key: `user:<id>` or `group:<id>`. */
  readonly key: string;
  /** Canonical path, ending in `/`. */
  readonly path: string;
  readonly kind: 'user' | 'group';
  readonly label: string;
  /** Which annotations the reader may list; null when they may not see the container at all. */
  readonly visibility: Visibility | null;
  /** Whether the reader may add annotations. */
  readonly canPost: boolean;
  /** Audiences annotations here may have, the first being the default. */
  readonly audiences: readonly Audience[];
  /** The reader's role when it is a group container. */
  readonly role: Role | null;
}

export const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A person's container as `viewer` sees it; null when there is no such person. */
export async function userContainer(accounts: AccountStore, ownerId: number, viewer: User | null): Promise<ContainerRef | null> {
  const owner = await accounts.userById(ownerId);
  if (!owner) return null;
  const own = viewer?.id === owner.id;
  return {
    key: `user:${owner.id}`,
    path: `/users/${owner.id}/annotations/`,
    kind: 'user',
    label: `Annotations of ${owner.name}`,
    visibility: own ? { all: true } : null,
    canPost: own,
    audiences: ['private', 'public'],
    role: null,
  };
}

/** A group's container as `viewer` sees it; null when there is no such group. */
export async function groupContainer(accounts: AccountStore, groupId: string, viewer: User | null): Promise<ContainerRef | null> {
  const group = GROUP_ID.test(groupId) ? await accounts.group(groupId) : null;
  if (!group) return null;
  const role = await accounts.roleIn(group.id, viewer);
  return {
    key: `group:${group.id}`,
    path: `/groups/${group.id}/annotations/`,
    kind: 'group',
    label: `Annotations of the group ${group.name}`,
    visibility: role && viewer ? { memberId: viewer.id } : null,
    canPost: role !== null,
    audiences: ['group', 'private', 'public'],
    role,
  };
}

/** True when `viewer` may read `row` held in `container`. */
export function canRead(container: ContainerRef, row: StoredAnnotation, viewer: User | null): boolean {
  if (viewer && row.ownerId === viewer.id) return true;
  if (row.audience === 'public') return true;
  return row.audience === 'group' && container.kind === 'group' && container.role !== null;
}

/** Throws 403 unless `viewer` owns `row` (call after `canRead`). */
export function requireOwner(row: StoredAnnotation, viewer: User | null): void {
  if (!viewer || row.ownerId !== viewer.id) {
    throw new HttpProblem(403, 'Only the person who wrote this annotation may change or delete it.');
  }
}

/** The audience a write asks for (`reader:audience`), checked against the container; its default when absent. */
export function audienceOf(raw: unknown, container: ContainerRef): Audience {
  if (raw === undefined) return container.audiences[0]!;
  if (typeof raw === 'string' && (container.audiences as readonly string[]).includes(raw)) return raw as Audience;
  throw new HttpProblem(400, `The "reader:audience" must be one of ${container.audiences.join(', ')} in this container.`);
}
