import { Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { may, useAuth, type Action } from '../auth';
import type { Role } from '../session';

interface NavItem {
  label: string;
  to: string;
  roles: readonly Role[] | Action;
}

/**
 * The navigation, by role: a page whose API a role may not use is not offered to it (the API refuses it anyway).
 */
const NAV: readonly NavItem[] = [
  { label: 'Live', to: '/live', roles: 'watchLive' },
  { label: 'Dashboard', to: '/dashboard', roles: 'watchLive' },
  { label: 'Alarms', to: '/alarms', roles: 'readAlarms' },
  { label: 'Reception', to: '/reception', roles: 'receiveVisitors' },
  { label: 'Employees', to: '/employees', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Cards', to: '/cards', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Buildings', to: '/buildings', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Commands', to: '/commands', roles: ['admin', 'operator', 'auditor'] },
  { label: 'Imports', to: '/imports', roles: 'importEmployees' },
  { label: 'Dead letters', to: '/dead-letters', roles: 'readDeadLetters' },
  { label: 'Admin audit', to: '/admin-audit', roles: 'readAdminAudit' },
  { label: 'Who was inside', to: '/who-was-inside', roles: 'readInsideAt' },
  { label: 'Door audit', to: '/door-audit', roles: 'auditSwipes' },
  { label: 'Users', to: '/users', roles: 'manageUsers' },
  { label: 'Alarm subscriptions', to: '/alarm-subscriptions', roles: 'readAlarms' },
];

function shown(item: NavItem, role: Role | null): boolean {
  return typeof item.roles === 'string' ? may(role, item.roles) : role !== null && item.roles.includes(role);
}

export function Shell({ children }: { children: ReactNode }) {
  const { session, role, manager } = useAuth();
  const location = useLocation();
  return (
    <div className="bf-shell">
      <header className="bf-header">
        <Title order={1} size="h4">
          Badgeflow
        </Title>
        <Group gap="sm">
          <Text size="sm" data-testid="current-user">
            {session?.username}
          </Text>
          <Badge variant="light" data-testid="current-role">
            {role ?? 'no role'}
          </Badge>
          <Button variant="default" size="xs" onClick={() => manager.logout().catch(() => undefined)}>
            Sign out
          </Button>
        </Group>
      </header>
      <nav className="bf-nav" aria-label="Main">
        {NAV.filter((item) => shown(item, role)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={location.pathname.startsWith(item.to)}
            aria-current={location.pathname === item.to ? 'page' : undefined}
          />
        ))}
      </nav>
      <main className="bf-main">{children}</main>
    </div>
  );
}
