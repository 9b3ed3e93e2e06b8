"""Every problem code has wording in both languages (the test walks every code enum of every
package, so a code cannot be added without its words), and so has every promotion outcome."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from typing import Any

import pytest

from configurator.rules.problems import RuleProblem
from kernel.fields import FieldProblem
from kernel.problems import Param, Problem, ProblemCode
from pricing.minimum import MinimumDetail
from pricing.promotion_kinds import AppliedDetail, NotAppliedReason
from tests.product import PACKAGES, ROOT
from web.messages import (
    APPLIED,
    FIXES,
    MESSAGES,
    MESSAGES_BY_REASON,
    MINIMUM,
    NOT_APPLIED,
    detail_message,
    fix,
    message,
    minimum_message,
    reason_message,
    render_problem,
)


def every_code() -> list[ProblemCode]:
    """Every member of every code enum, once every module of the product is imported."""
    for package in PACKAGES:
        for module in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            importlib.import_module(module.name)
    return [c for c in ProblemCode.every() if type(c).__module__.split(".")[0] in PACKAGES]


def test_every_code_has_a_message_in_both_languages() -> None:
    codes = every_code()
    assert {"shelf_sag", "outside_room", "missing_rate", "overlapping_exclusive"} <= set(codes)
    missing = [c for c in codes if set(MESSAGES.get(c, {})) != {"en", "zh-CN"}]
    assert missing == []


def test_a_code_means_one_thing() -> None:
    values = [c.value for c in every_code()]
    assert len(values) == len(set(values))
    assert ProblemCode.named("shelf_sag") is RuleProblem.SHELF_SAG
    with pytest.raises(ValueError, match="unknown problem code"):
        ProblemCode.named("never_heard_of")


def test_problems_are_made_only_through_problem_of_with_an_enum() -> None:
    """No ``Problem(...)`` outside kernel/problems.py, no bare string as a code."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None)
                if name == "Problem" and path.name != "problems.py":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} Problem(...)")
                is_of = getattr(node.func, "attr", None) in ("of", "fail")
                if is_of and node.args and isinstance(node.args[0], ast.Constant):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} string code")
    assert found == []


@pytest.mark.parametrize(
    "table", [MESSAGES, MESSAGES_BY_REASON, FIXES, NOT_APPLIED, APPLIED, MINIMUM]
)
def test_every_entry_has_both_languages(table: dict[str, dict[str, str]]) -> None:
    for key, texts in table.items():
        assert set(texts) == {"en", "zh-CN"}, key


def test_missing_params_still_read() -> None:
    assert (
        render_problem(Problem.of(FieldProblem.NOT_FINITE, "")) == "must be a finite number, not ?"
    )
    odd = Problem.of(FieldProblem.OUT_OF_RANGE, "a", value="x", min=1, max=2)
    assert message(odd) == "x is outside 1–2" and fix(odd) == ""


@pytest.mark.parametrize("code", [*NotAppliedReason, *AppliedDetail], ids=str)
def test_every_promotion_reason_and_detail_has_both_languages(
    code: NotAppliedReason | AppliedDetail,
) -> None:
    texts = NOT_APPLIED.get(code) if isinstance(code, NotAppliedReason) else APPLIED.get(code)
    assert texts is not None, f"{code} has no wording"
    assert set(texts) == {"en", "zh-CN"}, code


@pytest.mark.parametrize(
    ("detail", "params", "en", "zh"),
    [
        pytest.param(
            MinimumDetail.TOPPED_UP,
            {"minimum": "3000.00", "order": "318.39", "top_up": "2681.61"},
            "the order came to ¥318.39, under the minimum order of ¥3,000.00: "
            "topped up by ¥2,681.61",
            "订单金额 ¥318.39，低于最低订单金额 ¥3,000.00，补足 ¥2,681.61",
            id="topped_up",
        ),
        pytest.param(
            MinimumDetail.TOPPED_UP_AFTER_DISCOUNTS,
            {"minimum": "3000.00", "order": "2945.00", "top_up": "55.00", "discount": "155.00"},
            "¥155.00 of discounts took the order to ¥2,945.00, under the minimum order of "
            "¥3,000.00: topped up by ¥55.00, so you pay the minimum",
            "优惠 ¥155.00 后订单金额 ¥2,945.00，低于最低订单金额 ¥3,000.00，补足 ¥55.00，"
            "按最低订单金额支付",
            id="after_discounts",
        ),
    ],
)
def test_each_minimum_detail_reads(
    detail: MinimumDetail, params: dict[str, Param], en: str, zh: str
) -> None:
    """Every detail is listed here (the ids cover the enum)."""
    assert {*MinimumDetail} == set(MINIMUM)
    assert minimum_message(detail, params, "en") == en
    assert minimum_message(detail, params, "zh-CN") == zh


R = NotAppliedReason
MORE = {"more": "320.00", "off": "300"}
HANDLE_160 = {"item": "HANDLE_160", "item_name": "Bar handle, 160 mm", "item_name_zh": "拉手 160mm"}


@pytest.mark.parametrize(
    ("reason", "params", "en", "zh"),
    [
        pytest.param(
            R.EXPIRED,
            {"date": "2026-06-01"},
            "expired on 2026-06-01",
            "已于 2026-06-01 过期",
            id="expired",
        ),
        pytest.param(
            R.NOT_STARTED,
            {"date": "2027-01-01"},
            "starts on 2027-01-01",
            "2027-01-01 开始",
            id="not_started",
        ),
        pytest.param(
            R.NOT_COMBINABLE,
            {"other": "STEPS"},
            "not combinable with STEPS",
            "不可与 STEPS 同享",
            id="not_combinable",
        ),
        pytest.param(
            R.NO_ITEM,
            {"item": "HANDLE_320"},
            "nothing in the order qualifies",
            "订单中没有适用的商品",
            id="no_item",
        ),
        pytest.param(
            R.SPEND_MORE,
            MORE,
            "spend ¥320.00 more to get ¥300.00 off",
            "再买 ¥320.00 可减 ¥300.00",
            id="spend_more",
        ),
        pytest.param(
            R.SPEND_MORE_PERCENT,
            {"more": "1320.5", "percent": "0.10"},
            "spend ¥1,320.50 more to get 10% off",
            "再买 ¥1,320.50 可享 10% 优惠",
            id="spend_more_percent",
        ),
        pytest.param(
            R.NEXT_TIER,
            MORE,
            "spend ¥320.00 more to get ¥300.00 off",
            "再买 ¥320.00 可减 ¥300.00",
            id="next_tier",
        ),
        pytest.param(
            R.USED_UP,
            {"max": 1000},
            "all 1000 coupons are used",
            "1000 张优惠券已领完",
            id="used_up",
        ),
        pytest.param(R.ALREADY_USED, {"max": 1}, "already used", "您已使用过", id="already_used"),
        pytest.param(R.MEMBERS_ONLY, {}, "members only", "仅限会员", id="members_only"),
        pytest.param(
            R.SPEND_MORE_GIFT,
            {"more": "5960.63", **HANDLE_160, "quantity": 4},
            "spend ¥5,960.63 more to get 4 x Bar handle, 160 mm free",
            "再买 ¥5,960.63 可获赠 拉手 160mm x 4",
            id="spend_more_gift",
        ),
        pytest.param(
            R.SPEND_MORE_GIFT,
            {"more": "5960.63", "item": "HANDLE_160", "quantity": 4},
            "spend ¥5,960.63 more to get 4 x HANDLE_160 free",
            "再买 ¥5,960.63 可获赠 HANDLE_160 x 4",
            id="spend_more_gift-stored-before-names",
        ),
    ],
)
def test_each_reason_a_promotion_did_not_apply_reads(
    reason: NotAppliedReason, params: dict[str, Param], en: str, zh: str
) -> None:
    assert reason_message(reason, params, "en") == en
    assert reason_message(reason, params, "zh-CN") == zh


D = AppliedDetail


@pytest.mark.parametrize(
    ("detail", "params", "en", "zh"),
    [
        pytest.param(
            D.FLASH_PRICE,
            {
                "item": "HANDLE_320",
                "item_name": "Bar handle",
                "item_name_zh": "拉手",
                "price": "29.00",
            },
            "Bar handle at ¥29.00",
            "拉手 秒杀价 ¥29.00",
            id="flash_price",
        ),
        pytest.param(
            D.CATEGORY_PERCENT,
            {"category": "hardware", "percent": "0.10", "base": "1491.78"},
            "10% of ¥1,491.78",
            "¥1,491.78 减 10%",
            id="category_percent",
        ),
        pytest.param(
            D.THRESHOLD_TIER,
            {"spend": "10000", "off": "500"},
            "¥500.00 off a spend of ¥10,000.00",
            "满 ¥10,000.00 减 ¥500.00",
            id="threshold_tier",
        ),
        pytest.param(
            D.COUPON, {"code": "WELCOME300"}, "coupon WELCOME300", "优惠券 WELCOME300", id="coupon"
        ),
        pytest.param(
            D.MEMBER_PERCENT,
            {"percent": "0.05", "base": "9515.13"},
            "5% off ¥9,515.13",
            "¥9,515.13 再减 5%",
            id="member_percent",
        ),
        pytest.param(
            D.GIFT,
            {**HANDLE_160, "quantity": 4},
            "4 x Bar handle, 160 mm free",
            "赠 拉手 160mm x 4",
            id="gift",
        ),
    ],
)
def test_each_applied_detail_reads(
    detail: AppliedDetail, params: dict[str, Param], en: str, zh: str
) -> None:
    assert detail_message(detail, params, "en") == en
    assert detail_message(detail, params, "zh-CN") == zh


@pytest.mark.parametrize(
    ("render", "code", "params"),
    [
        pytest.param(reason_message, R.SPEND_MORE, {}, id="missing-params"),
        pytest.param(detail_message, D.CATEGORY_PERCENT, {"percent": "lots"}, id="not-a-number"),
    ],
)
def test_promotion_wording_never_crashes(render: Any, code: Any, params: dict[str, Param]) -> None:
    assert render(code, params, "zh-CN")


def test_the_chinese_sag_message_has_no_english_load_name() -> None:
    """The load class is a code (``clothes``): the Chinese wording gives its kg/m only."""
    sag = Problem.of(
        ProblemCode.named("shelf_sag"),
        "cabinets[0]",
        part_id="W1-S1-SHELF1",
        span_mm=1562,
        load="clothes",
        load_kg_per_m=20,
        sag_mm=39.92,
        limit_mm=6.51,
    )
    worded = message(sag, "zh-CN")
    assert "clothes" not in worded and "20 kg/m" in worded and "39.92" in worded
    # and it says which shelf in words; the id stays in the params
    assert worded.startswith("W1 第1格第1块层板 跨度 1562 mm")
    assert message(sag, "en").startswith("shelf 1 of section 1 in W1 will sag 39.92 mm")
    assert sag.as_dict()["params"]["part_id"] == "W1-S1-SHELF1"
