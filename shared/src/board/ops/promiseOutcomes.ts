import * as Y from 'yjs';
import { isRecord } from '../../guards';
import { BoardRuleError, parseInput } from '../errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from '../context';
import { ConfirmPromiseInput, MarkPromiseInput, type PromiseItem } from '../schema/promise';
import { isPeriodOf, periodOf } from './promiseSchedule';
import { setStatus } from './promiseOps';
import { appendHistory, loadItem, mapField, nestedMap, newMap, stampUpdated } from './shared';

/**
 * Keeping score, kindly: only the promiser marks a period kept or missed, only the promisee
 * confirms it. A mark can be changed (kept to missed or back) until it is confirmed; marking a
 * period again the way it is already marked is refused, so it is never said twice.
 */

function outcomesOf(map: Y.Map<unknown>): Y.Map<unknown> {
  return mapField(map, 'outcomes');
}

function isMarkable(item: PromiseItem): boolean {
  if (item.cadence.type === 'once') return item.status === 'accepted' || item.status === 'kept' || item.status === 'missed';
  return item.status === 'accepted';
}

/** Returns the period that was marked. */
export function markPromise(doc: Y.Doc, actor: BoardActor, input: MarkPromiseInput, options?: OpOptions): string {
  assertPartner(actor);
  const { itemId, outcome, period: asked, note } = parseInput(MarkPromiseInput, input);
  const { map, item } = loadItem(doc, itemId, 'promise');
  if (item.promiserId !== actor.userId) {
    throw new BoardRuleError('forbidden', 'only the promiser marks a promise kept or missed');
  }
  if (!isMarkable(item)) throw new BoardRuleError('conflict', `a ${item.status} promise cannot be marked`);
  const { at, today } = clockOf(options);
  const period = asked ?? periodOf(item.cadence, today);
  if (!isPeriodOf(item.cadence, period)) {
    throw new BoardRuleError('invalid_input', `period: ${period} is not a period of this promise`);
  }
  if (item.cadence.type !== 'once' && period > periodOf(item.cadence, today)) {
    throw new BoardRuleError('invalid_input', 'period: cannot mark a period that has not started');
  }
  const marked = item.outcomes[period];
  if (marked?.confirmedAt != null) {
    throw new BoardRuleError('conflict', `period ${period} is already confirmed`);
  }
  if (marked?.outcome === outcome) throw new BoardRuleError('conflict', `period ${period} is already marked ${outcome}`);
  writeBoard(doc, options, () => {
    const outcomes = outcomesOf(map);
    const fields = { outcome, markedAt: at, markedBy: actor.userId, note: note ?? '' };
    const existing = nestedMap(outcomes, period);
    if (existing) {
      for (const [key, value] of Object.entries(fields)) existing.set(key, value);
    } else {
      outcomes.set(period, newMap({ ...fields, confirmedAt: null, confirmedBy: null }));
    }
    if (item.cadence.type === 'once') setStatus(map, outcome, at);
    appendHistory(map, actor, at, { action: outcome, note, period });
    stampUpdated(map, actor, at);
  });
  return period;
}

/**
 * Renegotiating replaces a miss with a new agreement: the old promise keeps no "missed" mark
 * (its missed outcomes, and the history lines that marked or confirmed them, go), so nothing
 * permanent says "missed" to the partner or a counsellor. Kept periods stay. Call inside a
 * write transaction. Returns the periods cleared.
 */
export function clearMissedMarks(map: Y.Map<unknown>, item: PromiseItem): string[] {
  const missed = Object.keys(item.outcomes).filter((p) => item.outcomes[p]!.outcome === 'missed');
  const cleared = new Set(missed);
  const outcomes = outcomesOf(map);
  for (const period of missed) outcomes.delete(period);
  const history = map.get('history');
  if (history instanceof Y.Array) {
    const entries = history.toArray();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e: unknown = entries[i];
      if (!isRecord(e)) continue;
      const aboutMiss = typeof e.period === 'string' && cleared.has(e.period) && (e.action === 'missed' || e.action === 'confirmed');
      if (aboutMiss || (item.cadence.type === 'once' && e.action === 'missed')) history.delete(i, 1);
    }
  }
  return missed;
}

/** Only the promisee confirms; `period` defaults to the latest marked, unconfirmed one. */
export function confirmPromise(doc: Y.Doc, actor: BoardActor, input: ConfirmPromiseInput, options?: OpOptions): string {
  assertPartner(actor);
  const { itemId, period: asked, note } = parseInput(ConfirmPromiseInput, input);
  const { map, item } = loadItem(doc, itemId, 'promise');
  if (item.promiseeId !== actor.userId) {
    throw new BoardRuleError('forbidden', 'only the promisee confirms a promise');
  }
  const open = Object.keys(item.outcomes)
    .filter((p) => item.outcomes[p]!.confirmedAt == null)
    .sort();
  const period = asked ?? open[open.length - 1];
  if (period === undefined || !item.outcomes[period]) {
    throw new BoardRuleError('conflict', 'the promiser has not marked this promise yet');
  }
  if (!open.includes(period)) throw new BoardRuleError('conflict', `period ${period} is already confirmed`);
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    const outcome = nestedMap(outcomesOf(map), period)!;
    outcome.set('confirmedAt', at);
    outcome.set('confirmedBy', actor.userId);
    appendHistory(map, actor, at, { action: 'confirmed', note, period });
    stampUpdated(map, actor, at);
  });
  return period;
}
