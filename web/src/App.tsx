import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useSearchParams } from 'react-router';
import { AuthProvider, useAuth } from './auth';
import { AdminAuditPage } from './pages/AdminAuditPage';
import { WhoWasInsidePage } from './pages/WhoWasInsidePage';
import { BuildingDetailPage } from './pages/BuildingDetailPage';
import { BuildingsPage } from './pages/BuildingsPage';
import { CardDetailPage } from './pages/CardDetailPage';
import { CardsPage } from './pages/CardsPage';
import { CommandsPage } from './pages/CommandsPage';
import { DeadLettersPage } from './pages/DeadLettersPage';
import { EmployeeDetailPage } from './pages/EmployeeDetailPage';
import { EmployeesPage } from './pages/EmployeesPage';
import { ImportsPage } from './pages/ImportsPage';
import { LivePage } from './pages/LivePage';
import { LoginPage } from './pages/LoginPage';
import { MusterPage } from './pages/MusterPage';
import { ReceptionPage } from './pages/ReceptionPage';
import { Shell } from './pages/Shell';
import { SwipeAuditPage } from './pages/SwipeAuditPage';
import { UsersPage } from './pages/UsersPage';
import { safeNext, type SessionManager } from './session';
import { Loading } from './states';
import { AlarmsPage } from './pages/AlarmsPage';
import { AlarmSubscriptionsPage } from './pages/AlarmSubscriptionsPage';

// Its own chunk: the chart library (recharts) is as large as the rest of the UI, and only this page needs it.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));

function Routed() {
  const { session, manager } = useAuth();
  // On a reload the access token is gone (memory only); the refresh cookie may still turn into a new one.
  const [restoring, setRestoring] = useState(true);
  useEffect(() => {
    manager
      .refresh()
      .catch(() => null)
      .finally(() => setRestoring(false));
  }, [manager]);

  if (restoring && !session) return <Loading label="Signing in…" />;
  // Signed out, every address shows the sign-in page and keeps its URL: once signed in, the same URL shows the
  // page that was asked for (/login?next=… goes to `next` when it is a path of ours).
  if (!session) return <LoginPage />;
  return (
    <Shell>
      <Routes>
        <Route path="/login" element={<AfterSignIn />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/employees" element={<EmployeesPage />} />
        <Route path="/employees/:employeeId" element={<EmployeeDetailPage />} />
        <Route path="/cards" element={<CardsPage />} />
        <Route path="/cards/:cardId" element={<CardDetailPage />} />
        <Route path="/buildings" element={<BuildingsPage />} />
        <Route path="/buildings/:buildingId" element={<BuildingDetailPage />} />
        <Route path="/commands" element={<CommandsPage />} />
        <Route path="/imports" element={<ImportsPage />} />
        <Route path="/dead-letters" element={<DeadLettersPage />} />
        <Route path="/admin-audit" element={<AdminAuditPage />} />
        <Route path="/who-was-inside" element={<WhoWasInsidePage />} />
        <Route path="/live" element={<LivePage />} />
        <Route path="/reception" element={<ReceptionPage />} />
        <Route
          path="/dashboard"
          element={
            <Suspense fallback={<Loading label="Loading the dashboard…" />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route path="/buildings/:buildingId/muster" element={<MusterPage />} />
        <Route path="/door-audit" element={<SwipeAuditPage />} />
        <Route path="/alarms" element={<AlarmsPage />} />
        <Route path="/alarm-subscriptions" element={<AlarmSubscriptionsPage />} />
        <Route path="*" element={<Navigate to="/employees" replace />} />
      </Routes>
    </Shell>
  );
}

/** /login once signed in: on to `next` if it is a same-origin path, else the start page. */
function AfterSignIn() {
  const [params] = useSearchParams();
  return <Navigate to={safeNext(params.get('next'))} replace />;
}

export function App({ manager }: { manager: SessionManager }) {
  return (
    <AuthProvider manager={manager}>
      <BrowserRouter>
        <Routed />
      </BrowserRouter>
    </AuthProvider>
  );
}
