"""The same invoice received twice, as different files (a scan and the PDF, a forward).

Identical bytes are refused at upload already. After reading, an invoice is a duplicate of
another invoice of the same outlet, already read, with the same supplier and invoice number and
the same total (or a total missing on either). The same number with a *different* total is
only a warning (a corrected invoice, or a misread), never a duplicate.

"The same supplier" is the same supplier record; while an invoice has no supplier, the supplier
name and VAT id as read must be equal instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.linking.facts import InvoiceFacts
from bot.linking.text import company_name
from bot.views import money
from storage import linking as queries
from storage.models import Invoice, tax_id_key


@dataclass(frozen=True)
class DuplicateCheck:
    #: the earlier invoice this one repeats (same supplier, number and total)
    duplicate_of: Invoice | None = None
    #: for the warnings (duplicate, or same number with another total)
    warning: str | None = None


class DuplicateDetector:
    async def check(
        self, session: AsyncSession, facts: InvoiceFacts, supplier_id: str | None
    ) -> DuplicateCheck:
        if not facts.invoice_number:
            return DuplicateCheck()
        others = [
            other
            for other in await queries.invoices_with_number(
                session, facts.outlet_id, facts.invoice_number, facts.id
            )
            if _same_supplier(facts, supplier_id, other)
        ]
        if not others:
            return DuplicateCheck()
        same = [o for o in others if _same_total(facts, o)]
        if same:
            first = same[0]
            return DuplicateCheck(
                first,
                f"Possible duplicate: invoice {facts.invoice_number} from this supplier was "
                f"already received as invoice {first.id} (file {first.file_name}, received "
                f"{first.created_date.date().isoformat()}, total {money(first.total_incl_tax)}).",
            )
        first = others[0]
        return DuplicateCheck(
            warning=f"Invoice number {facts.invoice_number} from this supplier was already used "
            f"by invoice {first.id} with a different total ({money(first.total_incl_tax)} "
            f"there, {money(facts.total_incl_tax)} here); check whether this one corrects it."
        )


def _same_supplier(facts: InvoiceFacts, supplier_id: str | None, other: Invoice) -> bool:
    if supplier_id is not None or other.supplier_id is not None:
        return supplier_id == other.supplier_id
    if facts.supplier_tax_id or other.supplier_tax_id:
        return tax_id_key(facts.supplier_tax_id) == tax_id_key(other.supplier_tax_id)
    if facts.supplier_name and other.supplier_name:
        return company_name(facts.supplier_name) == company_name(other.supplier_name)
    return False


def _same_total(facts: InvoiceFacts, other: Invoice) -> bool:
    if facts.total_incl_tax is None or other.total_incl_tax is None:
        return True
    return facts.total_incl_tax == other.total_incl_tax
