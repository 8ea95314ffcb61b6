"""Modules shared by the check sets jspdf, php, prawn, itext and gofpdf (see README.md)."""
