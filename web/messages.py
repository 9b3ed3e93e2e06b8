"""The message catalogue: human wording of every problem code, and of what promotions did
and why they did not apply, in ``en`` and ``zh-CN``.

Problems and promotion outcomes stay data in the core; this is the one place that turns them
into sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from typing import Final, Literal, get_args

from kernel.problems import Fix, Param, Problem
from pricing.minimum import MinimumDetail
from pricing.promotion_kinds import AppliedDetail, NotAppliedReason
from web.part_words import SIDES, part_words

__all__ = [
    "APPLIED",
    "FIXES",
    "FIX_MESSAGES",
    "LANGUAGES",
    "MESSAGES",
    "MINIMUM",
    "NOT_APPLIED",
    "Language",
    "detail_message",
    "fix",
    "fix_message",
    "message",
    "minimum_message",
    "problem_view",
    "reason_message",
    "render_problem",
]

Language = Literal["en", "zh-CN"]
LANGUAGES: Final = get_args(Language)

MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "wrong_type": {"en": "must be {expected}, not {got}", "zh-CN": "应为{expected}，实际为{got}"},
    "missing_key": {"en": "is required but missing", "zh-CN": "缺少必填项"},
    "unknown_key": {
        "en": "is not a known key (allowed: {allowed})",
        "zh-CN": "不是可识别的字段（允许：{allowed}）",
    },
    "not_finite": {
        "en": "must be a finite number, not {value}",
        "zh-CN": "必须是有限数值，不能是 {value}",
    },
    "out_of_range": {
        "en": "{value} is outside {min}–{max}",
        "zh-CN": "{value} 超出范围 {min}–{max}",
    },
    "not_whole": {"en": "{value} must be whole millimetres", "zh-CN": "{value} 必须是整毫米"},
    "invalid_value": {
        "en": "{value!r} is not allowed (allowed: {allowed})",
        "zh-CN": "不允许的值 {value!r}（允许：{allowed}）",
    },
    "duplicate_id": {"en": "id {value!r} is used twice", "zh-CN": "编号 {value!r} 重复"},
    "invalid_text": {
        "en": "character {position} is {char}, which text may not contain "
        "(control, bidirectional or unpaired surrogate character)",
        "zh-CN": "第 {position} 个字符为 {char}，文本中不允许出现（控制字符、双向控制字符或不成对的代理项）",
    },
    "too_long": {
        "en": "is {length} characters long; at most {max} are allowed",
        "zh-CN": "长度为 {length} 个字符，最多允许 {max} 个",
    },
    "too_many_items": {
        "en": "has {value} items; at most {max} are allowed",
        "zh-CN": "共有 {value} 项，最多允许 {max} 项",
    },
    "too_many_problems": {
        "en": "only the first {shown} problems are listed; correct them and check again",
        "zh-CN": "仅列出前 {shown} 个问题；请先修正后再检查",
    },
    "unknown_template": {
        "en": "unknown template {value!r} (available: {allowed})",
        "zh-CN": "未知柜型 {value!r}（可选：{allowed}）",
    },
    "unknown_material": {
        "en": "unknown material {value!r} (available: {allowed})",
        "zh-CN": "未知板材 {value!r}（可选：{allowed}）",
    },
    "material_not_allowed": {
        "en": "material {value} is not offered for {template} (allowed: {allowed})",
        "zh-CN": "{template} 不提供板材 {value}（可选：{allowed}）",
    },
    "dimension_out_of_range": {
        "en": "{value:g} mm is outside {template}'s range {min}–{max} mm",
        "zh-CN": "{value:g} mm 超出 {template} 的尺寸范围 {min}–{max} mm",
    },
    "invalid_option": {
        "en": "{value!r} is not a valid setting (allowed: {allowed})",
        "zh-CN": "无效的选项值 {value!r}（可选：{allowed}）",
    },
    "unknown_option": {
        "en": "{template} has no such option (options: {allowed})",
        "zh-CN": "{template} 没有此选项（可选项：{allowed}）",
    },
    "interior_width_mismatch": {
        "en": "section widths and {sections} section(s) with {divider_mm:g} mm dividers do not "
        "fill the inner width {inner_width_mm:g} mm; give one section width null",
        "zh-CN": "{sections} 个分区的宽度加上 {divider_mm:g} mm 中竖板与内宽 "
        "{inner_width_mm:g} mm 不符；请将一个分区宽度设为 null",
    },
    "section_too_narrow": {
        "en": "section is {value:g} mm wide; it must be at least {min:g} mm",
        "zh-CN": "分区宽 {value:g} mm，至少需要 {min:g} mm",
    },
    "item_out_of_range": {
        "en": "{value:g} mm is outside the usable height {min:g}–{max:g} mm",
        "zh-CN": "{value:g} mm 超出可用高度 {min:g}–{max:g} mm",
    },
    "items_collide": {"en": "collides with {other}", "zh-CN": "与 {other} 位置冲突"},
    "drawer_fit": {"en": "drawer does not fit ({reason})", "zh-CN": "抽屉无法安装（{reason}）"},
    "invalid_room": {"en": "the room cannot be used ({reason})", "zh-CN": "房间无效（{reason}）"},
    "part_exceeds_sheet": {
        "en": "{part} ({length_mm:g} x {width_mm:g} mm) is larger than the largest "
        "{material} sheet ({sheet_mm} usable)",
        "zh-CN": "{part}（{length_mm:g} x {width_mm:g} mm）超出 {material} "
        "最大规格大板的可用尺寸 {sheet_mm}",
    },
    "part_too_small": {
        "en": "{part} ({length_mm:g} x {width_mm:g} mm) is too small to machine",
        "zh-CN": "{part}（{length_mm:g} x {width_mm:g} mm）太小，无法加工",
    },
    "shelf_sag": {
        "en": "{part} will sag {sag_mm:g} mm over its {span_mm} mm span with "
        "{load} ({load_kg_per_m:g} kg/m); limit {limit_mm:g} mm",
        "zh-CN": "{part} 跨度 {span_mm} mm，按 {load_kg_per_m:g} kg/m 负载"
        "长期下垂 {sag_mm:g} mm，限值 {limit_mm:g} mm",
    },
    "hinge_count": {
        "en": "{part} ({height_mm:g} mm, {weight_kg:g} kg) needs {needed} "
        "hinges, but only {placed} fit",
        "zh-CN": "{part}（{height_mm:g} mm，{weight_kg:g} kg）需要 {needed} 个"
        "铰链，只能装 {placed} 个",
    },
    "door_too_large": {"en": "{part} is too large", "zh-CN": "{part}过大"},
    "sliding_door_size": {
        "en": "the sliding doors of {cabinet} are {width_mm:g} x {height_mm:g} mm",
        "zh-CN": "{cabinet} 的推拉门为 {width_mm:g} x {height_mm:g} mm",
    },
    "hanging_space": {
        "en": "hanging space problem ({reason})",
        "zh-CN": "挂衣空间不足（{reason}）",
    },
    "outside_room": {
        "en": "the cabinet stands outside the room ({outside_mm2} mm² outside)",
        "zh-CN": "柜体超出房间范围（{outside_mm2} mm²）",
    },
    "cabinet_overlap": {
        "en": "{cabinet} overlaps {other} by {overlap_mm} mm",
        "zh-CN": "{cabinet} 与 {other} 重叠 {overlap_mm} mm",
    },
    "blocks_opening": {"en": "{cabinet} blocks {opening}", "zh-CN": "{cabinet} 挡住 {opening}"},
    "obstacle_conflict": {
        "en": "{cabinet} runs into {kind} {obstacle}",
        "zh-CN": "{cabinet} 与 {obstacle}（{kind}）冲突",
    },
    "ceiling_height": {
        "en": "{height_mm} mm is taller than the {ceiling_mm:g} mm ceiling",
        "zh-CN": "高 {height_mm} mm，超过 {ceiling_mm:g} mm 的层高",
    },
    "tilt_up_clearance": {
        "en": "its diagonal {diagonal_mm} mm is too long to stand it up under "
        "the {ceiling_mm:g} mm ceiling",
        "zh-CN": "对角线 {diagonal_mm} mm，在 {ceiling_mm:g} mm 层高下无法立起",
    },
    "floor_unit_raised": {
        "en": "{cabinet} hangs {elevation_mm} mm above the floor, but its plinth or legs are "
        "made to stand on the floor",
        "zh-CN": "{cabinet} 离地 {elevation_mm} mm 悬空，但它的踢脚板或柜脚须落地安装",
    },
    "top_box_unsupported": {
        "en": "top box {cabinet} (underside at {elevation_mm} mm) does not stand on a cabinet: "
        "only {supported_pct}% of it rests on the top of one",
        "zh-CN": "顶柜 {cabinet}（底面离地 {elevation_mm} mm）没有放在柜体上：仅 {supported_pct}% "
        "落在下方柜体的顶板上",
    },
    "shelf_unsupported": {
        "en": "{shelf} has no pin holes under it in {part} (bores already there took "
        "them): move the shelf a grid hole up or down",
        "zh-CN": "{shelf} 下方在{part}上没有层板托孔（已被其他孔占用）：请将层板上移或下移一个孔位",
    },
    "machining_clash": {
        "en": "{part}: {clashes} bore(s) cut into another one (the first at u {u_mm:g}, "
        "v {v_mm:g} mm into the one at u {other_u_mm:g}, v {other_v_mm:g} mm): each screw, "
        "pin and connector needs a hole of its own",
        "zh-CN": "{part}：有 {clashes} 个孔与其他孔重叠（第一个位于 u {u_mm:g}、v {v_mm:g} mm，"
        "与 u {other_u_mm:g}、v {other_v_mm:g} mm 处的孔相交）；每个螺钉、层板托和连接件都需要独立的孔位",
    },
    "door_against_wall": {
        "en": "{part} is hinged on its {side} side, less than {gap_mm:g} mm "
        "from a wall: it scrapes the wall, stops short of 90° and its handle strikes the wall",
        "zh-CN": "{part}的铰链装在{side}侧，靠墙且离墙不足 {gap_mm:g} mm："
        "开门会刮墙、开不到 90°，拉手会撞墙",
    },
    "fill_too_narrow": {
        "en": "{span_mm} mm is narrower than the narrowest {template} ({min_mm} mm)",
        "zh-CN": "{span_mm} mm 小于 {template} 的最小宽度（{min_mm} mm）",
    },
    "fill_too_low": {
        "en": "only {max_mm} mm of height here (under the {limit}); a {template} is at least {min_mm} mm high",
        "zh-CN": "此处（{limit} 下方）仅有 {max_mm} mm 高度；{template} 至少 {min_mm} mm 高",
    },
    "fill_adds_errors": {
        "en": "each of the {tried} ways to fill it with {template} cabinets makes the design wrong",
        "zh-CN": "用 {template} 填充的 {tried} 种方案都会使设计出错",
    },
    "front_clearance": {
        "en": "the fronts cannot open fully ({reason})",
        "zh-CN": "门/抽屉无法完全打开（{reason}）",
    },
    "corner_interior": {
        "en": "the interior of a {template} follows its arms and blind part; leave it to the "
        "catalog (interior: null)",
        "zh-CN": "{template} 的内部结构由转角柜的柜身和盲角决定，请使用默认内部结构（interior: null）",
    },
    "corner_unit_off_corner": {
        "en": "{cabinet} is a corner unit: it stands with its left side in a square room "
        "corner, its second arm along the next wall ({gap_mm:g} mm away now)",
        "zh-CN": "{cabinet} 是转角柜：其左侧应靠在直角墙角，第二段沿相邻墙摆放（现离墙角 {gap_mm:g} mm）",
    },
    "corner_blocked": {
        "en": "{other} stands in the corner in front of the fronts of {cabinet} "
        "({needed_mm:g} mm needed to open them)",
        "zh-CN": "{other} 在转角处挡住了 {cabinet} 的门/抽屉（需要 {needed_mm:g} mm 开启空间）",
    },
    "handle_too_long": {
        "en": "handle {value} ({centres_mm:g} mm centres) is too long for a {front_mm:g} mm "
        "front; choose one with centres up to {max_mm:g} mm",
        "zh-CN": "拉手 {value}（孔距 {centres_mm:g} mm）超出 {front_mm:g} mm 宽的抽面；"
        "请选择孔距不超过 {max_mm:g} mm 的拉手",
    },
    "unknown_wall": {
        "en": "there is no wall {value} (walls 0–{max})",
        "zh-CN": "没有编号为 {value} 的墙（墙编号 0–{max}）",
    },
    "unknown_edge_band": {"en": "unknown edge band {value!r}", "zh-CN": "未知封边 {value!r}"},
    "unknown_hardware": {
        "en": "unknown or wrong hardware {value!r}",
        "zh-CN": "未知或类型错误的五金 {value!r}",
    },
    "unknown_front_style": {
        "en": "unknown door style {value!r}",
        "zh-CN": "未知门型 {value!r}",
    },
    "missing_columns": {"en": "missing columns: {value}", "zh-CN": "缺少列：{value}"},
    "too_many_pieces": {
        "en": "{pieces} pieces in all; at most {max} are nested in one run: split the list",
        "zh-CN": "共 {pieces} 件；一次最多排版 {max} 件，请拆分清单",
    },
    "missing_file": {"en": "file is missing", "zh-CN": "文件缺失"},
    "unreadable_file": {"en": "cannot be read ({reason})", "zh-CN": "无法读取（{reason}）"},
    "invalid_toml": {"en": "is not valid TOML", "zh-CN": "不是有效的 TOML"},
    "unknown_coupon": {
        "en": "coupon {value!r} is not known; the price is without it",
        "zh-CN": "优惠券 {value!r} 不存在，价格未使用该券",
    },
    "coupon_expired": {
        "en": "coupon {value!r} has expired; the price is without it",
        "zh-CN": "优惠券 {value!r} 已过期，价格未使用该券",
    },
    "coupon_not_started": {
        "en": "coupon {value!r} is not valid yet; the price is without it",
        "zh-CN": "优惠券 {value!r} 尚未生效，价格未使用该券",
    },
    "unknown_region": {
        "en": "no installation and delivery for region {value!r} (regions: {allowed})",
        "zh-CN": "不提供地区 {value!r} 的安装和配送（可选地区：{allowed}）",
    },
    "price_list_not_valid": {
        "en": "price list {version} is valid {valid_from} to {valid_until} only",
        "zh-CN": "价目表 {version} 仅在 {valid_from} 至 {valid_until} 有效",
    },
    "missing_rate": {
        "en": "has no rate: the price list must price everything the catalog can use",
        "zh-CN": "缺少价格：价目表须为产品目录中可用的每一项定价",
    },
    "invalid_cursor": {
        "en": "{value!r} is not a cursor from this list; start again without one",
        "zh-CN": "{value!r} 不是此列表的游标，请不带游标重新开始",
    },
    "unknown_store": {
        "en": "there is no store {value!r} (stores: {allowed})",
        "zh-CN": "没有门店 {value!r}（门店：{allowed}）",
    },
    "store_required": {
        "en": "a {value} belongs to a store: give it",
        "zh-CN": "{value} 须属于一家门店，请指定门店",
    },
    "store_not_allowed": {
        "en": "a {value} belongs to no store",
        "zh-CN": "{value} 不属于任何门店",
    },
    "invalid_login": {
        "en": "{value!r} cannot be a login: 3–64 letters, digits and . _ @ + -, "
        "starting with a letter or digit",
        "zh-CN": "{value!r} 不能作为登录名：须为 3–64 个字母、数字或 . _ @ + -，并以字母或数字开头",
    },
    "weak_password": {
        "en": "the password must have {min}–{max} characters",
        "zh-CN": "密码须为 {min}–{max} 个字符",
    },
    "unknown_revision": {
        "en": "the design has no revision {value}",
        "zh-CN": "该设计没有第 {value} 版",
    },
    "account_disabled": {
        "en": "the account {value!r} is disabled: enable it first",
        "zh-CN": "账户 {value!r} 已停用，请先启用",
    },
    "invalid_range": {
        "en": "give a date range from `from` to `to` of at most {max_days} days",
        "zh-CN": "请给出从 from 到 to、不超过 {max_days} 天的日期范围",
    },
    "idempotency_key_reused": {
        "en": "this Idempotency-Key was used for another request: use a new key",
        "zh-CN": "该 Idempotency-Key 已用于另一个请求，请换一个新的",
    },
    "booking_cancelled": {
        "en": "the appointment is cancelled: book a new one",
        "zh-CN": "该预约已取消，请重新预约",
    },
    "address_required": {
        "en": "a home measurement needs the address of the home",
        "zh-CN": "上门量尺需要填写房屋地址",
    },
    "overlapping_exclusive": {
        "en": "exclusive promotion {value!r} runs at the same time as {other!r} of the same kind",
        "zh-CN": "独享促销 {value!r} 与同类促销 {other!r} 的有效期重叠",
    },
    # booking a store visit or a home measurement (sales.problems)
    "slot_taken": {
        "en": "the time {start} has just been taken: please pick another",
        "zh-CN": "{start} 这个时段刚被预约，请选择其他时间",
    },
    "booking_too_soon": {
        "en": "{start} is too soon to book: please pick a later time",
        "zh-CN": "{start} 距现在太近，无法预约，请选择更晚的时间",
    },
    "booking_beyond_window": {
        "en": "{start} is outside the days that can be booked",
        "zh-CN": "{start} 不在可预约的日期范围内",
    },
    "store_closed": {
        "en": "the store is closed on the day of {start}",
        "zh-CN": "{start} 当天门店休息",
    },
    "store_day_full": {
        "en": "the store is fully booked on the day of {start}",
        "zh-CN": "{start} 当天门店预约已满",
    },
    "not_a_slot": {
        "en": "{start} is not one of the offered times",
        "zh-CN": "{start} 不是可预约的时段",
    },
    "no_designer": {
        "en": "no designer of the store can take this appointment",
        "zh-CN": "门店没有可接待此预约的设计师",
    },
    "phone_invalid": {
        "en": "{value!r} is not a telephone number we can call back",
        "zh-CN": "{value!r} 不是有效的电话号码",
    },
    # a store's schedule as its manager edits it (sales.schedule)
    "closes_before_opening": {
        "en": "closes at {end}, which is not after it opens at {start}",
        "zh-CN": "结束时间 {end} 必须晚于开始时间 {start}",
    },
    "hours_overlap": {
        "en": "{start}–{end} overlaps other hours of the same day",
        "zh-CN": "{start}–{end} 与同一天的其他时段重叠",
    },
    "closure_backwards": {
        "en": "the closure ends on {last}, before it starts on {first}",
        "zh-CN": "休息期的结束日 {last} 早于开始日 {first}",
    },
    "closures_overlap": {
        "en": "the closure {first}–{last} overlaps the closure {other}",
        "zh-CN": "休息期 {first}–{last} 与休息期 {other} 重叠",
    },
    "date_twice": {
        "en": "{value} has special hours twice: keep one",
        "zh-CN": "{value} 的特殊营业时间重复，请只保留一条",
    },
    "designer_twice": {
        "en": "the designer {value!r} is listed twice",
        "zh-CN": "设计师 {value!r} 重复出现",
    },
    "no_skill": {
        "en": "a designer needs at least one skill",
        "zh-CN": "设计师至少需要一项专长",
    },
    # accepting a lead (services.leads)
    "lead_already_accepted": {
        "en": "lead {lead} has been accepted already",
        "zh-CN": "线索 {lead} 已被接收",
    },
    "lead_reassigned": {
        "en": "lead {lead} is no longer waiting for you: it was reassigned",
        "zh-CN": "线索 {lead} 已改派，不再等待您接收",
    },
    # a store manager hands a lead to a designer (services.leads)
    "lead_not_pooled": {
        "en": "lead {lead} is with a designer already",
        "zh-CN": "线索 {lead} 已有设计师跟进",
    },
    "unknown_designer": {
        "en": "{designer} is not a designer of store {store}",
        "zh-CN": "{designer} 不是门店 {store} 的设计师",
    },
}

# Why a promotion did not apply (``NotApplied.reason`` and its params).
NOT_APPLIED: Final[Mapping[NotAppliedReason, Mapping[str, str]]] = {
    NotAppliedReason.EXPIRED: {"en": "expired on {date}", "zh-CN": "已于 {date} 过期"},
    NotAppliedReason.NOT_STARTED: {"en": "starts on {date}", "zh-CN": "{date} 开始"},
    NotAppliedReason.NOT_COMBINABLE: {
        "en": "not combinable with {other}",
        "zh-CN": "不可与 {other} 同享",
    },
    NotAppliedReason.NO_ITEM: {
        "en": "nothing in the order qualifies",
        "zh-CN": "订单中没有适用的商品",
    },
    NotAppliedReason.SPEND_MORE: {
        "en": "spend ¥{more:,.2f} more to get ¥{off:,.2f} off",
        "zh-CN": "再买 ¥{more:,.2f} 可减 ¥{off:,.2f}",
    },
    NotAppliedReason.SPEND_MORE_PERCENT: {
        "en": "spend ¥{more:,.2f} more to get {percent} off",
        "zh-CN": "再买 ¥{more:,.2f} 可享 {percent} 优惠",
    },
    NotAppliedReason.NEXT_TIER: {
        "en": "spend ¥{more:,.2f} more to get ¥{off:,.2f} off",
        "zh-CN": "再买 ¥{more:,.2f} 可减 ¥{off:,.2f}",
    },
    NotAppliedReason.USED_UP: {"en": "all {max} coupons are used", "zh-CN": "{max} 张优惠券已领完"},
    NotAppliedReason.ALREADY_USED: {"en": "already used", "zh-CN": "您已使用过"},
    NotAppliedReason.MEMBERS_ONLY: {"en": "members only", "zh-CN": "仅限会员"},
    NotAppliedReason.SPEND_MORE_GIFT: {
        "en": "spend ¥{more:,.2f} more to get {quantity} x {item_name} free",
        "zh-CN": "再买 ¥{more:,.2f} 可获赠 {item_name_zh} x {quantity}",
    },
}

# How an applied promotion took its discount (``Applied.detail`` and its params).
APPLIED: Final[Mapping[AppliedDetail, Mapping[str, str]]] = {
    AppliedDetail.FLASH_PRICE: {
        "en": "{item_name} at ¥{price:,.2f}",
        "zh-CN": "{item_name_zh} 秒杀价 ¥{price:,.2f}",
    },
    AppliedDetail.CATEGORY_PERCENT: {
        "en": "{percent} of ¥{base:,.2f}",
        "zh-CN": "¥{base:,.2f} 减 {percent}",
    },
    AppliedDetail.THRESHOLD_TIER: {
        "en": "¥{off:,.2f} off a spend of ¥{spend:,.2f}",
        "zh-CN": "满 ¥{spend:,.2f} 减 ¥{off:,.2f}",
    },
    AppliedDetail.COUPON: {"en": "coupon {code}", "zh-CN": "优惠券 {code}"},
    AppliedDetail.MEMBER_PERCENT: {
        "en": "{percent} off ¥{base:,.2f}",
        "zh-CN": "¥{base:,.2f} 再减 {percent}",
    },
    AppliedDetail.GIFT: {
        "en": "{quantity} x {item_name} free",
        "zh-CN": "赠 {item_name_zh} x {quantity}",
    },
}

# How the minimum order applied (``Price.minimum.detail`` and its params).
MINIMUM: Final[Mapping[MinimumDetail, Mapping[str, str]]] = {
    MinimumDetail.TOPPED_UP: {
        "en": "the order came to ¥{order:,.2f}, under the minimum order of ¥{minimum:,.2f}: "
        "topped up by ¥{top_up:,.2f}",
        "zh-CN": "订单金额 ¥{order:,.2f}，低于最低订单金额 ¥{minimum:,.2f}，补足 ¥{top_up:,.2f}",
    },
    MinimumDetail.TOPPED_UP_AFTER_DISCOUNTS: {
        "en": "¥{discount:,.2f} of discounts took the order to ¥{order:,.2f}, under the minimum "
        "order of ¥{minimum:,.2f}: topped up by ¥{top_up:,.2f}, so you pay the minimum",
        "zh-CN": "优惠 ¥{discount:,.2f} 后订单金额 ¥{order:,.2f}，低于最低订单金额 "
        "¥{minimum:,.2f}，补足 ¥{top_up:,.2f}，按最低订单金额支付",
    },
}

# Promotion params that are decimal strings, read as ``Decimal`` so that wording can format
# them (``{base:,.2f}``); a ``percent`` fraction is worded as a percentage as exact as it is
# (0.125 -> 12.5%, 0.1 -> 10%).
_DECIMAL_PARAMS: Final = frozenset(
    {"more", "off", "price", "base", "spend", "minimum", "order", "top_up", "discount"}
)


# Reason-specific wording: "code.reason" wins over "code".
MESSAGES_BY_REASON: Final[Mapping[str, Mapping[str, str]]] = {
    "invalid_text.key": {
        "en": "this key's character {position} is {char}, which text may not contain "
        "(control, bidirectional or unpaired surrogate character)",
        "zh-CN": "此字段名的第 {position} 个字符为 {char}，文本中不允许出现（控制字符、双向控制字符或不成对的代理项）",
    },
    "invalid_room.short_wall": {
        "en": "wall {wall} is shorter than {min:g} mm",
        "zh-CN": "墙 {wall} 短于 {min:g} mm",
    },
    "invalid_room.self_intersecting": {
        "en": "the room outline crosses itself ({detail})",
        "zh-CN": "房间轮廓自相交（{detail}）",
    },
    "invalid_room.pinched": {
        "en": "corner {corner} is less than {min:g} mm from a wall it is not on: the room "
        "is pinched to a hairline",
        "zh-CN": "角点 {corner} 与不相邻的墙距离小于 {min:g} mm：房间轮廓过窄",
    },
    "invalid_room.too_small": {
        "en": "the room is only {area_m2} m²: check the outline's units (mm)",
        "zh-CN": "房间面积仅 {area_m2} m²，请检查轮廓单位（毫米）",
    },
    "invalid_room.unknown_wall": {
        "en": "there is no wall {value} (walls 0–{max})",
        "zh-CN": "没有编号为 {value} 的墙（墙编号 0–{max}）",
    },
    "drawer_fit.too_low": {
        "en": "a {value:g} mm drawer front leaves no room for a drawer box",
        "zh-CN": "{value:g} mm 高的抽面放不下抽屉箱体",
    },
    "drawer_fit.stack_too_tall": {
        "en": "the drawers reach {top_mm:g} mm, above the {max_mm:g} mm available",
        "zh-CN": "抽屉叠放高度 {top_mm:g} mm，超过可用的 {max_mm:g} mm",
    },
    "drawer_fit.too_shallow": {
        "en": "only {depth_mm:g} mm of depth: no runner fits (shortest 250 mm)",
        "zh-CN": "仅有 {depth_mm:g} mm 深度，装不下任何滑轨（最短 250 mm）",
    },
    "hinge_count.beyond_chart": {
        "en": "{part} ({height_mm:g} mm, {weight_kg:g} kg) gets {needed} hinges; "
        "hinge charts stop at {max_hinges}, so a door this tall or heavy is not vouched for: "
        "a top box or a lower door is safer",
        "zh-CN": "{part}（{height_mm:g} mm，{weight_kg:g} kg）装 {needed} 个铰链；"
        "铰链选型表最多到 {max_hinges} 个，这么高或这么重的门没有依据，建议加顶柜或降低门高",
    },
    "door_too_large.width_or_weight": {
        "en": "{part} is {width_mm:g} mm wide and {weight_kg:g} kg (limits "
        "{max_width_mm:g} mm, {max_weight_kg:g} kg)",
        "zh-CN": "{part}宽 {width_mm:g} mm、重 {weight_kg:g} kg（上限 {max_width_mm:g} mm、"
        "{max_weight_kg:g} kg）",
    },
    "sliding_door_size.narrow": {
        "en": "the {doors} sliding doors of {cabinet} are {width_mm:g} mm wide, narrower than "
        "{min_mm:g} mm: narrow leaves skew in the track",
        "zh-CN": "{cabinet} 的 {doors} 扇推拉门宽 {width_mm:g} mm，窄于 {min_mm:g} mm，门扇易歪斜卡轨",
    },
    "sliding_door_size.wide": {
        "en": "the {doors} sliding doors of {cabinet} are {width_mm:g} mm wide, wider than "
        "{max_mm:g} mm",
        "zh-CN": "{cabinet} 的 {doors} 扇推拉门宽 {width_mm:g} mm，超过 {max_mm:g} mm",
    },
    "sliding_door_size.tall": {
        "en": "the sliding doors of {cabinet} are {height_mm:g} mm tall; doors over "
        "{max_mm:g} mm may warp",
        "zh-CN": "{cabinet} 的推拉门高 {height_mm:g} mm，超过 {max_mm:g} mm 易变形",
    },
    "door_too_large.height": {
        "en": "{part} is {height_mm:g} mm tall; doors over {max_height_mm:g} mm may warp",
        "zh-CN": "{part}高 {height_mm:g} mm，超过 {max_height_mm:g} mm 易变形",
    },
    "hanging_space.depth": {
        "en": "hanging depth {depth_mm:g} mm is under the {min_mm:g} mm GB/T 3327 asks for",
        "zh-CN": "挂衣深度 {depth_mm:g} mm，低于 GB/T 3327 要求的 {min_mm:g} mm",
    },
    "hanging_space.height": {
        "en": "only {height_mm:g} mm below the rail: nothing can hang",
        "zh-CN": "挂衣杆下仅 {height_mm:g} mm，无法挂衣",
    },
    "hanging_space.trousers": {
        "en": "{height_mm:g} mm below the rail: folded trousers only",
        "zh-CN": "挂衣杆下 {height_mm:g} mm，仅适合对折挂裤",
    },
    "hanging_space.short": {
        "en": "{height_mm:g} mm below the rail: short garments only "
        "(long coats need {min_mm:g} mm)",
        "zh-CN": "挂衣杆下 {height_mm:g} mm，仅适合短衣（长大衣需 {min_mm:g} mm）",
    },
    "blocks_opening.window": {
        "en": "{cabinet} stands in front of window {opening} above its {sill_mm:g} mm sill",
        "zh-CN": "{cabinet} 挡住窗户 {opening}（高于 {sill_mm:g} mm 窗台）",
    },
    "blocks_opening.passage": {
        "en": "{cabinet} stands in front of {kind} {opening}",
        "zh-CN": "{cabinet} 挡住了 {opening}（{kind}）的通行",
    },
    "blocks_opening.swing": {
        "en": "{cabinet} stands where door {opening} swings open",
        "zh-CN": "{cabinet} 位于门 {opening} 的开启范围内",
    },
    "front_clearance.wall": {
        "en": "the fronts of {cabinet} need {needed_mm:g} mm to open and hit a wall",
        "zh-CN": "{cabinet} 的门/抽屉需要 {needed_mm:g} mm 开启空间，会碰到墙",
    },
    "front_clearance.cabinet": {
        "en": "the fronts of {cabinet} hit {other} when they open ({needed_mm:g} mm needed)",
        "zh-CN": "{cabinet} 的门/抽屉开启时会碰到 {other}（需要 {needed_mm:g} mm）",
    },
    "front_clearance.obstacle": {
        "en": "the fronts of {cabinet} hit an obstacle when they open ({needed_mm:g} mm needed)",
        "zh-CN": "{cabinet} 的门/抽屉开启时会碰到障碍物（需要 {needed_mm:g} mm）",
    },
    "front_clearance.opening": {
        "en": "the fronts of {cabinet} open into a door's swing",
        "zh-CN": "{cabinet} 的门/抽屉开启时与房门开启范围冲突",
    },
}

FIXES: Final[Mapping[str, Mapping[str, str]]] = {
    "unknown_template": {"en": "choose one of: {allowed}", "zh-CN": "请选择：{allowed}"},
    "unknown_material": {"en": "choose one of: {allowed}", "zh-CN": "请选择：{allowed}"},
    "material_not_allowed": {"en": "choose one of: {allowed}", "zh-CN": "请选择：{allowed}"},
    "dimension_out_of_range": {
        "en": "set it between {min} and {max} mm",
        "zh-CN": "请设为 {min}–{max} mm",
    },
    "invalid_option": {"en": "use one of: {allowed}", "zh-CN": "请使用：{allowed}"},
    "interior_width_mismatch": {
        "en": "set one section's width_mm to null",
        "zh-CN": "将一个分区的 width_mm 设为 null",
    },
    "section_too_narrow": {
        "en": "make it at least {min:g} mm or remove a section",
        "zh-CN": "加宽至至少 {min:g} mm，或减少分区",
    },
    "item_out_of_range": {
        "en": "place it between {min:g} and {max:g} mm",
        "zh-CN": "请放在 {min:g}–{max:g} mm 之间",
    },
    "items_collide": {
        "en": "move it at least 70 mm away from {other}",
        "zh-CN": "与 {other} 至少间隔 70 mm",
    },
    "drawer_fit.too_low": {
        "en": "make the front at least {min:g} mm high",
        "zh-CN": "抽面高度至少 {min:g} mm",
    },
    "drawer_fit.stack_too_tall": {
        "en": "lower the drawers by {excess_mm:g} mm or remove one",
        "zh-CN": "降低抽屉总高 {excess_mm:g} mm 或减少一个抽屉",
    },
    "drawer_fit.too_shallow": {
        "en": "make the cabinet deeper (at least {need_mm:g} mm) or use shelves",
        "zh-CN": "加深柜体（至少 {need_mm:g} mm）或改用层板",
    },
    "handle_too_long": {
        "en": "choose a handle with centres up to {max_mm:g} mm",
        "zh-CN": "请选择孔距不超过 {max_mm:g} mm 的拉手",
    },
}


# Checked fixes (``Problem.fixes``), by fix code: what the patch does, in words.
FIX_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "set_height": {
        "en": "make {cabinet} {to_mm} mm high (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 的高度改为 {to_mm} mm（现为 {from_mm} mm）",
    },
    "set_width": {
        "en": "make {cabinet} {to_mm} mm wide (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 的宽度改为 {to_mm} mm（现为 {from_mm} mm）",
    },
    "set_depth": {
        "en": "make {cabinet} {to_mm} mm deep (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 的深度改为 {to_mm} mm（现为 {from_mm} mm）",
    },
    "set_elevation": {
        "en": "hang {cabinet} {to_mm} mm above the floor (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 的离地高度改为 {to_mm} mm（现为 {from_mm} mm）",
    },
    "use_corner_unit": {
        "en": "replace {cabinet} and {other} with an L-shaped corner wardrobe ({template}): "
        "{width_mm} mm along this wall and {arm_mm} mm along the next, from the corner",
        "zh-CN": "将 {cabinet} 和 {other} 换成L型转角衣柜（{template}）：从墙角起本墙 {width_mm} mm，"
        "相邻墙 {arm_mm} mm",
    },
    "use_blind_corner": {
        "en": "make {cabinet} a blind-corner unit ({template}, {width_mm} mm) running "
        "{blind_mm} mm behind {other}, with a filler strip",
        "zh-CN": "将 {cabinet} 改为盲角转角柜（{template}，{width_mm} mm），伸入 {other} 后方 "
        "{blind_mm} mm，并加收口条",
    },
    "move_along_wall": {
        "en": "move {cabinet} along wall {wall} to {offset_mm} mm from its start ({by_mm:+d} mm)",
        "zh-CN": "将 {cabinet} 沿墙 {wall} 移至距墙起点 {offset_mm} mm 处（{by_mm:+d} mm）",
    },
    "fit_along_wall": {
        "en": "narrow {cabinet} to {width_mm} mm (now {from_mm} mm), {offset_mm} mm from "
        "the wall's start",
        "zh-CN": "将 {cabinet} 改窄至 {width_mm} mm（现为 {from_mm} mm），距墙起点 {offset_mm} mm",
    },
    "set_door_count": {
        "en": "give {cabinet} {doors} sliding doors ({width_mm:g} mm each)",
        "zh-CN": "将 {cabinet} 改为 {doors} 扇推拉门（每扇 {width_mm:g} mm）",
    },
    "split_section": {
        "en": "add a divider in section {section} of {cabinet} ({sections} sections)",
        "zh-CN": "在 {cabinet} 的第 {section} 分区加一块中竖板（共 {sections} 个分区）",
    },
    "set_section_width": {
        "en": "make section {section} of {cabinet} {width_mm} mm wide",
        "zh-CN": "将 {cabinet} 第 {section} 分区的宽度设为 {width_mm} mm",
    },
    "set_carcass_material": {
        "en": "build the carcass of {cabinet} in the stiffer {material}",
        "zh-CN": "{cabinet} 的柜体改用更硬的 {material}",
    },
    "raise_rail": {
        "en": "raise the rail in section {section} of {cabinet} to {to_mm} mm (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 第 {section} 分区的挂衣杆升至 {to_mm} mm（现为 {from_mm} mm）",
    },
    "stand_on_floor": {
        "en": "stand {cabinet} on the floor (now {from_mm} mm above it)",
        "zh-CN": "将 {cabinet} 落地安装（现离地 {from_mm} mm）",
    },
    "put_on_cabinet": {
        "en": "set {cabinet} on top of {other}, {to_mm} mm above the floor (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 放到 {other} 顶上，离地 {to_mm} mm（现为 {from_mm} mm）",
    },
    "move_onto_cabinet": {
        "en": "move {cabinet} onto {other}: along wall {wall} to {offset_mm} mm from its start, "
        "{to_mm} mm above the floor",
        "zh-CN": "将 {cabinet} 移到 {other} 顶上：沿墙 {wall} 距墙起点 {offset_mm} mm，离地 {to_mm} mm",
    },
    "move_item": {
        "en": "move the {kind} in section {section} of {cabinet} to {to_mm} mm (now {from_mm} mm)",
        "zh-CN": "将 {cabinet} 第 {section} 分区 {from_mm} mm 处的 {kind} 移至 {to_mm} mm",
    },
    "flip_hinges": {
        "en": "hinge the doors of {cabinet} on the {side}",
        "zh-CN": "将 {cabinet} 的门改为{side}侧开铰",
    },
    "add_filler": {
        "en": "put a {width_mm} mm filler strip {filler} between {cabinet} and the wall "
        "({cabinet} {to_mm} mm wide, {offset_mm} mm from the wall's start)",
        "zh-CN": "在 {cabinet} 与墙之间加 {width_mm} mm 收口条 {filler}（{cabinet} 宽 {to_mm} mm，"
        "距墙起点 {offset_mm} mm）",
    },
    "fill_span": {
        "en": "add {count} × {template} ({widths} mm, {height_mm} mm high; filler {filler_mm} mm; "
        "{above} wall cabinets above) along wall {wall} from {from_mm} to {to_mm} mm",
        "zh-CN": "沿墙 {wall} 在 {from_mm}–{to_mm} mm 处加 {count} 个 {template}（宽 {widths} mm，"
        "高 {height_mm} mm；收口条 {filler_mm} mm；上方吊柜 {above} 个）",
    },
}


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def _pick(table: Mapping[str, Mapping[str, str]], problem: Problem) -> Mapping[str, str] | None:
    reason = problem.params.get("reason")
    return table.get(f"{problem.code}.{reason}") or table.get(problem.code)


def _worded(params: Mapping[str, Param], language: str) -> _Params:
    """The params as messages say them: ``part`` and ``shelf`` are the parts ``part_id`` and
    ``shelf_id`` in words, and ``side`` (left/right) in ``language``."""
    out = _Params(params)
    if "part_id" in params:
        out["part"] = part_words(params["part_id"], language)
    if "shelf_id" in params:
        out["shelf"] = part_words(params["shelf_id"], language)
    side = SIDES.get(str(params.get("side")))
    if side is not None:
        out["side"] = side.get(language, side["en"])
    return out


def _fill(texts: Mapping[str, str] | None, problem: Problem, language: str) -> str | None:
    if texts is None:
        return None
    try:
        return texts.get(language, texts["en"]).format_map(_worded(problem.params, language))
    except (ValueError, TypeError, KeyError):
        return None


def message(problem: Problem, language: str = "en") -> str:
    """The problem in words, without its path."""
    texts = _pick({**MESSAGES, **MESSAGES_BY_REASON}, problem)
    return _fill(texts, problem, language) or f"{problem.code} {dict(problem.params)}"


def fix(problem: Problem, language: str = "en") -> str:
    """A worded suggestion, or an empty string: only for problems found before a design can
    be evaluated (a value out of range, say); what the rules find gets checked ``fixes``."""
    return _fill(_pick(FIXES, problem), problem, language) or ""


def fix_message(change: Fix, language: str = "en") -> str:
    """A checked fix in words."""
    texts = FIX_MESSAGES.get(change.code)
    if texts is not None:
        try:
            return texts.get(language, texts["en"]).format_map(_worded(change.params, language))
        except (ValueError, TypeError, KeyError):
            pass
    return f"{change.code} {dict(change.params)}"


def problem_view(problem: Problem, language: str = "en") -> dict[str, object]:
    """The problem as the API and CLI show it: data plus message, the worded hint ``fix``
    (for problems whose fixes are not checked patches) and the checked ``fixes``, each
    ``{code, params, message, patch}``."""
    return {
        **problem.as_dict(),
        "message": message(problem, language),
        "fix": fix(problem, language),
        "fixes": [
            {**change.as_dict(), "message": fix_message(change, language)}
            for change in problem.fixes
        ],
    }


def _numbers(params: Mapping[str, Param]) -> _Params:
    out = _Params(params)
    if "item" in params:  # outcomes stored before items had names: the code, as then
        out.setdefault("item_name", params["item"])
        out.setdefault("item_name_zh", out["item_name"])
    with suppress(InvalidOperation):
        if "percent" in params:
            out["percent"] = f"{(Decimal(str(params['percent'])) * 100).normalize():f}%"
    for key in _DECIMAL_PARAMS & set(params):
        with suppress(InvalidOperation):  # not a number (an empty ``off``): worded as given
            out[key] = Decimal(str(params[key]))
    return out


def _promotion_text(
    texts: Mapping[str, str] | None, code: str, params: Mapping[str, Param], language: str
) -> str:
    if texts is not None:
        try:
            return texts.get(language, texts["en"]).format_map(_numbers(params))
        except (ValueError, TypeError, KeyError):
            pass
    return f"{code} {dict(params)}"


def reason_message(
    reason: NotAppliedReason, params: Mapping[str, Param], language: str = "en"
) -> str:
    """Why a promotion did not apply, in words."""
    return _promotion_text(NOT_APPLIED.get(reason), reason, params, language)


def detail_message(detail: AppliedDetail, params: Mapping[str, Param], language: str = "en") -> str:
    """How an applied promotion took its discount, in words."""
    return _promotion_text(APPLIED.get(detail), detail, params, language)


def minimum_message(
    detail: MinimumDetail, params: Mapping[str, Param], language: str = "en"
) -> str:
    """How the minimum order applied, in words."""
    return _promotion_text(MINIMUM.get(detail), detail, params, language)


def render_problem(problem: Problem, language: str = "en") -> str:
    """``path: message`` for a problem, in ``language`` (falls back to English)."""
    text = message(problem, language)
    return f"{problem.path}: {text}" if problem.path else text
