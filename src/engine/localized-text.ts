import { z } from 'zod';

/** A text shown to people, in both languages the offices work in. */
export const LocalizedTextSchema = z
  .object({
    zh: z.string().min(1, 'a Chinese (zh) text is required'),
    en: z.string().min(1, 'an English (en) text is required'),
  })
  .strict();

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
