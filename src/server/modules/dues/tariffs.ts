import type { Db } from '../../db/schema.js';
import { AppError, invalidField } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { insertAmnesty, tariffHasBills, upsertTariff } from './dues-repository.js';
import type { Amnesty } from './rules/charges.js';
import type { DuesTariff } from './rules/tariff.js';

/** Sets the tariff that applies from 1 Farvardin of `duesYear`; one that bills were assessed under is frozen. */
export async function setDuesTariff(
  db: Db,
  input: { municipalityId: string; duesYear: number; tariff: DuesTariff; actor: Actor; at: Date },
) {
  const codes = [...input.tariff.adjustments, ...input.tariff.exemptions].map((rule) => rule.code);
  if (new Set(codes).size !== codes.length) throw invalidField('adjustments', 'uniqueItems');
  return db.transaction().execute(async (trx) => {
    if (await tariffHasBills(trx, input.municipalityId, input.duesYear))
      throw new AppError('dues_tariff_in_use');
    const row = await upsertTariff(trx, {
      municipalityId: input.municipalityId,
      duesYear: input.duesYear,
      tariff: input.tariff,
      createdBy: input.actor.userId,
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'dues.tariff_set',
        entityType: 'dues_tariff',
        entityId: row.id,
        details: { year: input.duesYear, resolutionNo: input.tariff.resolutionNo },
      },
      input.at,
    );
    return row.id;
  });
}

export async function addAmnesty(
  db: Db,
  input: {
    municipalityId: string;
    amnesty: Amnesty & { title: string; resolutionNo: string };
    actor: Actor;
    at: Date;
  },
) {
  if (input.amnesty.endsOn < input.amnesty.startsOn) throw invalidField('endsOn', 'invalid');
  return db.transaction().execute(async (trx) => {
    const row = await insertAmnesty(trx, input.municipalityId, input.amnesty);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'dues.amnesty_added',
        entityType: 'dues_amnesty',
        entityId: row.id,
        details: { ...input.amnesty },
      },
      input.at,
    );
    return row.id;
  });
}
