import {
  QualityRequirementDocument, QualityRequirementsDocument, QualityReviewQueueDocument, ReviewQualityEvidenceDocument, SubmitQualityEvidenceDocument, SubmitReportEvidenceDocument,
  type SubmitQualityEvidenceInput,
} from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { count, PDF_BYTES, uploadDocument } from '../support/procurement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let sagenn: GraphqlSession;
let projectleider: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

let keyCounter = 0;
const key = () => `test-${Date.now()}-${(keyCounter += 1)}`;

/** The requirements of a list, each with every period (the list gives one period per requirement). */
async function withPeriods(session: GraphqlSession, requirements: readonly { id: string }[]) {
  const full = [];
  for (const { id } of requirements) full.push((await session.ok(QualityRequirementDocument, { id })).qualityRequirement);
  return full;
}

async function sagennRequirement(type: string, lotName = 'B1-route Liemerse kavel') {
  const { qualityRequirements } = await sagenn.ok(QualityRequirementsDocument, {});
  const requirement = qualityRequirements.find((r) => r.type === type && r.lotName === lotName);
  if (!requirement) throw new Error(`Geen eis ${type}`);
  return (await withPeriods(sagenn, [requirement]))[0];
}

describe('quality requirements', () => {
  it('shows a provider only its own requirements, with what is due per period', async () => {
    const { qualityRequirements } = await sagenn.ok(QualityRequirementsDocument, {});
    expect(qualityRequirements.length).toBeGreaterThan(0);
    expect(new Set(qualityRequirements.map((r) => r.providerName))).toEqual(new Set(['Sagenn']));
    const nt2 = qualityRequirements.find((r) => r.type === 'NT2_QUALIFIED_SHARE')!;
    expect(nt2).toMatchObject({ typeLabel: 'Aandeel NT2-bevoegde docenten', periodLabel: 'Per kwartaal', normValue: 80 });
    // The list shows the period that needs attention first; the requirement on its own has every period.
    const { qualityRequirement } = await sagenn.ok(QualityRequirementDocument, { id: nt2.id });
    expect(qualityRequirement.periods.length).toBeGreaterThan(1);
    expect(qualityRequirement.periods[0]).toMatchObject({ status: 'OVERDUE', statusLabel: 'Te laat' });
    expect(nt2.overviewPeriod).toEqual({ dueOn: qualityRequirement.periods[0].dueOn, status: 'OVERDUE', statusLabel: 'Te laat', evidence: [] });
  });

  it('gives one requirement with its periods only to its provider and its region; others get NOT_FOUND, a consultant FORBIDDEN', async () => {
    const requirement = await sagennRequirement('VOG_ALL_STAFF');
    const { qualityRequirement } = await projectleider.ok(QualityRequirementDocument, { id: requirement.id });
    expect(qualityRequirement).toMatchObject({ id: requirement.id, providerName: 'Sagenn', periods: requirement.periods.map(({ dueOn, status }) => ({ dueOn, status })) });
    const others = [await loginAs(platform.url, 'aanbieder@newbees.demo.nl'), await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl')];
    for (const [session, id] of [[others[0], requirement.id], [others[1], requirement.id], [sagenn, '00000000-0000-4000-8000-000000000000']] as const) {
      const answer = await session.request(QualityRequirementDocument, { id });
      expect(answer.errors?.[0]).toMatchObject({ message: 'Deze kwaliteitseis bestaat niet of is niet bij uw organisatie bekend.', extensions: { code: 'NOT_FOUND' } });
      expect(answer.data).toBeNull();
    }
    expect((await sagenn.request(QualityRequirementDocument, { id: 'geen-id' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    expect((await consultant.request(QualityRequirementDocument, { id: requirement.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('evidence documents', () => {
  it('stores a PDF owned by the provider, with the type taken from the content', async () => {
    const upload = await uploadDocument(platform.url, sagenn, 'rapportage Q3.pdf', PDF_BYTES);
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ filename: 'rapportage Q3.pdf', mimeType: 'application/pdf', sizeBytes: PDF_BYTES.length });
    const { rows } = await pg.query(`SELECT o.name FROM stored_document d JOIN organisation o ON o.id = d.organisation_id WHERE d.id = $1`, [upload.body.id]);
    expect(rows[0].name).toBe('Sagenn');
  });

  it('refuses a 20 MB file with a Dutch message and stores nothing', async () => {
    const before = await count(pg, `SELECT count(*) FROM stored_document`);
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(PDF_BYTES);
    const upload = await uploadDocument(platform.url, sagenn, 'groot.pdf', big);
    expect(upload.status).toBe(413);
    expect(upload.body.message).toBe('Het bestand is te groot; het mag maximaal 10 MB zijn.');
    expect(await count(pg, `SELECT count(*) FROM stored_document`)).toBe(before);
  });

  it('refuses an executable renamed .pdf, and an upload without the portal header or without a session', async () => {
    const before = await count(pg, `SELECT count(*) FROM stored_document`);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const renamed = await uploadDocument(platform.url, sagenn, 'rapport.pdf', exe);
    expect(renamed.status).toBe(400);
    expect(renamed.body.fields).toEqual([expect.objectContaining({ field: 'file', message: expect.stringContaining('geen PDF, PNG of JPEG') })]);
    const noHeader = await uploadDocument(platform.url, sagenn, 'rapport.pdf', PDF_BYTES, false);
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.message).toContain('X-Requested-With');
    const anonymous = await uploadDocument(platform.url, null, 'rapport.pdf', PDF_BYTES);
    expect(anonymous.status).toBe(401);
    const consultant = await uploadDocument(platform.url, await loginAs(platform.url, 'consulent@arnhem.demo.nl'), 'rapport.pdf', PDF_BYTES);
    expect(consultant.status).toBe(403);
    expect(await count(pg, `SELECT count(*) FROM stored_document`)).toBe(before);
  });
});

describe('submitting and reviewing evidence', () => {
  it('lets the provider submit evidence once (a retry is not a second submission) and the projectleider reject it with a reason', async () => {
    const requirement = await sagennRequirement('NT2_QUALIFIED_SHARE');
    const dueOn = requirement.periods[0].dueOn;
    const upload = await uploadDocument(platform.url, sagenn, 'docenten.pdf', PDF_BYTES);
    const input: SubmitQualityEvidenceInput = { requirementId: requirement.id, dueOn, value: '85', comment: 'Overzicht bevoegdheden', documentId: upload.body.id, idempotencyKey: key() };
    const { submitQualityEvidence } = await sagenn.ok(SubmitQualityEvidenceDocument, { input });
    const period = submitQualityEvidence.periods.find((p) => p.dueOn === dueOn)!;
    expect(period.status).toBe('SUBMITTED');
    expect(period.evidence[0]).toMatchObject({ value: '85', document: { filename: 'docenten.pdf', mimeType: 'application/pdf' } });
    await sagenn.ok(SubmitQualityEvidenceDocument, { input });
    expect(await count(pg, `SELECT count(*) FROM quality_evidence WHERE requirement_id = $1`, [requirement.id])).toBe(1);
    const again = await sagenn.request(SubmitQualityEvidenceDocument, { input: { ...input, idempotencyKey: key() } });
    expect(again.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'dueOn', code: 'EVIDENCE_ALREADY_SUBMITTED' });

    const { qualityReviewPage: { items: qualityReviewQueue } } = await projectleider.ok(QualityReviewQueueDocument, { limit: 100 });
    const item = qualityReviewQueue.find((e) => e.requirementId === requirement.id)!;
    expect(item).toMatchObject({ providerName: 'Sagenn', lotName: 'B1-route Liemerse kavel', requirementTitle: requirement.title, value: '85' });
    const download = await fetch(`${platform.url}/documents/${item.document!.id}`, { headers: { cookie: projectleider.lastSetCookie!.split(';')[0] } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    expect((await fetch(`${platform.url}/documents/${item.document!.id}`, { headers: { cookie: newBees.lastSetCookie!.split(';')[0] } })).status).toBe(404);

    const noReason = await projectleider.request(ReviewQualityEvidenceDocument, { input: { evidenceId: item.id, decision: 'REJECTED', reason: '' } });
    expect(noReason.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'reason', code: 'REJECTION_REASON_REQUIRED' });
    const { reviewQualityEvidence } = await projectleider.ok(ReviewQualityEvidenceDocument, {
      input: { evidenceId: item.id, decision: 'REJECTED', reason: 'Het overzicht noemt geen diploma\'s' },
    });
    expect(reviewQualityEvidence).toMatchObject({ status: 'REJECTED', reviewReason: 'Het overzicht noemt geen diploma\'s' });

    const seen = await sagennRequirement('NT2_QUALIFIED_SHARE');
    const rejected = seen.periods.find((p) => p.dueOn === dueOn)!;
    expect(rejected).toMatchObject({ status: 'REJECTED', statusLabel: 'Afgekeurd' });
    expect(rejected.evidence[0].reviewReason).toBe('Het overzicht noemt geen diploma\'s');
    const { signals: { items: signals } } = await sagenn.ok<{ signals: { items: { kind: string; message: string }[] } }, Record<string, never>>(`{ signals: signalPage(kinds: ["EVIDENCE_REJECTED"], limit: 200) { items { kind message } } }`, {});
    expect(signals[0].message).toContain('is afgekeurd: Het overzicht noemt geen diploma\'s');
    const twice = await projectleider.request(ReviewQualityEvidenceDocument, { input: { evidenceId: item.id, decision: 'ACCEPTED' } });
    expect(twice.errors?.[0].extensions?.fields?.[0]).toMatchObject({ code: 'EVIDENCE_ALREADY_REVIEWED' });
    // After a rejection the provider submits new evidence, which the projectleider accepts.
    const resubmitted = await sagenn.ok(SubmitQualityEvidenceDocument, { input: { ...input, value: '88', idempotencyKey: key() } });
    expect(resubmitted.submitQualityEvidence.periods.find((p) => p.dueOn === dueOn)?.status).toBe('SUBMITTED');
  });

  it('keeps providers and other regions out', async () => {
    const requirement = await sagennRequirement('VOG_ALL_STAFF');
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const { qualityRequirements } = await newBees.ok(QualityRequirementsDocument, {});
    expect(qualityRequirements.some((r) => r.id === requirement.id)).toBe(false);
    const submit = await newBees.request(SubmitQualityEvidenceDocument, {
      input: { requirementId: requirement.id, dueOn: requirement.periods[0].dueOn, value: 'ja', idempotencyKey: key() },
    });
    expect(submit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const brabant = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    const queue = await brabant.ok(QualityReviewQueueDocument, { limit: 100 });
    expect(queue.qualityReviewPage.items.some((e) => e.providerName === 'Sagenn')).toBe(false);
    expect((await brabant.ok(QualityRequirementsDocument, {})).qualityRequirements.some((r) => r.providerName === 'Sagenn')).toBe(false);
    const [evidence] = (await pg.query(`SELECT id FROM quality_evidence WHERE status = 'SUBMITTED' LIMIT 1`)).rows;
    const review = await brabant.request(ReviewQualityEvidenceDocument, { input: { evidenceId: evidence.id, decision: 'ACCEPTED' } });
    expect(review.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('evidence that counts for more than one contract', () => {
  it('stores one submission of a keurmerk for every contract of the provider that asks it in the same year, each reviewed on its own', async () => {
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const keurmerken = await withPeriods(newBees, (await newBees.ok(QualityRequirementsDocument, {})).qualityRequirements.filter((r) => r.type === 'KEURMERK_VALID'));
    expect(keurmerken.length).toBeGreaterThan(1);
    const [first, ...others] = keurmerken;
    const period = first.periods[0];
    // The form can offer every other contract's keurmerk of this year, and nothing else.
    expect(period.alsoCountsFor.map((t) => t.requirementId).sort()).toEqual(others.map((r) => r.id).sort());
    expect(period.alsoCountsFor[0]).toMatchObject({ title: 'Geldig keurmerk Blik op Werk', dueOn: others[0].periods[0].dueOn });

    const upload = await uploadDocument(platform.url, newBees, 'keurmerk.pdf', PDF_BYTES);
    const input: SubmitQualityEvidenceInput = {
      requirementId: first.id, dueOn: period.dueOn, value: 'BoW-INB-4767', documentId: upload.body.id, idempotencyKey: key(), alsoFor: others.map((r) => r.id),
    };
    await newBees.ok(SubmitQualityEvidenceDocument, { input });
    await newBees.ok(SubmitQualityEvidenceDocument, { input });
    const after = await withPeriods(newBees, keurmerken);
    for (const requirement of after) {
      expect(requirement.periods[0]).toMatchObject({ status: 'SUBMITTED', alsoCountsFor: [] });
      expect(requirement.periods[0].evidence).toEqual([expect.objectContaining({ value: 'BoW-INB-4767', document: expect.objectContaining({ id: upload.body.id }) })]);
    }
    // The region sees each contract's evidence in its queue, and never the provider's other contracts.
    const { qualityReviewPage } = await projectleider.ok(QualityReviewQueueDocument, { limit: 100 });
    expect(qualityReviewPage.items.filter((e) => e.document?.id === upload.body.id).map((e) => e.requirementId).sort()).toEqual(keurmerken.map((r) => r.id).sort());
    const regionView = await withPeriods(projectleider, (await projectleider.ok(QualityRequirementsDocument, {})).qualityRequirements);
    expect(regionView.flatMap((r) => r.periods).every((p) => p.alsoCountsFor.length === 0)).toBe(true);
  });

  it('refuses another kind of requirement or another provider\'s, and then stores nothing', async () => {
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const own = await withPeriods(newBees, (await newBees.ok(QualityRequirementsDocument, {})).qualityRequirements);
    const vog = own.find((r) => r.type === 'VOG_ALL_STAFF')!;
    const nt2 = own.find((r) => r.type === 'NT2_QUALIFIED_SHARE')!;
    const before = await count(pg, `SELECT count(*) FROM quality_evidence`);
    const wrongKind = await newBees.request(SubmitQualityEvidenceDocument, {
      input: { requirementId: vog.id, dueOn: vog.periods[0].dueOn, value: 'ja', idempotencyKey: key(), alsoFor: [nt2.id] },
    });
    expect(wrongKind.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'alsoFor', code: 'EVIDENCE_NOT_SHAREABLE' })]);
    const foreign = await newBees.request(SubmitQualityEvidenceDocument, {
      input: { requirementId: vog.id, dueOn: vog.periods[0].dueOn, value: 'ja', idempotencyKey: key(), alsoFor: [(await sagennRequirement('VOG_ALL_STAFF')).id] },
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count(pg, `SELECT count(*) FROM quality_evidence`)).toBe(before);
  });
});

describe('the platform\'s quarterly report as evidence', () => {
  it('hands in the contract\'s report as a tagged PDF in one step, once, only for the "Kwartaalrapportage" requirement', async () => {
    const requirement = await sagennRequirement('QUARTERLY_REPORT');
    const period = requirement.periods.find((p) => ['OPEN', 'DUE_SOON', 'OVERDUE'].includes(p.status))!;
    const input = { requirementId: requirement.id, dueOn: period.dueOn, idempotencyKey: key() };
    const { submitReportEvidence } = await sagenn.ok(SubmitReportEvidenceDocument, { input });
    await sagenn.ok(SubmitReportEvidenceDocument, { input });
    const submitted = submitReportEvidence.periods.find((p) => p.dueOn === period.dueOn)!;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.evidence).toHaveLength(1);
    expect(submitted.evidence[0].comment).toMatch(/^Kwartaalrapportage \d{4}-K\d, gemaakt door het platform/);
    expect(submitted.evidence[0].document).toMatchObject({ mimeType: 'application/pdf', filename: expect.stringMatching(/^kwartaalrapportage-\d{4}-K\d\.pdf$/) });
    const { rows } = await pg.query(`SELECT d.content, o.name FROM stored_document d JOIN organisation o ON o.id = d.organisation_id WHERE d.id = $1`, [submitted.evidence[0].document!.id]);
    expect(rows[0].name).toBe('Sagenn');
    const pdf = (rows[0].content as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toContain('/MarkInfo');
    // The region reviews it like any other evidence and can open the PDF.
    const { qualityReviewPage } = await projectleider.ok(QualityReviewQueueDocument, { limit: 100 });
    expect(qualityReviewPage.items.some((e) => e.requirementId === requirement.id && e.document?.id === submitted.evidence[0].document!.id)).toBe(true);

    const before = await count(pg, `SELECT count(*) FROM stored_document`);
    const vog = await sagennRequirement('VOG_ALL_STAFF');
    const wrong = await sagenn.request(SubmitReportEvidenceDocument, { input: { requirementId: vog.id, dueOn: vog.periods[0].dueOn, idempotencyKey: key() } });
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'requirementId', code: 'NOT_A_REPORT_REQUIREMENT' })]);
    const foreign = await (await loginAs(platform.url, 'aanbieder@newbees.demo.nl')).request(SubmitReportEvidenceDocument, { input: { ...input, idempotencyKey: key() } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count(pg, `SELECT count(*) FROM stored_document`)).toBe(before);
  });
});

describe('signals through the outbox and worker', () => {
  it('turns overdue evidence and an expiring keurmerk into signals for the provider and the region, once', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('procurement.scan-quality', $1)`, [JSON.stringify({ scanDate: today })]);
    type Signals = { signals: { items: { kind: string; message: string; subjectId: string }[] } };
    const query = `{ signals: signalPage(kinds: ["EVIDENCE_OVERDUE", "KEURMERK_EXPIRING"], limit: 200) { items { kind message subjectId } } }`;
    const providerSignals = await waitFor('signals for Sagenn', async () => {
      const { signals: { items: signals } } = await sagenn.ok<Signals, Record<string, never>>(query, {});
      return signals.some((s) => s.kind === 'KEURMERK_EXPIRING') && signals.some((s) => s.kind === 'EVIDENCE_OVERDUE') ? signals : undefined;
    });
    expect(providerSignals.find((s) => s.kind === 'KEURMERK_EXPIRING')?.message).toMatch(/^Uw Blik op Werk keurmerk verloopt op \d{1,2}-\d{1,2}-\d{4}\./);
    const { signals: { items: regionSignals } } = await projectleider.ok<Signals, Record<string, never>>(query, {});
    expect(regionSignals.find((s) => s.kind === 'KEURMERK_EXPIRING')?.message).toContain('Sagenn: het Blik op Werk keurmerk verloopt op');
    expect(regionSignals.filter((s) => s.kind === 'EVIDENCE_OVERDUE').some((s) => s.message.includes('niet op tijd ingediend'))).toBe(true);
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    expect((await newBees.ok<Signals, Record<string, never>>(query, {})).signals.items.some((s) => s.kind === 'KEURMERK_EXPIRING')).toBe(false);
    // Submitted evidence is not overdue: the NT2 period handled above raises no overdue signal.
    const nt2 = await sagennRequirement('NT2_QUALIFIED_SHARE');
    expect(providerSignals.some((s) => s.kind === 'EVIDENCE_OVERDUE' && s.subjectId === nt2.id)).toBe(false);
    const before = await count(pg, `SELECT count(*) FROM signal`);
    const sagennId = (await pg.query(`SELECT id FROM organisation WHERE name = 'Sagenn'`)).rows[0].id;
    const { rows: [outbox] } = await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('procurement.scan-provider', $1) RETURNING id`, [JSON.stringify({ providerId: sagennId })]);
    // Wait until the scan's work has committed (its exactly-once marker is written in the same transaction).
    await waitFor('provider scan ran', async () => (await count(pg, `SELECT count(*) FROM job_execution WHERE job_key = $1`, [`procurement.scan-provider:outbox-${outbox.id}`])) === 1);
    expect(await count(pg, `SELECT count(*) FROM signal`)).toBe(before);
  });
});
