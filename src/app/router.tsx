// The one route table. Route modules are lazy (their code loads with the page) and prime the
// query cache in a loader, so data and code download in parallel.
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { carryViewOptions } from '@/config/view-options.ts';
import { paths } from '@/config/paths.ts';
import { AppLoading } from './app-loading.tsx';
import { createExperimentLoader } from './routes/experiment-loader.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

// Loaders only start fetches for a new page; a change of search params (typing a filter,
// toggling a chart setting) is handled by the page's own queries, without a router round trip.
const onlyOnNewPath = ({ currentUrl, nextUrl }: { currentUrl: URL; nextUrl: URL }) => currentUrl.pathname !== nextUrl.pathname;

export function createRouter(queryClient: QueryClient) {
  return keepViewOptions(
    createBrowserRouter([
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
              return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
            },
          },
          {
            path: paths.experiment.path.slice(1),
            loader: createExperimentLoader(queryClient),
            shouldRevalidate: onlyOnNewPath,
            lazy: async () => ({ Component: (await import('./routes/experiment.tsx')).Component }),
          },
          {
            path: paths.experimentModels.path.slice(1),
            lazy: async () => ({ Component: (await import('./routes/experiment-models.tsx')).Component }),
          },
          {
            path: paths.compare.path.slice(1),
            lazy: async () => ({ Component: (await import('./routes/compare.tsx')).Component }),
          },
          {
            path: paths.runsOfExperiments.path.slice(1),
            lazy: async () => ({ Component: (await import('./routes/runs-of-experiments.tsx')).Component }),
          },
          {
            path: paths.run.path.slice(1),
            lazy: async () => {
              const route = await import('./routes/run.tsx');
              return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
            },
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./routes/run-overview.tsx')).Component }) },
              { path: 'metrics', lazy: async () => ({ Component: (await import('./routes/run-metrics.tsx')).Component }) },
              { path: 'sweep', lazy: async () => ({ Component: (await import('./routes/run-sweep.tsx')).Component }) },
              {
                path: 'artifacts/*',
                lazy: async () => {
                  const route = await import('./routes/run-artifacts.tsx');
                  return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
                },
              },
            ],
          },
          {
            path: paths.models.path.slice(1),
            lazy: async () => {
              const route = await import('./routes/models.tsx');
              return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
            },
          },
          {
            path: paths.registeredModel.path.slice(1),
            lazy: async () => {
              const route = await import('./routes/registered-model.tsx');
              return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
            },
          },
          {
            path: paths.modelVersion.path.slice(1),
            lazy: async () => {
              const route = await import('./routes/model-version.tsx');
              return { Component: route.Component, loader: route.createLoader(queryClient), shouldRevalidate: onlyOnNewPath };
            },
          },
          {
            path: paths.modelAlias.path.slice(1),
            lazy: async () => ({ Component: (await import('./routes/model-alias.tsx')).Component }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ]),
  );
}

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * Every navigation keeps the page's view options (embed, theme, frame…) unless the target names
 * its own: one place, so no link or `navigate()` in any view can drop an embed out of its frame.
 * Links and navigate() both end in router.navigate; history moves (numbers) are left alone.
 */
function keepViewOptions(router: Router): Router {
  const navigate = router.navigate.bind(router);
  router.navigate = ((to: Parameters<Router['navigate']>[0], options?: Parameters<Router['navigate']>[1]) => {
    if (typeof to === 'number') return navigate(to);
    if (to === null) return navigate(to, options);
    const href = typeof to === 'string' ? to : `${to.pathname ?? window.location.pathname}${to.search ?? ''}${to.hash ?? ''}`;
    return navigate(carryViewOptions(href, window.location.search), options);
  }) as Router['navigate'];
  return router;
}
