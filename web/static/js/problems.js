// The problem list as a customer reads it: the server sends one problem per rule and part, so
// three sagging shelves are three problems with the same words and the same fix. Rows with the
// same severity, code and message (but for the part named) are shown once with a count and the
// other parts' names; a fix (a JSON Patch) already
// offered on an earlier row is not offered again, the later row points up to it instead.

/** The part a problem names, if any (its message differs from its neighbours' only there). */
function partOf(problem) {
  const p = problem.params || {};
  const part = p.part_id ?? p.part;
  return typeof part === "string" && part ? part : null;
}

/** The words of a problem without the part it names. */
function wording(problem) {
  const part = partOf(problem);
  return part ? problem.message.split(part).join("\u0000") : problem.message;
}

/** problems → [{ problem, count, others: [part ids], fixes: [{ fix, first }] }] in the server's order. */
export function groupProblems(problems) {
  const rows = [];
  const byText = new Map();
  for (const problem of problems) {
    const key = JSON.stringify([problem.severity, problem.code, wording(problem)]);
    const row = byText.get(key);
    if (row) {
      row.count += 1;
      const part = partOf(problem);
      if (part && part !== partOf(row.problem) && !row.others.includes(part)) row.others.push(part);
    } else {
      const fresh = { problem, count: 1, others: [], fixes: [] };
      byText.set(key, fresh);
      rows.push(fresh);
    }
  }
  const offered = new Set();
  for (const row of rows) {
    row.fixes = (row.problem.fixes || []).map((fix) => {
      const key = JSON.stringify(fix.patch);
      const first = !offered.has(key);
      offered.add(key);
      return { fix, first };
    });
  }
  return rows;
}
