/**
 * A rough estimate of how much randomness a configured secret holds, to refuse the placeholders
 * people paste from examples (`changemechangeme...`, `0123456789...`, `your-cookie-secret-...`)
 * while accepting what `openssl rand -base64 32` or `openssl rand -hex 32` print. It is an estimate,
 * not a proof: it counts the characters that are not part of a repetition, a run or a word from
 * examples, times the bits of the smallest alphabet the secret is drawn from.
 */
export const requiredSecretBits = 128;

export const secretGenerationHint = "generate one with `openssl rand -base64 32` or `node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"`";

/** Words of example secrets and tutorials; a secret made of them is guessable whatever its length. */
const placeholderWords = [
  'change', 'changeme', 'secret', 'password', 'passwd', 'example', 'placeholder', 'replace', 'your', 'cookie', 'walkup', 'default',
  'insecure', 'test', 'demo', 'admin', 'qwerty', 'azerty', 'letmein', 'sample', 'token', 'characters', 'least', 'random', 'key', 'here',
];

/** Bits per character of the smallest usual alphabet that holds every character of the secret. */
function bitsPerCharacter(secret: string): number {
  if (/^[0-9]+$/.test(secret)) return Math.log2(10);
  if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) return 4;
  if (/^[a-z]+$/.test(secret) || /^[A-Z]+$/.test(secret)) return Math.log2(26);
  if (/^[a-z0-9]+$/i.test(secret)) return Math.log2(62);
  if (/^[A-Za-z0-9+/=_-]+$/.test(secret)) return 6;
  return Math.log2(94);
}

/** Characters that add information: one continuing a run (abc, 321, aaa), a repeated block or an example word adds none. */
function informativeLength(secret: string): number {
  const gap = '\u0000';
  let text = secret.toLowerCase();
  for (const word of placeholderWords) text = text.split(word).join(gap);
  const same = (i: number, j: number) => j >= 0 && text[i] !== gap && text[i] === text[j];
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === gap) continue;
    const continuesRun = i > 0 && text[i - 1] !== gap && Math.abs(text.charCodeAt(i) - text.charCodeAt(i - 1)) <= 1;
    // Two characters in a row equal to those a period earlier (2 to 16): "abcdabcd", "secret-secret-".
    let repeats = false;
    for (let period = 2; period <= 16 && !repeats; period++) repeats = same(i, i - period) && same(i - 1, i - 1 - period);
    if (!continuesRun && !repeats) count += 1;
  }
  return count;
}

export function estimateSecretBits(secret: string): number {
  return Math.floor(informativeLength(secret) * bitsPerCharacter(secret));
}

/** Why a secret is refused, or null when it looks random enough. Never repeats the secret itself. */
export function weakSecretReason(secret: string | null | undefined): string | null {
  if (!secret) return 'not set';
  if (secret.length < 32) return `too short (${secret.length} characters, at least 32)`;
  const bits = estimateSecretBits(secret);
  if (bits < requiredSecretBits) return `too predictable (about ${bits} bits of randomness estimated, at least ${requiredSecretBits} needed; repeated patterns, runs and example words count for nothing)`;
  return null;
}
