import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node';
import { isValidGtin } from '~/lib/gtin';
import { parseCalendarDate } from '~/lib/dates';
import { invalid, UserError } from '~/lib/errors';
import { MAX_UPLOAD_BYTES } from '~/lib/images.server';
import { parseVnd } from '~/lib/money';
import { text } from '~/lib/forms.server';
import { CERTIFICATION_KINDS, isOcopGroup } from './groups';
import type { ListingInput } from './listings.server';
import type { OcopClaimInput } from './ocop-claims.server';

/** Reads a form that may carry a file; a file over 10 MB is refused before it is held in memory. */
export async function readForm(request: Request): Promise<FormData> {
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data'))
    return request.formData();
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (
      error instanceof MaxPartSizeExceededError ||
      (error as Error)?.name === 'MaxPartSizeExceededError'
    ) {
      throw new UserError(
        'too_large',
        413,
        { vi: 'Tệp quá lớn: tối đa 10 MB.', en: 'The file is too large: 10 MB at most.' },
        'photo',
      );
    }
    throw error;
  }
}

export async function fileBuffer(form: FormData, name: string): Promise<Buffer | null> {
  const file = form.get(name);
  if (!file || typeof file === 'string' || file.size === 0) return null;
  return Buffer.from(await file.arrayBuffer());
}

const positiveInt = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : null);

export function parseListingForm(form: FormData): ListingInput {
  const name = text(form, 'name');
  if (name.length < 3 || name.length > 150)
    throw invalid('name', {
      vi: 'Tên sản phẩm cần 3–150 ký tự.',
      en: 'The product name needs 3–150 characters.',
    });
  const group = text(form, 'group');
  if (!isOcopGroup(group))
    throw invalid('group', { vi: 'Hãy chọn nhóm sản phẩm.', en: 'Choose a product group.' });
  const unit = text(form, 'unit');
  if (!unit || unit.length > 30)
    throw invalid('unit', {
      vi: 'Hãy nhập đơn vị tính (ví dụ: gói, hộp, kg).',
      en: 'Enter the unit (e.g. pack, box, kg).',
    });
  const price = parseVnd(text(form, 'priceVnd'));
  if (!price || price <= 0 || price > 1_000_000_000)
    throw invalid('priceVnd', {
      vi: 'Giá phải là số đồng nguyên dương, ví dụ 120000 hoặc 120.000.',
      en: 'The price must be a positive whole number of đồng, e.g. 120000 or 120.000.',
    });
  const weightText = text(form, 'weightG');
  const weightG = weightText ? positiveInt(weightText) : null;
  if (weightText && !weightG)
    throw invalid('weightG', {
      vi: 'Khối lượng là số gam nguyên dương.',
      en: 'The weight is a positive whole number of grams.',
    });
  const gtin = text(form, 'gtin') || null;
  if (gtin && !isValidGtin(gtin))
    throw invalid('gtin', {
      vi: 'Mã vạch GTIN sai (độ dài hoặc số kiểm tra).',
      en: 'The GTIN is invalid (length or check digit).',
    });
  const description = text(form, 'description');
  if (description.length > 5000)
    throw invalid('description', {
      vi: 'Mô tả tối đa 5.000 ký tự.',
      en: 'The description is 5,000 characters at most.',
    });
  const origin = text(form, 'originCommuneCode') || null;
  if (origin && !/^\d{5}$/.test(origin))
    throw invalid('originCommuneCode', { vi: 'Xã, phường không hợp lệ.', en: 'Invalid commune.' });
  return {
    name,
    description,
    group,
    unit,
    priceVnd: price,
    weightG,
    gtin,
    originCommuneCode: origin,
    category: text(form, 'category').slice(0, 80),
    netQuantity: text(form, 'netQuantity').slice(0, 50),
    certifications: CERTIFICATION_KINDS.filter((k) => form.get(`cert_${k}`) === 'on').map(
      (kind) => ({ kind, reference: text(form, `cert_${kind}_ref`).slice(0, 100) }),
    ),
  };
}

export function parseOcopForm(form: FormData): Omit<OcopClaimInput, 'scanKey' | 'scanContentType'> {
  const stars = Number(text(form, 'stars'));
  if (![3, 4, 5].includes(stars))
    throw invalid('stars', {
      vi: 'Hạng OCOP phải là 3, 4 hoặc 5 sao.',
      en: 'OCOP stars must be 3, 4 or 5.',
    });
  const certificateNo = text(form, 'certificateNo');
  if (!certificateNo)
    throw invalid('certificateNo', {
      vi: 'Hãy nhập số giấy chứng nhận.',
      en: 'Enter the certificate number.',
    });
  const issuer = text(form, 'issuer');
  if (!issuer)
    throw invalid('issuer', { vi: 'Hãy nhập cơ quan cấp.', en: 'Enter the issuing authority.' });
  const issuedOn = parseCalendarDate(text(form, 'issuedOn'));
  if (!issuedOn)
    throw invalid('issuedOn', {
      vi: 'Ngày cấp không hợp lệ (dd/mm/yyyy).',
      en: 'Invalid issue date (dd/mm/yyyy).',
    });
  const expiresText = text(form, 'expiresOn');
  const expiresOn = expiresText ? parseCalendarDate(expiresText) : null;
  if (expiresText && (!expiresOn || expiresOn <= issuedOn))
    throw invalid('expiresOn', {
      vi: 'Ngày hết hạn không hợp lệ hoặc trước ngày cấp.',
      en: 'The expiry date is invalid or before the issue date.',
    });
  return { stars: stars as 3 | 4 | 5, certificateNo, issuer, issuedOn, expiresOn };
}
