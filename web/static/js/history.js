// Undo and redo over whole design documents: each edit pushes the document as it is after
// the edit. Documents are small (at most 512 KiB), so snapshots beat inverse operations:
// nothing to get wrong per kind of edit. Pure: no DOM, tested with node --test.

export class History {
  /** @param {object} initial the document as loaded; @param {number} limit snapshots kept */
  constructor(initial, limit = 200) {
    this.limit = limit;
    this.past = [];
    this.future = [];
    this.present = freeze(initial);
  }

  /** Record `doc` as the next state; edits after an undo drop the redo branch. */
  push(doc) {
    const next = freeze(doc);
    if (JSON.stringify(next) === JSON.stringify(this.present)) return false;
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = next;
    this.future = [];
    return true;
  }

  /** Replace the present without a step (a document loaded from the server after a conflict). */
  reset(doc) {
    this.past = [];
    this.future = [];
    this.present = freeze(doc);
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }

  /** The document one step back (or null if there is none). */
  undo() {
    if (!this.canUndo) return null;
    this.future.push(this.present);
    this.present = this.past.pop();
    return this.present;
  }

  /** The document one step forward again (or null). */
  redo() {
    if (!this.canRedo) return null;
    this.past.push(this.present);
    this.present = this.future.pop();
    return this.present;
  }
}

/** A deep copy nobody can change by accident: the page edits copies (`structuredClone`). */
export function freeze(value) {
  const copy = JSON.parse(JSON.stringify(value));
  return deepFreeze(copy);
}

function deepFreeze(value) {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A mutable copy of a (frozen) document to edit. */
export function editable(doc) {
  return JSON.parse(JSON.stringify(doc));
}
