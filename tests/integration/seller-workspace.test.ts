import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '~/accounts';
import { loadActor } from '~/accounts/index.server';
import { importSellerCsv, MAX_SELLER_CSV_BYTES } from '~/catalogue/import/seller-import.server';
import { IMPORT_COLUMNS } from '~/catalogue/import/columns';
import { listOrganizationProductCards } from '~/catalogue/search-documents.server';
import {
  createListingWithPhoto,
  submitOcopClaim,
  uploadOrganizationLogo,
  uploadProductPhoto,
} from '~/catalogue/uploads.server';
import { getMemberOrganization, getOrganizationWorkspace } from '~/catalogue/workspace.server';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { isUserError, type UserError } from '~/lib/errors';
import { copyTemplateDatabase, first, type TestData } from '../helpers/test-db';

const UPLOADS = path.resolve(import.meta.dirname, '../fixtures/uploads');
let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
  // The template's uploads are linked read-only; these tests write photos.
  fs.rmSync(data.uploadsDir);
  fs.mkdirSync(data.uploadsDir);
});
afterEach(async () => {
  await data.cleanup();
});

async function actorOf(email: string): Promise<Actor> {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(data.db, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}
const owner = () => actorOf('htx-che-tam-duong@chophien.test');
const organizationOf = async (actor: Actor) => first(actor.memberships).organizationId;
const otherOrganization = async (actor: Actor) =>
  (
    await data.db
      .selectFrom('organizations')
      .select('id')
      .where(
        'id',
        'not in',
        actor.memberships.map((mm) => mm.organizationId),
      )
      .executeTakeFirstOrThrow()
  ).id;
async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}
const listing = {
  name: 'Chè búp thử nghiệm',
  description: '',
  group: 'beverage' as const,
  category: 'Chè',
  unit: 'gói',
  netQuantity: '200 g',
  weightG: 250,
  priceVnd: 120_000,
  gtin: null,
  originCommuneCode: null,
  certifications: [],
};
const photo = () => fs.readFileSync(path.join(UPLOADS, 'small.webp'));

describe('the organization pages', () => {
  it('give a member their organization and anyone else a 404', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    expect(await getMemberOrganization(data.db, actor, id)).toMatchObject({ id });
    const other = await otherOrganization(actor);
    expect((await userError(getMemberOrganization(data.db, actor, other))).status).toBe(404);
  });

  it('show the owner the members and the audit log, an officer of the province too', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const page = await getOrganizationWorkspace(data.db, actor, id);
    expect(page).toMatchObject({ isOwner: true, canReadAudit: true });
    expect(page.members.map((mm) => mm.id)).toContain(actor.userId);
    const officer = await actorOf('socongthuong.laichau@chophien.test');
    expect(await getOrganizationWorkspace(data.db, officer, id)).toMatchObject({
      isOwner: false,
      canReadAudit: true,
    });
    const stranger = await actorOf('socongthuong.laocai@chophien.test');
    expect((await userError(getOrganizationWorkspace(data.db, stranger, id))).status).toBe(404);
    expect((await userError(getOrganizationWorkspace(data.db, actor, 999_999))).status).toBe(404);
  });
});

describe('forms with a file', () => {
  it('create a listing with its photo, or nothing at all when the photo is bad', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const created = await createListingWithPhoto(
      data.db,
      actor,
      id,
      listing,
      photo(),
      data.uploadsDir,
    );
    const images = await data.db
      .selectFrom('product_images')
      .select('storage_key')
      .where('product_id', '=', created)
      .execute();
    expect(images).toHaveLength(1);

    const before = await data.db.selectFrom('products').select('id').execute();
    const bad = fs.readFileSync(path.join(UPLOADS, 'renamed-executable.jpg'));
    const refused = await userError(
      createListingWithPhoto(
        data.db,
        actor,
        id,
        { ...listing, name: 'Chè khác' },
        bad,
        data.uploadsDir,
      ),
    );
    expect(refused.status).toBe(415);
    expect(await data.db.selectFrom('products').select('id').execute()).toHaveLength(before.length);
  });

  it('ask for a photo when none was chosen, and hide other organizations’ products', async () => {
    const actor = await owner();
    const mine = await createListingWithPhoto(
      data.db,
      actor,
      await organizationOf(actor),
      listing,
      null,
      data.uploadsDir,
    );
    const missing = await userError(
      uploadProductPhoto(data.db, actor, mine, null, data.uploadsDir),
    );
    expect([missing.status, missing.field, missing.userMessage.vi]).toEqual([
      400,
      'photo',
      m.photoRequired.vi,
    ]);
    const theirs = await data.db
      .selectFrom('products')
      .select('id')
      .where('organization_id', '=', await otherOrganization(actor))
      .executeTakeFirstOrThrow();
    expect(
      (await userError(uploadProductPhoto(data.db, actor, theirs.id, photo(), data.uploadsDir)))
        .status,
    ).toBe(404);
  });

  it('store an OCOP claim with its scan, waiting for review', async () => {
    const actor = await owner();
    const product = await createListingWithPhoto(
      data.db,
      actor,
      await organizationOf(actor),
      listing,
      null,
      data.uploadsDir,
    );
    const scan = fs.readFileSync(path.join(UPLOADS, 'certificate.pdf'));
    const claim = {
      stars: 4 as const,
      certificateNo: '123/QĐ-UBND',
      issuer: 'UBND tỉnh Lai Châu',
      issuedOn: '2025-03-01',
      expiresOn: null,
    };
    await submitOcopClaim(data.db, actor, product, claim, scan, data.dataDir);
    const row = await data.db
      .selectFrom('ocop_certificates')
      .select(['review_state', 'scan_content_type', 'expires_on'])
      .where('product_id', '=', product)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      review_state: 'pending',
      scan_content_type: 'application/pdf',
      expires_on: '2028-03-01',
    });
  });

  it('let only an owner change the logo, and ask for the file', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const missing = await userError(
      uploadOrganizationLogo(data.db, actor, id, null, data.uploadsDir),
    );
    expect(missing.userMessage.en).toBe(m.logoRequired.en);
    await uploadOrganizationLogo(data.db, actor, id, photo(), data.uploadsDir);
    const org = await data.db
      .selectFrom('organizations')
      .select('logo_key')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(org.logo_key).toBeTruthy();
    const staff = {
      ...actor,
      memberships: actor.memberships.map((mm) => ({ ...mm, role: 'staff' as const })),
    };
    expect(
      (await userError(uploadOrganizationLogo(data.db, staff, id, photo(), data.uploadsDir)))
        .status,
    ).toBe(403);
  });
});

describe('importSellerCsv', () => {
  const header = IMPORT_COLUMNS.join(',');
  it('previews, then imports the member’s rows as drafts', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const org = await getMemberOrganization(data.db, actor, id);
    const csv = Buffer.from(
      `${header}\n${org.name},Lai Châu,,Mứt mận thử,,food,Mứt,hộp,65000,20,,,,,,\n`,
    );
    const preview = await importSellerCsv(data.db, actor, id, 'preview', csv, data.uploadsDir);
    expect(preview).toEqual({
      ok: true,
      preview: [
        { line: 2, name: 'Mứt mận thử', priceVnd: 65000, unit: 'hộp', stock: 20, stars: null },
      ],
    });
    const imported = await importSellerCsv(data.db, actor, id, 'import', csv, data.uploadsDir);
    expect(imported).toMatchObject({ ok: true, imported: { created: 1 } });
    const product = await data.db
      .selectFrom('products')
      .select(['id', 'status', 'stock'])
      .where('name', '=', 'Mứt mận thử')
      .executeTakeFirstOrThrow();
    expect(product).toMatchObject({ status: 'draft', stock: 20 });
    const movement = await data.db
      .selectFrom('stock_movements')
      .select(['reason', 'delta', 'user_id'])
      .where('product_id', '=', product.id)
      .executeTakeFirstOrThrow();
    expect(movement).toEqual({ reason: 'import', delta: 20, user_id: actor.userId });
  });

  it('refuses a missing or oversize file and another organization', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const missing = await userError(importSellerCsv(data.db, actor, id, 'preview', null, ''));
    expect([missing.field, missing.userMessage.vi]).toEqual(['file', m.csvRequired.vi]);
    const big = Buffer.alloc(MAX_SELLER_CSV_BYTES + 1, 'a');
    expect(
      (await userError(importSellerCsv(data.db, actor, id, 'preview', big, ''))).userMessage.vi,
    ).toBe(m.csvTooLarge.vi);
    const other = await otherOrganization(actor);
    expect(
      (await userError(importSellerCsv(data.db, actor, other, 'preview', Buffer.from('x'), '')))
        .status,
    ).toBe(404);
  });
});

describe('listOrganizationProductCards', () => {
  it('gives the published products of one organization as cards, newest first', async () => {
    const actor = await owner();
    const id = await organizationOf(actor);
    const cards = await listOrganizationProductCards(data.db, id);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.cooperativeId === id)).toBe(true);
    const dates = cards.map((c) => c.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
