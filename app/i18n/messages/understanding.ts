import { defineMessages } from '../messages';

/** Query understanding: the URL parameter that turns a part of it off. */
export const understandingMessages = defineMessages('understanding', {
  ignoreInvalid: {
    vi: 'Tham số ignore chỉ nhận: {kinds}.',
    en: 'ignore must be one of: {kinds}.',
  },
});
