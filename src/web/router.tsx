import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, type RouteHandle } from './components/app-layout.js';
import { LoadingState } from './components/loading-state.js';
import { RequirePrincipal } from './components/require-principal.js';
import { RouteErrorPage } from './components/route-error-page.js';
import { CartablePage } from './routes/cartable-page.js';
import { CasePage } from './routes/case-page.js';
import { CasesPage } from './routes/cases-page.js';
import { HomePage } from './routes/home-page.js';
import { NewRequestPage } from './routes/new-request-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { OfficePage } from './routes/office-page.js';
import { ParcelPage } from './routes/parcel-page.js';
import { SignInPage } from './routes/sign-in-page.js';
import { StaffHomePage } from './routes/staff-home-page.js';
import { TrackPage } from './routes/track-page.js';

const adminRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./routes/admin/municipality-page.js')).MunicipalityPage }),
  },
  {
    path: 'districts',
    lazy: async () => ({ Component: (await import('./routes/admin/districts-page.js')).DistrictsPage }),
  },
  {
    path: 'staff',
    lazy: async () => ({ Component: (await import('./routes/admin/staff-page.js')).StaffPage }),
  },
  {
    path: 'offices',
    lazy: async () => ({ Component: (await import('./routes/admin/offices-page.js')).OfficesPage }),
  },
  {
    path: 'api-clients',
    lazy: async () => ({ Component: (await import('./routes/admin/api-clients-page.js')).ApiClientsPage }),
  },
  {
    path: 'services',
    lazy: async () => ({ Component: (await import('./routes/admin/services-page.js')).ServicesPage }),
  },
  {
    path: 'inquiry-settings',
    lazy: async () => ({
      Component: (await import('./routes/admin/inquiry-settings-page.js')).InquirySettingsPage,
    }),
  },
  {
    path: 'services/:code',
    lazy: async () => ({ Component: (await import('./routes/admin/service-edit-page.js')).ServiceEditPage }),
  },
];

const financeRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./routes/finance/assessments-page.js')).AssessmentsPage }),
  },
  {
    path: 'tariffs',
    lazy: async () => ({ Component: (await import('./routes/finance/tariffs-page.js')).TariffsPage }),
  },
  {
    path: 'payments',
    lazy: async () => ({ Component: (await import('./routes/finance/money-page.js')).MoneyPage }),
  },
];

const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'signin', element: <SignInPage /> },
      {
        path: 'map',
        handle: { fullWidth: true } satisfies RouteHandle,
        lazy: async () => ({ Component: (await import('./routes/map-page.js')).MapPage }),
      },
      {
        element: <RequirePrincipal kinds={['citizen']} />,
        children: [
          { path: 'cartable', element: <CartablePage /> },
          { path: 'cartable/parcels/:id', element: <ParcelPage /> },
          { path: 'cartable/parcels/:id/new-request', element: <NewRequestPage /> },
          { path: 'cases', element: <CasesPage /> },
          {
            path: 'cartable/dues',
            lazy: async () => ({ Component: (await import('./routes/dues-page.js')).DuesPage }),
          },
        ],
      },
      {
        element: <RequirePrincipal kinds={['citizen', 'office']} />,
        children: [
          {
            path: 'payments',
            lazy: async () => ({
              Component: (await import('./routes/payment-history-page.js')).PaymentHistoryPage,
            }),
          },
        ],
      },
      {
        path: 'payments/:id',
        lazy: async () => ({
          Component: (await import('./routes/payment-result-page.js')).PaymentResultPage,
        }),
      },
      {
        path: 'pay',
        lazy: async () => ({ Component: (await import('./routes/pay-bill-page.js')).PayBillPage }),
      },
      {
        path: 'finance',
        element: <RequirePrincipal kinds={['staff']} staffRoles={['finance', 'oversight', 'admin']} />,
        children: [
          {
            lazy: async () => ({
              Component: (await import('./routes/finance/finance-layout.js')).FinanceLayout,
            }),
            children: financeRoutes,
          },
        ],
      },
      {
        element: <RequirePrincipal kinds={['citizen', 'office', 'staff']} />,
        children: [{ path: 'cases/:id', element: <CasePage /> }],
      },
      {
        element: <RequirePrincipal kinds={['staff']} />,
        children: [
          { path: 'staff', element: <StaffHomePage /> },
          {
            path: 'staff/parcels/:id',
            lazy: async () => ({
              Component: (await import('./routes/staff-parcel-page.js')).StaffParcelPage,
            }),
          },
        ],
      },
      {
        element: <RequirePrincipal kinds={['office']} />,
        children: [
          { path: 'office', element: <OfficePage /> },
          {
            path: 'office/inquiries',
            lazy: async () => ({
              Component: (await import('./routes/office-inquiries-page.js')).OfficeInquiriesPage,
            }),
          },
        ],
      },
      { path: 'track', element: <TrackPage /> },
      {
        path: 'verify',
        lazy: async () => ({ Component: (await import('./routes/verify-page.js')).VerifyPage }),
      },
      {
        path: 'admin',
        element: <RequirePrincipal kinds={['staff']} staffRole="admin" />,
        children: [
          {
            lazy: async () => ({ Component: (await import('./routes/admin/admin-layout.js')).AdminLayout }),
            children: adminRoutes,
          },
        ],
      },
      {
        path: 'dev/sms',
        lazy: async () => ({ Component: (await import('./routes/dev-sms-page.js')).DevSmsPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
