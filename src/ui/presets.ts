// The scenario files shipped in scenarios/, bundled into the page as text. Each one's name
// and the first paragraph of its description label it in the gallery.
import { parse } from 'yaml';

/** The preset a fresh page opens with. */
export const DEFAULT_PRESET = 'mixed';

export interface Preset {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly text: string;
}

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Used only when the scenarios folder is missing from the build. */
const FALLBACK: Preset = {
  id: DEFAULT_PRESET,
  name: 'Random exchange',
  summary: 'Pairs meet and a fair coin decides who pays one unit: inequality from chance alone.',
  text: 'kind: random-exchange\nname: Random exchange\ndescription: |\n  Pairs meet and a fair coin decides who pays one unit: inequality from chance alone.\nseed: 1\nyears: 100\nagents: 500\ninitialWealth: 100\nrule: fixed-amount\namount: 1\n',
};

function presetOf(path: string, text: string): Preset {
  const id = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
  let name = id;
  let summary = '';
  try {
    const data = parse(text) as { name?: unknown; description?: unknown } | null;
    if (typeof data?.name === 'string') name = data.name;
    if (typeof data?.description === 'string') summary = (data.description.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ');
  } catch {
    // A broken preset still shows; the editor will point at its problem when loaded.
  }
  return { id, name, summary, text };
}

export const PRESETS: readonly Preset[] = (() => {
  const presets = Object.entries(files).map(([path, text]) => presetOf(path, text));
  presets.sort((a, b) => (a.id === DEFAULT_PRESET ? -1 : b.id === DEFAULT_PRESET ? 1 : a.name.localeCompare(b.name)));
  return presets.length > 0 ? presets : [FALLBACK];
})();

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function defaultPreset(): Preset {
  return presetById(DEFAULT_PRESET) ?? PRESETS[0]!;
}
