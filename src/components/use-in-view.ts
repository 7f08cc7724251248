import { useEffect, useState, type RefObject } from 'react';

export interface UseInViewOptions {
  /** How near the viewport counts as in view (an IntersectionObserver rootMargin). */
  margin?: string;
  /** In view from the start (render mode: a report or screenshot shows the whole page). */
  always?: boolean;
}

/**
 * True once the element has come near the viewport (and stays true): off-screen charts are not
 * mounted, so a page of 200 metrics draws only what is looked at.
 */
export function useInView(ref: RefObject<HTMLElement | null>, { margin = '200px', always = false }: UseInViewOptions = {}): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen || always) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, seen, always]);
  return seen || always;
}
