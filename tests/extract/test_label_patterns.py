"""Label patterns regrouped for speed match exactly what the plain alternation matches."""

from __future__ import annotations

import random
import re

from bot.extract import labels
from bot.extract.lines import _TYPE_ORDER


def _same_matches(pattern: str, texts: list[str]) -> None:
    plain, grouped = re.compile(pattern), re.compile(labels.by_first_letter(pattern))
    for text in texts:
        want = [(m.start(), m.end(), m.groupdict()) for m in plain.finditer(text)]
        got = [(m.start(), m.end(), m.groupdict()) for m in grouped.finditer(text)]
        assert got == want, (pattern, text)


def test_alternatives_grouped_by_first_letter_match_the_same() -> None:
    """Order matters where alternatives share a first letter ("a|ab" finds "a" in "ab"), and
    an alternative starting with no plain letter keeps its place among them."""
    pattern = r"ab|a|abc|(?:x\s+)?ad|a?z|b[c-d]+|\d+|ac|br(?:ut|ief)|[^\W\d_]q|u(?<![a-z]u)m\b"
    rng = random.Random(7)
    alphabet = "abcdqrstuxyzm 12"
    texts = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(400)]
    _same_matches(pattern, [*texts, "ab abc x ad az brut um aum", "bcd brief 12 aq"])
    # alternatives that open with a group are spelled out first ("(?:a|b)X" is "aX|bX")
    grouped = r"(?:ab|b)c|(?:a)?bd|(?:q|r)+s|(?:z\s+)?(?:m|u)(?:x|y)?t|(?:d)??a|(?:a|c)(b)\1"
    _same_matches(grouped, [*texts, "abc bc abd bd qrs z mt uxt ut da cbc"])
    assert labels.by_first_letter(r"ab|a|\d|ac") == r"a(?:b|)|\d|a(?:c)"


def test_the_column_headings_match_the_same_grouped() -> None:
    words = [w for k in _TYPE_ORDER for w in re.findall(r"[a-z]+", labels.COLUMNS[k])]
    rng = random.Random(12)
    texts = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(300)]
    for kind in _TYPE_ORDER:
        _same_matches(rf"(?P<w>{labels.COLUMNS[kind]})", texts)


def test_the_summary_labels_match_the_same_grouped() -> None:
    """The summary vocabulary, each word with its word boundary and grouped, against the plain
    alternation it was written as."""
    plain = re.compile(
        rf"^\s*(?:(?:{labels._SUMMARY_WORDS})\b|"
        + "|".join(
            labels.TOTAL_EXCL[:-1]
            + labels.TOTAL_INCL[:-3]
            + labels.TAX_AMOUNT[:-1]
            + labels.ALREADY_PAID
        )
        + ")"
    )
    words = re.findall(r"[a-z]+", plain.pattern) + ["19", "%", "7,5", "  "]
    rng = random.Random(5)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    for text in texts:
        want, got = plain.search(text), labels.SUMMARY.search(text)
        assert (got and got.span()) == (want and want.span()), text
