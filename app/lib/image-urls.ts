/** Widths every product image is stored in (WebP). The largest is the storage key's own file. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

/** Public URL of one variant. Keys are content-addressed, so these URLs are cached for a year. */
export function imageUrl(storageKey: string, width: (typeof IMAGE_WIDTHS)[number]): string {
  return `/uploads/${storageKey}-${width}.webp`;
}

export function imageSrcSet(storageKey: string): string {
  return IMAGE_WIDTHS.map((w) => `${imageUrl(storageKey, w)} ${w}w`).join(', ');
}
