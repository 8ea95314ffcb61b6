"""``/invoices``: where this channel's batches stand, answered from the database, ephemeral.

The channel's route is the caller's scope: only batches of the outlet it is linked to are
shown, and another outlet's batch id "does not exist" (the same words as an unknown one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.config import SlackConfig
from bot.errors import InvalidRequest
from handlers.slack import blocks
from storage.batches import BatchFilter
from storage.invoices import InvoiceFilter
from storage.status import ApprovalStatus, Channel, ProcessingStatus

if TYPE_CHECKING:
    from bot.app import Services

RECENT = 5
#: invoices listed by ``pending`` per kind of trouble (the answer must fit one message)
PENDING_LIMIT = 15


class InvoicesCommand:
    def __init__(self, config: SlackConfig, services: Services) -> None:
        self.config = config
        self.services = services

    async def answer(self, channel: str, text: str) -> blocks.Rendered:
        words = text.split()
        verb = words[0].lower() if words else "help"
        route = self.config.route(channel)
        if verb == "help":
            return blocks.help_text()
        if route is None:
            return blocks.not_linked(channel)
        if verb == "status" and len(words) == 1:
            return await self.status(channel, route.outlet)
        if verb == "status" and len(words) == 2:
            report = await self.services.invoices.batch(words[1], frozenset({route.outlet}))
            return blocks.batch_detail(report)
        if verb == "pending" and len(words) == 1:
            return await self.pending(route.outlet)
        raise InvalidRequest(f"I don't know `/invoices {text.strip()}`.\n{blocks.HELP}")

    async def status(self, channel: str, outlet: str) -> blocks.Rendered:
        _, reports = await self.services.invoices.batches(
            BatchFilter(channel=Channel.SLACK, reference_prefix=f"{channel}:", outlet_ids=[outlet]),
            0,
            RECENT,
        )
        return blocks.batch_list(reports, channel)

    async def pending(self, outlet: str) -> blocks.Rendered:
        """INCOMPLETE, ERROR and FLAGGED invoices (a duplicate is flagged), newest first."""
        found: dict[str, dict[str, Any]] = {}
        total = 0
        for where in (
            InvoiceFilter(outlet_id=outlet, processing_status=ProcessingStatus.ERROR),
            InvoiceFilter(outlet_id=outlet, processing_status=ProcessingStatus.INCOMPLETE),
            InvoiceFilter(outlet_id=outlet, approval_status=ApprovalStatus.FLAGGED),
        ):
            count, rows = await self.services.invoices.list(where, 0, PENDING_LIMIT)
            total += count - sum(1 for row in rows if row["id"] in found)
            for row in rows:
                found.setdefault(row["id"], row)
        return blocks.pending(list(found.values()), outlet, total)
