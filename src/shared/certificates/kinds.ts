/** Every kind of certificate the platform issues, and the two letters that stand for it in numbers and QR codes. */
export const CERTIFICATE_KINDS = {
  inquiry_response: 'IR',
  clearance: 'CL',
  building_permit: 'BP',
  completion: 'CC',
} as const;

export type CertificateKind = keyof typeof CERTIFICATE_KINDS;
export type CertificateKindCode = (typeof CERTIFICATE_KINDS)[CertificateKind];

export const CERTIFICATE_OUTCOMES = { no_objection: 'N', conditional: 'C', refused: 'R' } as const;
export type CertificateOutcome = keyof typeof CERTIFICATE_OUTCOMES;
export type CertificateOutcomeCode = (typeof CERTIFICATE_OUTCOMES)[CertificateOutcome];

export function kindOfCode(code: string): CertificateKind | null {
  const found = Object.entries(CERTIFICATE_KINDS).find(([, c]) => c === code);
  return found ? (found[0] as CertificateKind) : null;
}

export function outcomeOfCode(code: string): CertificateOutcome | null {
  const found = Object.entries(CERTIFICATE_OUTCOMES).find(([, c]) => c === code);
  return found ? (found[0] as CertificateOutcome) : null;
}
