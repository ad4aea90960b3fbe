import type { ActorKind } from '../../db/schema.js';

/** Who did something, as the audit log records it. */
export interface Actor {
  municipalityId: string;
  kind: ActorKind;
  userId: string | null;
  officeId: string | null;
  apiClientId: string | null;
  ip: string | null;
}

export function systemActor(municipalityId: string): Actor {
  return { municipalityId, kind: 'system', userId: null, officeId: null, apiClientId: null, ip: null };
}
