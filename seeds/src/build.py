"""Builds seeds/demo/*.json from the tables in this folder: python3 seeds/src/build.py"""
import json, os, sys, unicodedata, re
sys.path.insert(0, os.path.dirname(__file__))
from cooperatives import COOPERATIVES
from products_a import P
import products_b, products_c, products_d  # noqa: F401  (they append to P)

ROOT = os.path.dirname(os.path.dirname(__file__))

def slugify(text):
    text = unicodedata.normalize('NFD', text.replace('đ', 'd').replace('Đ', 'D'))
    text = ''.join(c for c in text if unicodedata.category(c) != 'Mn').lower()
    return '-'.join(re.findall(r'[a-z0-9]+', text))

def check_digit(digits):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)

PROVINCE_ISSUER = {'12': 'UBND tỉnh Lai Châu', '11': 'UBND tỉnh Điện Biên', '15': 'UBND tỉnh Lào Cai', '19': 'UBND tỉnh Thái Nguyên'}
# Before the July 2025 merger these communes belonged to Yên Bái or Bắc Kạn, whose People's Committees issued their certificates.
OLD_ISSUER = {'04672': 'UBND tỉnh Yên Bái', '04375': 'UBND tỉnh Yên Bái', '04456': 'UBND tỉnh Yên Bái',
              '02185': 'UBND tỉnh Bắc Kạn', '01906': 'UBND tỉnh Bắc Kạn', '02086': 'UBND tỉnh Bắc Kạn'}

coops = []
province_of = {}
commune_of = {}
for i, (slug, name, kind, province, commune, address, phone, description) in enumerate(COOPERATIVES):
    coops.append({'slug': slug, 'name': name, 'kind': kind, 'provinceCode': province, 'communeCode': commune,
                  'addressLine': address, 'phone': phone, 'description': description, 'verified': True})
    province_of[slug] = province
    commune_of[slug] = commune

products = []
seen = set()
for n, (coop, name, group, category, unit, net, weight, price, stock, stars, certs, description, origin) in enumerate(P):
    slug = slugify(name)
    assert slug not in seen, slug
    seen.add(slug)
    origin_commune = origin or commune_of[coop]
    ocop = None
    if stars:
        month = 1 + (n * 5) % 12
        year = 2024 + (n % 2) if n % 11 else 2023
        issued = f'{year}-{month:02d}-{1 + (n * 7) % 27:02d}'
        if stars == 5:
            issuer = 'Bộ Nông nghiệp và Phát triển nông thôn' if year < 2025 else 'Bộ Nông nghiệp và Môi trường'
        elif year < 2025 or (year == 2025 and month < 7):
            issuer = OLD_ISSUER.get(origin_commune, PROVINCE_ISSUER[province_of[coop]])
        else:
            issuer = PROVINCE_ISSUER[province_of[coop]]
        ocop = {'stars': stars, 'certificateNo': f'{100 + n * 13 % 900}/QĐ-{"BNN" if stars == 5 else "UBND"}', 'issuer': issuer, 'issuedOn': issued}
    gtin = None
    if n % 2 == 0:
        base = f'893{8400 + COOPERATIVES.index(next(c for c in COOPERATIVES if c[0] == coop)):04d}{n:05d}'
        gtin = base + check_digit(base)
    products.append({
        'slug': slug, 'cooperative': coop, 'name': name, 'description': description, 'group': group, 'category': category,
        'unit': unit, 'netQuantity': net, 'weightG': weight, 'priceVnd': price, 'stock': stock, 'originCommuneCode': origin_commune,
        'gtin': gtin, 'ocop': ocop, 'certifications': [{'kind': k, 'reference': r} for k, r in certs],
        'image': f'{slug}.svg', 'createdDaysAgo': (n * 17) % 240,
    })

os.makedirs(os.path.join(ROOT, 'demo'), exist_ok=True)
with open(os.path.join(ROOT, 'demo', 'cooperatives.json'), 'w', encoding='utf-8') as f:
    json.dump(coops, f, ensure_ascii=False, indent=1)
with open(os.path.join(ROOT, 'demo', 'products.json'), 'w', encoding='utf-8') as f:
    json.dump(products, f, ensure_ascii=False, indent=1)
print(f'{len(coops)} cooperatives, {len(products)} products')
