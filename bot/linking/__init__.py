"""Linking an invoice after extraction: supplier, duplicates, purchase orders, line checks.

One module per rule (``suppliers``, ``duplicates``, ``purchase_orders``, ``lines``), put
together by :class:`InvoiceLinker`; the SQL is in ``storage.linking``.
"""

from bot.linking.linker import InvoiceLinker

#: the name bot/app.py wires (it links more than purchase orders now)
PurchaseOrderLinker = InvoiceLinker

__all__ = ["InvoiceLinker", "PurchaseOrderLinker"]
