"""``doctor`` and ``completion``."""

from __future__ import annotations

import argparse
import os

from rich.console import Console
from rich.table import Table

from bot.config import ENV_CONFIG, Config
from bot.doctor import State, run_checks

out = Console()

STYLE = {State.OK: "green", State.WARNING: "yellow", State.ERROR: "red"}


async def doctor(config: Config, args: argparse.Namespace) -> int:
    checks = await run_checks(config, args.config or os.environ.get(ENV_CONFIG))
    table = Table(show_lines=False)
    for column in ("check", "state", "detail", "fix"):
        table.add_column(column, overflow="fold")
    for check in checks:
        style = STYLE[check.state]
        table.add_row(check.name, f"[{style}]{check.state}[/]", check.detail, check.fix)
    out.print(table)
    errors = sum(check.state == State.ERROR for check in checks)
    warnings = sum(check.state == State.WARNING for check in checks)
    out.print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


async def completion(config: Config, args: argparse.Namespace) -> int:
    from bot.cli.main import build_parser

    print(completion_script(build_parser(), args.shell))
    return 0


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """A bash completion function from the parser itself (commands, sub-commands, options);
    zsh runs it through bashcompinit."""
    words: dict[str, list[str]] = {"": _words(parser)}
    for name, sub in _subcommands(parser).items():
        words[name] = _words(sub)
        for name2, sub2 in _subcommands(sub).items():
            words[f"{name} {name2}"] = _words(sub2)
    cases = "\n".join(
        f'        "{key}") opts="{" ".join(values)}" ;;' for key, values in sorted(words.items())
    )
    body = f"""_invoicebot() {{
    local cur key opts i
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    key=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            -*) ;;
            *) key="${{key:+$key }}${{COMP_WORDS[i]}}" ;;
        esac
    done
    case "$key" in
{cases}
        *) opts="" ;;
    esac
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    if [ ${{#COMPREPLY[@]}} -eq 0 ]; then COMPREPLY=( $(compgen -f -- "$cur") ); fi
}}
complete -o filenames -F _invoicebot invoicebot"""
    if shell == "zsh":
        return "#compdef invoicebot\nautoload -U +X bashcompinit && bashcompinit\n" + body
    return body


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _words(parser: argparse.ArgumentParser) -> list[str]:
    found = list(_subcommands(parser))
    for action in parser._actions:
        found += [opt for opt in action.option_strings if opt.startswith("--")]
    return found
