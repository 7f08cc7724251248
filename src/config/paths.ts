// Every in-app link is built here, never concatenated at the call site. IDs are opaque strings
// and always encoded as one path segment.

export const paths = {
  home: {
    path: '/',
    getHref: (search?: URLSearchParams) => (search && search.size > 0 ? `/?${search.toString()}` : '/'),
  },
  experiment: {
    path: '/experiments/:experimentId',
    getHref: (experimentId: string) => `/experiments/${encodeURIComponent(experimentId)}`,
  },
} as const;
