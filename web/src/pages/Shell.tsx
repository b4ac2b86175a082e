import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth';
import type { Role } from '../session';

interface NavItem {
  label: string;
  to: string;
  roles: readonly Role[];
}

/** The navigation, by role; later slices add cards, buildings, imports, live, audit and dead letters here. */
const NAV: readonly NavItem[] = [
  { label: 'Employees', to: '/employees', roles: ['admin', 'operator', 'auditor'] },
];

export function Shell({ children }: { children: ReactNode }) {
  const { session, role, manager } = useAuth();
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">Badgeflow</Title>
          <Group gap="sm">
            <Text size="sm" data-testid="current-user">{session?.username}</Text>
            <Badge variant="light" data-testid="current-role">{role ?? 'no role'}</Badge>
            <Button variant="default" size="xs" onClick={() => manager.logout().catch(() => undefined)}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.filter((item) => role !== null && item.roles.includes(role)).map((item) => (
          <NavLink key={item.to} component={Link} to={item.to} label={item.label}
            active={location.pathname.startsWith(item.to)}
            aria-current={location.pathname === item.to ? 'page' : undefined} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main component="main">{children}</AppShell.Main>
    </AppShell>
  );
}
