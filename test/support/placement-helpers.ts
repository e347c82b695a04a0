import { randomUUID } from 'node:crypto';
import { addDays, addMonths, calendarDateInAmsterdam, generateSyntheticBsn } from '@inburgering/domain';
import { RegisterClientDocument } from '@inburgering/contracts';
import type { Client } from 'pg';
import { BsnCrypto } from '../../apps/api/src/common/bsn-crypto';
import type { GraphqlSession } from './graphql-session';
import { TEST_BSN_KEY } from './test-config';

export const today = () => calendarDateInAmsterdam(new Date());

/** A status holder with a signed PIP for `route` (B1 at level B1 by default), `pipMonthsAgo` months ago. */
export function clientWithPip(seed: number, { route = 'B1', level = 'B1', pipMonthsAgo = 1 }: { route?: 'B1' | 'Z' | 'ONDERWIJS'; level?: 'A1' | 'A2' | 'B1' | 'B2'; pipMonthsAgo?: number } = {}) {
  const pipSignedOn = addMonths(today(), -pipMonthsAgo);
  return {
    bsn: generateSyntheticBsn(8000 + seed),
    firstName: 'Plaatsing',
    lastName: `Test ${seed}`,
    dateOfBirth: '1991-02-03',
    targetGroup: 'STATUS_HOLDER' as const,
    brpRegistrationDate: addDays(pipSignedOn, -40),
    pipSignedOn,
    route,
    level,
    pipMinutesPerWeek: 720,
    pipLessonPattern: 'Dinsdag en donderdag, ochtend',
    learnabilityOutcome: 'B1_FEASIBLE' as const,
    learnabilityScore: 71,
    intakeCompletedOn: addDays(pipSignedOn, -7),
    intakeNotes: 'Vertrouwelijk: gezinssituatie en gezondheid besproken.',
  };
}

export async function registerWithPip(consultant: GraphqlSession, seed: number, options?: Parameters<typeof clientWithPip>[1]): Promise<{ id: string; bsn: string }> {
  const input = clientWithPip(seed, options);
  const { registerClient } = await consultant.ok(RegisterClientDocument, { input });
  return { id: registerClient.id, bsn: input.bsn };
}

export const newKey = () => `test-${randomUUID()}`;

export async function lotId(pg: Client, name: string): Promise<string> {
  return (await pg.query(`SELECT id FROM lot WHERE name = $1`, [name])).rows[0].id;
}

export async function providerId(pg: Client, name: string): Promise<string> {
  return (await pg.query(`SELECT id FROM organisation WHERE name = $1`, [name])).rows[0].id;
}

/** Every BSN in the database, decrypted: a provider's response must contain none of them. */
export async function allBsns(pg: Client): Promise<string[]> {
  const crypto = new BsnCrypto(TEST_BSN_KEY);
  return (await pg.query(`SELECT bsn_encrypted FROM client`)).rows.map((row) => crypto.decrypt(row.bsn_encrypted));
}

export async function count(pg: Client, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await pg.query(sql, params)).rows[0].count);
}

/** Makes every coming start moment of a lot as full as its placements, so every new request waits. */
export async function fillLot(pg: Client, lot: string, from: string): Promise<void> {
  await pg.query(
    `UPDATE start_moment sm SET seats = (SELECT count(*) FROM placement p WHERE p.start_moment_id = sm.id AND p.status IN ('ACCEPTED', 'STARTED', 'REQUESTED'))
      WHERE sm.contract_id IN (SELECT id FROM contract WHERE lot_id = $1) AND sm.starts_on >= $2`,
    [lot, from],
  );
}
