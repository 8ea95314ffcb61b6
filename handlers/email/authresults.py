"""Is the From of a mail vouched for by our own mail server (RFC 8601 Authentication-Results)?

Only the topmost header counts: it is the one the receiving server (the organisation's own)
added last; lower ones may come from anywhere, including the sender. The sender is trusted on
``dmarc=pass``, or on ``spf=pass``/``dkim=pass`` for a domain aligned with the From domain (the
same domain or one a subdomain of the other).
"""

from __future__ import annotations

from email.message import Message

from bot.routing import domain_of


def authenticated(message: Message, from_address: str, authserv_ids: tuple[str, ...] = ()) -> bool:
    headers = message.get_all("Authentication-Results") or []
    if not headers or not from_address:
        return False
    serv_id, _, rest = str(headers[0]).partition(";")
    serv_id = serv_id.strip().split()[0].lower() if serv_id.strip() else ""
    if authserv_ids and serv_id not in {s.lower() for s in authserv_ids}:
        return False
    from_domain = domain_of(from_address)
    for method, result, props in _results(rest):
        if result != "pass":
            continue
        if method == "dmarc":
            domain = props.get("header.from")
            if domain is None or _aligned(domain, from_domain):
                return True
        elif method == "spf":
            domain = props.get("smtp.mailfrom") or props.get("smtp.helo") or ""
            if _aligned(domain_of(domain), from_domain):
                return True
        elif method == "dkim":
            domain = props.get("header.d") or domain_of(props.get("header.i", ""))
            if _aligned(domain, from_domain):
                return True
    return False


def _results(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """``method=result prop=value ...`` clauses, comments in parentheses dropped."""
    out = []
    for clause in _without_comments(text).split(";"):
        tokens = clause.split()
        if not tokens or "=" not in tokens[0]:
            continue
        method, _, result = tokens[0].partition("=")
        props = {}
        for token in tokens[1:]:
            key, eq, value = token.partition("=")
            if eq:
                props[key.lower()] = value.strip('"').lower()
        out.append((method.lower(), result.lower(), props))
    return out


def _without_comments(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _aligned(domain: str, from_domain: str) -> bool:
    domain, from_domain = domain.strip().lower(), from_domain.strip().lower()
    if "." not in domain or "." not in from_domain:
        return False
    return (
        domain == from_domain
        or domain.endswith("." + from_domain)
        or from_domain.endswith("." + domain)
    )
