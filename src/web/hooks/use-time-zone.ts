import { usePublicMunicipality } from '../api/municipality.js';
import { useMe } from '../api/session.js';
import { DEFAULT_TIME_ZONE } from '../format.js';

/** The municipality's time zone: the signed-in user's, else the deployment's, else Tehran until either answers. */
export function useTimeZone(): string {
  const { data: me } = useMe();
  const { data: municipality } = usePublicMunicipality();
  return me?.municipality.timezone ?? municipality?.timezone ?? DEFAULT_TIME_ZONE;
}
