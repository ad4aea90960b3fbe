import { AppShell, Container } from '@mantine/core';
import { Outlet, useMatches } from 'react-router';
import { AppHeader } from './app-header.js';

const HEADER_HEIGHT = 64;

/** A route's `handle`: `fullWidth` pages (the map) use the whole window instead of the reading column. */
export interface RouteHandle {
  fullWidth?: boolean;
}

export function AppLayout() {
  const fullWidth = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.fullWidth);
  return (
    <AppShell header={{ height: HEADER_HEIGHT }} padding="md">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        {fullWidth ? (
          <Outlet />
        ) : (
          <Container size="lg" py="md">
            <Outlet />
          </Container>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
