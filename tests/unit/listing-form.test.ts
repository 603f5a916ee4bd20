import { describe, expect, it } from 'vitest';
import {
  listingSchema,
  newListingSchema,
  ocopClaimSchema,
  productPageSchema,
  stockChangeSchema,
} from '~/catalogue/listing-form';
import { organizationPageSchema } from '~/catalogue/organization-form';
import { sellerImportSchema } from '~/catalogue/import-form';
import { fileBuffer, readForm } from '~/catalogue/multipart-form.server';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { farmerWorkspaceMessages as fm } from '~/i18n/messages/farmer-workspace';
import { parseSubmission } from '~/lib/form';

/** A message as a failed submission carries it (both languages, without its key). */
const said = ({ vi, en }: { vi: string; en: string }) => ({ vi, en });

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const listing = {
  name: '  Chè Shan tuyết  ',
  group: 'beverage',
  unit: 'gói',
  priceVnd: '120.000',
  weightG: '',
  gtin: '',
  description: 'Chè búp hái tay.',
  originCommuneCode: '',
  category: 'Chè',
  netQuantity: '200 g',
  cert_vietgap: 'on',
  cert_vietgap_ref: 'VG-01',
  cert_organic_ref: 'ignored without its box',
};

describe('listingSchema', () => {
  it('reads the listing as the domain wants it', () => {
    expect(parseSubmission(listingSchema, form(listing))).toEqual({
      ok: true,
      value: {
        name: 'Chè Shan tuyết',
        description: 'Chè búp hái tay.',
        group: 'beverage',
        unit: 'gói',
        priceVnd: 120_000,
        weightG: null,
        gtin: null,
        originCommuneCode: null,
        category: 'Chè',
        netQuantity: '200 g',
        certifications: [{ kind: 'vietgap', reference: 'VG-01' }],
      },
    });
  });

  it('gives each bad field its own message', () => {
    const result = parseSubmission(
      listingSchema,
      form({
        ...listing,
        name: 'ab',
        group: 'toys',
        unit: '',
        priceVnd: '0',
        weightG: '-5',
        gtin: '8931234567891',
        originCommuneCode: '12',
        description: 'x'.repeat(5001),
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      name: said(m.productNameLength),
      group: said(m.groupRequired),
      unit: said(m.unitRequired),
      priceVnd: said(m.priceInvalid),
      weightG: said(m.weightInvalid),
      gtin: said(m.gtinInvalid),
      originCommuneCode: said(m.originCommuneInvalid),
      description: said(m.descriptionTooLong),
    });
  });

  it('refuses a price over a billion đồng and cuts over-long free text', () => {
    const result = parseSubmission(
      listingSchema,
      form({ ...listing, priceVnd: '1.000.000.001', category: 'c'.repeat(90) }),
    );
    expect(result.ok ? null : result.fieldErrors.priceVnd).toEqual(said(m.priceInvalid));
    const ok = parseSubmission(listingSchema, form({ ...listing, category: 'c'.repeat(90) }));
    expect(ok.ok && ok.value.category).toBe('c'.repeat(80));
  });
});

describe('newListingSchema', () => {
  const stockOf = (stock: string | undefined) => {
    const entries: Record<string, string> = { ...listing };
    if (stock !== undefined) entries.stock = stock;
    const result = parseSubmission(newListingSchema, form(entries));
    return result.ok ? result.value.stock : result.fieldErrors.stock;
  };
  it('takes the stock on hand with the listing, blank or missing meaning none', () => {
    expect(stockOf('25')).toBe(25);
    expect(stockOf('1.200')).toBe(1200);
    expect(stockOf(' 40 ')).toBe(40);
    expect(stockOf('')).toBe(0);
    expect(stockOf(undefined)).toBe(0);
    const ok = parseSubmission(newListingSchema, form({ ...listing, stock: '3' }));
    expect(ok.ok && ok.value.listing.name).toBe('Chè Shan tuyết');
  });
  it('refuses a stock that is negative, fractional, text or over a million', () => {
    for (const bad of ['-5', '2,5', 'nhiều', '1000001', '99999999'])
      expect(stockOf(bad), bad).toEqual(said(fm.initialStockInvalid));
  });
});

describe('ocopClaimSchema', () => {
  const claim = {
    stars: '4',
    certificateNo: '123/QĐ-UBND',
    issuer: 'UBND tỉnh Lai Châu',
    issuedOn: '01/03/2025',
    expiresOn: '',
  };
  it('reads dates typed dd/mm/yyyy', () => {
    expect(parseSubmission(ocopClaimSchema, form(claim))).toEqual({
      ok: true,
      value: { ...claim, stars: 4, issuedOn: '2025-03-01', expiresOn: null },
    });
  });
  it('refuses wrong stars, missing fields and an expiry before the issue date', () => {
    const bad = parseSubmission(
      ocopClaimSchema,
      form({ ...claim, stars: '2', certificateNo: '', issuer: '', issuedOn: '31/02/2025' }),
    );
    expect(bad.ok ? null : bad.fieldErrors).toEqual({
      stars: said(m.ocopStarsInvalid),
      certificateNo: said(m.certificateNoRequired),
      issuer: said(m.issuerRequired),
      issuedOn: said(m.issuedOnInvalid),
    });
    const early = parseSubmission(ocopClaimSchema, form({ ...claim, expiresOn: '01/01/2025' }));
    expect(early.ok ? null : early.fieldErrors).toEqual({ expiresOn: said(m.expiresOnInvalid) });
  });
});

describe('stockChangeSchema', () => {
  it('reads a signed whole number, a typographic minus included', () => {
    for (const [typed, delta] of [
      ['+5', 5],
      ['-3', -3],
      ['−2', -2],
      ['12', 12],
    ] as const) {
      expect(
        parseSubmission(stockChangeSchema, form({ delta: typed, reason: 'Thu hoạch' })),
      ).toEqual({ ok: true, value: { delta, reason: 'Thu hoạch' } });
    }
  });
  it('refuses zero, decimals and a missing reason', () => {
    for (const delta of ['0', '1.5', 'abc', '']) {
      const result = parseSubmission(stockChangeSchema, form({ delta, reason: 'x' }));
      expect(result.ok ? null : result.fieldErrors.delta).toEqual(said(m.stockDeltaInvalid));
    }
    const noReason = parseSubmission(stockChangeSchema, form({ delta: '1', reason: '  ' }));
    expect(noReason.ok ? null : noReason.fieldErrors.reason).toEqual(said(m.stockReasonRequired));
  });
});

describe('the page schemas, one form per intent', () => {
  it('switch the product page on its intent', () => {
    // Each section of the edit page gives only its own fields, whatever else the body carries.
    expect(parseSubmission(productPageSchema, form({ intent: 'price', ...listing }))).toEqual({
      ok: true,
      value: { intent: 'price', listing: { priceVnd: 120_000, unit: 'gói', netQuantity: '200 g' } },
    });
    expect(parseSubmission(productPageSchema, form({ intent: 'basics', ...listing }))).toEqual({
      ok: true,
      value: {
        intent: 'basics',
        listing: {
          name: 'Chè Shan tuyết',
          group: 'beverage',
          category: 'Chè',
          description: 'Chè búp hái tay.',
        },
      },
    });
    expect(
      parseSubmission(productPageSchema, form({ intent: 'shipping', weightG: '250', gtin: '' })),
    ).toEqual({
      ok: true,
      value: { intent: 'shipping', listing: { weightG: 250, gtin: null, originCommuneCode: null } },
    });
    expect(
      parseSubmission(productPageSchema, form({ intent: 'certifications', ...listing })),
    ).toEqual({
      ok: true,
      value: {
        intent: 'certifications',
        listing: { certifications: [{ kind: 'vietgap', reference: 'VG-01' }] },
      },
    });
    const noName = parseSubmission(productPageSchema, form({ intent: 'basics', group: 'food' }));
    expect(noName.ok ? null : Object.keys(noName.fieldErrors)).toEqual(['name']);
    const noPrice = parseSubmission(productPageSchema, form({ intent: 'price', unit: '' }));
    expect(noPrice.ok ? null : noPrice.fieldErrors).toEqual({
      priceVnd: said(m.priceInvalid),
      unit: said(m.unitRequired),
    });
    expect(parseSubmission(productPageSchema, form({ intent: 'archive' }))).toEqual({
      ok: true,
      value: { intent: 'archive' },
    });
    expect(
      parseSubmission(productPageSchema, form({ intent: 'stock', delta: '-1', reason: 'hỏng' })),
    ).toEqual({ ok: true, value: { intent: 'stock', delta: -1, reason: 'hỏng' } });
    const unknown = parseSubmission(productPageSchema, form({ intent: 'delete' }));
    expect(unknown.ok ? null : unknown.fieldErrors.intent).toEqual(said(m.unknownAction));
  });
  it('switch the organization page on its intent', () => {
    expect(
      parseSubmission(organizationPageSchema, form({ intent: 'invite', identifier: 'a@b.vn' })),
    ).toEqual({ ok: true, value: { intent: 'invite', identifier: 'a@b.vn', role: 'staff' } });
    expect(
      parseSubmission(organizationPageSchema, form({ intent: 'remove', userId: '12' })),
    ).toEqual({ ok: true, value: { intent: 'remove', userId: 12 } });
    const unknown = parseSubmission(organizationPageSchema, form({}));
    expect(unknown.ok ? null : unknown.fieldErrors.intent).toEqual(said(m.unknownAction));
  });
  it('switch the import page between preview and import', () => {
    expect(parseSubmission(sellerImportSchema, form({ intent: 'import', csv: 'YQ==' }))).toEqual({
      ok: true,
      value: { intent: 'import', csv: 'YQ==' },
    });
    expect(parseSubmission(sellerImportSchema, form({ intent: 'preview' })).ok).toBe(true);
  });
});

describe('readForm (a form that may carry a file)', () => {
  const post = (body: BodyInit, type: string) =>
    new Request('http://localhost/x', { method: 'POST', body, headers: { 'Content-Type': type } });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: { status?: number; userMessage?: unknown }) => e.status,
    );

  it('reads a multipart form with its file, and an urlencoded one', async () => {
    const data = new FormData();
    data.set('intent', 'photo');
    data.set('photo', new Blob([new Uint8Array([1, 2, 3])]), 'a.jpg');
    const multipart = await readForm(
      new Request('http://localhost/x', { method: 'POST', body: data }),
    );
    expect(multipart.get('intent')).toBe('photo');
    expect((await fileBuffer(multipart, 'photo'))?.length).toBe(3);
    expect(await fileBuffer(multipart, 'missing')).toBeNull();
    const plain = await readForm(post('intent=save', 'application/x-www-form-urlencoded'));
    expect(plain.get('intent')).toBe('save');
  });

  it('refuses a body that is not a form (415) and a broken multipart body (400)', async () => {
    expect(await refusal(readForm(post('{}', 'application/json')))).toBe(415);
    expect(await refusal(readForm(post('--x\r\nbroken', 'multipart/form-data; boundary=x')))).toBe(
      400,
    );
  });
});
