"""The wording of the store workspace and the sales view of leads (``web.pages_leads``), in
``zh-CN`` and ``en``; merged into the pages' wording (``web.page_messages``). Each routing
reason a lead carries is worded here by its code (``reason_<code>``), its figures filled in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["LEAD_PAGE_MESSAGES"]

LEAD_PAGE_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "workspace_title": {"en": "Store workspace", "zh-CN": "门店工作台"},
    "sales_title": {"en": "Leads by source, store and state", "zh-CN": "线索：来源、门店与状态"},
    "staff_sign_in": {"en": "Sign in with your store account", "zh-CN": "使用门店账号登录"},
    "signed_in_as": {"en": "{name} · {role}", "zh-CN": "{name} · {role}"},
    "sign_out": {"en": "Sign out", "zh-CN": "退出"},
    "not_staff": {
        "en": "This page is for designers, store managers and sales.",
        "zh-CN": "此页面供设计师、店长和销售使用。",
    },
    "role_designer": {"en": "designer", "zh-CN": "设计师"},
    "role_store_manager": {"en": "store manager", "zh-CN": "店长"},
    "role_sales": {"en": "sales", "zh-CN": "销售"},
    "today": {"en": "Today", "zh-CN": "今天"},
    "this_week": {"en": "This week", "zh-CN": "本周"},
    "no_appointments": {"en": "No appointments.", "zh-CN": "暂无预约。"},
    "leads": {"en": "Leads", "zh-CN": "线索"},
    "no_leads": {"en": "No leads yet.", "zh-CN": "暂无线索。"},
    "kind_store_visit": {"en": "Store visit", "zh-CN": "到店咨询"},
    "kind_measurement": {"en": "Home measurement", "zh-CN": "上门量尺"},
    "open_design": {"en": "Open the customer's design", "zh-CN": "打开客户的设计"},
    "no_design": {"en": "no design attached", "zh-CN": "未附设计"},
    "accept": {"en": "Accept", "zh-CN": "接收"},
    "assign_to": {"en": "Designer for this lead", "zh-CN": "指派给设计师"},
    "assign": {"en": "Assign", "zh-CN": "指派"},
    "accepted_at": {"en": "accepted {time}", "zh-CN": "已于 {time} 接收"},
    "sla_left": {"en": "{time} left to accept", "zh-CN": "剩余 {time} 接收"},
    "sla_over": {"en": "overdue by {time}", "zh-CN": "已超时 {time}"},
    "why": {"en": "Why it came to you", "zh-CN": "分配原因"},
    "source_booking": {"en": "booking", "zh-CN": "预约"},
    "source_quote_request": {"en": "quote request", "zh-CN": "报价请求"},
    "source_phone": {"en": "phone number left", "zh-CN": "留电"},
    "state_pooled": {"en": "waiting to be assigned", "zh-CN": "待分配"},
    "state_assigned": {"en": "waiting for acceptance", "zh-CN": "待接收"},
    "state_accepted": {"en": "accepted", "zh-CN": "已接收"},
    "state_won": {"en": "won", "zh-CN": "已成交"},
    "state_lost": {"en": "lost", "zh-CN": "已流失"},
    "designer_label": {"en": "Designer", "zh-CN": "设计师"},
    "store_label": {"en": "Store", "zh-CN": "门店"},
    "source_label": {"en": "Source", "zh-CN": "来源"},
    "state_label": {"en": "State", "zh-CN": "状态"},
    "pool": {"en": "HQ pool", "zh-CN": "总部线索池"},
    "count_leads": {"en": "Leads", "zh-CN": "线索数"},
    "count_accepted": {"en": "Accepted", "zh-CN": "已接收"},
    "count_won": {"en": "Won", "zh-CN": "成交"},
    "conversion": {"en": "Conversion", "zh-CN": "转化率"},
    "by_source": {"en": "By source", "zh-CN": "按来源"},
    "by_store": {"en": "By store", "zh-CN": "按门店"},
    "by_state": {"en": "By source, store and state", "zh-CN": "按来源、门店与状态"},
    "recent_leads": {"en": "Recent leads", "zh-CN": "最新线索"},
    "reason_duplicate": {
        "en": "same phone as lead {lead}: joined it",
        "zh-CN": "与线索 {lead} 电话相同，已合并",
    },
    "reason_booked_store": {"en": "booked a visit at this store", "zh-CN": "客户在本店预约"},
    "reason_chosen_store": {"en": "the customer chose this store", "zh-CN": "客户选择了本店"},
    "reason_service_district": {
        "en": "the store serves district {district}",
        "zh-CN": "本店服务区域 {district}",
    },
    "reason_nearest_store": {"en": "nearest store, {km} km", "zh-CN": "最近的门店，{km} 公里"},
    "reason_fallback_pool": {"en": "no store could take it", "zh-CN": "无门店可接，进入线索池"},
    "reason_booked_designer": {
        "en": "the designer of the appointment",
        "zh-CN": "预约的接待设计师",
    },
    "reason_fair_share": {
        "en": "fair share: {assigned} leads this month, {open} open",
        "zh-CN": "公平分配：本月 {assigned} 条，进行中 {open} 条",
    },
    "reason_no_designer": {
        "en": "no designer free with the skill: the manager assigns",
        "zh-CN": "无空闲且具备技能的设计师，由店长分配",
    },
    "reason_sla_reassigned": {
        "en": "{designer} did not accept by {due}: reassigned",
        "zh-CN": "{designer} 未在 {due} 前接收，已改派",
    },
    "reason_sla_escalated": {
        "en": "not accepted in time again: the manager decides",
        "zh-CN": "再次超时未接收，由店长处理",
    },
    "reason_by_manager": {
        "en": "handed to this designer by the store manager",
        "zh-CN": "店长指派给该设计师",
    },
    "reason_accepted": {"en": "accepted", "zh-CN": "已接收"},
}
