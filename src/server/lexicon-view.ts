/** The lexicon grouped for browsing: referents with their labels and names, context labels, other labels, devices. */
import type { DeviceEntry, LabelEntry, LexiconSource, NameEntry } from '../types.js';
import type { AppState } from './state.js';

export interface EntryUse {
  count: number;
  byOutlet: Record<string, number>;
}

export type LabelView = LabelEntry & { use: EntryUse };

export interface ReferentView {
  id: string;
  label: string;
  description?: string;
  labels: LabelView[];
  names: NameEntry[];
}

export interface LexiconView {
  sources: LexiconSource[];
  referents: ReferentView[];
  /** Labels whose referent comes from context ("the regime"). */
  contextLabels: LabelView[];
  /** Event and casualty words that name no referent, by category. */
  otherLabels: Record<string, LabelView[]>;
  /** Names of places, incidents and operations (and actors the lexicon ties to no referent). */
  otherNames: NameEntry[];
  devices: Record<string, DeviceEntry[]>;
}

export function lexiconView(state: AppState): LexiconView {
  const use = (id: string): EntryUse => {
    const u = state.labelUse.get(id);
    return { count: u?.total ?? 0, byOutlet: Object.fromEntries(u?.byOutlet ?? []) };
  };
  const byWeight = (a: LabelEntry, b: LabelEntry) => a.weight - b.weight || a.id.localeCompare(b.id);
  const entries = state.compiled.lexicon.entries;
  const labels = entries.filter((e): e is LabelEntry => e.kind === 'label').sort(byWeight).map((e) => ({ ...e, use: use(e.id) }));
  const names = entries.filter((e): e is NameEntry => e.kind === 'name');
  const devices: Record<string, DeviceEntry[]> = {};
  for (const e of entries) if (e.kind === 'device') (devices[e.type] ??= []).push(e);
  const otherLabels: Record<string, LabelView[]> = {};
  for (const l of labels) if (!l.referent && !l.resolve?.length) (otherLabels[l.category] ??= []).push(l);
  return {
    sources: state.compiled.lexicon.sources,
    referents: state.compiled.lexicon.referents.map((r) => ({
      id: r.id,
      label: r.label,
      description: r.description,
      labels: labels.filter((l) => l.referent === r.id),
      names: names.filter((n) => n.referent === r.id),
    })),
    contextLabels: labels.filter((l) => !l.referent && l.resolve?.length),
    otherLabels,
    otherNames: names.filter((n) => !n.referent || !state.compiled.referents.has(n.referent)),
    devices,
  };
}
