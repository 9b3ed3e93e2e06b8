"""The one Jinja environment for the server's HTML (pages and quote documents)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

__all__ = ["render_page"]

_ENV = Environment(loader=PackageLoader("web", "templates"), autoescape=select_autoescape(["html"]))


def render_page(template: str, **context: Any) -> str:
    """Render ``web/templates/<template>`` with ``context``; every value is HTML-escaped."""
    html: str = _ENV.get_template(template).render(**context)
    return html
