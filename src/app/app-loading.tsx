import { Loading } from '@/components/loading.tsx';

export function AppLoading() {
  return (
    <main className="page">
      <Loading label="Loading Runlens…" />
    </main>
  );
}
