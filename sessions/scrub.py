"""Scrubbing of personal data from free text (SPEC §8): e-mail, phone, IBAN, postcode, BSN, cued names."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

REPLACEMENT = "[verwijderd]"

EMAIL = "e-mailadres"
PHONE = "telefoonnummer"
IBAN = "IBAN"
POSTCODE = "postcode en huisnummer"
BSN = "BSN"
NAME = "naam"


@dataclass(frozen=True)
class Scrubbed:
    """Text with personal data replaced, and the Dutch labels of what was removed, in text order."""

    text: str
    removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything was removed."""
        return bool(self.removed)


# A span found by a detector: (start, end, label).
_Span = tuple[int, int, str]
_Detector = Callable[[str], Iterator[_Span]]

_EMAIL_RE = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w])"
)
# Written out against harvesters: "jan [at] huizen [punt] nl", "jan (at) huizen (dot) nl".
_EMAIL_SPELLED_RE = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]+\s*[\[(]\s*(?:at|apenstaartje|@)\s*[\])]\s*[\w-]+"
    r"(?:\s*(?:[\[(]\s*(?:punt|dot)\s*[\])]|\.)\s*[A-Za-z0-9-]+)+",
    re.IGNORECASE,
)


_SPELLED_AT = re.compile(r"[\[(]\s*(?:at|apenstaartje|@)\s*[\])]", re.IGNORECASE)


def _emails(text: str) -> Iterator[_Span]:
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            yield m.start(), m.end(), EMAIL
    # A written-out address begins with the address characters right before its "[at]":
    # trying the regex only there gives what finditer gives, without trying every position.
    pos = 0
    for at in _SPELLED_AT.finditer(text):
        start = at.start()
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.%+'-"):
            start -= 1
        if start < pos:
            continue
        spelled = _EMAIL_SPELLED_RE.match(text, start)
        if spelled is not None:
            pos = spelled.end()
            yield start, pos, EMAIL


# Lengths of IBANs per country (ISO 13616 registry, the countries likely to turn up here).
_IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
    "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26,
}
# The two check digits of a possible IBAN start, with its country letters right before them.
# The pattern begins with a digit (the letters are looked back at) so that the regex engine
# skips straight from digit to digit instead of trying every position.
_IBAN_START_RE = re.compile(r"\d(?<=(?<![A-Za-z0-9])[A-Za-z]{2}\d)\d")


def _iban_valid(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return int(digits) % 97 == 1


def _ibans(text: str) -> Iterator[_Span]:
    for m in _IBAN_START_RE.finditer(text):
        start = m.start() - 2
        country = text[start:start + 2].upper()
        wanted = _IBAN_LENGTHS.get(country)
        # Walk forward over letters and digits, allowing single spaces between groups,
        # and test every length an IBAN of this country can have.
        compact = text[start:m.end()].upper()
        i = m.end()
        ends: list[tuple[int, str]] = []
        while i < len(text) and len(compact) < 34:
            ch = text[i]
            if ch == " " and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
                continue
            if not (ch.isascii() and ch.isalnum()):
                break
            compact += ch.upper()
            i += 1
            after = text[i] if i < len(text) else ""
            if not (after.isascii() and after.isalnum()):
                ends.append((i, compact))
        for end, candidate in reversed(ends):
            fits = len(candidate) == wanted or (wanted is None and len(candidate) >= 15)
            if fits and _iban_valid(candidate):
                yield start, end, IBAN
                break


# A run of digits as people write phone numbers: groups split by a space, a hyphen (also
# spaced: "010 - 123 45 67"), a dot, a slash, or brackets ("+31 (0)6 …", "(0513) 12 34 56").
# The run is read once; which part of it is a phone number is decided on its digit groups.
# Each branch begins with its own character ("+", "(" or "0") and looks back after it, so
# that the regex engine only stops at those three characters.
_PHONE_RUN_RE = re.compile(
    r"(?:\+(?<![\w+@.,/-]\+)\d+|\((?<![\w+@.,/-]\()\+?\d+|0(?<![\w+@.,/-]0)\d*)"
    r"(?:(?:[ ]?[-./][ ]?|[ ]|[ ]?\(0\)[ ]?|\)[ ]?|[ ]\()\d+)*\)?"
)
_DATE_LIKE = re.compile(r"^\(?\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?![-/.]?\d)")
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def _phone_lengths(digits: str, plus: bool) -> tuple[int, ...]:
    """How many leading digits of a run can form a phone number, longest first."""
    if plus or digits.startswith("00"):
        body = digits if plus else digits[2:]
        if body.startswith("31"):
            rest = body[2:]
            rest = rest[1:] if rest.startswith("0") else rest  # "+31 (0)6 …"
            if len(rest) >= 9 and rest[0] != "0":
                return (len(digits) - len(rest) + 9,)
            return ()
        # Another country: a country code and 8 to 12 more digits.
        if body[:1] in ("", "0"):
            return ()
        return tuple(n for n in range(len(digits), 8, -1) if 9 <= n - (len(digits) - len(body)) <= 14)
    if not digits.startswith("0") or len(digits) < 8:
        return ()
    if digits.startswith(_SERVICE_PREFIXES):
        return (11, 8)
    return (10,) if digits[1] != "0" else ()


def _phones(text: str) -> Iterator[_Span]:
    pos = 0
    while True:
        m = _PHONE_RUN_RE.search(text, pos)
        if m is None:
            return
        pos = m.end()  # unless a number is found inside: then look on right after it
        run = m.group()
        if _DATE_LIKE.match(run):
            continue
        plus = run.lstrip("(").startswith("+")
        digit_ends = [i + 1 for i, ch in enumerate(run) if ch.isdigit()]
        digits = "".join(ch for ch in run if ch.isdigit())
        end = None
        for wanted in _phone_lengths(digits, plus):
            if wanted > len(digit_ends):
                continue
            candidate = digit_ends[wanted - 1]
            # The number must end where a digit group ends, or its digits belong to more.
            if candidate < len(run) and run[candidate].isdigit():
                continue
            if wanted == 8 and run[4:5].isdigit():
                continue  # "08001234" is more likely a KvK or case number than 0800-1234
            end = candidate
            break
        if end is None:
            continue
        start = m.start()
        if run.startswith("("):
            closing = run.find(")", 1)
            if closing == -1 or closing >= end:
                start += 1  # "(0513-123456)": the brackets are the writer's, not the number's
        pos = m.start() + end
        yield start, pos, PHONE


# Postcode letters: never SA, SD or SS; in lower case only when the pair is not a word.
_NOT_POSTCODE_LETTERS = (
    "sa", "sd", "ss", "en", "of", "op", "om", "in", "is", "ik", "je", "we", "ze", "al", "nu",
    "te", "zo", "ja", "na", "de", "er", "me", "uw", "an", "at", "to", "be", "by", "or", "as",
    "tm", "um", "am", "pm", "eu", "km", "cm", "mm", "kg", "mg", "ml", "uu",
)
_POSTCODE = (rf"[1-9]\d{{3}}\s?(?!(?:{'|'.join(_NOT_POSTCODE_LETTERS)})(?![^\W\d_]))"
             r"(?:[A-Z]{2}|[a-z]{2})(?![^\W\d_])")
_HOUSE = r"\d{1,5}(?:-\d{1,4}|[ -]?[a-zA-Z](?![\w]))?(?![\w])"
_POSTCODE_AFTER_RE = re.compile(
    rf"(?<![\w])(?:postcode\s*:?\s*)?{_POSTCODE}(?:[ ,]*(?:(?:huis)?nummer|huisnr\.?|nr\.?)?\s*:?\s*|(?=\d)){_HOUSE}",
    re.IGNORECASE,
)
_POSTCODE_BEFORE_RE = re.compile(
    rf"(?<=[^\W\d] )(?:(?:huis)?nummer\s*:?\s*)?{_HOUSE},? +(?:postcode\s*:?\s*)?{_POSTCODE}",
    re.IGNORECASE,
)
_POSTCODE_SHAPE = re.compile(_POSTCODE, re.IGNORECASE)
_POSTCODE_LETTERS_RE = re.compile(r"[1-9]\d{3}\s?([A-Za-z]{2})")
_POSTCODE_WORD_RE = re.compile(r"postcode\s*:?\s*", re.IGNORECASE)
# Every place where _POSTCODE_SHAPE matches, and a few more: without IGNORECASE the regex
# engine finds these much faster, and only they are then tried with the exact regex. The
# letters are those that [a-z] matches when case is ignored (with İ, ı, ſ and the Kelvin K).
_POSTCODE_ROUGH = re.compile(r"[1-9]\d{3}\s?[A-Za-z\u0130\u0131\u017f\u212a]{2}(?![^\W\d_])")

# Both address regexes hold a postcode, so they are only tried near the places where one
# stands (found first, with a regex the engine runs fast): that gives the same matches as a
# search through the whole text, in a fraction of the time.


def _after_matches(text: str, postcodes: list[int]) -> Iterator[re.Match[str]]:
    """The matches of _POSTCODE_AFTER_RE, as finditer would give them: each begins at a
    postcode or at the word "postcode" right before it."""
    pos = 0
    for at in postcodes:
        for start in (_postcode_word_start(text, at), at):
            if start is None or start < pos:
                continue
            m = _POSTCODE_AFTER_RE.match(text, start)
            if m is not None:
                pos = m.end()
                yield m
                break


def _postcode_word_start(text: str, at: int) -> int | None:
    """Where "postcode:" begins if it stands right before the postcode at `at`."""
    i = at
    while i > 0 and (text[i - 1].isspace() or text[i - 1] == ":"):
        i -= 1
    start = i - len("postcode")
    return start if start >= 0 and _POSTCODE_WORD_RE.fullmatch(text, start, at) else None


def _before_matches(text: str, postcodes: list[int]) -> Iterator[re.Match[str]]:
    """The matches of _POSTCODE_BEFORE_RE, as finditer would give them. Each ends with one
    of the postcodes; before it stand at most "huisnummer", a house number of up to 10
    characters and "postcode", with spaces, colons and a comma between them. So no match
    begins before the earliest such stretch, and none after the last postcode; the
    search stops far enough behind that to read all of it."""
    def earliest(at: int) -> int:
        i = at
        for width in (len("postcode"), 10, len("huisnummer")):
            while i > 0 and (text[i - 1].isspace() or text[i - 1] in ":,"):
                i -= 1
            i = max(0, i - width)
        return i

    last = postcodes[-1]
    for m in _POSTCODE_BEFORE_RE.finditer(text, min(map(earliest, postcodes)), last + 24):
        if m.start() > last:
            return
        yield m


def _postcodes(text: str) -> Iterator[_Span]:
    postcodes = [m.start() for m in _POSTCODE_ROUGH.finditer(text)
                 if _POSTCODE_SHAPE.match(text, m.start()) is not None]
    if not postcodes:
        return
    for matches in (_after_matches(text, postcodes), _before_matches(text, postcodes)):
        for m in matches:
            letters = _POSTCODE_LETTERS_RE.search(m.group())
            if letters is None:
                continue
            pair = letters.group(1)
            if not (pair.isupper() or pair.islower()):
                continue
            yield m.start(), m.end(), POSTCODE


# 9 digits, or 4-2-3 / 3-3-3 with spaces or dots. The first digit comes before the look
# back at what precedes it, so that the regex engine skips from digit to digit.
_BSN_RE = re.compile(
    r"\d(?<![\w.,]\d)(?:\d{8}|\d{3}([. ])\d{2}\1\d{3}|\d{2}([. ])\d{3}\2\d{3})(?![\w]|[.,]\d)"
)
_CURRENCY_BEFORE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)


def _eleven_test(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"


def _bsns(text: str) -> Iterator[_Span]:
    for m in _BSN_RE.finditer(text):
        digits = m.group().replace(".", "").replace(" ", "")
        if _eleven_test(digits) and not _CURRENCY_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            yield m.start(), m.end(), BSN


# --- names with a clear cue --------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAP_TAIL = rf"(?:[{_LOWER}]+|'[{_UPPER}][{_LOWER}]+)(?:-[{_UPPER}][{_LOWER}]+)?"
_CAP = rf"[{_UPPER}]{_CAP_TAIL}"
_PREFIX = (r"(?:(?i:van\s+der|van\s+den|van\s+de|van\s+het|in\s+'t|op\s+de|van|de|der|den|"
           r"ter|ten|te|'t|el|al|la|le|da|di|du|dos|von|bin|ben|ait|abou|abu)\s+)")
_SURNAME = rf"{_PREFIX}*{_CAP}"
_INITIALS = rf"(?:[{_UPPER}]\.\s?){{1,4}}"
# A title takes any capitalised name after it ("mevrouw Bakker", "dhr. J. de Vries").
_TITLE = (r"(?i:mevrouw|mevr\.|mw\.|mevr|mw|meneer|mijnheer|dhr\.|dhr|de heer|juffrouw|"
          r"dr\.|mr\.|drs\.|ing\.|ir\.|prof\.)")
# Cue words that tell gender: they go with the name ("[verwijderd]", not "mevrouw
# [verwijderd]"), since in a team with one woman the title is the name. "collega" may stay.
_GENDERED = frozenset((
    "mevrouw", "mevr.", "mevr", "mw.", "mw", "meneer", "mijnheer", "dhr.", "dhr", "de heer",
    "juffrouw", "teamleidster", "medewerkster", "stagiaire", "inwoonster",
))
# A role word takes a name after it, but not a department ("teamleider Publiekszaken").
_ROLE = (r"(?i:collega|collega's|teamleider|teamleidster|leidinggevende|manager|directeur|"
         r"wethouder|burgemeester|raadslid|griffier|secretaris|stagiair|stagiaire|buurman|"
         r"buurvrouw|inwoner|inwoonster|klant|aanvrager|melder|medewerker|medewerkster|"
         r"vriend|vriendin|zoon|dochter|oom|tante|neef|nicht|opa|oma|mama|papa)")
# _CAP with nothing word-like around it; the capital comes before the look back at what
# precedes it, so that the regex engine skips from capital to capital.
_CAP_WORD_RE = re.compile(_CAP)
_CAP_RE = re.compile(rf"[{_UPPER}](?<![\w'’-][{_UPPER}]){_CAP_TAIL}(?![\w'’-])")
# What stands right before a capitalised word when a cue makes it a name: the cue, and maybe
# initials and a prefix ("dhr. J. de Vries", "meneer El Amrani").
_CUE_RE = re.compile(
    rf"(?<![\w])(?:(?P<title>{_TITLE})|(?P<role>{_ROLE}))\s+(?P<lead>(?:{_INITIALS}\s*)?{_PREFIX}*)"
)
# The first letters of every cue above (lower case): where one is found, _CUE_RE decides.
_CUE_WORDS = (
    "mevr", "mw", "meneer", "mijnheer", "dhr", "de heer", "juffrouw", "dr.", "mr.", "drs.",
    "ing.", "ir.", "prof.", "collega", "teamleid", "leidinggevende", "manager", "directeur",
    "wethouder", "burgemeester", "raadslid", "griffier", "secretaris", "stagiair", "buurman",
    "buurvrouw", "inwoner", "inwoonster", "klant", "aanvrager", "melder", "medewerk", "vriend",
    "zoon", "dochter", "oom", "tante", "neef", "nicht", "opa", "oma", "mama", "papa",
)


def _cue_word_starts(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that stops at every place (in lower-case text) where a cue word begins.

    Each branch is a first letter with the rest of its words looked ahead at: the regex
    engine jumps between those first letters, and the match is one character long, so
    overlapping cue words are all found."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?={'|'.join(tails)})"
                               for first, tails in rests.items()))


_CUE_WORD_START_RE = _cue_word_starts(_CUE_WORDS)
_MORE_SURNAME_RE = re.compile(rf"(?:\s+{_SURNAME})?")
_SURNAME_AFTER_RE = re.compile(rf"\s+{_SURNAME}(?![\w'’-])")

# Capitalised words that follow a role word or a first name without being a name.
_NOT_NAMES_TEXT = """
    Publiekszaken Burgerzaken Financiën Openbare Werken Ruimte Sociaal Domein Wijkteam Huizen
    Gemeente College Raad Griffie Communicatie Vergunningen Handhaving Belastingen Economie Jeugd
    Zorg Onderwijs Sport Cultuur Facilitaire Dienstverlening Informatievoorziening Juridische
    Zaken Integriteit Personeel Organisatie ICT Inkoop Beheer Bouwen Wonen Milieu Welzijn
    Participatie Werk Inkomen Schuldhulp Klantcontact Receptie Archief Post Secretariaat Bestuur
    Ondersteuning Control Planning Veiligheid Openbare Orde Groen Wegen Riolering Afval
    Team Afdeling Directie Januari Februari Maart April Mei Juni Juli Augustus September Oktober
    November December Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Nederland
    Nederlands Engels Duits Frans Turks Arabisch Pools Hollands Gooi Almere Amsterdam Utrecht
    Hilversum Laren Blaricum Eemnes Bussum Naarden Weesp Het De Een En Of Maar Ook Als Dan Toen
    Daarna Wat Wie Waar Hoe Waarom Ik Je Jij Hij Zij Wij Ze We Hun Dit Dat Die Deze Er Niet Wel
    Geen Bij Van Voor Na Met Om Op In Uit Aan Over Onder Tussen Tegen Volgens Zonder Gedragscode
    Regeling Klachtenregeling Protocol Wet Woo Avg Awb Bibob Alcoholwet Gemeentewet BING Huis
    Klokkenluiders Vertrouwenspersoon Meldpunt Kerst Pasen Ramadan Suikerfeest Offerfeest
"""
_NOT_NAMES = frozenset(word.casefold() for word in _NOT_NAMES_TEXT.split())


def _first_names() -> frozenset[str]:
    from importlib.resources import files  # read once, on first use

    text = files("sessions").joinpath("data/voornamen.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_FIRST_NAMES: frozenset[str] | None = None


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where a cued name that runs from `start` to `end` really ends: trailing capitalised
    words that are not names ("mevrouw Bakker Publiekszaken") are left out; None if no name
    is left."""
    words = text[start:end].split()
    while words and words[-1].casefold() in _NOT_NAMES:
        words.pop()
    while words and words[-1].rstrip(".").casefold() in _PREFIX_WORDS:
        words.pop()
    if not words or _CAP_WORD_RE.fullmatch(words[-1]) is None:
        return None
    return text.index(words[-1], start + len(" ".join(words[:-1]))) + len(words[-1])


_PREFIX_WORDS = frozenset(("van", "der", "den", "de", "het", "in", "'t", "op", "ter", "ten", "te",
                           "el", "al", "la", "le", "da", "di", "du", "dos", "von", "bin", "ben",
                           "ait", "abou", "abu"))


def _names(text: str) -> Iterator[_Span]:
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        _FIRST_NAMES = _first_names()
    # Where a cue (with its initials and prefix) ends, the name begins. The cue words are
    # found first in the lower-case text; trying _CUE_RE at every position would be slow.
    cues: dict[int, re.Match[str]] = {}
    for at in _CUE_WORD_START_RE.finditer(text.lower()):
        cue = _CUE_RE.match(text, at.start())
        if cue is not None:
            cues[cue.end()] = cue
    # Then one pass over the capitalised words: after a cue, or a first name with a surname.
    done = 0
    for m in _CAP_RE.finditer(text):
        start, end = m.span()
        if start < done:
            continue
        cue = cues.get(start)
        if cue is not None:
            more = _MORE_SURNAME_RE.match(text, end)
            stop = _name_end(text, start, more.end() if more else end)
            if stop is not None:
                name = text[start:stop]
                if cue.group("title") or name.split()[0] in _FIRST_NAMES or " " in name:
                    done = stop
                    word = " ".join((cue.group("title") or cue.group("role")).lower().split())
                    yield cue.start() if word in _GENDERED else cue.start("lead"), stop, NAME
                    continue
        word = m.group()
        if word in _FIRST_NAMES and word.casefold() not in _NOT_NAMES:
            after = _SURNAME_AFTER_RE.match(text, end)
            if after is not None:
                stop = _name_end(text, end, after.end())
                if stop is not None:
                    done = stop
                    yield start, stop, NAME


# Earlier detectors win where spans overlap: an e-mail address may contain digits, an
# IBAN contains a 9-digit run, a phone number would otherwise hide inside neither.
_DETECTORS: tuple[_Detector, ...] = (_emails, _ibans, _phones, _postcodes, _bsns, _names)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a removed span touched text that may have shielded a neighbour from a
    detector: anything but a space right before it, or two characters but spaces right after
    it (then the text must be looked at once more)."""
    before = text[start - 1] if start > 0 else " "
    if before.isalnum() or before in _GLUE_BEFORE:
        return True
    after = text[end:end + 2]
    return len(after) == 2 and not after[0].isspace() and not after[1].isspace()


# Characters before a removed span that no detector ever needs to see as a left edge.
_GLUE_BEFORE = frozenset("+@.,/-'%_’()[]:;")


def _scrub_once(text: str) -> tuple[str, list[str], bool]:
    """One pass of every detector: the new text, the labels, and whether to look again."""
    # One mark per character says whether a span already covers it: checking a new span
    # costs its own length, so scrubbing stays linear however many matches a text holds.
    covered = bytearray(len(text))
    taken: list[_Span] = []
    for detect in _DETECTORS:
        for span in detect(text):
            start, end, _ = span
            if end > start and covered.find(1, start, end) == -1:
                covered[start:end] = b"\x01" * (end - start)
                taken.append(span)
    if not taken:
        return text, [], False
    taken.sort()
    parts: list[str] = []
    pos = 0
    again = False
    for s, e, _ in taken:
        parts.append(text[pos:s])
        parts.append(REPLACEMENT)
        pos = e
        again = again or _glued(text, s, e)
    parts.append(text[pos:])
    return "".join(parts), [label for _, _, label in taken], again


def scrub(text: str) -> Scrubbed:
    """Replace personal data in ``text`` by ``[verwijderd]``.

    Removes e-mail addresses (also written out as "[at]"), phone numbers in the notations a
    Dutch office uses, IBANs (checksum-tested), postcode plus house number, 9-digit numbers
    that pass the BSN eleven-test, and names with a clear cue (a title or role word before
    them, or a common first name with a surname). Years, amounts, article numbers, counts,
    dates and case numbers stay. Scrubbing scrubbed text changes nothing.
    """
    if _MAYBE_PERSONAL.search(text) is None:
        return Scrubbed(text)
    return _scrub_cached(text)


# Everything removed contains a digit, an @, a bracket word or a capital letter.
_MAYBE_PERSONAL = re.compile(rf"[\d@{_UPPER}]|[\[(]\s*(?i:at|apenstaartje)\s*[\])]")


def scrub_text(text: str) -> tuple[str, tuple[str, ...]]:
    """`scrub` as a plain pair: the cleaned text and the Dutch labels of what was removed."""
    result = scrub(text)
    return result.text, tuple(result.removed)


@lru_cache(maxsize=1024)
def _scrub_cached(text: str) -> Scrubbed:
    """Scrub with a cache: bundles repeat team labels and notes many times."""
    removed: list[str] = []
    # A replacement can free a neighbour that its old characters shielded; repeat until
    # nothing changes so that scrubbing is idempotent.
    for _ in range(5):
        text, found, again = _scrub_once(text)
        removed.extend(found)
        if not again:
            break
    return Scrubbed(text, tuple(removed))


@dataclass(frozen=True)
class ScrubbedTree:
    """A JSON-like value with every string in it scrubbed, and what was removed."""

    value: Any
    removed: tuple[str, ...] = ()


def scrub_tree(value: Any, keep: Collection[str] = frozenset()) -> ScrubbedTree:
    """Scrub every string inside nested dicts, lists and tuples (keys stay as they are).

    Args:
        keep: strings that are not the user's words (a card's text from a deck): each one
            found whole is left as written.
    """
    removed: list[str] = []
    kept = frozenset(keep)

    def walk(v: Any) -> Any:
        if isinstance(v, str) and v in kept:
            return v
        if isinstance(v, str):
            result = scrub(v)
            removed.extend(result.removed)
            return result.text
        if isinstance(v, Mapping):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [walk(x) for x in v]
        return v

    return ScrubbedTree(walk(value), tuple(removed))
