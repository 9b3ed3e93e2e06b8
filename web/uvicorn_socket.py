"""uvicorn's settings for ``millwork serve --workers N``, in a module of their own: each
worker unpickles them before it answers the supervisor's health pings, so importing this must
stay cheap (not the app: under load that took longer than the 5 s the supervisor waits, and it
killed and restarted its workers over and over)."""

from __future__ import annotations

import socket

import uvicorn

__all__ = ["TcpConfig"]


class TcpConfig(uvicorn.Config):
    """uvicorn's settings, with the workers' shared socket marked as TCP.

    asyncio turns Nagle's algorithm off (``TCP_NODELAY``) only on connections whose socket says
    it is TCP; uvicorn binds the socket it shares among ``--workers`` with protocol 0, so each
    small answer's last write waited for the client's delayed ACK: about 40 ms a request
    (BENCHMARKS.md, "HTTP load"). With one worker, asyncio binds the socket itself, marked."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return sock
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.set_inheritable(True)
        return tcp
