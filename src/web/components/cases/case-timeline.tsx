import { Blockquote, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/cases.js';
import { useFormat } from '../../hooks/use-format.js';
import { type CaseDefinition, useCaseTexts } from './case-texts.js';
import { foldSteps, MINOR_EVENTS } from './timeline-steps.js';

function colorOf(event: TimelineEvent): string {
  if (event.returnedFields.length > 0) return 'orange';
  if (event.action === 'refuse' || event.action === 'escalated') return 'red';
  if (event.to?.code === 'approved' || event.action === 'approve') return 'teal';
  return 'blue';
}

/** The case's history: what happened, when (Solar Hijri), by which role, why, and what was sent back. */
export function CaseTimeline({ events, def }: { events: TimelineEvent[]; def: CaseDefinition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = useCaseTexts();
  const steps = foldSteps(events);
  return (
    <Timeline active={steps.length - 1} bulletSize={18} lineWidth={2} data-testid="case-timeline">
      {steps.map(({ event, times }) => {
        const minor = MINOR_EVENTS.has(event.action);
        const stateChanged = event.to !== null && event.from?.code !== event.to.code;
        return (
          <Timeline.Item
            key={`${event.at}-${event.action}`}
            color={colorOf(event)}
            lineVariant={minor ? 'dashed' : 'solid'}
            data-testid="timeline-step"
            data-action={event.action}
            title={
              <Group gap={6} wrap="wrap">
                <Text fw={minor ? 500 : 700} size={minor ? 'sm' : 'md'} data-testid="step-name">
                  {texts.eventName(event)}
                </Text>
                {times > 1 && (
                  <Text size="xs" c="dimmed">
                    ({t('caseEvents.times', { number: format.number(times) })})
                  </Text>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed" data-testid="step-meta">
              {texts.roleName(event)} · {format.dateTime(event.at)}
            </Text>
            {stateChanged && !minor && (
              <Text size="sm" mt={2}>
                {t('caseEvents.movedTo', { state: event.to?.name ?? '' })}
              </Text>
            )}
            {event.reason && (
              <Blockquote
                dir="auto"
                color={colorOf(event)}
                p="xs"
                mt={6}
                data-testid="step-reason"
                style={{ fontSize: 'var(--mantine-font-size-sm)' }}
              >
                {event.reason}
              </Blockquote>
            )}
            {event.returnedFields.length > 0 && (
              <Text size="sm" mt={4} c="orange.8" data-testid="step-returned">
                {t('caseEvents.returnedFields', {
                  items: texts.list(event.returnedFields.map((code) => texts.itemName(def, code))),
                })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
