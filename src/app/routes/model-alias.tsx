import { useParams } from 'react-router';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ModelAliasPage } from '@/features/registry/alias-page.tsx';

export function Component() {
  const { modelName = '', alias = '' } = useParams();
  useDocumentTitle(`@${alias}`, modelName, 'Models');
  return <ModelAliasPage key={`${modelName}@${alias}`} modelName={modelName} alias={alias} />;
}
