import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from './api';
import { roleOf, SessionManager, type Role, type Session } from './session';

/** What a role may do in the UI; the API refuses the same things on its own (docs/back-office-api.md). */
export type Action =
  | 'registerEmployee'
  | 'changeEmployee'
  | 'issueCard'
  | 'changeCard'
  | 'registerBuilding'
  | 'manageDoors'
  | 'grantAccess'
  | 'setAntiPassback'
  | 'importEmployees'
  | 'readDeadLetters'
  | 'redrive'
  | 'readParkedRecords'
  | 'readAdminAudit'
  | 'readInsideAt'
  | 'watchLive'
  | 'auditSwipes'
  | 'manageUsers'
  | 'readAlarms'
  | 'handleAlarms'
  | 'manageAlarmSubscriptions'
  | 'receiveVisitors'
  | 'registerContractors';

const ALLOWED: Record<Action, readonly Role[]> = {
  registerEmployee: ['admin'],
  changeEmployee: ['admin'],
  issueCard: ['admin'],
  changeCard: ['admin'],
  registerBuilding: ['admin'],
  manageDoors: ['admin'],
  grantAccess: ['admin'],
  setAntiPassback: ['admin'],
  // POST /imports is the admin's; reading one import is open to all staff (with its id).
  importEmployees: ['admin'],
  // Operators run the system: dead letters and their redrive (admins too).
  readDeadLetters: ['admin', 'operator'],
  redrive: ['admin', 'operator'],
  // Stream records access-stream parked as unreadable: GET /parked-records is ADMIN_OR_OPERATOR, like dead letters.
  readParkedRecords: ['admin', 'operator'],
  // Operators run the system but do not audit it.
  readAdminAudit: ['admin', 'auditor'],
  // Who was inside at a past moment: an audit question.
  readInsideAt: ['admin', 'auditor'],
  // Occupancy, the muster list and the live door feed are the operators' (admins too).
  watchLive: ['admin', 'operator'],
  // The door events of a person, door or building are the auditors' (admins too).
  auditSwipes: ['admin', 'auditor'],
  // Inviting, disabling and changing the role of staff users (/api/v1/users) is the admins' alone.
  manageUsers: ['admin'],
  // Alarms: every staff role reads them and their subscriptions; operators and admins acknowledge and resolve;
  // only admins change who the alarms reach.
  readAlarms: ['admin', 'operator', 'auditor'],
  handleAlarms: ['admin', 'operator'],
  manageAlarmSubscriptions: ['admin'],
  // Reception: operators and admins register visitors and read the desk's list; contractors are the admins'.
  receiveVisitors: ['admin', 'operator'],
  registerContractors: ['admin'],
};

export function may(role: Role | null, action: Action): boolean {
  return role !== null && ALLOWED[action].includes(role);
}

interface Auth {
  session: Session | null;
  role: Role | null;
  manager: SessionManager;
  api: ApiClient;
  may(action: Action): boolean;
}

const AuthContext = createContext<Auth | null>(null);

/** The token of the session as it is at the moment of each request (the manager refreshes it). */
function accessToken(manager: SessionManager): string | null {
  return manager.current?.accessToken ?? null;
}

export function AuthProvider({ manager, children }: { manager: SessionManager; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(manager.current);
  useEffect(() => {
    const unsubscribe = manager.subscribe(setSession);
    return () => {
      unsubscribe();
    };
  }, [manager]);
  const api = useMemo(() => new ApiClient(() => accessToken(manager)), [manager]);
  const role = session ? roleOf(session.groups) : null;
  const value = useMemo<Auth>(
    () => ({ session, role, manager, api, may: (action) => may(role, action) }),
    [session, role, manager, api],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
