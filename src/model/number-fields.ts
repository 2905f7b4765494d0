// V8 keeps a number field as a small integer until it first holds anything else (a fraction,
// or an integer past 2^30), and then rewrites the hidden class of every object of that shape:
// every optimised function that relied on the old class is thrown away and runs unoptimised
// until V8 recompiles it. Money counters in cents cross 2^30 mid-run (the bond book's face
// issued did so in the fifth year of `mixed`, and rent collection then ran unoptimised for
// twenty years). Tables that carry such counters settle their number fields once, when they
// are made, before any code is optimised.
// A field is also taken as constant until a store first changes it, and optimised code that
// relied on that is thrown away too: an organisation's `alive`, when the first one ended (month
// 28 of `mixed`), cost ten functions their optimised code, mode choice among them. So boolean
// fields are settled as well.

/**
 * Makes every own number field of `object` a double field and every own number or boolean
 * field mutable (values unchanged): each holds another value for a moment, then its own again.
 * Call at the end of a constructor or factory.
 */
export function settleNumberFields<T extends object>(object: T): T {
  const fields = object as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'boolean') {
      fields[key] = !value;
      fields[key] = value;
      continue;
    }
    if (typeof value !== 'number') continue;
    fields[key] = 0.5;
    fields[key] = value;
  }
  return object;
}

/**
 * Makes every own field of `object` that holds an object (a table, a typed array, a list) a
 * field of any class (values unchanged). V8 types such a field by the class of its first value,
 * and optimised code relies on that; but the second time an object literal runs, V8 makes it
 * from a template whose fields are first filled with a placeholder, and every such field of
 * that shape becomes a field of any class: the optimised code that relied on it is thrown away.
 * For the economy's state that was 86-122 functions at the start of a thread's second run of
 * `mixed` 10,000 x 50 y (the bench's warm run, the page's next run), each compiled again while
 * V8's compile queue stayed full for the run's first five years. (The replicate pool's workers
 * build one run and drop it before their first: primeThread, replicate-run.ts.) Call on an
 * object literal made once a run and read by hot code, when it is made: the field is typed as
 * any from the start, before anything is optimised.
 */
export function settleObjectFields<T extends object>(object: T): T {
  const fields = object as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value !== 'object' || value === null) continue;
    fields[key] = null;
    fields[key] = value;
  }
  return object;
}
