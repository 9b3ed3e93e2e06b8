"""The ``millwork`` command line: build designs, print cut lists, write models, price and
quote, nest and export for the factory, serve the web app.

Each command is one call of a use case in ``services/``; its module is imported only when the
command runs, so ``millwork evaluate`` never loads the PDF, DXF or 3D libraries. Bad input
never shows a traceback: it prints one clear error per problem on stderr and exits with
status 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from catalog.price_list import Method
from production_export.label_layout import LabelLayout
from web.cli_errors import error_lines
from web.messages import LANGUAGES

__all__ = ["main"]

DESCRIPTION = """\
Millwork: made-to-measure cabinets from one design file (JSON, millimetres).
Check and price a design, print its cut list, draw its plan, elevations and 3D model,
issue a quote, and write the factory's production package or nest a cut list.
Bad input gets one clear line per mistake on stderr and exit status 1."""


def _design_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, run: str, help: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help)
    parser.add_argument("design", help="design document (JSON)")
    parser.set_defaults(run=run)
    return parser


def _price_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coupon", help="coupon code the customer entered")
    parser.add_argument("--member", action="store_true", help="the customer is a member")
    parser.add_argument("--region", help="installation and delivery region")
    parser.add_argument(
        "--method",
        choices=[m.value for m in Method],
        help="board pricing method (default: the price list's)",
    )
    parser.add_argument("--at", help="price as of this ISO date or date-time (default: now)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="millwork",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    cut = _design_command(commands, "cutlist", "web.cli_design:cutlist", "print the cut list")
    cut.add_argument("--format", choices=("csv", "json"), default="csv")
    model = _design_command(
        commands, "model", "web.cli_model:model", "write the 3D model of a design as GLB"
    )
    model.add_argument("--out", required=True, help="GLB file to write")
    check = _design_command(
        commands,
        "evaluate",
        "web.cli_evaluate:evaluate_command",
        "print the design's problems, price and parts summary as JSON (exit 0 even when the "
        "design has problems)",
    )
    check.add_argument("--lang", choices=LANGUAGES, default="en")
    _price_options(check)
    quote = _design_command(
        commands,
        "quote",
        "web.cli_quote:quote",
        "issue a quote: PDF (and HTML), kept in the database (DATABASE_URL, else "
        "sqlite:///var/millwork.db)",
    )
    quote.add_argument("--out", required=True, help="PDF file to write")
    quote.add_argument("--html", help="also write the quote as HTML")
    quote.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    _price_options(quote)
    plan = _design_command(commands, "plan", "web.cli_design:plan", "write the plan view as SVG")
    plan.add_argument("--out", required=True, help="SVG file to write")
    elevation = _design_command(
        commands, "elevation", "web.cli_design:elevation", "write one wall's elevation as SVG"
    )
    elevation.add_argument("--wall", type=int, required=True, help="wall index")
    elevation.add_argument("--out", required=True, help="SVG file to write")
    fill = _design_command(
        commands,
        "fill",
        "web.cli_design:fill",
        "propose cabinets for a wall's free spans, each with the JSON Patch that adds them",
    )
    fill.add_argument("--wall", type=int, required=True, help="wall index")
    fill.add_argument("--template", default="wardrobe_hinged")
    fill.add_argument("--lang", choices=LANGUAGES, default="en")
    _factory_commands(commands)
    _account_commands(commands)
    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes serving requests (each loads the catalog once; 1 to 2x the CPU cores)",
    )
    serve.set_defaults(run="web.cli_serve:serve")
    return parser


def _factory_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write the production package of one or more designs (nested together per "
        "material); refuses designs with errors unless --force",
    )
    export.add_argument("designs", nargs="+", help="design documents (JSON)")
    export.add_argument("--out", required=True, help="folder to write the package into")
    export.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    export.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    export.add_argument(
        "--labels",
        choices=[x.value for x in LabelLayout],
        default="roll",
        help="labels on a 70x40 mm roll or on A4 sheets of 21",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="export designs with errors all the same; the errors are listed and recorded in "
        "manifest.json (forced_problems)",
    )
    export.set_defaults(run="web.cli_factory:export")
    nest = commands.add_parser("nest", help="nest cut-list parts onto sheets")
    nest.add_argument("parts", help="CSV with the cut-list columns (DESIGN.md §5)")
    nest.add_argument(
        "--sheet",
        help="LENGTHxWIDTH, grain along LENGTH (default: the catalog's sheet for catalog "
        "materials)",
    )
    nest.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    nest.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    nest.add_argument("--json", action="store_true", help="print the layouts as JSON")
    nest.set_defaults(run="web.cli_nest:nest_command")


def _account_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser(
        "demo",
        help="seed the demo stores, one account per role (passwords printed once) and designs; "
        "again: adds only what is missing",
    )
    demo.set_defaults(run="web.cli_demo:demo")
    notify = commands.add_parser(
        "notify", help="send the due booking notifications (.eml files in var/outbox/)"
    )
    notify.add_argument("--outbox", default="var/outbox", help="where the .eml files go")
    notify.add_argument(
        "--smtp",
        default="",
        help="send by SMTP: smtp://[user:password@]host[:port][?starttls=1] or smtps://… "
        "(default: $MILLWORK_SMTP_URL; without either, .eml files only)",
    )
    notify.set_defaults(run="web.cli_notify:notify")
    leads = commands.add_parser("leads", help="leads: the acceptance SLA, designers' accounts")
    lead = leads.add_subparsers(dest="action", required=True)
    sla = lead.add_parser(
        "sla",
        help="reassign the leads not accepted in time and tell their store managers "
        "(run every few minutes)",
    )
    sla.set_defaults(run="web.cli_leads:leads_sla")
    link = lead.add_parser("link", help="the designer account LOGIN signs in as DESIGNER")
    link.add_argument("designer", metavar="DESIGNER", help="a designer id, e.g. d-wang")
    link.add_argument("login", metavar="LOGIN")
    link.set_defaults(run="web.cli_leads:leads_link")
    users = commands.add_parser("users", help="accounts: add, list, disable, enable, password")
    user = users.add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="add an account (the password is prompted for)")
    add.add_argument("login")
    add.add_argument(
        "--role", required=True, help="consumer, designer, store_manager, sales, factory or admin"
    )
    add.add_argument("--store", help="the store id of a designer or store manager")
    add.add_argument("--name", default="", help="the person's name")
    _password_stdin(add)
    add.set_defaults(run="web.cli_accounts:users_add")
    listing = user.add_parser("list", help="every account: login, role, store, disabled, created")
    listing.add_argument("--json", action="store_true", help="print the accounts as JSON")
    listing.set_defaults(run="web.cli_accounts:users_list")
    for action, helps in (
        ("disable", "disable an account: its sessions end, its API tokens are revoked"),
        ("enable", "enable a disabled account again"),
        ("password", "set a new password for an account (prompted for)"),
    ):
        command = user.add_parser(action, help=helps)
        command.add_argument("login")
        command.set_defaults(run=f"web.cli_accounts:users_{action}")
        if action == "password":
            _password_stdin(command)
    tokens = commands.add_parser("tokens", help="API tokens: create, revoke")
    token = tokens.add_subparsers(dest="action", required=True)
    create = token.add_parser(
        "create", help="a new API token for an account, printed once as the last word"
    )
    create.add_argument("login")
    create.set_defaults(run="web.cli_accounts:tokens_create")
    revoke = token.add_parser("revoke", help="revoke an API token by its id")
    revoke.add_argument("token_id", metavar="ID", type=int)
    revoke.set_defaults(run="web.cli_accounts:tokens_revoke")
    prune = commands.add_parser(
        "prune",
        help="delete expired sessions and the failed log-ins and throttle events no limit "
        "counts any more (run daily)",
    )
    prune.set_defaults(run="web.cli_accounts:prune_old")


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of prompting",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    module, name = args.run.split(":")
    command = getattr(importlib.import_module(module), name)
    try:
        command(args)
    except KeyboardInterrupt:
        print("millwork: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        lines = error_lines(exc, args)
        if lines is None:
            raise
        for line in lines:
            print(f"millwork: {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
