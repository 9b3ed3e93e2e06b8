"""The wording of the browser pages, in ``zh-CN`` (the default) and ``en``: the templates
take it whole, and each page's script gets it as a JSON block (``web.pages``). Problem and
promotion wording stays in ``web.messages``: the API sends it already worded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from web.lead_page_messages import LEAD_PAGE_MESSAGES
from web.messages import Language
from web.visit_messages import VISIT_MESSAGES

__all__ = ["DEFAULT_LANGUAGE", "PAGE_MESSAGES", "page_messages"]

DEFAULT_LANGUAGE: Final[Language] = "zh-CN"

PAGE_MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "brand": {"en": "Millwork", "zh-CN": "木作定制"},
    "tagline": {
        "en": "Made-to-measure wardrobes and cabinets, planned by you, cut to the millimetre.",
        "zh-CN": "全屋定制衣柜与柜体：亲手规划，精确到毫米。",
    },
    "language": {"en": "Language", "zh-CN": "语言"},
    "start_title": {"en": "Plan your room", "zh-CN": "规划您的房间"},
    "new_room": {"en": "Start with an empty room", "zh-CN": "从空房间开始"},
    "room_shape": {"en": "Room shape", "zh-CN": "房间形状"},
    "shape_rectangle": {"en": "Rectangle", "zh-CN": "矩形"},
    "shape_l": {"en": "L-shape", "zh-CN": "L 形"},
    "shape_u": {"en": "U-shape", "zh-CN": "U 形"},
    "room_width": {"en": "Room width (mm)", "zh-CN": "房间宽度（毫米）"},
    "room_depth": {"en": "Room depth (mm)", "zh-CN": "房间进深（毫米）"},
    "ceiling": {"en": "Ceiling height (mm)", "zh-CN": "层高（毫米）"},
    "start": {"en": "Start designing", "zh-CN": "开始设计"},
    "demo_rooms": {"en": "Or open a ready-made room", "zh-CN": "或打开样板间"},
    "open_demo": {"en": "Open", "zh-CN": "打开"},
    "my_designs": {"en": "Continue a saved design", "zh-CN": "继续已保存的设计"},
    "no_designs": {
        "en": "No saved designs yet in this browser.",
        "zh-CN": "此浏览器中还没有已保存的设计。",
    },
    "new_design_name": {"en": "My room", "zh-CN": "我的房间"},
    "catalog_link": {"en": "Catalogue and API", "zh-CN": "产品目录与 API"},
    "editor_title": {"en": "Design", "zh-CN": "设计"},
    "design_name": {"en": "Design name", "zh-CN": "设计名称"},
    "undo": {"en": "Undo", "zh-CN": "撤销"},
    "redo": {"en": "Redo", "zh-CN": "重做"},
    "share": {"en": "Share", "zh-CN": "分享"},
    "history": {"en": "History", "zh-CN": "历史版本"},
    "in_store": {"en": "In store · {login}", "zh-CN": "门店模式 · {login}"},
    "customer_design": {"en": "a customer's design", "zh-CN": "客户的设计"},
    "change_note": {
        "en": "Why (kept with each change saved)",
        "zh-CN": "修改原因（随每次保存记录）",
    },
    "by_author": {"en": "by {author}", "zh-CN": "修改人 {author}"},
    "revision_n": {"en": "Revision {n}", "zh-CN": "第 {n} 版"},
    "revision_change": {
        "en": "price {change}; parts: {added} added, {removed} removed, {changed} changed",
        "zh-CN": "价格 {change}；部件：新增 {added}，移除 {removed}，修改 {changed}",
    },
    "restore": {"en": "Go back to this", "zh-CN": "恢复到此版"},
    "share_copied": {"en": "Share link:", "zh-CN": "分享链接："},
    "request_quote": {"en": "Request a quote", "zh-CN": "获取报价"},
    "plan": {"en": "Plan", "zh-CN": "平面图"},
    "view_3d": {"en": "3D view", "zh-CN": "3D 效果"},
    "doors_open": {"en": "Open doors", "zh-CN": "打开柜门"},
    "doors_close": {"en": "Close doors", "zh-CN": "关闭柜门"},
    "cabinets": {"en": "Cabinets", "zh-CN": "柜体"},
    "room": {"en": "Room", "zh-CN": "房间"},
    "wall_length": {"en": "Wall {n} (mm)", "zh-CN": "墙 {n}（毫米）"},
    "openings": {"en": "Doors and windows", "zh-CN": "门窗"},
    "door": {"en": "Door", "zh-CN": "门"},
    "window": {"en": "Window", "zh-CN": "窗"},
    "pass_through": {"en": "Opening", "zh-CN": "门洞"},
    "add_door": {"en": "+ Door", "zh-CN": "+ 门"},
    "add_window": {"en": "+ Window", "zh-CN": "+ 窗"},
    "on_wall": {"en": "On wall", "zh-CN": "所在墙面"},
    "remove": {"en": "Remove", "zh-CN": "移除"},
    "cannot_resize": {
        "en": "This wall cannot take that length: no wall runs back to take up the difference.",
        "zh-CN": "此墙无法改为该长度：没有对边墙可以补偿差值。",
    },
    "fill_wall": {"en": "Fill the wall", "zh-CN": "填满墙面"},
    "fill_none": {"en": "No free span on this wall for it.", "zh-CN": "此墙面没有可放置的空位。"},
    "elevation": {"en": "Elevation", "zh-CN": "立面图"},
    "no_cabinets": {
        "en": "No cabinets yet: add one from the gallery.",
        "zh-CN": "还没有柜体：从柜型库添加。",
    },
    "add_cabinet": {"en": "Add a cabinet", "zh-CN": "添加柜体"},
    "gallery": {"en": "Choose a cabinet", "zh-CN": "选择柜型"},
    "gallery_wall": {"en": "Place on wall", "zh-CN": "放在墙面"},
    "wall_n": {"en": "Wall {n} ({length})", "zh-CN": "墙 {n}（{length}）"},
    "close": {"en": "Close", "zh-CN": "关闭"},
    "no_room_on_wall": {
        "en": "There is no free place {width} mm wide on this wall.",
        "zh-CN": "这面墙上没有 {width} 毫米宽的空位。",
    },
    "overlap": {
        "en": "That would overlap another cabinet.",
        "zh-CN": "这会与其他柜体重叠。",
    },
    "properties": {"en": "Selected cabinet", "zh-CN": "当前柜体"},
    "nothing_selected": {
        "en": "Select a cabinet in the plan, the 3D view or the list.",
        "zh-CN": "在平面图、3D 视图或列表中选择一个柜体。",
    },
    "width": {"en": "Width (mm)", "zh-CN": "宽度（毫米）"},
    "height": {"en": "Height (mm)", "zh-CN": "高度（毫米）"},
    "depth": {"en": "Depth (mm)", "zh-CN": "深度（毫米）"},
    "offset": {"en": "From wall start (mm)", "zh-CN": "距墙起点（毫米）"},
    "wall": {"en": "Wall", "zh-CN": "墙面"},
    "range": {"en": "{min}–{max}", "zh-CN": "{min}–{max}"},
    "carcass_material": {"en": "Carcass", "zh-CN": "柜身板材"},
    "front_material": {"en": "Fronts", "zh-CN": "门板板材"},
    "interior": {"en": "Interior", "zh-CN": "内部结构"},
    "interior_default": {
        "en": "Standard interior of this cabinet.",
        "zh-CN": "此柜型的标准内部结构。",
    },
    "customise_interior": {"en": "Customise the interior", "zh-CN": "自定义内部结构"},
    "standard_interior": {"en": "Back to standard", "zh-CN": "恢复标准"},
    "sections": {"en": "Sections", "zh-CN": "分格数"},
    "section_n": {"en": "Section {n}", "zh-CN": "第 {n} 格"},
    "section_width": {"en": "Section {n} width", "zh-CN": "第 {n} 格宽度"},
    "section_auto": {"en": "auto", "zh-CN": "均分"},
    "shelves": {"en": "Shelves", "zh-CN": "层板数"},
    "demo_bedroom": {"en": "Master bedroom, 3.6 × 3 m", "zh-CN": "主卧 3.6 × 3 米"},
    "demo_l-shaped-bedroom": {"en": "L-shaped bedroom, furnished", "zh-CN": "L 形卧室（已布置）"},
    "duplicate": {"en": "Duplicate", "zh-CN": "复制"},
    "delete": {"en": "Delete", "zh-CN": "删除"},
    "price": {"en": "Price", "zh-CN": "价格"},
    "total": {"en": "Total", "zh-CN": "合计"},
    "subtotal": {"en": "Subtotal", "zh-CN": "小计"},
    "discount": {"en": "Discounts", "zh-CN": "优惠"},
    "deposit": {"en": "Deposit", "zh-CN": "定金"},
    "balance": {"en": "Balance", "zh-CN": "尾款"},
    "tax_included": {"en": "incl. VAT", "zh-CN": "含增值税"},
    "breakdown": {"en": "Price breakdown", "zh-CN": "价格明细"},
    "promotions": {"en": "Promotions", "zh-CN": "优惠活动"},
    "checking": {"en": "Checking…", "zh-CN": "计算中…"},
    "problems": {"en": "Checks", "zh-CN": "设计检查"},
    "no_problems": {
        "en": "No problems: this design can be made.",
        "zh-CN": "没有问题：此设计可以生产。",
    },
    "error": {"en": "Error", "zh-CN": "错误"},
    "warning": {"en": "Warning", "zh-CN": "提示"},
    "apply_fix": {"en": "Fix:", "zh-CN": "修正："},
    "saved": {"en": "Saved", "zh-CN": "已保存"},
    "saving": {"en": "Saving…", "zh-CN": "保存中…"},
    "unsaved": {"en": "Unsaved changes", "zh-CN": "有未保存的修改"},
    "save_failed": {"en": "Could not save: {reason}", "zh-CN": "保存失败：{reason}"},
    "conflict": {"en": "Changed elsewhere", "zh-CN": "已在别处修改"},
    "conflict_title": {
        "en": "This design was changed in another tab or by someone else",
        "zh-CN": "此设计已在其他标签页或被他人修改",
    },
    "conflict_text": {
        "en": "Your last edits are not saved. Load their version (your edits are dropped), or "
        "save yours over it as a new revision.",
        "zh-CN": "您最近的修改尚未保存。可以载入对方的版本（放弃您的修改），"
        "或将您的版本另存为新的修订覆盖它。",
    },
    "load_theirs": {"en": "Load their version", "zh-CN": "载入对方版本"},
    "keep_mine": {"en": "Save mine over it", "zh-CN": "保存我的版本"},
    "read_only": {
        "en": "Shared design: read-only",
        "zh-CN": "分享的设计：只读",
    },
    "make_my_own": {"en": "Design your own", "zh-CN": "设计我自己的"},
    "model_failed": {
        "en": "The 3D view shows the last design that could be built.",
        "zh-CN": "3D 视图显示的是上一个可以生成的设计。",
    },
    "loading": {"en": "Loading…", "zh-CN": "加载中…"},
    "not_found": {"en": "This design cannot be opened.", "zh-CN": "无法打开此设计。"},
    "sign_in_title": {"en": "Sign in to get your quote", "zh-CN": "登录以获取报价"},
    "sign_in_text": {
        "en": "A quote is made out to a person: sign in, or sign up (your design comes with you).",
        "zh-CN": "报价单需要署名：请登录或注册（您的设计会一并保留）。",
    },
    "login": {"en": "Login", "zh-CN": "账号"},
    "password": {"en": "Password", "zh-CN": "密码"},
    "sign_in": {"en": "Sign in", "zh-CN": "登录"},
    "sign_up": {"en": "Sign up", "zh-CN": "注册"},
    "cancel": {"en": "Cancel", "zh-CN": "取消"},
    "quote_title": {"en": "Quote {number}", "zh-CN": "报价单 {number}"},
    "quote_pdf": {"en": "Download the PDF", "zh-CN": "下载 PDF"},
    "quote_valid": {"en": "Valid until {date}", "zh-CN": "有效期至 {date}"},
    "back_to_design": {"en": "Back to the design", "zh-CN": "返回设计"},
    "item": {"en": "Item", "zh-CN": "项目"},
    "amount": {"en": "Amount", "zh-CN": "金额"},
    "quantity": {"en": "Quantity", "zh-CN": "数量"},
    "catalog_title": {"en": "Catalogue", "zh-CN": "产品目录"},
    **VISIT_MESSAGES,
    **LEAD_PAGE_MESSAGES,
}


def page_messages(language: Language) -> dict[str, str]:
    """Every page message in ``language``."""
    return {key: texts[language] for key, texts in PAGE_MESSAGES.items()}
