import type { Db, InquiryStatus } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { staffDistrictScope } from '../parcels/policies.js';
import { isParcelOwnedBy } from '../parcels/repository.js';
import { mayReadInquiry } from './policies.js';
import { findInquiryView, type InquiryListScope, listInquiries } from './repository.js';

/** One inquiry for someone who may read it; 404 for anyone else. */
export async function readInquiry(db: Db, principal: Principal, id: string) {
  const row = await findInquiryView(db, principal.municipalityId, id);
  if (!row) throw notFound('inquiry');
  const ownsNow =
    principal.kind === 'citizen' &&
    (await isParcelOwnedBy(db, principal.municipalityId, row.parcel_id, principal.nationalId));
  if (!mayReadInquiry(principal, row, ownsNow)) throw notFound('inquiry');
  return row;
}

/**
 * The inquiries a principal sees: an institution or office its own requests only; a citizen the inquiries about the
 * parcels they own (`about=mine`, their cartable); staff their district's.
 */
export function listVisibleInquiries(
  db: Db,
  principal: Principal,
  query: { about?: 'mine'; status?: InquiryStatus; caseId?: string; limit: number; offset: number },
) {
  let scope: InquiryListScope;
  switch (principal.kind) {
    case 'api_client':
      scope = { kind: 'api_client', apiClientId: principal.apiClientId };
      break;
    case 'office':
      scope = { kind: 'office', officeId: principal.officeId };
      break;
    case 'citizen':
      if (query.about !== 'mine')
        throw new AppError('validation_failed', { fields: [{ field: 'about', rule: 'required' }] });
      scope = { kind: 'owner', nationalId: principal.nationalId };
      break;
    case 'staff':
      scope = { kind: 'district', districtId: staffDistrictScope(principal) };
      break;
  }
  return listInquiries(db, principal.municipalityId, scope, query);
}
