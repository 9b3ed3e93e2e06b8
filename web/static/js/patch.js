// JSON Patch (RFC 6902) applied to a copy of a document: the server's checked fixes and fill
// proposals are patches, applied in one click. The server checked each patch against the
// document it saw; a path that does not exist throws, and the page then re-evaluates.

/** Apply `ops` to a copy of `doc`; the copy is returned, `doc` is left alone. */
export function applyPatch(doc, ops) {
  let root = JSON.parse(JSON.stringify(doc));
  for (const op of ops) root = applyOne(root, op);
  return root;
}

function applyOne(root, op) {
  const value = op.value === undefined ? undefined : JSON.parse(JSON.stringify(op.value));
  switch (op.op) {
    case "add": return put(root, op.path, value, "add");
    case "replace": return put(root, op.path, value, "replace");
    case "remove": return remove(root, op.path);
    case "move": {
      const moved = get(root, op.from);
      return put(remove(root, op.from), op.path, moved, "add");
    }
    case "copy": return put(root, op.path, JSON.parse(JSON.stringify(get(root, op.from))), "add");
    case "test":
      if (JSON.stringify(get(root, op.path)) !== JSON.stringify(value)) {
        throw new Error(`test failed at ${op.path}`);
      }
      return root;
    default: throw new Error(`unknown patch op ${op.op}`);
  }
}

/** The tokens of a JSON Pointer ("/a/b~1c/0" → ["a", "b/c", "0"]). */
export function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`bad JSON pointer ${pointer}`);
  return pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function get(root, pointer) {
  let node = root;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== "object" || !(token in node)) {
      throw new Error(`no value at ${pointer}`);
    }
    node = node[token];
  }
  return node;
}

function parentOf(root, pointer) {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return { parent: null, key: null };
  const key = tokens.pop();
  const parent = tokens.length ? get(root, "/" + tokens.map(escape).join("/")) : root;
  if (parent === null || typeof parent !== "object") throw new Error(`no container at ${pointer}`);
  return { parent, key };
}

function escape(token) {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function put(root, pointer, value, how) {
  const { parent, key } = parentOf(root, pointer);
  if (parent === null) return value;
  if (Array.isArray(parent)) {
    const index = key === "-" ? parent.length : arrayIndex(key, parent.length + (how === "add" ? 1 : 0));
    if (how === "add") parent.splice(index, 0, value);
    else parent[index] = value;
  } else {
    if (how === "replace" && !(key in parent)) throw new Error(`no value to replace at ${pointer}`);
    parent[key] = value;
  }
  return root;
}

function remove(root, pointer) {
  const { parent, key } = parentOf(root, pointer);
  if (parent === null) throw new Error("cannot remove the whole document");
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length), 1);
  else if (key in parent) delete parent[key];
  else throw new Error(`no value to remove at ${pointer}`);
  return root;
}

function arrayIndex(token, size) {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new Error(`bad array index ${token}`);
  const index = Number(token);
  if (index >= size) throw new Error(`array index ${index} out of range`);
  return index;
}
