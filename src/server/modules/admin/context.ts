import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../app-deps.js';
import { principalOf } from '../../http/access.js';
import { invalidField } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { actorOf } from '../audit/actor-of.js';

/** Who is making an administrative change, as whom it is audited, and when. */
export interface AdminContext {
  admin: StaffPrincipal;
  actor: Actor;
  at: Date;
}

export function adminContext(request: FastifyRequest, clock: Clock): AdminContext {
  return { admin: principalOf(request, 'staff'), actor: actorOf(request), at: clock.now() };
}

/** A name or label with surrounding spaces removed; blank is refused as missing. */
export function requiredText(field: string, value: string): string {
  const text = value.trim();
  if (!text) throw invalidField(field, 'required');
  return text;
}

/** Like requiredText, for an optional field of a partial update. */
export function optionalText(field: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : requiredText(field, value);
}
