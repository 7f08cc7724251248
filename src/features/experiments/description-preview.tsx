// A description's first line in the experiment list, as inline Markdown (sanitised, blocks read
// as text). The renderer (some 35 KB gzip) is not first-page code (scripts/check-bundle-size.ts):
// it loads after the list, which shows the line as plain text until then, and the ready signal
// waits for it (components/render-pending.ts) so a screenshot never catches the plain text.
import { lazy, Suspense } from 'react';
import { useRenderPending } from '@/components/render-pending.ts';

const Markdown = lazy(async () => ({ default: (await import('@/components/markdown.tsx')).Markdown }));

export function DescriptionPreview({ line }: { line: string }) {
  return (
    <Suspense fallback={<PlainLine line={line} />}>
      <Markdown inline source={line} />
    </Suspense>
  );
}

function PlainLine({ line }: { line: string }) {
  useRenderPending(true);
  return <span>{line}</span>;
}
