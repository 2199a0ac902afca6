/** "sk-...abcd": enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  if (key.length < 12) return '****';
  const prefix = /^[a-z]+-/i.exec(key)?.[0] ?? '';
  return `${prefix.slice(0, 4)}...${key.slice(-4)}`;
}

/** The secrets of this run (API keys from any source), masked wherever text is printed, errors included. */
export class Secrets {
  private known = new Map<string, string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 6) this.known.set(secret, maskKey(secret));
  }

  redact(text: string): string {
    let out = text;
    for (const [secret, mask] of this.known) out = out.split(secret).join(mask);
    return out;
  }
}
