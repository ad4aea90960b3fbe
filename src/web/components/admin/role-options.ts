import { STAFF_ROLES } from '../../api/codes.js';
import { useFormat } from '../../hooks/use-format.js';

export function useRoleOptions() {
  const format = useFormat();
  return STAFF_ROLES.map((role) => ({ value: role, label: format.code('roles', role) }));
}
