import { Code, List, Text } from '@mantine/core';
import type { DefinitionProblem } from '../../../api/admin-services.js';

/** Problems shown where they belong; each names the place inside (e.g. `by[1]`) when it is not the item itself. */
export function ProblemList({ problems }: { problems: (DefinitionProblem & { subPath: string })[] }) {
  if (problems.length === 0) return null;
  return (
    <List size="sm" c="red" spacing={2} data-testid="problems">
      {problems.map((problem) => (
        <List.Item key={`${problem.path}:${problem.rule}:${problem.message}`} data-path={problem.path}>
          <Text span size="sm" c="red">
            {problem.subPath && (
              <>
                <Code dir="ltr">{problem.subPath}</Code>{' '}
              </>
            )}
            {problem.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
