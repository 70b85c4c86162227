/** The three faces of "How did it go?", unhappy to happy, shared by the phone page and the kiosk. */
export const feedbackScores = [1, 2, 3] as const;
export type FeedbackScore = (typeof feedbackScores)[number];

const mouths: Record<FeedbackScore, string> = { 1: 'M8 17q4-4 8 0', 2: 'M8 16h8', 3: 'M8 14q4 4 8 0' };

/** Drawn, not emoji: every screen shows the same three faces, fonts or not. */
export function FeedbackFace({ score, size = 44 }: { score: FeedbackScore; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
      <circle cx="12" cy="12" r="10" />
      <circle cx="9" cy="9.5" r="0.6" fill="currentColor" />
      <circle cx="15" cy="9.5" r="0.6" fill="currentColor" />
      <path d={mouths[score]} />
    </svg>
  );
}
