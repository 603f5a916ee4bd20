import { defineMessages } from '../messages';

/** A listing's origin commune must lie in the province of the cooperative that sells it (issue 14). */
export const listingOriginMessages = defineMessages('listingOrigin', {
  communeOutsideProvince: {
    vi: 'Xã, phường xuất xứ phải thuộc tỉnh của hợp tác xã.',
    en: "The commune of origin must be in the cooperative's province.",
  },
});
