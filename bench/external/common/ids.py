"""(Copied from the "calc" set; shared by jspdf, php, prawn, itext and gofpdf.) Tax ids and IBANs with valid check digits (so that a checksum-aware reader is not misled)."""


def _digits(rng, n, first_nonzero=True):
    s = [rng.randint(1 if first_nonzero else 0, 9)] + [rng.randint(0, 9) for _ in range(n - 1)]
    return s


def de_vat(rng):
    while True:
        d = _digits(rng, 8)
        product = 10
        for x in d:
            s = (x + product) % 10 or 10
            product = (2 * s) % 11
        c = 11 - product
        if c == 10:
            c = 0
        return "DE" + "".join(map(str, d)) + str(c)


def at_vat(rng):
    d = _digits(rng, 7)
    s = d[0] + d[2] + d[4] + d[6]
    for x in (d[1], d[3], d[5]):
        y = 2 * x
        s += y // 10 + y % 10
    c = (10 - (s + 4) % 10) % 10
    return "ATU" + "".join(map(str, d)) + str(c)


def _luhn_digit(d):
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return (10 - s % 10) % 10


def fr_vat(rng):
    d = _digits(rng, 8)
    siren = int("".join(map(str, d + [_luhn_digit(d)])))
    key = (12 + 3 * (siren % 97)) % 97
    return f"FR{key:02d}{siren:09d}", f"{siren:09d}"


def it_vat(rng):
    d = _digits(rng, 7, first_nonzero=False) + [0, 0, rng.choice([1, 3, 5, 8])]
    s = 0
    for i, x in enumerate(d):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    c = (10 - s % 10) % 10
    return "".join(map(str, d)) + str(c)


def gb_vat(rng):
    while True:
        d = _digits(rng, 7)
        s = sum(x * w for x, w in zip(d, (8, 7, 6, 5, 4, 3, 2), strict=False))
        c = (-s) % 97
        return "".join(map(str, d)) + f"{c:02d}"


def nl_vat(rng):
    while True:
        d = _digits(rng, 8)
        c = sum(x * w for x, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2), strict=False)) % 11
        if c < 10:
            return "NL" + "".join(map(str, d)) + str(c) + "B" + f"{rng.randint(1, 3):02d}"


def es_cif(rng):
    d = _digits(rng, 7, first_nonzero=False)
    even = d[1] + d[3] + d[5]
    odd = 0
    for x in (d[0], d[2], d[4], d[6]):
        y = 2 * x
        odd += y // 10 + y % 10
    c = (10 - (even + odd) % 10) % 10
    return "B" + "".join(map(str, d)) + str(c)


def cz_ico(rng):
    while True:
        d = _digits(rng, 7)
        r = sum(x * w for x, w in zip(d, (8, 7, 6, 5, 4, 3, 2), strict=False)) % 11
        c = 1 if r == 0 else 0 if r == 1 else 11 - r
        return "".join(map(str, d)) + str(c)


def ch_uid(rng):
    while True:
        d = _digits(rng, 8)
        c = 11 - sum(x * w for x, w in zip(d, (5, 4, 3, 2, 7, 6, 5, 4), strict=False)) % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        s = "".join(map(str, d)) + str(c)
        return f"CHE-{s[0:3]}.{s[3:6]}.{s[6:9]}"


def iban(rng, country, length):
    bban = "".join(str(rng.randint(0, 9)) for _ in range(length - 4))
    num = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(num) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


IBAN_LEN = dict(GB=22, DE=22, AT=20, CH=21, FR=27, NL=18, IT=27, ES=24, CZ=24)
