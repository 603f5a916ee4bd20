import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { parseSubmission } from '~/lib/form';
import { createBatch, recordJourneyEvent } from '~/traceability/batch-commands.server';
import { batchFormSchema } from '~/traceability/batch-form';
import {
  batchWorkspace,
  labDocumentFor,
  productBatchesPage,
  publicBatchPage,
} from '~/traceability/batch-pages.server';
import { journeyEventFormSchema, type JourneyEventForm } from '~/traceability/event-form';
import { submitSuspiciousReport } from '~/traceability/reports.server';
import { resumeIssueJobs } from '~/traceability/stamp-issues.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The traceability domain functions the routes call, without HTTP: access, files, the report limit and
// the background tick that starts stalled stamp issues again.
let data: TestData;
let storage: { uploadsDir: string; dataDir: string };
let owner: Actor;
let stranger: Actor;
let productId: number;
let batchId: number;

const actorOf = async (email: string) => {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(data.db, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
};
const parsed = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error('the form was refused');
  return result.value;
};
const eventForm = (fields: Record<string, string>, files: Record<string, Blob[]> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [k, blobs] of Object.entries(files)) for (const b of blobs) form.append(k, b);
  return parsed(parseSubmission(journeyEventFormSchema, form)) as JourneyEventForm;
};
const refusal = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    return error as { status: number; field?: string; userMessage: { vi: string; en: string } };
  }
  throw new Error('expected a refusal');
};
const pdf = new Blob([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], {
  type: 'application/pdf',
});

beforeAll(async () => {
  data = copyTemplateDatabase();
  storage = {
    uploadsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-uploads-')),
    dataDir: data.dataDir,
  };
  owner = await actorOf('htx-che-tam-duong@chophien.test');
  stranger = await actorOf('htx-sam-lai-chau-muong-te@chophien.test');
  productId = (
    await data.db
      .selectFrom('products')
      .select('id')
      .where('slug', '=', 'che-xanh-tam-duong')
      .executeTakeFirstOrThrow()
  ).id;
  const form = new FormData();
  for (const [k, v] of Object.entries({
    lotCode: 'DOM-1',
    producedOn: '01/07/2026',
    quantity: '10',
    quantityUnit: 'kg',
    communeCode: '03390',
  }))
    form.set(k, v);
  batchId = await createBatch(
    data.db,
    owner,
    productId,
    parsed(parseSubmission(batchFormSchema, form)),
  );
});
afterAll(async () => {
  fs.rmSync(storage.uploadsDir, { recursive: true, force: true });
  await data?.cleanup();
});

describe('recordJourneyEvent', () => {
  it('stores the photos and, for an inspection, the lab report with the event', async () => {
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#2f6b3a' },
    })
      .png()
      .toBuffer();
    const id = await recordJourneyEvent(
      data.db,
      owner,
      batchId,
      eventForm(
        { kind: 'inspection', date: '02/07/2026', result: 'Đạt' },
        { photo: [new Blob([new Uint8Array(photo)], { type: 'image/png' })], document: [pdf] },
      ),
      storage,
    );
    const page = await batchWorkspace(data.db, owner, batchId);
    const event = page.journey.find((e) => e.id === id);
    expect(event?.photos).toHaveLength(1);
    expect(event?.details.documentKey).toMatch(/^lab-results\/[0-9a-f]{32}\.pdf$/);
    expect(fs.readdirSync(storage.uploadsDir).length).toBeGreaterThan(0);
  });

  it('refuses a stranger (404), a lab report on another kind and a fifth photo, storing nothing', async () => {
    const before = (await batchWorkspace(data.db, owner, batchId)).journey.length;
    const labDir = path.join(data.dataDir, 'private', 'lab-results');
    const reports = fs.existsSync(labDir) ? fs.readdirSync(labDir).length : 0;
    const otherPdf = new Blob([Buffer.from('%PDF-1.4\n% another one\n%%EOF\n')]);
    const strangerAttempt = eventForm(
      { kind: 'inspection', date: '02/07/2026', result: 'Đạt' },
      { document: [otherPdf] },
    );
    expect(
      (await refusal(recordJourneyEvent(data.db, stranger, batchId, strangerAttempt, storage)))
        .status,
    ).toBe(404);
    const wrongKind = await refusal(
      recordJourneyEvent(
        data.db,
        owner,
        batchId,
        eventForm({ kind: 'harvest', date: '02/07/2026' }, { document: [otherPdf] }),
        storage,
      ),
    );
    expect(wrongKind).toMatchObject({ status: 400, field: 'document' });
    expect(wrongKind.userMessage.vi).toBe(m.documentOnlyForInspection.vi);
    const photos = Array.from({ length: 5 }, () => new Blob([new Uint8Array([1])]));
    const tooMany = await refusal(
      recordJourneyEvent(
        data.db,
        owner,
        batchId,
        eventForm({ kind: 'harvest', date: '02/07/2026' }, { photo: photos }),
        storage,
      ),
    );
    expect(tooMany).toMatchObject({ status: 400, field: 'photo' });
    expect(tooMany.userMessage.en).toBe(m.tooManyPhotos.en);
    expect((await batchWorkspace(data.db, owner, batchId)).journey).toHaveLength(before);
    expect(fs.existsSync(labDir) ? fs.readdirSync(labDir).length : 0).toBe(reports);
  });
});

describe('the page reads', () => {
  it('give the producer their batches and batch, and strangers a 404', async () => {
    const batches = await productBatchesPage(data.db, owner, productId);
    expect(batches.batches.map((b) => b.lot_code)).toContain('DOM-1');
    expect(batches.communes.length).toBeGreaterThan(10);
    expect((await refusal(productBatchesPage(data.db, stranger, productId))).status).toBe(404);
    const page = await batchWorkspace(data.db, owner, batchId);
    expect(page.batch.lotCode).toBe('DOM-1');
    expect(page.stamps).toMatchObject({ validCount: 0, pending: false });
    expect((await refusal(batchWorkspace(data.db, stranger, batchId))).status).toBe(404);
  });

  it('show a batch to buyers only while its product is published, and its lab report likewise', async () => {
    const event = (await batchWorkspace(data.db, owner, batchId)).journey.find(
      (e) => e.details.documentKey,
    );
    if (!event) throw new Error('no inspection with a lab report');
    expect((await publicBatchPage(data.db, batchId)).batch.lotCode).toBe('DOM-1');
    const anyone = vi.fn(async () => null);
    expect(await labDocumentFor(data.db, anyone, batchId, event.id, data.dataDir)).not.toBeNull();
    expect(anyone).not.toHaveBeenCalled();
    await data.db
      .updateTable('products')
      .set({ status: 'draft' })
      .where('id', '=', productId)
      .execute();
    const hidden = await refusal(publicBatchPage(data.db, batchId));
    expect(hidden).toMatchObject({ status: 404, userMessage: { vi: m.batchNotPublic.vi } });
    expect(await labDocumentFor(data.db, anyone, batchId, event.id, data.dataDir)).toBeNull();
    expect(
      await labDocumentFor(data.db, async () => stranger, batchId, event.id, data.dataDir),
    ).toBeNull();
    expect(
      await labDocumentFor(data.db, async () => owner, batchId, event.id, data.dataDir),
    ).not.toBeNull();
    expect(
      await labDocumentFor(data.db, async () => owner, batchId, event.id + 999, data.dataDir),
    ).toBeNull();
    await data.db
      .updateTable('products')
      .set({ status: 'published' })
      .where('id', '=', productId)
      .execute();
  });
});

describe('submitSuspiciousReport', () => {
  it('stores reports until the network has sent its hourly five, then answers 429 with the wait', async () => {
    const report = { message: 'Bao bì khác mẫu', contact: null, serial: null };
    const sender = { network: '198.51.100.0/24', origin: 'https://chophien.test' };
    for (let i = 0; i < 5; i++)
      expect(await submitSuspiciousReport(data.db, batchId, report, sender)).toBeGreaterThan(0);
    const limited = await refusal(submitSuspiciousReport(data.db, batchId, report, sender));
    expect(limited.status).toBe(429);
    expect(limited.userMessage.vi).toMatch(
      /^Bạn đã gửi quá nhiều báo cáo\. Thử lại sau \d+ phút\.$/,
    );
    const other = { ...sender, network: '198.51.101.0/24' };
    expect(await submitSuspiciousReport(data.db, batchId, report, other)).toBeGreaterThan(0);
  });
});

describe('resumeIssueJobs from the background tick', () => {
  it('starts issues left pending longer than the stall time, and leaves fresh ones to their job', async () => {
    const now = new Date();
    const issue = (serialStart: number, requestedAt: Date) =>
      data.db
        .insertInto('stamp_issues')
        .values({
          batch_id: batchId,
          serial_start: serialStart,
          count: 1000,
          status: 'queued',
          progress: 0,
          key_id: '1',
          requested_by: null,
          requested_at: requestedAt.toISOString(),
          started_at: null,
          finished_at: null,
          error: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const stalled = await issue(1, new Date(now.getTime() - 5 * 60_000));
    const fresh = await issue(1001, now);
    expect(await resumeIssueJobs(data.db, { stalledForMs: 60_000, now })).toBe(1);
    const statusOf = async (id: number) =>
      (
        await data.db
          .selectFrom('stamp_issues')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    await vi.waitFor(async () => expect(await statusOf(stalled.id)).toBe('done'), {
      timeout: 5000,
      interval: 50,
    });
    expect(await statusOf(fresh.id)).toBe('queued');
    // At server start every pending issue is started, whatever its age.
    expect(await resumeIssueJobs(data.db)).toBe(1);
    await vi.waitFor(async () => expect(await statusOf(fresh.id)).toBe('done'), {
      timeout: 5000,
      interval: 50,
    });
  });
});
