import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { signInStaff } from '../../../../test/sign-in.js';
import { DEMO_PASSWORD } from '../demo-city/demo-accounts.js';
import { seedDemoCity } from '../demo-city/seed-demo-city.js';
import { submittedInquiry } from './case-test-support.js';
import { INQUIRY_SERVICE } from './workflow/demo-inquiry.js';
import type { ServiceDefinition } from './workflow/types.js';

let t: TestApp;
let city: { code: string; municipalityId: string };
beforeAll(async () => {
  t = await startTestApp();
  const code = `inputs-${randomUUID().slice(0, 8)}`;
  const { municipalityId } = await seedDemoCity(t.database.db, { parcels: 160, municipalityCode: code });
  city = { code, municipalityId };
});
afterAll(() => t.close());

interface Action {
  action: string;
  kind: string;
  to: { code: string; kind: string; outcome: string | null };
  inputs: { name: string; required: boolean; choices?: { value: string; label: string; kind?: string }[] }[];
}
const find = (actions: Action[], name: string) => actions.find((a) => a.action === name)!;
const input = (action: Action, name: string) => action.inputs.find((i) => i.name === name);

const staff = (username: string) =>
  signInStaff(t, { municipality: city.code, username, password: DEMO_PASSWORD });

describe('each action comes with the inputs the service definition requires', () => {
  it('staff see, per action, the reason rule, the items that can be returned, the colleagues to assign, the target', async () => {
    const { client, caseBody, parcel } = await submittedInquiry(t, city, 0);
    const expert = await staff(`d${parcel.number}.expert`);
    expert.language = 'vi';
    const view = await expert.get(`/api/v1/cases/${caseBody.id}`);
    const actions = view.body.allowedActions as Action[];

    const correction = find(actions, 'request_correction');
    expect(correction.to).toMatchObject({ code: 'returned', kind: 'applicant', outcome: null });
    expect(input(correction, 'reason')).toMatchObject({ required: true });
    const choices = input(correction, 'returnedFields')!.choices!;
    expect(choices.map((c) => c.value)).toEqual([
      ...INQUIRY_SERVICE.formFields.map((f) => f.name),
      ...INQUIRY_SERVICE.documents.map((d) => d.code),
    ]);
    expect(choices.find((c) => c.value === 'deed_image')).toMatchObject({
      kind: 'document',
      label: INQUIRY_SERVICE.documents.find((d) => d.code === 'deed_image')!.labels.vi,
    });

    expect(input(find(actions, 'refuse'), 'reason')).toMatchObject({ required: true });
    expect(find(actions, 'refuse').to.outcome).toBe('refused');
    const approve = find(actions, 'approve');
    expect(approve.to.outcome).toBe('approved');
    expect(approve.inputs).toEqual([{ name: 'reason', required: false, maxLength: 2000 }]);
    expect(find(actions, 'claim')).toMatchObject({ kind: 'engine', inputs: [] });
    // An expert may not hand cases out, so no colleague list is sent to them.
    expect(actions.map((a) => a.action)).not.toContain('assign');

    const manager = await staff(`d${parcel.number}.manager`);
    const managerView = (await manager.get(`/api/v1/cases/${caseBody.id}`)).body.allowedActions as Action[];
    const assignees = input(find(managerView, 'assign'), 'assignee')!.choices!;
    const district = await t.database.db
      .selectFrom('users')
      .select(['id', 'roles'])
      .where('municipality_id', '=', city.municipalityId)
      .where('kind', '=', 'staff')
      .where(
        'district_id',
        '=',
        (
          await t.database.db
            .selectFrom('parcels')
            .select('district_id')
            .where('id', '=', parcel.id)
            .executeTakeFirstOrThrow()
        ).district_id,
      )
      .execute();
    const canTakeIt = district.filter((u) =>
      u.roles.some((r) => ['clerk', 'expert', 'district_manager'].includes(r)),
    );
    expect(assignees.map((a) => a.value).sort()).toEqual(canTakeIt.map((u) => u.id).sort());
    const expertId = district.find((u) => u.roles.includes('expert'))!.id;
    const assigned = await manager.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'assign',
      version: caseBody.version,
      assignee: expertId,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assigneeId).toBe(expertId);

    // The applicant's own actions say where they lead: withdrawing closes the case; nothing of staff's shows.
    const mine = (await client.get(`/api/v1/cases/${caseBody.id}`)).body.allowedActions as Action[];
    expect(mine.map((a) => a.action)).toEqual(['withdraw']);
    expect(mine[0].to).toMatchObject({ kind: 'terminal', outcome: 'withdrawn' });
  });

  it('a service with its own action names works the same: the API describes its inputs, returns and resubmits by state kind', async () => {
    const admin = await staff('admin');
    const renamed: ServiceDefinition = JSON.parse(JSON.stringify(INQUIRY_SERVICE));
    const rename: Record<string, string> = { request_correction: 'send_back', resubmit: 'send_again' };
    for (const transition of renamed.workflow.transitions)
      transition.action = rename[transition.action] ?? transition.action;
    const saved = await admin.request('PUT', '/api/v1/admin/services/inquiry', { definition: renamed });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const { client, caseBody, parcel } = await submittedInquiry(t, city, 2);
    const expert = await staff(`d${parcel.number}.expert`);
    const actions = (await expert.get(`/api/v1/cases/${caseBody.id}`)).body.allowedActions as Action[];
    const sendBack = find(actions, 'send_back');
    expect(sendBack.inputs.map((i) => [i.name, i.required])).toEqual([
      ['returnedFields', true],
      ['reason', true],
    ]);
    const missing = await expert.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'send_back',
      version: caseBody.version,
      reason: 'x',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toEqual([{ field: 'returnedFields', rule: 'required' }]);
    const returned = await expert.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'send_back',
      version: caseBody.version,
      reason: 'سند خوانا نیست',
      returnedFields: ['deed_image'],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const own = await client.get(`/api/v1/cases/${caseBody.id}`);
    expect(own.body.returnedItems).toEqual(['deed_image']);
    expect(own.body.editable).toEqual(['deed_image']);
    const again = find(own.body.allowedActions, 'send_again');
    expect(again.to).toMatchObject({ code: 'submitted', kind: 'staff' });
    const resent = await client.post(`/api/v1/cases/${caseBody.id}/actions`, {
      action: 'send_again',
      version: own.body.version,
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body.returnedItems).toEqual([]);
    const inbox = (await client.get('/api/v1/notifications')).body.notifications.map(
      (n: { body: string }) => n.body,
    );
    expect(inbox.join('\n')).toContain('سند خوانا نیست');
  });
});
