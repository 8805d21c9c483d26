/**
 * Hearth's one write path for updates. On MongoDB a single-document update with a filter is
 * atomic. On the embedded FerretDB it is not: an update reads the row and writes it back in
 * separate steps, so two concurrent `updateOne({_id, v: 0}, …)` can both match and two
 * `$push`es can lose one another (docs/database.md). The embedded database serves exactly
 * one Hearth process, so there every update runs one at a time per collection, in this
 * process; conditional updates then behave as on MongoDB. Inserts decided by a unique index
 * are already exactly-once on both and need no lock.
 */

/** A mongoose model, or a driver collection (`mongoose.connection.db.collection(name)`). */
type WriteTarget = { collection: { collectionName: string } } | { collectionName: string };

let serialized = false;
const tails = new Map<string, Promise<void>>();

/** Turned on when the connected server is FerretDB (see `connectMongoose`). */
export function setSerializedWrites(on: boolean): void {
  serialized = on;
}

export function serializedWrites(): boolean {
  return serialized;
}

/**
 * Runs `fn` after every earlier section with the same key has finished (in this process),
 * when writes are serialized; directly otherwise. A failing section releases the next one.
 */
export async function exclusive<T>(key: string, fn: () => PromiseLike<T>): Promise<T> {
  if (!serialized) return fn();
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/**
 * Every `updateOne`, `updateMany`, `findOneAndUpdate`, `findOneAndDelete` and conditional
 * delete in `server/src` goes through here:
 * `await atomicWrite(Space, () => Space.updateOne(filter, update))`.
 */
export function atomicWrite<T>(target: WriteTarget, op: () => PromiseLike<T>): Promise<T> {
  const name = 'collectionName' in target ? target.collectionName : target.collection.collectionName;
  return exclusive(`collection:${name}`, op);
}
