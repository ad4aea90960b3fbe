import type { TestApp } from '../../../../test/harness.js';
import { systemActor } from '../audit/actor.js';
import type { CertificateFinding } from './content.js';
import { type IssueCertificateInput, issueCertificate } from './issue-certificate.js';

const DAY = 86_400_000;

export const CLEAN_FINDINGS: CertificateFinding[] = [
  {
    code: 'dues',
    label: { fa: 'بدهی عوارض نوسازی', en: 'Unpaid renewal dues', vi: 'Phí cải tạo chưa nộp' },
    result: { fa: 'ندارد', en: 'None', vi: 'Không có' },
    status: 'clear',
  },
  {
    code: 'violations',
    label: { fa: 'تخلف ساختمانی', en: 'Building violations', vi: 'Vi phạm xây dựng' },
    result: { fa: 'پرونده باز ندارد', en: 'No open case', vi: 'Không có hồ sơ mở' },
    status: 'clear',
  },
];

/**
 * Issues a certificate the way an issuing service does, inside a transaction of its own, before any issuing
 * service exists (tests only; there is deliberately no public route that issues an arbitrary certificate).
 */
export function issueTestCertificate(
  t: TestApp,
  input: Partial<IssueCertificateInput> & Pick<IssueCertificateInput, 'municipalityId' | 'parcelId'>,
) {
  const issuedAt = input.issuedAt ?? t.clock.now();
  return t.database.db.transaction().execute((trx) =>
    issueCertificate(trx, t.app.certificateKeys, {
      kind: 'inquiry_response',
      findings: CLEAN_FINDINGS,
      outcome: 'no_objection',
      purpose: 'transfer',
      validUntil: new Date(issuedAt.getTime() + 60 * DAY),
      actor: systemActor(input.municipalityId),
      ...input,
      issuedAt,
    }),
  );
}
