import { Link } from 'react-router';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { paths } from '@/config/paths.ts';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to={paths.home.getHref()}>Go to the experiment list</Link>.
      </p>
    </main>
  );
}
