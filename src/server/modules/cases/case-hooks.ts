import type { Db } from '../../db/schema.js';
import type { Actor } from '../audit/actor.js';
import type { CaseRow } from './case-repository.js';
import type { CaseEvent } from './workflow/transitions.js';
import type { Actor as WorkflowActor } from './workflow/types.js';

/** Who takes an action, as the engine records it: a principal, or the system acting on a service's rule. */
export interface CaseActing {
  workflow: WorkflowActor;
  eventKind: 'applicant' | 'office' | 'staff' | 'system';
  userId: string | null;
  officeId: string | null;
}

export const SYSTEM_ACTING: CaseActing = {
  workflow: { kind: 'system' },
  eventKind: 'system',
  userId: null,
  officeId: null,
};

/** A case that has just entered a terminal state, inside the transaction that moved it. */
export interface CaseClosed {
  /** The case as it was read before the action. */
  row: CaseRow;
  event: CaseEvent;
  acting: CaseActing;
  actor: Actor;
  at: Date;
}

export type CaseClosedHook = (trx: Db, closed: CaseClosed) => Promise<void>;

/**
 * What other modules do when a case of their service closes ("on entering a terminal state of service S, call F
 * inside the transaction"): the inquiry service issues its certificate on approval. A hook that throws rolls the
 * action back, so the case never closes without what its service attaches to the closing.
 */
export class CaseHooks {
  private readonly closed = new Map<string, CaseClosedHook[]>();
  private readonly filedElsewhere = new Set<string>();

  /**
   * The service's cases are filed only by its own module's API (the institutions' inquiry through
   * `POST /api/v1/inquiries`): the catalogue does not offer it and `POST /api/v1/cases` refuses it.
   */
  fileOnlyThroughModule(serviceCode: string): void {
    this.filedElsewhere.add(serviceCode);
  }

  isFiledThroughModule(serviceCode: string): boolean {
    return this.filedElsewhere.has(serviceCode);
  }

  onClosed(serviceCode: string, hook: CaseClosedHook): void {
    this.closed.set(serviceCode, [...(this.closed.get(serviceCode) ?? []), hook]);
  }

  async runClosed(trx: Db, closed: CaseClosed): Promise<void> {
    for (const hook of this.closed.get(closed.row.service_code) ?? []) await hook(trx, closed);
  }
}
