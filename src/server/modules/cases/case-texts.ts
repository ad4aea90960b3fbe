import { type Locale, translate } from '../../i18n/messages.js';
import type { ServiceDefinition } from './workflow/types.js';

export function serviceName(def: ServiceDefinition, locale: Locale): string {
  return def.names[locale] ?? def.names.en;
}

export function stateName(def: ServiceDefinition, state: string, locale: Locale): string {
  return def.workflow.states.find((s) => s.code === state)?.labels[locale] ?? state;
}

/** The name of an action as the service labels it from that state (one action may read differently per step). */
export function actionName(
  def: ServiceDefinition,
  action: string,
  locale: Locale,
  fromState?: string | null,
): string {
  const transitions = def.workflow.transitions.filter((t) => t.action === action);
  const fromHere = fromState ? transitions.find((t) => t.from.includes(fromState)) : undefined;
  return (fromHere ?? transitions[0])?.labels[locale] ?? action;
}

export function stateKind(def: ServiceDefinition, state: string): string | null {
  return def.workflow.states.find((s) => s.code === state)?.kind ?? null;
}

/** What a step means for the applicant: filed, returned for correction, back from correction, or anything else. */
export type ApplicantStep = 'filed' | 'returned' | 'resubmitted' | 'other';

/** The message to the applicant after an action, or null when the step needs no message. */
export function applicantMessage(
  def: ServiceDefinition,
  input: {
    step: ApplicantStep;
    to: string;
    outcome?: string;
    reason?: string;
    trackingCode: string;
    fileNumber: string | null;
  },
  locale: Locale,
): string | null {
  const params = {
    service: serviceName(def, locale),
    trackingCode: input.trackingCode,
    fileNumber: input.fileNumber ?? '',
    reason: input.reason ?? '',
  };
  if (input.step === 'filed') return translate(locale, 'cases.submitted', params);
  if (input.step === 'resubmitted') return translate(locale, 'cases.resubmitted', params);
  if (input.step === 'returned') return translate(locale, 'cases.returned', params);
  if (input.outcome === 'approved') return translate(locale, 'cases.approved', params);
  if (input.outcome === 'refused') return translate(locale, 'cases.refused', params);
  if (input.outcome === 'withdrawn') return null;
  return translate(locale, 'cases.state_changed', { ...params, state: stateName(def, input.to, locale) });
}
