"""The layout pass's own walk of the content stream gives exactly the runs pypdf's layout mode
would: the same text state, quirks included, on streams drawn at random from text operators;
except that text shown after other text starts where that ends, as the PDF specification says
(pypdf's layout mode moves the pen only for a number in a ``TJ`` array), that a text object
starts from the identity matrix even after an empty one (pypdf's keeps the empty one's ``Td``),
that ``Q`` restores the text parameters ``q`` saved (pypdf's keeps a ``Tc`` set inside), and that
a gap where the type size changes is measured in the larger size's spaces."""

from __future__ import annotations

import io
import random
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf._text_extraction._layout_mode import _fixed_width_page as fixed
from pypdf.generic import ContentStream, DictionaryObject, NameObject, StreamObject

from bot.extract.boxes import _render, layout_page
from bot.extract.content import text_runs

FONT = {
    NameObject("/Type"): NameObject("/Font"),
    NameObject("/Subtype"): NameObject("/Type1"),
    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
}


def _pdf(content: bytes) -> Any:
    """A page drawing ``content`` with Helvetica as /F1 and Courier as /F2."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    fonts = DictionaryObject()
    for name, base in (("/F1", "/Helvetica"), ("/F2", "/Courier")):
        font = DictionaryObject({**FONT, NameObject("/BaseFont"): NameObject(base)})
        fonts[NameObject(name)] = writer._add_object(font)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = StreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return PdfReader(io.BytesIO(out.getvalue())).pages[0]


_RECURSE = fixed.recurse_to_target_op


def _recurse(ops: Any, state: Any, end: Any, fonts: Any, *args: Any) -> Any:
    """pypdf's walk, but an empty text object's ``Td`` does not move the next one (the second
    deliberate difference: "BT 449 480 Td ET", an empty table cell, moved the next cell's text
    by its offset)."""
    found = _RECURSE(ops, state, end, fonts, *args)
    if end == b"ET":
        state.reset_tm()
    return found


class _State(fixed.TextStateManager):
    """pypdf's text state, but ``Q`` restores the text parameters ``q`` saved (the third
    deliberate difference: a letter-spaced heading's ``Tc`` widened the rest of the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.saved: list[tuple[float, ...]] = []

    def add_q(self) -> None:
        super().add_q()
        self.saved.append((self.Tc, self.Tw, self.Tz, self.TL, self.Ts))

    def remove_q(self) -> Any:
        self.Tc, self.Tw, self.Tz, self.TL, self.Ts = self.saved.pop()
        return super().remove_q()


def _pypdf_runs(page: Any) -> list[dict[str, Any]]:
    """The runs as the layout pass made them through pypdf's own walk (its text state and
    ``recurse_to_target_op``), joined as the layout pass joins them."""
    fonts = page._layout_mode_fonts()
    ops = iter(ContentStream(page["/Contents"], page.pdf, "bytes").operations)
    state = _State()
    groups: list[dict[str, Any]] = []
    fixed.recurse_to_target_op = _recurse  # (the walk calls itself by this name)
    try:
        for operands, op in ops:
            if op in (b"BT", b"q"):
                end = b"ET" if op == b"BT" else b"Q"
                _, shown = fixed.recurse_to_target_op(ops, state, end, fonts)  # type: ignore[arg-type]
                groups.extend(_joined(shown))
            elif op == b"Tf":
                fixed.set_font_operation(state, fonts, operands)
            else:
                state.set_state_param(op, operands)
    finally:
        fixed.recurse_to_target_op = _RECURSE
    return sorted(groups, key=lambda g: (g["ty"] * g["flip_sort"], -g["tx"]), reverse=True)


def _joined(shown: list[Any]) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = []
    last: Any = None
    last_space = 0.0
    for tj in shown:
        if tj.rotated or not tj.font.interpretable:
            continue
        # (the deliberate differences: a gap is measured in spaces without word spacing, and
        # in the larger of two type sizes' spaces)
        stretch = tj.Tw * tj.Tz / 100
        space_tx = tj.space_tx - stretch if stretch > 0 < tj.space_tx - stretch else tj.space_tx
        space = space_tx * abs(tj.transform[0])
        space, last_space = max(space, last_space), space
        gap = round(tj.tx - last.displaced_tx, 3) if last is not None else 0.0
        spaces = round(gap / space) if gap > 0 and space else 0
        if (
            spaces == 1
            and gap < 0.8 * space
            and (tj.text + last.text).isalpha()
            and (tj.text + last.text).isupper()
            and len(tj.text + last.text) == 2
        ):
            spaces = 0  # capitals drawn one by one, spaced out: one word
        if (
            last is None
            or abs(tj.ty - last.ty) > tj.font_height
            or last.displaced_tx - tj.tx > space_tx * 5
            or spaces >= 2
        ):
            runs.append(dict(fixed.bt_group(tj, tj.text, tj.displaced_tx)))
        else:
            runs[-1].update(text=runs[-1]["text"] + " " * spaces + tj.text)
            runs[-1].update(displaced_tx=tj.displaced_tx)
        last = tj
    return [r for r in runs if r["text"].strip()]


def _stream(rng: random.Random) -> bytes:
    """A content stream of text objects, states and transforms in random order (balanced or
    not), with words, kerned arrays, rotated and mirrored matrices and an unknown font; each
    text shown is followed by a ``Td`` (the pen's advance after it is where the two differ)."""
    words = [b"(Invoice)", b"(No. 1234)", b"(  12,50 EUR)", b"(Total)", b"()", b"(a b  c)"]
    n = lambda: rng.choice(["0", "1", "-1", "2.5", "12", "-300", "0.5", "100"])  # noqa: E731
    parts = [b"BT /F1 10 Tf 72 700 Td (start) Tj ET"]
    for _ in range(rng.randint(5, 40)):
        kind = rng.randrange(16)
        if kind == 0:
            parts.append(b"BT")
        elif kind == 1:
            parts.append(b"ET")
        elif kind == 2:
            parts.append(rng.choice([b"q", b"Q"]))
        elif kind == 3:
            m = rng.choice(["1 0 0 1", "0 1 -1 0", "-1 0 0 -1", "1 0 0 -1", "2 0 0 2", "0.5 0 0 1"])
            parts.append(f"{m} {rng.randint(0, 500)} {rng.randint(0, 800)} cm".encode())
        elif kind == 4:
            m = rng.choice(["1 0 0 1", "0 1 -1 0", "10 0 0 10", "1 0 0 -1", "1 0.2 0 1"])
            parts.append(f"{m} {rng.randint(0, 500)} {rng.randint(0, 800)} Tm".encode())
        elif kind in (5, 6):
            op = rng.choice(["Td", "TD"])
            parts.append(f"{rng.randint(-50, 200)} {rng.randint(-40, 40)} {op}".encode())
        elif kind == 7:
            parts.append(
                rng.choice(
                    [
                        b"T*",
                        b"(next) ' 0 0 Td",
                        f'{rng.choice(["0", "1"])} {n()} (quoted) " 0 0 Td'.encode(),
                    ]
                )
            )
        elif kind == 8:
            op = rng.choice(["Tc", "Tw", "Tz", "TL", "Ts"])
            # (word spacing of columns' width splits a string where pypdf does not: not drawn)
            value = rng.choice(["0", "0.5", "1", "-1"]) if op == "Tw" else n()
            parts.append(f"{value} {op}".encode())
        elif kind == 9:
            font = rng.choice(["/F1", "/F2", "/F9"])
            parts.append(f"{font} {rng.choice(['1', '9', '12', '0'])} Tf".encode())
        elif kind in (10, 11, 12):
            parts.append(rng.choice(words) + b" Tj 0 0 Td")
        else:  # strings and kerning numbers in turn
            items = [rng.choice(words) if k % 2 == 0 else n().encode() for k in range(5)]
            parts.append(b"[" + b" ".join(items) + b"] TJ 0 0 Td")
    return b"\n".join(parts)


def test_random_text_streams_give_pypdfs_runs() -> None:
    rng = random.Random(25)
    for _ in range(400):
        page = _pdf(_stream(rng))
        try:
            want: Any = _pypdf_runs(page)
        except Exception as exc:  # noqa: BLE001 - a failure of pypdf's must be ours too
            want = type(exc).__name__
        try:  # (where a text object of its own starts: a mark for the layout, pypdf has none)
            got: Any = [{k: v for k, v in run.items() if k != "cuts"} for run in text_runs(page)]
        except Exception as exc:  # noqa: BLE001
            got = type(exc).__name__
        assert got == want, page["/Contents"].get_object().get_data()


def _texts(content: bytes) -> list[str]:
    return [run["text"] for run in text_runs(_pdf(content))]


def test_text_shown_after_text_starts_where_it_ends() -> None:
    """gropdf sets "INVOICE" as "(INV) Tj 26.82 0 Td (OICE) Tj" and the next word after it
    without a Td; a TJ's last string moves the pen as well."""
    assert _texts(b"BT /F1 15 Tf 70 700 Td (INV) Tj (OICE) Tj ET") == ["INVOICE"]
    assert _texts(b"BT /F1 11 Tf 70 700 Td [(Invoice) -278 (No.)] TJ [( 5)] TJ ET") == [
        "Invoice No. 5"
    ]
    assert _texts(b"BT /F1 11 Tf 70 700 Td [(Total)(:)] TJ ET") == ["Total:"]


def test_text_drawn_into_a_gap_of_spaces_stands_in_it() -> None:
    """troff prints a table row's figures as one string, its columns apart by spaces, then draws
    the description into the gap: the string is split there, each piece where it stands."""
    gap = b" " * 40
    content = (
        b"BT /F1 10 Tf 1 0 0 1 60 700 Tm [(36-390" + gap + b") -39 (5 pz" + gap + b"32,00)] TJ "
        b"1 0 0 1 110 700 Tm [(Piatto piano 27 cm)] TJ ET"
    )
    assert _texts(content) == ["36-390", "Piatto piano 27 cm", "5 pz", "32,00"]
    # a gap nothing is drawn into stays in its run
    assert _texts(b"BT /F1 10 Tf 60 700 Td (36-390" + gap + b"5 pz) Tj ET") == [
        "36-390" + " " * 40 + "5 pz"
    ]


def test_spaces_stretched_to_columns_by_word_spacing() -> None:
    """ "222.3 Tw [(TEXT MENGE) -10200 (PREIS/ME)] TJ": the space after TEXT is 222 points
    wide; each word stands where it is drawn, its gaps counted in the font's own spaces."""
    content = b"BT /F2 6.5 Tf 1 0 0 1 22 680 Tm 222.3 Tw [(TEXT MENGE) -10200 (PREIS/ME)] TJ ET"
    assert _texts(content) == ["TEXT", "MENGE", "PREIS/ME"]


def test_a_page_in_one_fixed_width_font_keeps_its_columns_on_the_characters_grid() -> None:
    """A printout's lines are long runs of Courier; a heading whose words are drawn apart
    lines up with the columns of the lines, as on paper (one column a character)."""
    lines = [
        b"Rinse aid 5 l                 15 pc       29,00",
        b"Hand soap refill 1 l           6 pc        2,16",
    ]
    lines.append(b"Microfibre cloth blue          8 pc        3,10")
    content = b"BT /F2 10 Tf 1 0 0 1 22 700 Tm (Text) Tj 1 0 0 1 202 700 Tm (Qty) Tj ET "
    for n, line in enumerate(lines):
        content += b"BT /F2 10 Tf 1 0 0 1 22 %d Tm (%s) Tj ET " % (688 - 12 * n, line)
    page = layout_page(_pdf(content))
    heading, first = page.text.split("\n")[0], page.text.split("\n")[1]
    assert heading.index("Qty") == first.index("15") == 30


def test_small_capitals_of_two_sizes_are_one_word() -> None:
    """A heading in small capitals drawn as capitals of two sizes, letter-spaced (cairo,
    Word): "N" in 9 points and "OTE" in 7.2 a point after it is one word; the gap is
    measured in the larger type's spaces, not in the smaller's (where it was one)."""
    content = (
        b"BT /F1 9 Tf 1 0 0 1 400 700 Tm (N) Tj /F1 7.2 Tf 1 0 0 1 407.7 700 Tm (OTE) Tj "
        b"/F1 9 Tf 1 0 0 1 422.9 700 Tm ( #) Tj ET"
    )
    assert _texts(content) == ["NOTE #"]
    # letters drawn one by one and spaced out by more than half a space ("VYSTAVEN" "O")
    spaced = b"BT /F1 8 Tf 1 0 0 1 400 700 Tm (N) Tj 1 0 0 1 407.1 700 Tm (O) Tj ET"
    assert _texts(spaced) == ["NO"]
    # but a figure and its unit a thin space apart (TeX's "5\\,l") stay two words
    thin = b"BT /F1 8 Tf 1 0 0 1 400 700 Tm (5) Tj 1 0 0 1 405.75 700 Tm (l) Tj ET"
    assert _texts(thin) == ["5 l"]


def test_word_spacing_does_not_widen_a_gap_between_strings() -> None:
    """groff justifies with "4.9 Tw [(Café) -250 (en) -250 (grano)] TJ": the words are apart by
    a quarter of an em and word spacing, which widens space characters only, is not in that
    gap: they are three words, not "Caféengrano"."""
    content = b"BT /F1 11 Tf 1 0 0 1 60 700 Tm 4.884 Tw [(Caf\xe9) -250 (en) -250 (grano)] TJ ET"
    assert _texts(content) == ["Café en grano"]


def test_an_empty_text_object_does_not_move_the_next() -> None:
    """An empty table cell printed as "BT 449.1 480.9 Td ET": the next cell's text stands where
    its own Td puts it, not at the sum of both (Prawn's tables)."""
    content = b"BT 449.1 480.9 Td ET BT 491.2 480.9 Td /F1 8 Tf (19.10) Tj ET"
    (run,) = text_runs(_pdf(content))
    assert (run["text"], run["tx"], run["ty"]) == ("19.10", 491.2, 480.9)


def test_cells_drawn_one_text_object_each_stay_in_their_columns() -> None:
    """Apache FOP draws a table a text object a cell; in a narrow column a code ends one space
    before the description's column starts. Where another line starts a cell at the same place
    (the heading, the rows above), the description stands in its column, not in the code's."""
    cells = [(40, b"Nr."), (62, b"Art.nr."), (110, b"Omschrijving"), (260, b"Bedrag")]
    rows = [[(40, b"1"), (62, b"EQ-58333"), (110, b"Inductiekookplaat"), (260, b"1.286,44")]]
    rows.append([(40, b"2"), (62, b"EQ-41516"), (110, b"Wijnglazen 47 cl"), (260, b"206,82")])
    content = b"q "  # (the page's text in one graphics state, as FOP draws it)
    for n, line in enumerate([cells, *rows]):
        for x, text in line:
            content += b"BT /F1 10 Tf 1 0 0 1 %d %d Tm (%s) Tj ET " % (x, 700 - 14 * n, text)
    lines = layout_page(_pdf(content + b"Q")).text.split("\n")
    assert [line.split("  ")[-1].strip() for line in lines] == ["Bedrag", "1.286,44", "206,82"]
    assert [c.strip() for c in lines[1].split("  ") if c.strip()] == [
        "1",
        "EQ-58333",
        "Inductiekookplaat",
        "1.286,44",
    ]


def test_typographic_ligatures_are_read_as_their_letters() -> None:
    """cairo and LaTeX show "fi" as one glyph whose text is U+FB01: "Caseiﬁcio" is
    "Caseificio" (a supplier's name, a description) in the layout text."""
    run = {"text": "Casei\ufb01cio Ricci", "tx": 10.0, "displaced_tx": 80.0, "ty": 700.0}
    run |= {"font_size": 10.0, "font_height": 10.0, "flip_sort": 1}
    assert _render([run], 842.0).text == "Caseificio Ricci"


def test_a_letter_spaced_heading_inside_q_does_not_widen_the_rest_of_the_page() -> None:
    """ReportLab (xhtml2pdf) sets a heading's letter spacing inside ``q``/``Q`` and leaves it to
    ``Q`` to restore: the rows after it are measured without it, so a description and the
    quantity right after it stay apart ("inklusive" / "1,00", not "inklusive1,00")."""
    content = (
        b"q BT 1.5 Tc /F1 17 Tf 1 0 0 1 150 780 Tm (WAESCHEREI STEINER GMBH) Tj ET Q "
        b"BT /F1 9.5 Tf 1 0 0 1 95 600 Tm (Badetuch 70 x 140 cm, Waescheservice, inklusive) Tj "
        b"ET BT /F1 9.5 Tf 1 0 0 1 330 600 Tm (1,00) Tj ET"
    )
    lines = layout_page(_pdf(content)).text.split("\n")

    assert any(line.rstrip().endswith("inklusive  1,00") for line in lines)
