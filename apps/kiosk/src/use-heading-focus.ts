import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Each screen takes the focus on its heading when it appears, so a keyboard or screen-reader user
 * hears where they are and goes on from there, instead of starting over from the page body.
 */
export function useHeadingFocus<T extends HTMLElement = HTMLHeadingElement>() {
  const heading = useRef<T>(null);
  // A layout effect: the focus moves as the screen appears, never resting on the page body in between.
  useLayoutEffect(() => heading.current?.focus(), []);
  return heading;
}
