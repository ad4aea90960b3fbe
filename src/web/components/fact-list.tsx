import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

export function FactList({ facts, labelWidth = 140 }: { facts: Fact[]; labelWidth?: number }) {
  return (
    <DataList size="sm" gap={6} labelWidth={labelWidth}>
      {facts.map((fact) => (
        <DataList.Item key={fact.label}>
          <DataList.ItemLabel c="dimmed">{fact.label}</DataList.ItemLabel>
          <DataList.ItemValue>{fact.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
