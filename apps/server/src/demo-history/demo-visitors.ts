import type { VisitorIdentity } from '@walkup/domain';

const visitorNames = ['Camille R.', 'Lucas M.', 'Emma B.', 'Hugo L.', 'Chloe D.', 'Noah P.', 'Lea G.', 'Jules F.', 'Manon T.', 'Louis K.', 'Ines V.', 'Adam S.', 'Sarah N.', 'Tom H.', 'Jade C.', 'Paul W.'];

/** A past visitor: a name, and for `emailShare` of them the (invented) email they identified with at the kiosk. */
export function pastVisitor(random: () => number, emailShare: number): VisitorIdentity {
  const name = visitorNames[Math.floor(random() * visitorNames.length)]!;
  if (random() >= emailShare) return { kind: 'guest', name };
  return { kind: 'email', name, email: `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@example.com` };
}

/** A version-4-shaped UUID from the seeded stream: visit ids look like the app's own. */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
