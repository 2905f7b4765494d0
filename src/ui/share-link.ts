// Share links carry the whole scenario text in the URL hash (deflate-raw, then base64url), so
// the same text and seed reproduce the same run anywhere. The hash never reaches a server.
// Decoding is bounded: a crafted link cannot inflate into more than a scenario's worth of text.
import { MAX_SCENARIO_TEXT } from '../worker/protocol.ts';

const HASH_KEY = 's';
/** Longer links are refused before decompression. */
const MAX_CODE_CHARS = 200_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Why a share link cannot be opened, in words for the page's banner. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

/** A link cut short or altered, whatever the layer (base64, deflate, UTF-8) that noticed. */
const DAMAGED = 'the link is damaged: its packed scenario does not unpack (was it cut short when copied?)';

function fromBase64Url(code: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new ShareLinkError('the link contains characters a share link never has');
  // No base64 text is one character past a multiple of four (atob's own word is "Invalid character").
  if (code.length % 4 === 1) throw new ShareLinkError(DAMAGED);
  const base64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function encodeScenario(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The scenario text a share code holds. Every failure is a ShareLinkError in words (the
 * decompressor's own, "invalid block type" or "unexpected end of file", say nothing to a user);
 * text that is not UTF-8 is refused, not patched with replacement characters; a leading byte-order
 * mark is kept (the decoder would drop it: the text would not be the one shared).
 */
export async function decodeScenario(code: string): Promise<string> {
  if (code === '') throw new ShareLinkError('the link holds no scenario (nothing follows #s=)');
  if (code.length > MAX_CODE_CHARS) throw new ShareLinkError('the share link is too long to be a scenario');
  const bytes = fromBase64Url(code);
  let text = '';
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.pipeThrough(new TextDecoderStream('utf-8', { fatal: true, ignoreBOM: true })).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
      if (text.length > MAX_SCENARIO_TEXT) {
        await reader.cancel();
        throw new ShareLinkError('the share link unpacks into more text than a scenario may have');
      }
    }
  } catch (error) {
    throw error instanceof ShareLinkError ? error : new ShareLinkError(DAMAGED);
  }
  return text;
}

/** The share code in a location hash (`#s=...`), if any. */
export function codeFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(HASH_KEY);
}

export function shareUrl(location: Location, code: string): string {
  return `${location.origin}${location.pathname}${location.search}#${HASH_KEY}=${code}`;
}
