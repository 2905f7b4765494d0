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

function fromBase64Url(code: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new Error('the link contains characters a share link never has');
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

export async function decodeScenario(code: string): Promise<string> {
  if (code.length > MAX_CODE_CHARS) throw new Error('the share link is too long to be a scenario');
  const stream = new Blob([fromBase64Url(code)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
    if (text.length > MAX_SCENARIO_TEXT) {
      await reader.cancel();
      throw new Error('the share link unpacks into more text than a scenario may have');
    }
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
