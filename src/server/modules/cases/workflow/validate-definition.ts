import type { ServiceDefinition } from './types.js';
import { graphProblems } from './validate-graph.js';
import { shapeProblems } from './validate-shape.js';

/** The result of validating a service definition. */
export type DefinitionValidation = { ok: true } | { ok: false; problems: string[] };

/**
 * Checks a would-be service definition (any JSON) completely: shape, codes, labels in fa/en/vi, uniqueness, and
 * the workflow graph (states exist, one draft, everything reachable, no dead ends, terminals final, someone can
 * act in every waiting state). The graph is only checked once the shape is sound.
 */
export function validateServiceDefinition(def: unknown): DefinitionValidation {
  const shape = shapeProblems(def);
  if (shape.length > 0) return { ok: false, problems: shape };
  const graph = graphProblems(def as ServiceDefinition);
  return graph.length > 0 ? { ok: false, problems: graph } : { ok: true };
}

/** Error thrown by parseServiceDefinition; `problems` is what to show the administrator. */
export class InvalidServiceDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid service definition: ${problems.join('; ')}`);
    this.name = 'InvalidServiceDefinitionError';
  }
}

/** The definition, typed, if it is valid; throws InvalidServiceDefinitionError otherwise. Call before saving. */
export function parseServiceDefinition(def: unknown): ServiceDefinition {
  const result = validateServiceDefinition(def);
  if (!result.ok) throw new InvalidServiceDefinitionError(result.problems);
  return def as ServiceDefinition;
}
