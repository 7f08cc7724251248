export interface LoadingProps {
  label: string;
}

export function Loading({ label }: LoadingProps) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
