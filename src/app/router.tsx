// The one route table. Route modules are lazy (their code loads with the page) and prime the
// query cache in a loader, so data and code download in parallel.
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { paths } from '@/config/paths.ts';
import { AppLoading } from './app-loading.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      // Shown while the first route's code loads.
      HydrateFallback: AppLoading,
      children: [
        {
          index: true,
          lazy: async () => {
            const route = await import('./routes/experiments.tsx');
            return { Component: route.Component, loader: route.createLoader(queryClient) };
          },
        },
        {
          path: paths.experiment.path.slice(1),
          lazy: async () => {
            const route = await import('./routes/experiment.tsx');
            return { Component: route.Component, loader: route.createLoader(queryClient) };
          },
        },
        {
          path: paths.runsOfExperiments.path.slice(1),
          lazy: async () => ({ Component: (await import('./routes/runs-of-experiments.tsx')).Component }),
        },
        {
          path: paths.run.path.slice(1),
          lazy: async () => {
            const route = await import('./routes/run.tsx');
            return { Component: route.Component, loader: route.createLoader(queryClient) };
          },
          children: [
            { index: true, lazy: async () => ({ Component: (await import('./routes/run-overview.tsx')).Component }) },
            { path: 'metrics', lazy: async () => ({ Component: (await import('./routes/run-metrics.tsx')).Component }) },
            {
              path: 'artifacts/*',
              lazy: async () => {
                const route = await import('./routes/run-artifacts.tsx');
                return { Component: route.Component, loader: route.createLoader(queryClient) };
              },
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
