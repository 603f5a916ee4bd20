import { defineMessages } from '../messages';

/** Place names typed by people (imports, registers, addresses) that match more than one place. */
export const placeMessages = defineMessages('places', {
  ambiguousCommune: {
    vi: '“{value}” ở {province} có thể là {names}: hãy gõ đúng dấu hoặc ghi mã xã.',
    en: '“{value}” in {province} could be {names}: type it with its diacritics or give the commune code.',
  },
  ambiguousProvince: {
    vi: '“{value}” có thể là {names}: hãy gõ đúng dấu hoặc ghi mã tỉnh.',
    en: '“{value}” could be {names}: type it with its diacritics or give the province code.',
  },
});
