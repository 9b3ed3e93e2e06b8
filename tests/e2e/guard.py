"""What every page of a journey must hold: no console error, no uncaught exception, no
request leaving the app's origin (each is refused and recorded), and axe-core (served from
the app's npm copy) finding no serious or critical accessibility violation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Guard:
    """``expected``: answers a test provokes on purpose (a 412 conflict), whose console
    line "Failed to load resource: … status of 412" is then no error."""

    origin: str
    expected: tuple[int, ...] = ()
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # the 4xx and 5xx answers, to say which

    def watch(self, context: Any) -> None:
        """Route every request of ``context``: only the app's own may go."""

        def route(r: Any) -> None:
            if r.request.url.startswith(self.origin + "/"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        context.on("page", self.page)

    def page(self, page: Any) -> None:
        page.on("console", self.console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", self.response)

    def response(self, response: Any) -> None:
        if response.status >= 400:
            self.refused.append(f"{response.status} {response.request.method} {response.url}")

    def console(self, message: Any) -> None:
        provoked = any(f"status of {code} " in message.text for code in self.expected)
        if message.type == "error" and not provoked:
            self.errors.append(message.text)

    def check(self) -> None:
        assert self.outside == [], self.outside
        assert self.errors == [], (self.errors, self.refused)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on ``page`` as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url="/vendor/axe-core/axe.min.js")
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )
    return list(found)


def canvas_colours(page: Any) -> int:
    """How many different colours the 3D canvas shows (a blank canvas shows one)."""
    return int(
        page.evaluate(
            """() => {
              const source = document.querySelector('[data-testid=viewer-3d] canvas');
              const copy = document.createElement('canvas');
              copy.width = 64; copy.height = 64;
              const g = copy.getContext('2d');
              g.drawImage(source, 0, 0, 64, 64);
              const px = g.getImageData(0, 0, 64, 64).data;
              const seen = new Set();
              for (let i = 0; i < px.length; i += 4) seen.add(px[i] << 16 | px[i+1] << 8 | px[i+2]);
              return seen.size;
            }"""
        )
    )
