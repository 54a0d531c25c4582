// What Python's `requests` gives as `response.text`: the body decoded with the charset of its
// Content-Type, and ISO-8859-1 for a text/* answer that names none (RFC 2616's default), whatever
// the bytes really are. Example6 decodes like that, so its files come out as the book's did.

/** Python's names for ISO-8859-1. The WHATWG TextDecoder reads this label as windows-1252 instead. */
const LATIN_1 = /^(iso-?8859-1|latin-?1|l1|cp819|iso-ir-100)$/;

/**
 * The encoding `requests` decodes with: the `charset` parameter of `contentType`, else
 * `ISO-8859-1` for `text/*`, else undefined (requests would then guess with chardet).
 */
export function requestsEncoding(contentType: string | null): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (charset !== undefined) return charset;
  return /^\s*text\//i.test(contentType ?? '') ? 'ISO-8859-1' : undefined;
}

/**
 * `response.text` of requests: `body` decoded with `requestsEncoding(contentType)`, bad bytes
 * replaced (requests' `errors='replace'`); UTF-8 where it would guess or the charset is unknown.
 */
export function requestsText(contentType: string | null, body: Buffer): string {
  const encoding = requestsEncoding(contentType)?.toLowerCase().replace(/_/g, '-');
  if (encoding !== undefined && LATIN_1.test(encoding)) return body.toString('latin1');
  try {
    return new TextDecoder(encoding ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
