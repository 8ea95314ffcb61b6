"""Which few open orders add up to an invoice's total (one invoice for several deliveries).

A depth-first search over orders sorted by amount, cut off as soon as a sum passes the target,
limited in subset size and in steps, so a supplier with many open orders cannot stall linking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

#: at most this many orders on one invoice
MAX_SIZE = 4
#: search steps before giving up (answers "not sure" rather than running long)
MAX_STEPS = 20_000
#: stop after this many matching subsets: two already make it ambiguous; a few to show
MAX_FOUND = 4


@dataclass(frozen=True)
class SubsetSearch:
    #: index tuples into the amounts given, each summing to the target within tolerance
    found: list[tuple[int, ...]]
    #: False when the step budget ran out before every subset was seen
    complete: bool


def matching_subsets(
    amounts: Sequence[Decimal], target: Decimal, tolerance: Decimal, min_size: int = 2
) -> SubsetSearch:
    """Subsets of ``min_size`` to :data:`MAX_SIZE` positive amounts summing to ``target``."""
    order = sorted(range(len(amounts)), key=lambda i: amounts[i], reverse=True)
    values = [amounts[i] for i in order]
    high = target + tolerance
    low = target - tolerance
    prefix = [Decimal(0)]
    for value in values:
        prefix.append(prefix[-1] + value)
    found: list[tuple[int, ...]] = []
    steps = 0
    complete = True

    def walk(start: int, chosen: list[int], total: Decimal) -> bool:
        """False to stop the whole search."""
        nonlocal steps, complete
        for pos in range(start, len(values)):
            steps += 1
            if steps > MAX_STEPS:
                complete = False
                return False
            slots = MAX_SIZE - len(chosen)
            if total + prefix[min(pos + slots, len(values))] - prefix[pos] < low:
                break  # even the largest amounts left cannot reach the target
            new_total = total + values[pos]
            if new_total > high:
                continue  # larger than the rest of the way: the smaller ones after may fit
            chosen.append(pos)
            if len(chosen) >= min_size and abs(new_total - target) <= tolerance:
                found.append(tuple(sorted(order[p] for p in chosen)))
                if len(found) >= MAX_FOUND:
                    return False
            if len(chosen) < MAX_SIZE and not walk(pos + 1, chosen, new_total):
                return False
            chosen.pop()
        return True

    walk(0, [], Decimal(0))
    return SubsetSearch(found, complete)
