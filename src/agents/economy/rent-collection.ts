// MODEL.md 4-5 and 10.1, "rent": each possessor of a let asset (any owner's: MODEL.md 10.1,
// 10.8) pays its monthly rent. On a commune's asset, while its bonds are outstanding the rent
// goes to the series' escrow (the rental agreement is the guarantee of the series); once
// redeemed it goes to the owner's pool, less the replacement reserve when the commune keeps
// one. A firm or cooperative receives the rent into its account as income and services its
// series from there, as it does for every series. A possessor who cannot pay misses the month
// (nothing is paid). A cooperative's member working a let asset for it (MODEL.md 5: "a
// federation of workers' collectives") has the rent paid by the cooperative, which sells the output.
import { FLOW, LedgerError } from '../../model/ledger.ts';
import { depreciationPerMonthCents } from '../../model/market/depreciation.ts';
import { attendRentalRules, type EconomyState } from '../../model/economy/economy-state.ts';
import { ORG_COMMUNE } from '../../model/economy/organisation-table.ts';
import { MODE_MEMBER_WORKER } from '../../model/economy/person-table.ts';
import { HOME_RENT_BY_KIND, RENT_BY_KIND } from '../../model/economy/housing-accounts.ts';

const RENT = FLOW.rent;
const COMMUNE = ORG_COMMUNE;

/**
 * How each person's let assets were settled this month: possessed, paid, paid by its
 * cooperative, commune property, paid to a commune's pool; its productive asset in the low
 * byte and its home in the high byte (a person possesses those two at most: possession.ts).
 * The walk over assets, in id order with possessors at random, writes into these 20 kB, and a
 * walk over persons folds them into the yearly sums: the sums per person the walk once added
 * to directly (32 bytes a person, 320 kB at 10,000) missed the cache at nearly every asset.
 * The walk writes each side's byte through `settledSides`, a byte view of the same memory (each
 * side is settled once a month: a store, where an or into the pair was a load and a store).
 */
const POSSESSED = 1;
const PAID = 2;
const PAID_BY_COOPERATIVE = 4;
const COMMUNAL = 8;
const POOLED = 16;
let settledScratch = new Uint16Array(0);
let settledSides = new Uint8Array(0);
/** The byte of a pair in `settledSides` that is its high byte (the home's): 1 on a little-endian machine. */
const HOME_BYTE = new Uint8Array(Uint16Array.of(256).buffer)[1]!;

/**
 * The commune whose pool each person's home rent went to this month (read where the home's
 * flags say so; a productive asset's is in `workedScratch`), with a spare entry past the
 * persons for every other asset. The fold compares it with the person's membership in person
 * order: the walk read the membership at random.
 */
let poolOwnerScratch = new Int32Array(1);

/**
 * The commune whose productive asset each person works this month, or -1, with one spare entry
 * past the persons that takes the walk's writes for every other asset: the labour credit
 * (membership.ts) reads it in person order instead of the asset's owner at random.
 */
let workedScratch = new Int32Array(1);

/**
 * Per organisation: its pool account and reserve account, this month's rent received (an
 * enterprise's income, a commune's pool income) and rent paid for its members. Typed columns the
 * walk indexes instead of reading an organisation's record per asset; the records get the sums
 * once, whole cents each, so the same as adding rent by rent.
 */
let accountOf = new Int32Array(1);
let reserveAccountOf = new Int32Array(1);
let incomeByOwner = new Float64Array(1);
let rentPaid = new Float64Array(1);

/**
 * Collects the month's rent and adds it to persons' and organisations' sums. Returns the commune
 * whose asset each person works (-1: none), valid until the next call.
 */
export function collectRent(state: EconomyState): Int32Array {
  const worked = settleRent(state);
  for (let p = 0; p < state.persons.count; p++) foldRentIntoPerson(p);
  closeRentFold(state);
  return worked;
}

/**
 * Collects the month's rent into the organisations' sums and leaves the persons' for
 * `foldRentIntoPerson`, person by person in person order, then `closeRentFold`: the month runs
 * that fold in the labour credit's walk over persons (membership.ts), so the person columns
 * both read stream once. Returns the commune whose asset each person works (-1: none), valid
 * until the next call.
 */
export function settleRent(state: EconomyState): Int32Array {
  const n = state.orgs.all.length;
  if (accountOf.length < n) {
    accountOf = new Int32Array(2 * n);
    reserveAccountOf = new Int32Array(2 * n);
    incomeByOwner = new Float64Array(2 * n);
    rentPaid = new Float64Array(2 * n);
  }
  const count = state.persons.count;
  if (settledScratch.length < count) {
    settledScratch = new Uint16Array(count);
    settledSides = new Uint8Array(settledScratch.buffer);
  }
  settledScratch.fill(0, 0, count);
  if (workedScratch.length < count + 1) workedScratch = new Int32Array(count + 1);
  const worked = workedScratch.fill(-1, 0, count);
  if (poolOwnerScratch.length < count + 1) poolOwnerScratch = new Int32Array(count + 1);
  openOrganisationSums(state);
  collectFromPossessors(state, settledSides, worked, poolOwnerScratch);
  closeOrganisationSums(state);
  openRentFold(state);
  return worked;
}

function openOrganisationSums(state: EconomyState): void {
  const organisations = state.orgs.all;
  const n = organisations.length;
  for (let o = 0; o < n; o++) {
    const org = organisations[o]!;
    accountOf[o] = org.account;
    reserveAccountOf[o] = org.reserveAccount;
  }
  rentPaid.fill(0, 0, n);
}

function closeOrganisationSums(state: EconomyState): void {
  const organisations = state.orgs.all;
  const n = organisations.length;
  for (let o = 0; o < n; o++) {
    const received = incomeByOwner[o]!;
    const paid = rentPaid[o]!;
    if (received === 0 && paid === 0) continue;
    const org = organisations[o]!;
    if (org.kind === COMMUNE) org.poolIncomeMonth += received;
    else org.rentIncomeMonth += received;
    org.rentMonth += paid;
  }
}

/**
 * The walk over assets in service, in id order: the order decides who can pay when a payer
 * (a cooperative, for its members) is also paid rent in the same month. Every column is read
 * into a local once: the loop runs over every asset every month.
 *
 * Written so that nearly every line runs for every paid rent, choosing values rather than
 * branching to code of their own: V8 compiles the loop in the first months, and a branch first
 * taken years later (the first missed rent, the first rent to a pool once a series is redeemed,
 * the owner's account in communes-only) had no type feedback, so V8 threw the code away there
 * and finished that month interpreted. A read of the possessor's own columns stays behind its
 * branch (its employer): a random read, dearer over a run than the one time V8 gives up its
 * code there. Its membership is compared in the fold over persons, in person order.
 *
 * The rent moves in the ledger's balances in place (`balancesOf`), not by a checked `transfer`
 * per rent: the walk keeps the ledger's law itself (the payer holds the rent, whole cents, no
 * account pays itself) and adds the month's cents to the flow's volume once, the same sum as
 * rent by rent (whole cents): the checks and the flow totals were a quarter of the walk's
 * instructions (a micro-benchmark of the loop: 4.4 -> 3.4 million a month). Constants are read
 * into locals before the loop: TurboFan reloads a bundle's module constant from its context at
 * every use. No `alive` test: `live()` holds only assets in service.
 */
function collectFromPossessors(state: EconomyState, settled: Uint8Array, worked: Int32Array, poolOwner: Int32Array): void {
  const { assets, ledger, counters } = state;
  const accounts = accountOf;
  const income = incomeByOwner;
  const paidFor = rentPaid;
  const live = assets.live();
  // Account a's balance is balances[a - 1] (the view starts past `world`, which pays no rent).
  const balances = ledger.balancesOf(1, ledger.size - 1);
  // Each owner's rent received outside escrows (`income`) is what its account gained over the
  // walk plus what it paid out of it for its members: the walk moves nothing else into or out of
  // an organisation's account (a series' rent goes to its escrow, the reserve's share to the
  // reserve account), and balances are whole cents, so it is the same sum, bit for bit, as rent
  // added by rent, with a read and a write fewer a rent. Here the balances before the walk.
  const organisations = state.orgs.all.length;
  for (let o = 0; o < organisations; o++) income[o] = balances[accounts[o]! - 1]!;
  walkRentTotal = 0;
  walkPoolRent = 0;
  walkProducersPoolRent = 0;
  for (let from = 0; from < live.length; from += RANGE) {
    collectRange(state, settled, worked, poolOwner, balances, live, from, Math.min(live.length, from + RANGE));
  }
  // After the walk: gained, plus paid for members.
  for (let o = 0; o < organisations; o++) income[o] = balances[accounts[o]! - 1]! - income[o]! + paidFor[o]!;
  ledger.addVolume(RENT, walkRentTotal);
  counters.rentYear += walkRentTotal;
  counters.poolRentCents += walkPoolRent;
  counters.poolRentFromProducersCents += walkProducersPoolRent;
}

/**
 * Assets per call of collectRange. The walk runs in ranges, each a call: one long loop run once
 * a month was compiled on stack (OSR) in its first month and as a whole at a later call, and
 * both again after each of its two deoptimisations (the first rent to a pool, the first missed
 * rent): Chromium compiled collectFromPossessors 5-6 times by TurboFan a mixed 10,000 x 50 y
 * page run (410-600 ms), beside Maglev's. Called some 35 times a month, a range is compiled as
 * a whole from its call count. The ranges run in the live list's order and carry the month's
 * sums from one to the next (module variables), so every sum is made in the same order.
 */
const RANGE = 512;
/** The month's rent, rent to pools and pool rent from producers, carried from range to range. */
let walkRentTotal = 0;
let walkPoolRent = 0;
let walkProducersPoolRent = 0;

function collectRange(
  state: EconomyState, settled: Uint8Array, worked: Int32Array, poolOwner: Int32Array, balances: Float64Array,
  live: Int32Array, from: number, to: number,
): void {
  const { assets, persons } = state;
  const { possessor, ownerKind, rentCents, cls, missedRent, series, letOut, owner, classPrice, classLife } = assets;
  const productive = assets.classProductive;
  const { mode, employer } = persons;
  const escrow = state.bonds.escrow;
  const reserve = state.params.depreciationReserve;
  const housing = state.housingYear;
  // Locals, read once: a module's constant is a load from its context at every use.
  const rentAt = RENT_BY_KIND;
  const homeRentAt = HOME_RENT_BY_KIND;
  const commune = COMMUNE;
  const memberWorker = MODE_MEMBER_WORKER;
  const possessedOnly = POSSESSED;
  const possessedCommunal = POSSESSED | COMMUNAL;
  const paidBySelf = PAID;
  const paidByCooperative = PAID | PAID_BY_COOPERATIVE;
  const pooledFlag = POOLED;
  const homeByte = HOME_BYTE;
  const accounts = accountOf;
  const reserveAccounts = reserveAccountOf;
  const paidFor = rentPaid;
  const spare = persons.count;
  const firstBalance = persons.firstAccount - 1;
  let rentTotal = walkRentTotal;
  let poolRent = walkPoolRent;
  let producersPoolRent = walkProducersPoolRent;
  for (let k = from; k < to; k++) {
    const a = live[k]!;
    const p = possessor[a]!;
    // Assets worked by their owner's own workers pay no rent.
    if (p < 0 || letOut[a] === 0) continue;
    const rent = rentCents[a]!;
    const c = cls[a]!;
    const productiveSide = productive[c]!;
    // The cooperative pays for the asset its member works for it, not for the member's home
    // (v2 charged a member's home rent to its cooperative).
    const collective = productiveSide !== 0 && mode[p] === memberWorker ? employer[p]! : -1;
    const from = collective >= 0 ? accounts[collective]! - 1 : firstBalance + p;
    const kind = ownerKind[a]!;
    const o = owner[a]!;
    const seriesId = series[a]!;
    // A commune's rent goes to the escrow of its asset's series, or once redeemed to its pool.
    const communal = kind === commune ? 1 : 0;
    const escrowed = communal === 1 && seriesId >= 0 ? 1 : 0;
    const pooled = communal === 1 && seriesId < 0 ? 1 : 0;
    const due = rent > 0 ? 1 : 0;
    const balance = balances[from]!;
    const paid = due === 1 && balance >= rent ? 1 : 0;
    const missed = missedRent[a]!;
    // Paid: 0; missed: one more; nothing due: unchanged.
    missedRent[a] = (missed + 1) * due * (1 - paid) + missed * (1 - due);
    const how = (communal === 1 ? possessedCommunal : possessedOnly)
      | paid * (collective >= 0 ? paidByCooperative : paidBySelf) | paid * pooled * pooledFlag;
    // The pair's low byte (its productive asset) or high byte (its home): 2p and 2p + 1 on a little-endian machine.
    settled[2 * p + (homeByte ^ productiveSide)] = how;
    worked[productiveSide !== 0 && communal === 1 ? p : spare] = o;
    if (paid === 0) {
      // A missed rent may reach the grace: the rental rules look at the asset this month.
      if (due === 1) {
        attendRentalRules(state, a);
      }
      continue;
    }
    // The ledger's law, kept here for the moves below (transfer's own checks).
    if (!(Math.floor(rent) === rent && rent <= Number.MAX_SAFE_INTEGER) || collective === o) throw rentError(a, from + 1, rent);
    housing[rentAt + kind]! += rent;
    housing[homeRentAt + kind]! += rent * (1 - productiveSide);
    // Kept back for the commune's replacement reserve, out of rent to its pool.
    const kept = reserve && pooled === 1 ? Math.min(rent, depreciationPerMonthCents(classPrice[c]!, classLife[c]!)) : 0;
    // The rest to the owner's account (an enterprise's, or a commune's pool) or the escrow;
    // both read for every rent (the escrow column's first entry when there is no series).
    const toOwner = rent - kept;
    const ownerAccount = accounts[o]!;
    const escrowAccount = escrow[seriesId >= 0 ? seriesId : 0]!;
    balances[from] = balance - rent;
    if (kept > 0) balances[reserveAccounts[o]! - 1]! += kept;
    balances[(escrowed === 1 ? escrowAccount : ownerAccount) - 1]! += toOwner;
    const toPool = toOwner * pooled;
    poolRent += toPool;
    producersPoolRent += toPool * productiveSide;
    // The pool's commune, for the fold to compare with the possessor's membership (V8 gives up
    // its code here once a run, at the first rent to a pool: writing it for every rent cost more).
    if (pooled === 1) poolOwner[productiveSide !== 0 ? spare : p] = o;
    rentTotal += rent;
    if (collective >= 0) paidFor[collective]! += rent;
  }
  walkRentTotal = rentTotal;
  walkPoolRent = poolRent;
  walkProducersPoolRent = producersPoolRent;
}

/** A rent the walk cannot move under the ledger's law (out of line: the walk stays small). */
function rentError(asset: number, from: number, rent: number): Error {
  return new LedgerError(`rent of ${rent} cents on asset ${asset} from account ${from}: not whole cents, or the payer is the asset's owner`);
}

/**
 * The fold's columns, bound once a month by `openRentFold`: `foldRentIntoPerson` runs inside
 * another module's walk over persons, which passes only the person. Kept under V8's size for
 * inlining a function into its caller's loop (the pool's rare branch in a function of its own).
 */
let foldSettled = settledScratch;
let foldWorked = workedScratch;
let foldPoolOwner = poolOwnerScratch;
let foldState: EconomyState | undefined;
let foldPersons: EconomyState['persons'] | undefined;
let foldClassPrice: Float64Array = new Float64Array(0);
/** The rent paid this month into the pools of communes the payer is not a member of, in person order. */
let nonMembersPoolRent = 0;

function openRentFold(state: EconomyState): void {
  foldSettled = settledScratch;
  foldWorked = workedScratch;
  foldPoolOwner = poolOwnerScratch;
  foldState = state;
  foldPersons = state.persons;
  foldClassPrice = state.assets.classPrice;
  nonMembersPoolRent = 0;
}

/**
 * Adds this month's rent to person p's yearly sums: the class price of the commune property
 * it uses and the rent it paid for that (MODEL.md 7, claim 2), the rent charged to its labour
 * income and to its income. Each sum is whole cents, so the same in any order; a person with
 * no let asset adds nothing (its sums never hold -0, where adding 0 would change a bit). The
 * rent and class of each let asset are the person's own copies (person-table.ts), read in
 * person order: the asset table's, read at random, were three quarters of the fold's time.
 * Reads p's membership as the month began: the labour credit may change it only after.
 */
export function foldRentIntoPerson(p: number): void {
  const both = foldSettled[p]!;
  if (both === 0) return;
  const persons = foldPersons!;
  const classPrice = foldClassPrice;
  let use = 0, communeRent = 0, labourRent = 0, ownRent = 0;
  // The flags as literals (SIDE_BITS 255, PAID 2, PAID_BY_COOPERATIVE 4, COMMUNAL 8, POOLED 16,
  // HOME_SHIFT 8): a module constant is a load from the bundle's context at each use.
  const onAsset = both & 255;
  if (onAsset !== 0) {
    const communal = (onAsset & 8) !== 0 ? 1 : 0;
    const cls = persons.assetClass[p]!;
    use += communal * classPrice[cls]!;
    if ((onAsset & 2) !== 0) {
      const rent = persons.assetRentCents[p]!;
      communeRent += communal * rent;
      if ((onAsset & 4) === 0) {
        labourRent += rent;
        ownRent += rent;
      }
      if ((onAsset & 16) !== 0) addPoolRentFromNonMember(persons, p, foldWorked[p]!, rent, cls);
    }
  }
  const onHome = both >> 8;
  if (onHome !== 0) {
    const communal = (onHome & 8) !== 0 ? 1 : 0;
    const cls = persons.homeClass[p]!;
    use += communal * classPrice[cls]!;
    if ((onHome & 2) !== 0) {
      const rent = persons.homeRentCents[p]!;
      communeRent += communal * rent;
      ownRent += rent;
      if ((onHome & 16) !== 0) addPoolRentFromNonMember(persons, p, foldPoolOwner[p]!, rent, cls);
    }
  }
  persons.useYear[p]! += use;
  persons.rentYear[p]! += communeRent;
  persons.labourYear[p]! -= labourRent;
  persons.incomeCents[p]! -= ownRent;
}

/** Rent p paid into commune `pool`'s pool, counted when p is not its member. */
function addPoolRentFromNonMember(persons: EconomyState['persons'], p: number, pool: number, rent: number, cls: number): void {
  if (persons.memberOf[p] !== pool) nonMembersPoolRent += toPoolCents(foldState!, rent, cls);
}

/** After the fold over every person: the month's pool rent from non-members to the counters. */
export function closeRentFold(state: EconomyState): void {
  state.counters.poolRentFromNonMembersCents += nonMembersPoolRent;
  foldState = undefined;
  foldPersons = undefined;
}

/** A pooled rent less what the walk kept of it for the commune's replacement reserve. */
function toPoolCents(state: EconomyState, rent: number, cls: number): number {
  const { classPrice, classLife } = state.assets;
  const kept = state.params.depreciationReserve ? Math.min(rent, depreciationPerMonthCents(classPrice[cls]!, classLife[cls]!)) : 0;
  return rent - kept;
}
