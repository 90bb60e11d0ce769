/**
 * The files a clinic's IT writes to deliver CallCheck's policy, and how to
 * find CallCheck's settings in each: Chrome, Chromium and Edge JSON policy
 * files (Linux), Windows registry exports, macOS configuration profiles,
 * the Google Admin console's JSON, Firefox's policies.json, or the bare
 * settings object.
 */
import { MANAGED_SCHEMA, type SchemaNode } from './managed-schema';

export const CHROME_EXTENSION_ID = 'llaohoomnfgbdhmjgjlndpkljbnadhfp';
export const FIREFOX_EXTENSION_ID = 'callcheck@callcheck.dev';

export type PolicyFormat =
  | 'settings object'
  | 'Chrome JSON policy'
  | 'Firefox policies.json'
  | 'Google Admin console JSON'
  | 'Windows registry'
  | 'macOS profile';

export type Extracted =
  { ok: true; format: PolicyFormat; policy: Record<string, unknown> } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function extractPolicy(text: string, fileName: string): Extracted {
  if (/\.reg$/i.test(fileName) || /^(\uFEFF)?Windows Registry Editor/.test(text)) return fromRegistry(text);
  if (/\.mobileconfig$|\.plist$/i.test(fileName) || text.trimStart().startsWith('<?xml')) return fromProfile(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  if (!isRecord(raw)) return { ok: false, error: 'the file must hold a JSON object' };
  if (isRecord(raw.policies)) {
    const third = raw.policies['3rdparty'];
    const extensions = isRecord(third) ? third.Extensions : undefined;
    if (!isRecord(extensions) || !isRecord(extensions[FIREFOX_EXTENSION_ID])) {
      return { ok: false, error: `policies.json has no policies.3rdparty.Extensions["${FIREFOX_EXTENSION_ID}"]` };
    }
    return { ok: true, format: 'Firefox policies.json', policy: extensions[FIREFOX_EXTENSION_ID] };
  }
  if (isRecord(raw['3rdparty'])) {
    const extensions = raw['3rdparty'].extensions;
    if (!isRecord(extensions) || !isRecord(extensions[CHROME_EXTENSION_ID])) {
      return { ok: false, error: `the policy file has no 3rdparty.extensions["${CHROME_EXTENSION_ID}"]` };
    }
    return { ok: true, format: 'Chrome JSON policy', policy: extensions[CHROME_EXTENSION_ID] };
  }
  const values = Object.values(raw);
  if (values.length > 0 && values.every((v) => isRecord(v) && Object.keys(v).length === 1 && 'Value' in v)) {
    return {
      ok: true,
      format: 'Google Admin console JSON',
      policy: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (v as { Value: unknown }).Value])),
    };
  }
  return { ok: true, format: 'settings object', policy: raw };
}

/**
 * A .reg export of HKLM\SOFTWARE\Policies\<Google\Chrome | Microsoft\Edge |
 * Chromium>\3rdparty\extensions\<id>\policy. Lists are subkeys named 1, 2, …;
 * objects are subkeys named after their properties.
 */
function fromRegistry(text: string): Extracted {
  const root: Record<string, unknown> = {};
  let current: Record<string, unknown> | null = null;
  let found = false;
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('Windows Registry Editor')) continue;
    const key = /^\[(-?)(.+)\]$/.exec(trimmed);
    if (key) {
      const match = /\\3rdparty\\extensions\\([a-p]{32})\\policy((?:\\[^\\]+)*)$/i.exec(key[2]!);
      if (key[1] === '-' || !match || match[1] !== CHROME_EXTENSION_ID) {
        current = null;
        continue;
      }
      found = true;
      current = root;
      for (const segment of match[2]!.split('\\').filter(Boolean)) {
        if (!isRecord(current[segment])) current[segment] = {};
        current = current[segment] as Record<string, unknown>;
      }
      continue;
    }
    if (!current) continue;
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(trimmed);
    if (!value) return { ok: false, error: `cannot read this registry line: ${trimmed.slice(0, 80)}` };
    const name = unescape(value[1]!);
    const data = value[2]!;
    if (data.startsWith('"') && data.endsWith('"')) current[name] = unescape(data.slice(1, -1));
    else if (/^dword:[0-9a-f]{8}$/i.test(data)) current[name] = Number.parseInt(data.slice(6), 16);
    else return { ok: false, error: `only string and dword values are used: ${trimmed.slice(0, 80)}` };
  }
  if (!found)
    return { ok: false, error: `no key ...\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy in this file` };
  return { ok: true, format: 'Windows registry', policy: registryToJson(root) as Record<string, unknown> };
}

/**
 * Subkeys 1..n become lists; a dword 0 or 1 where the managed schema says
 * boolean becomes false or true (Chrome reads registry policies the same
 * way). The types come from the schema, walked beside the value, so a
 * setting added to the schema needs no list here.
 */
function registryToJson(value: unknown, node: SchemaNode | undefined = MANAGED_SCHEMA): unknown {
  if (!isRecord(value)) return node?.type === 'boolean' && (value === 0 || value === 1) ? value === 1 : value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^[1-9]\d*$/.test(k))) {
    const item = node?.type === 'array' ? node.items : undefined;
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => registryToJson(value[k], item));
  }
  return Object.fromEntries(keys.map((k) => [k, registryToJson(value[k], node?.properties?.[k])]));
}

/**
 * A policy file's bytes as text. regedit saves .reg exports as UTF-16
 * little-endian with a byte-order mark ("Windows Registry Editor Version
 * 5.00"); other tools write UTF-8. The mark decides, and without one, a file
 * whose every second byte is zero in its first line is UTF-16 too.
 */
export function decodePolicyFile(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = bytes.subarray(0, 64);
  if (head.length >= 4 && head.length % 2 === 0) {
    let oddZeros = 0;
    let evenZeros = 0;
    for (let i = 0; i < head.length; i += 2) {
      if (head[i] === 0) evenZeros++;
      if (head[i + 1] === 0) oddZeros++;
    }
    if (oddZeros === head.length / 2 && evenZeros === 0) return new TextDecoder('utf-16le').decode(bytes);
    if (evenZeros === head.length / 2 && oddZeros === 0) return new TextDecoder('utf-16be').decode(bytes);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * A configuration profile (.mobileconfig): the payload whose PayloadType is
 * com.google.Chrome.extensions.<id> (or com.microsoft.Edge.extensions.<id>)
 * holds the settings beside its Payload* keys.
 */
function fromProfile(text: string): Extracted {
  let plist: unknown;
  try {
    plist = parsePlist(text);
  } catch (error) {
    return { ok: false, error: `not a property list: ${(error as Error).message}` };
  }
  const payloads = isRecord(plist) && Array.isArray(plist.PayloadContent) ? plist.PayloadContent : [];
  const ours = payloads.find(
    (p) =>
      isRecord(p) &&
      typeof p.PayloadType === 'string' &&
      /^com\.(google\.Chrome|microsoft\.Edge|chromium\.Chromium)\.extensions\./.test(p.PayloadType) &&
      p.PayloadType.endsWith(CHROME_EXTENSION_ID),
  ) as Record<string, unknown> | undefined;
  if (!ours) return { ok: false, error: `no payload of type com.google.Chrome.extensions.${CHROME_EXTENSION_ID}` };
  return {
    ok: true,
    format: 'macOS profile',
    policy: Object.fromEntries(Object.entries(ours).filter(([k]) => !k.startsWith('Payload'))),
  };
}

/** Just enough of Apple's XML property list: dict, array, string, integer, real, true, false, date. */
export function parsePlist(text: string): unknown {
  const tokens = [
    ...text
      .replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '')
      .matchAll(/<(\/?)(\w+)(?:\s[^>]*?)?\s*(\/?)>|([^<]+)/g),
  ];
  let i = 0;
  const next = () => tokens[i++];
  const skipSpace = () => {
    while (tokens[i] && tokens[i]![4] !== undefined && tokens[i]![4]!.trim() === '') i++;
  };
  const textUntil = (tag: string) => {
    let content = '';
    for (let t = next(); t; t = next()) {
      if (t[4] !== undefined) content += t[4];
      else if (t[1] === '/' && t[2] === tag) return decode(content);
      else throw new Error(`unexpected <${t[2]}> inside <${tag}>`);
    }
    throw new Error(`<${tag}> is not closed`);
  };
  const value = (): unknown => {
    skipSpace();
    const t = next();
    if (!t || t[4] !== undefined) throw new Error('expected an element');
    const [, close, tag, selfClosing] = t;
    if (close) throw new Error(`unexpected </${tag}>`);
    if (tag === 'plist') {
      const inner = value();
      skipSpace();
      return inner;
    }
    if (tag === 'true' || tag === 'false') {
      if (!selfClosing) textUntil(tag!);
      return tag === 'true';
    }
    if (selfClosing) return tag === 'dict' ? {} : tag === 'array' ? [] : '';
    if (tag === 'string' || tag === 'date' || tag === 'data') return textUntil(tag);
    if (tag === 'integer' || tag === 'real') return Number(textUntil(tag));
    if (tag === 'array') {
      const list: unknown[] = [];
      for (skipSpace(); tokens[i] && !(tokens[i]![1] === '/' && tokens[i]![2] === 'array'); skipSpace())
        list.push(value());
      next();
      return list;
    }
    if (tag === 'dict') {
      const dict: Record<string, unknown> = {};
      for (skipSpace(); tokens[i] && !(tokens[i]![1] === '/' && tokens[i]![2] === 'dict'); skipSpace()) {
        const k = next();
        if (!k || k[2] !== 'key') throw new Error('expected <key> in <dict>');
        const name = textUntil('key');
        dict[name] = value();
      }
      next();
      return dict;
    }
    throw new Error(`unsupported element <${tag}>`);
  };
  return value();
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
