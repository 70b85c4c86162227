/**
 * A two-note chime synthesized with the Web Audio API: no audio file to host or cache, and it
 * sounds the same on every TV browser that can play audio at all.
 */
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Constructor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Constructor) return null;
  context = new Constructor();
  return context;
}

/**
 * Browsers keep audio suspended until someone interacts with the page (unless the kiosk browser is
 * started with an autoplay policy flag); one click or key press on the TV's remote unlocks it.
 */
export function isAudioBlocked(): boolean {
  return audioContext()?.state === 'suspended';
}

export function unlockAudio(): void {
  void audioContext()?.resume();
}

export function playChime(): void {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return;
  const notes = [
    { frequency: 880, at: 0 },
    { frequency: 660, at: 0.35 },
  ];
  for (const note of notes) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    const start = ctx.currentTime + note.at;
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    // A quick attack and an exponential decay sound like a bell rather than a beep.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + 1);
  }
}
