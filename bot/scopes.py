"""OAuth scopes; a module of its own so the command line's ``--help`` can name them without
importing the database layer."""

#: the scope of the procurement API (upload, invoices, outlets, suppliers, purchase orders)
PROCUREMENT = "procurement"
