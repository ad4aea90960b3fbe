import { describe, expect, it } from 'vitest';
import { BUILDING_PERMIT_SERVICE, COMPLETION_CERTIFICATE_SERVICE, INQUIRY_SERVICE } from './demo-services.js';
import { type ActionInput, applyAction, type CaseEvent } from './transitions.js';
import type { Actor, ServiceDefinition, StaffRole } from './types.js';

const applicant: Actor = { kind: 'applicant' };
const system: Actor = { kind: 'system' };
const staff = (role: StaffRole): Actor => ({ kind: 'staff', roles: [role] });

/** Plays actions in order on a case that has everything it needs; returns the events. */
function play(def: ServiceDefinition, steps: [string, Actor, ActionInput?][]): CaseEvent[] {
  let state = 'draft';
  const events: CaseEvent[] = [];
  const documents = def.documents.map((d) => ({ code: d.code }));
  for (const [action, actor, input] of steps) {
    const result = applyAction(
      def,
      { state, formData: FORMS[def.code], documents, visitFindings: {} },
      action,
      actor,
      input,
    );
    if (!result.ok) throw new Error(`${action} in ${state}: ${JSON.stringify(result)}`);
    events.push(result.event);
    state = result.to;
  }
  return events;
}

const FORMS: Record<string, Record<string, unknown>> = {
  inquiry: { purpose: 'mortgage', requesterLetterNumber: '1403/5567' },
  building_permit: {
    permitType: 'new_building',
    landUse: 'residential',
    floors: '۴',
    floorAreaM2: 480,
    units: 4,
    engineerNationalId: '1583250689',
    engineerMembershipNumber: '1-01-12345',
    contactMobile: '۰۹۱۲۳۴۵۶۷۸۹',
  },
  completion_certificate: {
    permitNumber: '22/1403/1234',
    permitDate: '2023-05-10',
    supervisorNationalId: '0076229645',
    builtFloorAreaM2: 480,
    floors: 4,
    units: 4,
    contactMobile: '+989123456789',
  },
};

const summary = (events: CaseEvent[]) => events.map((e) => `${e.action}:${e.to}:${e.clock}`);

describe('journeys through the demo services', () => {
  it('inquiry: returned once, visited, approved by the district manager', () => {
    const events = play(INQUIRY_SERVICE, [
      ['submit', applicant],
      ['claim', staff('expert')],
      [
        'request_correction',
        staff('expert'),
        { reason: 'سند ناخوانا', returnedFields: ['deed_image', 'deed_image'] },
      ],
      ['resubmit', applicant],
      ['order_site_visit', staff('expert')],
      ['assign', staff('district_manager'), { assignee: 'inspector-7' }],
      ['record_visit_findings', staff('inspector'), { visitFindings: { violations: [] } }],
      ['escalate', system],
      ['approve', staff('district_manager')],
    ]);
    expect(summary(events)).toEqual([
      'submit:submitted:start',
      'claim:submitted:none',
      'request_correction:returned:pause',
      'resubmit:submitted:resume',
      'order_site_visit:site_visit:start',
      'assign:site_visit:none',
      'record_visit_findings:under_review:start',
      'escalate:under_review:none',
      'approve:approved:stop',
    ]);
    expect(events[0].targetWorkingDays).toBe(2);
    expect(events[2]).toMatchObject({
      reason: 'سند ناخوانا',
      returnedFields: ['deed_image'],
      stateChanged: true,
    });
    expect(events[5]).toMatchObject({ assignee: 'inspector-7', stateChanged: false });
    expect(events[6]).toMatchObject({ visitFindings: { violations: [] }, targetWorkingDays: 2 });
    expect(events[8]).toMatchObject({ outcome: 'approved', actorRole: 'district_manager' });
  });

  it('inquiry: issued by the system when the file already answers it', () => {
    expect(
      summary(
        play(INQUIRY_SERVICE, [
          ['submit', applicant],
          ['auto_issue', system],
        ]),
      ),
    ).toEqual(['submit:submitted:start', 'auto_issue:approved:stop']);
  });

  it('building permit: the payment wait pauses the clock and approval starts a new one', () => {
    const events = play(BUILDING_PERMIT_SERVICE, [
      ['submit', applicant],
      ['accept_documents', staff('clerk')],
      ['record_visit_findings', staff('inspector'), { visitFindings: { setbackOk: true } }],
      [
        'request_correction',
        staff('expert'),
        { reason: 'پارکینگ کافی نیست', returnedFields: ['architectural_plans'] },
      ],
      ['resubmit', applicant],
      ['approve_plans', staff('expert')],
      ['assess_fees', staff('finance')],
      ['confirm_payment', system],
      ['approve', staff('district_manager')],
    ]);
    expect(summary(events)).toEqual([
      'submit:document_check:start',
      'accept_documents:site_visit:start',
      'record_visit_findings:plan_review:start',
      'request_correction:returned_plans:pause',
      'resubmit:plan_review:resume',
      'approve_plans:fee_assessment:start',
      'assess_fees:awaiting_payment:pause',
      'confirm_payment:final_approval:start',
      'approve:approved:stop',
    ]);
  });

  it('completion certificate: the Article 100 Commission stops the clock until its ruling', () => {
    const events = play(COMPLETION_CERTIFICATE_SERVICE, [
      ['submit', applicant],
      ['order_site_visit', staff('clerk')],
      ['record_visit_findings', staff('inspector'), { visitFindings: { extraFloorAreaM2: 12 } }],
      ['refer_to_commission', staff('expert'), { reason: '۱۲ متر مربع بنای مازاد بر پروانه' }],
      ['record_commission_ruling', staff('district_manager'), { reason: 'جریمه طبق تبصره ۲' }],
      ['assess_fees', staff('finance')],
      ['confirm_payment', staff('finance')],
      ['refuse', staff('district_manager'), { reason: 'x' }],
    ]);
    expect(summary(events).slice(3)).toEqual([
      'refer_to_commission:commission:stop',
      'record_commission_ruling:fee_assessment:start',
      'assess_fees:awaiting_payment:pause',
      'confirm_payment:final_approval:start',
      'refuse:refused:stop',
    ]);
    expect(events.at(-1)).toMatchObject({ outcome: 'refused', reason: 'x' });
  });

  it('withdrawal closes the case from a returned state', () => {
    const events = play(INQUIRY_SERVICE, [
      ['submit', applicant],
      ['request_correction', staff('clerk'), { reason: 'r', returnedFields: ['purpose'] }],
      ['withdraw', applicant],
    ]);
    expect(events.at(-1)).toMatchObject({ to: 'withdrawn', outcome: 'withdrawn', clock: 'stop' });
  });
});
