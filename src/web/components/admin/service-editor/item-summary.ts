import type { Language } from '../../../i18n/languages.js';
import type { ListSection } from './definition-draft.js';

type Item = Record<string, unknown>;

function parsed(text: string): Item | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : null;
  } catch {
    return null;
  }
}

function label(item: Item, language: Language): string {
  const labels = item.labels as Record<string, unknown> | undefined;
  const text = labels?.[language];
  return typeof text === 'string' ? text : '';
}

const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');

/**
 * A one-line title for an item being edited, read from its JSON as far as it parses: its code, its label in the UI
 * language and what kind it is (a transition: action, from → to); null when the text is not a JSON object.
 */
export function itemSummary(
  section: ListSection,
  text: string,
  language: Language,
): { code: string; label: string; detail: string } | null {
  const item = parsed(text);
  if (!item) return null;
  switch (section) {
    case 'formFields':
      return { code: String(item.name ?? ''), label: label(item, language), detail: String(item.type ?? '') };
    case 'documents':
      return { code: String(item.code ?? ''), label: label(item, language), detail: list(item.accept) };
    case 'states':
      return { code: String(item.code ?? ''), label: label(item, language), detail: String(item.kind ?? '') };
    case 'transitions':
      return {
        code: String(item.action ?? ''),
        label: label(item, language),
        detail: `${list(item.from)} → ${String(item.to ?? '')}`,
      };
  }
}
