import { Avatar, Button, Group, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signOut, signOutEverywhere } from '../api/auth.js';
import type { Me } from '../api/session.js';
import { useFormat } from '../hooks/use-format.js';
import { switchUser } from '../hooks/use-signed-in.js';
import { ApiErrorAlert } from './api-error-alert.js';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signedOut = async () => {
    await navigate('/', { replace: true, flushSync: true });
    switchUser(queryClient, null);
  };
  const leave = useMutation({ mutationFn: signOut, onSuccess: signedOut });
  const leaveEverywhere = useMutation({ mutationFn: signOutEverywhere, onSuccess: signedOut });
  const roles = me.roles.filter((role) => !role.includes(':')).map((role) => format.code('roles', role));

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" px="xs" data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="teal" radius="xl">
              {me.name.slice(0, 1)}
            </Avatar>
            <Text size="sm" visibleFrom="sm">
              {me.name}
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{roles.join(t('list.separator'))}</Menu.Label>
        <Menu.Item onClick={() => leave.mutate()} disabled={leave.isPending}>
          {t('auth.signOut')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => leaveEverywhere.mutate()} disabled={leaveEverywhere.isPending}>
          {t('auth.signOutEverywhere')}
        </Menu.Item>
        {(leave.error || leaveEverywhere.error) && (
          <ApiErrorAlert error={leave.error ?? leaveEverywhere.error} />
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
