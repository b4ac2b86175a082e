import { Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth';
import type { Role } from '../session';

interface NavItem {
  label: string;
  to: string;
  roles: readonly Role[];
}

/** The navigation, by role; later slices add imports, live, audit and dead letters here. */
const NAV: readonly NavItem[] = [
  { label: 'Employees', to: '/employees', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Cards', to: '/cards', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Buildings', to: '/buildings', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Commands', to: '/commands', roles: ['admin', 'operator', 'auditor'] },
];

export function Shell({ children }: { children: ReactNode }) {
  const { session, role, manager } = useAuth();
  const location = useLocation();
  return (
    <div className="bf-shell">
      <header className="bf-header">
        <Title order={1} size="h4">Badgeflow</Title>
        <Group gap="sm">
          <Text size="sm" data-testid="current-user">{session?.username}</Text>
          <Badge variant="light" data-testid="current-role">{role ?? 'no role'}</Badge>
          <Button variant="default" size="xs" onClick={() => manager.logout().catch(() => undefined)}>Sign out</Button>
        </Group>
      </header>
      <nav className="bf-nav" aria-label="Main">
        {NAV.filter((item) => role !== null && item.roles.includes(role)).map((item) => (
          <NavLink key={item.to} component={Link} to={item.to} label={item.label}
            active={location.pathname.startsWith(item.to)}
            aria-current={location.pathname === item.to ? 'page' : undefined} />
        ))}
      </nav>
      <main className="bf-main">{children}</main>
    </div>
  );
}
