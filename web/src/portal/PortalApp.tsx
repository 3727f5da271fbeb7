import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../shared/Loading';
import { PrefsProvider } from '../shared/prefs';
import { PortalLayout } from './PortalLayout';
import { RequirePortalSession } from './portal-session';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const MyInfoPage = lazy(() => import('./pages/MyInfoPage'));
const AccessLogPage = lazy(() => import('./pages/AccessLogPage'));
const WalletPage = lazy(() => import('./pages/WalletPage'));
const WalletLicensePage = lazy(() => import('./pages/WalletLicensePage'));
const MyProofsPage = lazy(() => import('./pages/MyProofsPage'));
const ApplyProofPage = lazy(() => import('./pages/ApplyProofPage'));


/** The citizen and enterprise portal under /portal/. */
export function PortalApp() {
  return (
    <PrefsProvider>
      <BrowserRouter basename="/portal">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequirePortalSession>
                  <PortalLayout />
                </RequirePortalSession>
              }
            >
              <Route index element={<MyInfoPage />} />
              <Route path="licenses" element={<WalletPage />} />
              <Route path="licenses/:id" element={<WalletLicensePage />} />
              <Route path="proofs" element={<MyProofsPage />} />
              <Route path="proofs/apply" element={<ApplyProofPage />} />
              <Route path="access-log" element={<AccessLogPage />} />
              <Route path="*" element={<MyInfoPage />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </PrefsProvider>
  );
}
