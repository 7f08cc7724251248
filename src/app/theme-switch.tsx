// The header's theme switch: light, dark or the system's, as three radio buttons drawn as one
// segmented control (native radios: arrow keys, one tab stop and the checked state for free).
import { useId } from 'react';
import type { Theme } from '@/config/theme-preference.ts';
import { useTheme } from './theme.tsx';
import './theme-switch.css';

const CHOICES: readonly { theme: Theme; label: string }[] = [
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
  { theme: 'auto', label: 'System' },
];

export function ThemeSwitch() {
  const { theme, choose } = useTheme();
  const name = useId();
  return (
    // data-interactive: not part of a report or a screenshot (render mode hides it).
    <div role="radiogroup" aria-label="Theme" className="theme-switch" data-interactive>
      {CHOICES.map((choice) => (
        <label key={choice.theme} className="theme-switch__choice">
          <input type="radio" name={name} value={choice.theme} checked={theme === choice.theme} onChange={() => choose(choice.theme)} />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
