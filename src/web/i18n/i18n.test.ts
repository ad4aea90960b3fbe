import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_GROUPS } from '../api/codes.js';
import en from './en.json' with { type: 'json' };
import fa from './fa.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

type Catalogue = Record<string, unknown>;
const catalogues: Record<string, Catalogue> = { fa, en, vi };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const [nested, text] of flatten(value as Catalogue, name)) entries.set(nested, text);
    } else {
      entries.set(name, value);
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
}

const flat = Object.fromEntries(
  Object.entries(catalogues).map(([language, catalogue]) => [language, flatten(catalogue)]),
);
const persianKeys = [...flat.fa.keys()].sort();

describe('UI catalogues', () => {
  it.each(['en', 'vi'])('%s has exactly the keys of fa', (language) => {
    expect([...flat[language].keys()].sort()).toEqual(persianKeys);
  });

  it.each(Object.keys(catalogues))('%s has no empty or non-text values', (language) => {
    for (const [key, value] of flat[language]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it.each(['en', 'vi'])('%s uses the same {{placeholders}} as fa', (language) => {
    for (const key of persianKeys) {
      expect(placeholders(flat[language].get(key) as string), key).toEqual(
        placeholders(flat.fa.get(key) as string),
      );
    }
  });

  it('labels every code the API sends', () => {
    for (const [group, codes] of Object.entries(CODE_GROUPS)) {
      for (const code of codes) expect(flat.fa.has(`${group}.${code}`), `${group}.${code}`).toBe(true);
    }
  });

  it('has no Persian text hard-coded in components', () => {
    const webRoot = path.resolve(import.meta.dirname, '..');
    const sources = fs
      .readdirSync(webRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx$/.test(file));
    for (const file of sources) {
      const source = fs.readFileSync(path.join(webRoot, file), 'utf8');
      expect(/[\u0600-\u06FF]/.test(source), file).toBe(false);
    }
  });
});
