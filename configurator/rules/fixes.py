"""Checked fixes: each candidate a rule proposes (``configurator.rules.proposals``) is applied
to the design document and the result evaluated again; it is offered only if its problem is
gone and no error appears that was not there before (DESIGN.md §3).

"Its problem is gone": no problem with the same identity (code, path and the params that
name things: ``Problem.identity``) remains. "No new error": every error after the change has
the identity of an error before it, as many times at most. A change that renumbers things
(a section split moves the later sections' part names) may so be refused although it is
fine; a fix is never offered that does not work.

The cost is bounded by a work budget, not the clock (the core never reads one): a candidate
costs one evaluation of the whole design, counted as its number of cabinets; at most
``per_problem`` candidates are tried for each problem, and none once the budget is spent.
With a ``memo`` (``services.memo``) a candidate that changes one cabinet rebuilds only that
one; the same patch proposed for two problems is evaluated once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, replace

from catalog.catalog import Catalog
from configurator.model.design import Design
from configurator.model.document import parse_design, to_document
from configurator.model.errors import InvalidDesign
from configurator.rules.evaluate import Evaluation, evaluate, rule_context
from configurator.rules.proposals import PROPOSERS, propose
from kernel.json_patch import PatchError, apply_patch
from kernel.memo import Memo, no_memo
from kernel.problems import Fix, Problem, errors_in

__all__ = ["FixBudget", "evaluated_with", "offer_fixes"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FixBudget:
    """How much checking one evaluation may do: candidates tried per problem, and work in
    cabinet evaluations in all (a candidate costs the design's number of cabinets)."""

    per_problem: int = 3
    work: int = 900  # 30 candidates of a 30-cabinet design, 450 of a 2-cabinet one


def offer_fixes(
    design: Design,
    evaluation: Evaluation,
    catalog: Catalog,
    *,
    memo: Memo = no_memo,
    budget: FixBudget = FixBudget(),
) -> tuple[Problem, ...]:
    """``evaluation``'s problems, each with the fixes that were proposed for it and work."""
    problems = evaluation.problems
    if not any(p.code in PROPOSERS for p in problems):
        return problems
    ctx = rule_context(design, catalog, evaluation.build, memo=memo)
    document = to_document(design)
    errors_before = Counter(p.identity for p in errors_in(problems))
    cost = max(1, len(design.cabinets))
    left = budget.work
    outcomes: dict[Hashable, tuple[Problem, ...] | None] = {}
    offered: list[Problem] = []
    for index, problem in enumerate(problems):
        if left < cost:  # the budget is spent: the rest are offered as they are, unproposed
            offered.extend(problems[index:])  # (proposing alone took minutes for 20,000)
            break
        fixes: list[Fix] = []
        seen: set[Hashable] = set()
        for candidate in propose(problem, ctx):
            key = _key(candidate)
            if key in seen:
                continue
            if len(seen) == budget.per_problem:
                break
            seen.add(key)
            if key not in outcomes:
                if left < cost:
                    break
                left -= cost
                outcomes[key] = evaluated_with(document, candidate.patch, catalog, memo)
            after = outcomes[key]
            if after is not None and _works(problem, errors_before, after):
                fixes.append(candidate)
        offered.append(replace(problem, fixes=tuple(fixes)) if fixes else problem)
    return tuple(offered)


def _key(fix: Fix) -> Hashable:
    return json.dumps([dict(op) for op in fix.patch], sort_keys=True)


def evaluated_with(
    document: object, patch: Iterable[Mapping[str, object]], catalog: Catalog, memo: Memo
) -> tuple[Problem, ...] | None:
    """The problems of the design with ``patch`` applied (``None``: it cannot be read)."""
    try:
        design = parse_design(apply_patch(document, patch))
    except (PatchError, InvalidDesign):
        return None
    return evaluate(design, catalog, memo=memo).problems


def _works(
    problem: Problem, errors_before: Counter[tuple[object, ...]], after: tuple[Problem, ...]
) -> bool:
    if any(p.identity == problem.identity for p in after):
        return False
    new_errors = Counter(p.identity for p in errors_in(after)) - errors_before
    return not new_errors
