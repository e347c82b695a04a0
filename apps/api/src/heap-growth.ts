import { setFlagsFromString } from 'node:v8';

/**
 * Lets V8's old generation grow by half its live size before the next full collection, where V8 otherwise allows up to
 * four times. Under load the API promotes many short-lived request objects: with the default its heap ran to 200 MB over
 * 70 MB live and the process to 380–460 MB under the bench's 50 caseload readers (issue 9: ≤ 300 MB); at 50% it stayed
 * near 210 MB at the same CPU time per request (20% cost 20–50% more CPU per page). V8 reads the flag at every collection.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
