import type { AppDeps } from '../../app-deps.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import type { CitizenPrincipal, OfficePrincipal, Principal } from '../../http/principal.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { storeContent } from '../../storage/blob-store.js';
import { checkUpload } from '../../storage/sniff-content.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { definitionOf, loadVisibleCase } from './case-access.js';
import { insertCaseEvent } from './case-repository.js';
import { editableItems } from './edit-case.js';

/**
 * Attaches a document to a case file, checked on its content (type and size as the requirement allows), stored by
 * content hash; a newer upload for the same requirement replaces the older one (kept, marked replaced).
 */
export async function attachDocument(
  deps: Pick<AppDeps, 'db' | 'clock'> & { blobs: BlobStore },
  input: {
    principal: CitizenPrincipal | OfficePrincipal;
    actor: Actor;
    caseId: string;
    requirementCode: string;
    bytes: Buffer;
    fileName?: string;
  },
) {
  const row = await loadVisibleCase(deps.db, input.principal, input.caseId);
  const requirement = definitionOf(row).documents.find((d) => d.code === input.requirementCode);
  if (!requirement) throw invalidField('requirement', 'enum');
  const editable = editableItems(row);
  if (!editable.all && !editable.items.includes(requirement.code)) throw new AppError('case_not_editable');
  const checked = checkUpload({
    bytes: input.bytes,
    declaredName: input.fileName,
    accept: requirement.accept,
    maxBytes: requirement.maxBytes,
  });
  if (!checked.ok) {
    if (checked.rule === 'too_large')
      throw new AppError('payload_too_large', { maxBytes: requirement.maxBytes });
    throw new AppError('unsupported_media_type', {
      accepted: requirement.accept,
      detected: checked.detected ?? null,
    });
  }
  const storageKey = await storeContent(deps.blobs, input.bytes, checked.contentType);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('case_documents')
      .set({ replaced_at: at })
      .where('case_id', '=', row.id)
      .where('requirement_code', '=', requirement.code)
      .where('replaced_at', 'is', null)
      .execute();
    const doc = await trx
      .insertInto('case_documents')
      .values({
        municipality_id: row.municipality_id,
        case_id: row.id,
        requirement_code: requirement.code,
        file_name: checked.fileName,
        content_type: checked.contentType,
        size_bytes: checked.size,
        sha256: checked.sha256,
        storage_key: storageKey,
        uploaded_by: input.principal.userId,
        uploaded_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertCaseEvent(trx, {
      municipalityId: row.municipality_id,
      caseId: row.id,
      at,
      actorKind: input.principal.kind === 'office' ? 'office' : 'applicant',
      actorRole: 'applicant',
      actorUserId: input.principal.userId,
      officeId: input.principal.kind === 'office' ? input.principal.officeId : null,
      action: 'document_uploaded',
      fromState: row.state,
      toState: row.state,
      details: { requirement: requirement.code, sha256: checked.sha256 },
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'case.document_uploaded',
        entityType: 'case',
        entityId: row.id,
        details: { requirement: requirement.code, sha256: checked.sha256 },
      },
      at,
    );
    return doc;
  });
}

/** A document's bytes for someone who may see its case; 404 for anyone else, and for unknown documents. */
export async function readDocument(
  deps: Pick<AppDeps, 'db'> & { blobs: BlobStore },
  principal: Principal,
  caseId: string,
  documentId: string,
) {
  const row = await loadVisibleCase(deps.db, principal, caseId);
  const doc = await deps.db
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', row.id)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!doc) throw notFound('document');
  const bytes = await deps.blobs.get(doc.storage_key);
  if (!bytes) throw notFound('document');
  return { doc, bytes };
}
