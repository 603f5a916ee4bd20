/** A bilingual message: Vietnamese first, English second. */
export interface Message {
  vi: string;
  en: string;
}

/** A bilingual message with the key a zod schema carries in its issues (see `app/lib/form.ts`). */
export type KeyedMessage = Message & { readonly key: string };

const registry = new Map<string, Message>();

/**
 * Declares an area's user-facing messages (the tables live in `app/i18n/messages/<area>.ts`). Each one gets a
 * key `area.name`, registered so that a form schema can name a message in a zod issue (zod issues carry
 * strings) and the form helper can give the message back in the reader's language.
 */
export function defineMessages<T extends Record<string, Message>>(
  area: string,
  messages: T,
): { readonly [K in keyof T]: KeyedMessage } {
  const keyed = {} as Record<string, KeyedMessage>;
  for (const [name, message] of Object.entries(messages)) {
    const key = `${area}.${name}`;
    if (registry.has(key) && registry.get(key)?.vi !== message.vi) {
      throw new Error(`Message key ${key} is declared twice`);
    }
    registry.set(key, message);
    // The key is not enumerable: a message still compares, spreads and serialises as plain { vi, en }.
    keyed[name] = Object.freeze(
      Object.defineProperty({ vi: message.vi, en: message.en }, 'key', { value: key }),
    ) as KeyedMessage;
  }
  return keyed as { readonly [K in keyof T]: KeyedMessage };
}

export function messageByKey(key: string): Message | undefined {
  return registry.get(key);
}

/** `{name}` placeholders filled in both languages. */
export function formatMessage(message: Message, params: Record<string, string | number>): Message {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  return { vi: fill(message.vi), en: fill(message.en) };
}
