"""Which supplier sent an invoice, when the upload did not say.

1. The VAT id read on the invoice, compared after normalising (spaces, dots and dashes dropped,
   upper case, with or without the country prefix; two different prefixes never match).
2. Otherwise the supplier name, fuzzily (rapidfuzz), against each supplier's name and aliases.
   It is compared with *the outlet's suppliers*: those with a purchase order or an invoice at
   the outlet. If the outlet has none yet, or none of its suppliers comes close, all suppliers
   are tried next, with the same rules (a new supplier's first invoice must still find it).

A name match needs a score of at least :data:`STRONG` and a lead of :data:`MARGIN` points over
the next supplier; otherwise nothing is set and the warning says why. A name match whose
supplier has a different VAT id than the one on the invoice is refused too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.linking.facts import InvoiceFacts
from bot.linking.text import company_name, name_score
from storage import linking as queries
from storage.models import Supplier, tax_id_key

#: a name must score this much (0-100) to be taken
STRONG = 90.0
#: ... and lead the next supplier by this much
MARGIN = 5.0
#: below this no supplier of the outlet is a candidate at all, so all suppliers are tried
PLAUSIBLE = 75.0


@dataclass(frozen=True)
class SupplierMatch:
    supplier: Supplier | None = None
    #: tax_id or name
    method: str | None = None
    score: Decimal | None = None
    reason: str | None = None
    warning: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """For ``extraction.supplier_match``: the explanation shown with the invoice."""
        return {
            "supplier": self.supplier.id if self.supplier else None,
            "method": self.method,
            "score": None if self.score is None else f"{self.score:f}",
            "reason": self.reason,
        }


@dataclass(frozen=True)
class _Scored:
    supplier: Supplier
    score: float
    matched: str


class SupplierMatcher:
    async def match(self, session: AsyncSession, facts: InvoiceFacts) -> SupplierMatch:
        if facts.supplier_tax_id:
            found = await self._by_tax_id(session, facts)
            if found is not None:
                return found
        if not facts.supplier_name:
            if facts.supplier_tax_id:
                return SupplierMatch(
                    warning=f"Supplier not set: no supplier has the VAT id "
                    f"{facts.supplier_tax_id} and no supplier name was read on the invoice."
                )
            return SupplierMatch(
                warning="Supplier not set: neither a supplier name nor a VAT id was read "
                "on the invoice."
            )
        outlet = await queries.outlet_suppliers(session, facts.outlet_id)
        if outlet:
            result, best = self._by_name(facts, outlet, "this outlet's suppliers")
            if result.supplier is not None or best >= PLAUSIBLE:
                return result
        everyone = await queries.all_suppliers(session)
        scope = (
            "the suppliers on file"
            if outlet
            else "the suppliers on file (this outlet has none of its own yet)"
        )
        result, _ = self._by_name(facts, everyone, scope)
        return result

    async def conflict(
        self, session: AsyncSession, facts: InvoiceFacts, supplier: Supplier
    ) -> str | None:
        """A warning if the invoice's VAT id belongs to other suppliers than the one given."""
        if not facts.supplier_tax_id:
            return None
        owners = _same_country(facts.supplier_tax_id, await _owners(session, facts))
        if owners and supplier.id not in {s.id for s in owners}:
            names = ", ".join(f"{s.name} ({s.id})" for s in owners)
            return (
                f"The VAT id {facts.supplier_tax_id} on the invoice belongs to {names}, "
                f"not to {supplier.name} ({supplier.id}) named for it; please check the supplier."
            )
        return None

    async def _by_tax_id(self, session: AsyncSession, facts: InvoiceFacts) -> SupplierMatch | None:
        assert facts.supplier_tax_id is not None
        owners = _same_country(facts.supplier_tax_id, await _owners(session, facts))
        if len(owners) == 1:
            supplier = owners[0]
            return SupplierMatch(
                supplier,
                "tax_id",
                Decimal("1.00"),
                f"The VAT id {facts.supplier_tax_id} on the invoice is the VAT id of "
                f"{supplier.name} ({supplier.tax_id}).",
            )
        if len(owners) > 1:
            names = ", ".join(f"{s.name} ({s.id})" for s in owners)
            if facts.supplier_name:
                result, _ = self._by_name(facts, owners, "the suppliers with this VAT id")
                if result.supplier is not None:
                    return result
            return SupplierMatch(
                warning=f"Supplier not set: the VAT id {facts.supplier_tax_id} belongs to "
                f"several suppliers ({names}) and the name on the invoice does not tell "
                "which one."
            )
        return None

    def _by_name(
        self, facts: InvoiceFacts, suppliers: list[Supplier], scope: str
    ) -> tuple[SupplierMatch, float]:
        assert facts.supplier_name is not None
        wanted = company_name(facts.supplier_name)
        ranked = sorted(
            (_score(wanted, s) for s in suppliers), key=lambda r: (-r.score, r.supplier.id)
        )
        if not ranked:
            return SupplierMatch(
                warning=f"Supplier not set: there are no suppliers yet to compare "
                f"{facts.supplier_name!r} with."
            ), 0.0
        best = ranked[0]
        runner_up = ranked[1] if len(ranked) > 1 else None
        said = f"the supplier name {facts.supplier_name!r} on the invoice"
        if best.score < STRONG:
            return SupplierMatch(
                warning=f"Supplier not set: {said} is not close enough to any of {scope}; "
                f"the closest is {best.supplier.name} ({best.supplier.id}, "
                f"{best.score:.0f}% alike, {STRONG:.0f}% needed)."
            ), best.score
        if runner_up is not None and runner_up.score > best.score - MARGIN:
            return SupplierMatch(
                warning=f"Supplier not set: {said} fits several of {scope} about equally: "
                f"{best.supplier.name} ({best.supplier.id}, {best.score:.0f}%) and "
                f"{runner_up.supplier.name} ({runner_up.supplier.id}, {runner_up.score:.0f}%)."
            ), best.score
        supplier = best.supplier
        key = tax_id_key(facts.supplier_tax_id)
        if key and supplier.tax_id_key and supplier.tax_id_key != key:
            return SupplierMatch(
                warning=f"Supplier not set: {said} looks like {supplier.name} ({supplier.id}), "
                f"but the VAT id on the invoice ({facts.supplier_tax_id}) is not theirs "
                f"({supplier.tax_id})."
            ), best.score
        how = "its name" if best.matched == supplier.name else f"its alias {best.matched!r}"
        return SupplierMatch(
            supplier,
            "name",
            Decimal(str(best.score / 100)).quantize(Decimal("0.01")),
            f"{said[0].upper()}{said[1:]} matches {supplier.name} by {how} "
            f"({best.score:.0f}% alike), "
            f"searched among {scope}.",
        ), best.score


async def _owners(session: AsyncSession, facts: InvoiceFacts) -> list[Supplier]:
    assert facts.supplier_tax_id is not None
    return await queries.suppliers_by_tax_id(session, facts.supplier_tax_id)


def _country(tax_id: str) -> str:
    full = "".join(ch for ch in tax_id.upper() if ch.isalnum())
    key = tax_id_key(tax_id) or ""
    return full[: len(full) - len(key)]


def _same_country(tax_id: str, suppliers: list[Supplier]) -> list[Supplier]:
    """Drop suppliers whose VAT id has another country prefix than the invoice's."""
    mine = _country(tax_id)
    return [
        s for s in suppliers if not (mine and s.tax_id and _country(s.tax_id) not in ("", mine))
    ]


def _score(wanted: str, supplier: Supplier) -> _Scored:
    best = _Scored(supplier, -1.0, supplier.name)
    for candidate in (supplier.name, *(supplier.aliases or [])):
        score = name_score(wanted, company_name(candidate))
        if score > best.score:
            best = _Scored(supplier, score, candidate)
    return best
