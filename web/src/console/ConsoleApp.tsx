import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../shared/Loading';
import { PrefsProvider } from '../shared/prefs';
import { ConsoleLayout } from './ConsoleLayout';
import { RequireSession } from './session';

// Every page is its own chunk: the first load carries the shell only.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const RegionsPage = lazy(() => import('./pages/RegionsPage'));
const DepartmentsPage = lazy(() => import('./pages/DepartmentsPage'));
const SubjectsPage = lazy(() => import('./pages/SubjectsPage'));
const SubjectDetailPage = lazy(() => import('./pages/SubjectDetailPage'));
const LicensesPage = lazy(() => import('./pages/LicensesPage'));
const LicenseDetailPage = lazy(() => import('./pages/LicenseDetailPage'));
const IssueLicensePage = lazy(() => import('./pages/IssueLicensePage'));
const LicenseTypesPage = lazy(() => import('./pages/LicenseTypesPage'));
const VerifyPage = lazy(() => import('./pages/VerifyPage'));
const ProofsPage = lazy(() => import('./pages/ProofsPage'));
const ProofDetailPage = lazy(() => import('./pages/ProofDetailPage'));
const IssueProofPage = lazy(() => import('./pages/IssueProofPage'));
const ProofTypesPage = lazy(() => import('./pages/ProofTypesPage'));
const StaffPage = lazy(() => import('./pages/StaffPage'));
const ApiKeysPage = lazy(() => import('./pages/ApiKeysPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));


/** The staff console: routes under /console/, each page loaded when first opened. */
export function ConsoleApp() {
  return (
    <PrefsProvider>
      <BrowserRouter basename="/console">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireSession>
                  <ConsoleLayout />
                </RequireSession>
              }
            >
              <Route index element={<HomePage />} />
              <Route path="regions" element={<RegionsPage />} />
              <Route path="departments" element={<DepartmentsPage />} />
              <Route path="subjects" element={<SubjectsPage />} />
              <Route path="subjects/:id" element={<SubjectDetailPage />} />
              <Route path="licenses" element={<LicensesPage />} />
              <Route path="licenses/new" element={<IssueLicensePage />} />
              <Route path="licenses/types" element={<LicenseTypesPage />} />
              <Route path="licenses/verify" element={<VerifyPage />} />
              <Route path="licenses/:id" element={<LicenseDetailPage />} />
              <Route path="proofs" element={<ProofsPage />} />
              <Route path="proofs/new" element={<IssueProofPage />} />
              <Route path="proofs/types" element={<ProofTypesPage />} />
              <Route path="proofs/:id" element={<ProofDetailPage />} />
              <Route path="staff" element={<StaffPage />} />
              <Route path="api-keys" element={<ApiKeysPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </PrefsProvider>
  );
}
