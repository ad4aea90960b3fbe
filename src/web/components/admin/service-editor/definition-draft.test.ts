import { describe, expect, it } from 'vitest';
import { INQUIRY_SERVICE } from '../../../../server/modules/cases/workflow/demo-inquiry.js';
import type { ServiceDefinition } from '../../../api/admin-services.js';
import { composeDraft, draftOf, placeOf, problemsAt } from './definition-draft.js';

const inquiry = INQUIRY_SERVICE as unknown as ServiceDefinition;

describe('the service definition editor model', () => {
  it('splits a definition into items and puts it back together unchanged', () => {
    const composed = composeDraft(draftOf(inquiry));
    expect(composed).toEqual({ ok: true, definition: JSON.parse(JSON.stringify(inquiry)) });
  });

  it('names the item whose text is not JSON', () => {
    const draft = draftOf(inquiry);
    draft.transitions[2] = { ...draft.transitions[2], text: '{ "action": ' };
    expect(composeDraft(draft)).toEqual({ ok: false, errors: [{ section: 'transitions', index: 2 }] });
  });

  it.each([
    ['workflow.transitions[2].by[1]', { section: 'transitions', index: 2, subPath: 'by[1]' }],
    ['workflow.states[0]', { section: 'states', index: 0, subPath: '' }],
    ['formFields[3].labels.vi', { section: 'formFields', index: 3, subPath: 'labels.vi' }],
    ['documents[1].code', { section: 'documents', index: 1, subPath: 'code' }],
    ['workflow.states', { section: 'states', index: null, subPath: '' }],
    ['workflow.initial', { section: 'states', index: null, subPath: 'workflow.initial' }],
    ['names.fa', { section: 'general', index: null, subPath: 'names.fa' }],
    ['code', { section: 'general', index: null, subPath: 'code' }],
    ['', { section: 'definition', index: null, subPath: '' }],
  ])('places a problem at %s', (path, place) => {
    expect(placeOf(path)).toEqual(place);
  });

  it('gives each item only its own problems', () => {
    const problems = [
      { path: 'workflow.transitions[2].to', rule: 'unknown_target', message: 'a' },
      { path: 'workflow.transitions[12].to', rule: 'unknown_target', message: 'b' },
      { path: 'workflow.states', rule: 'no_approved', message: 'c' },
    ];
    expect(problemsAt(problems, 'transitions', 2).map((p) => [p.subPath, p.message])).toEqual([['to', 'a']]);
    expect(problemsAt(problems, 'states', null).map((p) => p.message)).toEqual(['c']);
    expect(problemsAt(problems, 'states', 2)).toEqual([]);
  });
});
