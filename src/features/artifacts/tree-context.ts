import { createContext, useContext } from 'react';

export interface TreeState {
  experimentId: string;
  runId: string;
  /** The selection from the URL. */
  selectedModelId: string | undefined;
  selectedPath: string;
  /** Explicit open/closed choices; folders on the way to the selection are open by default. */
  isOpen: (key: string, defaultOpen: boolean) => boolean;
  toggle: (key: string, currentlyOpen: boolean) => void;
}

export const TreeContext = createContext<TreeState | null>(null);

export function useTree(): TreeState {
  const state = useContext(TreeContext);
  if (!state) throw new Error('useTree outside ArtifactTree');
  return state;
}
