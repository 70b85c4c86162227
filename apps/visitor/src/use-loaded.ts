import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { problemOf, type LoadProblem } from './visitor-problems.ts';

/** What a page fetches once per key (a site id, a link's token): the value, or why it failed. */
export function useLoaded<T>(load: () => Promise<T>, key: string) {
  const value = useSignal<T | null>(null);
  const problem = useSignal<LoadProblem | null>(null);
  useEffect(() => {
    load()
      .then((loaded) => (value.value = loaded))
      .catch((error: unknown) => (problem.value = problemOf(error)));
  }, [key]);
  return { value: value.value, problem: problem.value };
}
