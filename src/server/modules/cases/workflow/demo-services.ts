import { BUILDING_PERMIT_SERVICE } from './demo-building-permit.js';
import { COMPLETION_CERTIFICATE_SERVICE } from './demo-completion-certificate.js';
import { INQUIRY_SERVICE } from './demo-inquiry.js';
import { INSTITUTION_INQUIRY_SERVICE } from './demo-institution-inquiry.js';
import type { ServiceDefinition } from './types.js';

export {
  BUILDING_PERMIT_SERVICE,
  COMPLETION_CERTIFICATE_SERVICE,
  INQUIRY_SERVICE,
  INSTITUTION_INQUIRY_SERVICE,
};

/** The services of the demo city, each a valid definition (checked by demo-services.test.ts). */
export const DEMO_SERVICES: readonly ServiceDefinition[] = [
  INQUIRY_SERVICE,
  INSTITUTION_INQUIRY_SERVICE,
  BUILDING_PERMIT_SERVICE,
  COMPLETION_CERTIFICATE_SERVICE,
];
