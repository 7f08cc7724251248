// The model's environment files as lists a person can read: conda.yaml (channels, conda and pip
// dependencies), python_env.yaml (python, build and runtime dependencies) and requirements.txt.
import { isRecord, parseYamlSafely } from './parse-yaml.ts';

export interface EnvironmentSection {
  title: string;
  items: string[];
}

export type EnvironmentResult = { ok: true; sections: EnvironmentSection[] } | { ok: false; error: string };

export function parseCondaYaml(text: string): EnvironmentResult {
  const parsed = parseYamlSafely(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (!isRecord(parsed.value)) return { ok: false, error: 'not a conda environment (the top level is not a mapping)' };
  const doc = parsed.value;
  const conda: string[] = [];
  const pip: string[] = [];
  for (const dep of Array.isArray(doc.dependencies) ? doc.dependencies : []) {
    if (typeof dep === 'string' || typeof dep === 'number') conda.push(String(dep));
    // A loop, not push(...list): spreading a few hundred thousand entries as arguments
    // overflows the call stack (RangeError).
    else if (isRecord(dep) && Array.isArray(dep.pip)) for (const entry of dep.pip) if (isScalar(entry)) pip.push(String(entry));
  }
  return {
    ok: true,
    sections: [
      { title: 'Name', items: isScalar(doc.name) ? [String(doc.name)] : [] },
      { title: 'Channels', items: stringList(doc.channels) },
      { title: 'Conda dependencies', items: conda },
      { title: 'Pip dependencies', items: pip },
    ].filter((section) => section.items.length > 0),
  };
}

export function parsePythonEnvYaml(text: string): EnvironmentResult {
  const parsed = parseYamlSafely(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (!isRecord(parsed.value)) return { ok: false, error: 'not a python_env.yaml (the top level is not a mapping)' };
  const doc = parsed.value;
  return {
    ok: true,
    sections: [
      { title: 'Python', items: isScalar(doc.python) ? [String(doc.python)] : [] },
      { title: 'Build dependencies', items: stringList(doc.build_dependencies) },
      { title: 'Dependencies', items: stringList(doc.dependencies) },
    ].filter((section) => section.items.length > 0),
  };
}

/** One requirement per line; comments and blank lines dropped, `-r`/`-c` lines kept as written. */
export function parseRequirementsTxt(text: string): EnvironmentResult {
  const items = text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
  return { ok: true, sections: [{ title: 'Requirements', items }] };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isScalar).map(String) : [];
}
