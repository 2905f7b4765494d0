// The bond service's payments to persons in a large run, noted as they are made and credited
// after the month's service, block of person ids by block. Paying each holding at once touched
// four columns at the holder's id (ledger balance, principal held, income, membership): at
// random, since a series' holders are any savers. At 100,000 persons those columns are ~2.8 MB
// and the month's holdings stream some 15 MB past them, above the 2 MB L2 of a core here: the
// load of the principal held alone took a quarter of serviceMany's samples, the four columns
// some 44%, and a holding cost ~72 ns against ~45 ns at 10,000 persons. A block's columns fit in
// L2. Each block keeps its notes in the order they were made, so each person's payments are
// credited in the order they were paid: every account receives the same additions in the same
// order (all whole cents anyway). Mixed 100,000 x 10 y: bond service 2139 -> 1943 ms thread
// CPU (median of 5 interleaved pairs); blocks of 2^12 persons were slower (more streams to
// write), and notes in four columns then a stable counting sort by block gained nothing.

/** Persons per block (2^BLOCK_BITS): a block's four columns (460 kB) stay inside a core's L2. */
export const BLOCK_BITS = 14;
/** Numbers per note: the person, the tag, the interest and the principal paid. */
export const NOTE = 4;

/**
 * Runs of fewer persons credit each payment as it is made: their columns fit in L2 as they are,
 * and the notes only cost (mixed 10,000 x 20 y: bond service 365 -> 422 ms; even at 30,000).
 */
export const DEFER_FROM_PERSONS = 50_000;

export class HolderCredits {
  /**
   * What the notes of the series in hand carry besides the payment (the caller's: the
   * bookkeeping puts a commune issuer's id here, -1 for any other issuer).
   */
  tag = -1;
  /** Blocks of persons (the person table's size is fixed for the run). */
  readonly blocks: number;
  /** Where each block's next note goes in `notes` (block b's run from b * room on). */
  readonly next: Int32Array;
  /** Numbers each block has room for (NOTE a note). */
  room = 1024;
  /** The notes, NOTE numbers each, in one array: a note is written and read as one run of memory. */
  notes: Float64Array;

  constructor(persons: number) {
    this.blocks = (persons >>> BLOCK_BITS) + 1;
    this.next = new Int32Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) this.next[b] = b * this.room;
    this.notes = new Float64Array(this.blocks * this.room);
    // V8 treats a field as constant until its first reassignment (see BondBook's constructor).
    this.notes = this.notes.slice();
    this.tag = 0; this.tag = -1; this.room = 1; this.room = 1024;
  }

  /** Notes a payment to person `person` (index in the person table). */
  add(person: number, interestCents: number, principalCents: number): void {
    const b = person >>> BLOCK_BITS;
    let at = this.next[b]!;
    if (at === (b + 1) * this.room) at = this.grow(b);
    const notes = this.notes;
    notes[at] = person;
    notes[at + 1] = this.tag;
    notes[at + 2] = interestCents;
    notes[at + 3] = principalCents;
    this.next[b] = at + NOTE;
  }

  /** Doubles every block's room, each block's notes moved in order; returns block `full`'s next place. */
  private grow(full: number): number {
    const old = this.room;
    const room = 2 * old;
    const notes = new Float64Array(this.blocks * room);
    for (let b = 0; b < this.blocks; b++) {
      const from = b * old;
      notes.set(this.notes.subarray(from, this.next[b]!), b * room);
      this.next[b] = b * room + (this.next[b]! - from);
    }
    this.notes = notes;
    this.room = room;
    return this.next[full]!;
  }
}
