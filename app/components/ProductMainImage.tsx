import { imageSrcSet, imageUrl } from '~/lib/image-urls';

/** The product page's main photo (also on the seller's preview of it): responsive, sized to its ratio. */
export function ProductMainImage({
  image,
  fallbackAlt,
}: {
  image: { storageKey: string; width: number; height: number; alt: string } | undefined;
  fallbackAlt: string;
}) {
  if (!image) return null;
  return (
    <img
      src={imageUrl(image.storageKey, 640)}
      srcSet={imageSrcSet(image.storageKey)}
      sizes="(min-width: 48rem) 30rem, 100vw"
      width={640}
      height={Math.round((640 * image.height) / image.width)}
      alt={image.alt || fallbackAlt}
    />
  );
}
