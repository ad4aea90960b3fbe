import { type Locale, translate } from '../../../i18n/messages.js';
import type { DefinitionProblem } from './shape-checker.js';
import type { ServiceDefinition } from './types.js';
import { graphProblems } from './validate-graph.js';
import { shapeProblems } from './validate-shape.js';

export type { DefinitionProblem };

/** The result of validating a service definition. */
export type DefinitionValidation = { ok: true } | { ok: false; problems: DefinitionProblem[] };

/**
 * Checks a would-be service definition (any JSON) completely: shape, codes, labels in fa/en/vi, uniqueness, and
 * the workflow graph (states exist, one draft, everything reachable, no dead ends, terminals final, someone can
 * act in every waiting state). The graph is only checked once the shape is sound. Each problem names the JSON path
 * it concerns.
 */
export function validateServiceDefinition(def: unknown): DefinitionValidation {
  const shape = shapeProblems(def);
  if (shape.length > 0) return { ok: false, problems: shape };
  const graph = graphProblems(def as ServiceDefinition);
  return graph.length > 0 ? { ok: false, problems: graph } : { ok: true };
}

/** A problem in words, in one of the interface languages (without its path, which an editor shows itself). */
export function describeProblem(problem: DefinitionProblem, locale: Locale): string {
  return translate(locale, `serviceDefinition.${problem.rule}`, problem.params ?? {});
}

/** Error thrown by parseServiceDefinition; `problems` is what to show the administrator. */
export class InvalidServiceDefinitionError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(
      `invalid service definition: ${problems.map((p) => `${p.path || '(definition)'} ${describeProblem(p, 'en')}`).join('; ')}`,
    );
    this.name = 'InvalidServiceDefinitionError';
  }
}

/** The definition, typed, if it is valid; throws InvalidServiceDefinitionError otherwise. Call before saving. */
export function parseServiceDefinition(def: unknown): ServiceDefinition {
  const result = validateServiceDefinition(def);
  if (!result.ok) throw new InvalidServiceDefinitionError(result.problems);
  return def as ServiceDefinition;
}
