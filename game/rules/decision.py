"""The stappenplan's decision as one correct Dutch sentence in the first person.

"Mijn besluit: ik meld het bij P&O. Omdat de gedragscode het vraagt. Ook al kost het tijd."
An option written as "Je meldt het" or "Hij zegt nee en huurt zelf een bus" becomes an
ik-sentence with the verb conjugated; where that can't be done safely (a possessive such as
"zijn leidinggevende", an infinitive, "Ja, …") the option is quoted. "Omdat" and "ook al"
get the word order they need; a clause that can't be reordered safely gets "want" or a
sentence of its own. No part follows a colon but the decision itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The second or third person singular of verbs in the decks and in what people type, and the
# first person of each. A verb not listed here is not guessed at: the option is quoted.
_IRREGULAR = {
    "bent": "ben", "is": "ben", "hebt": "heb", "heeft": "heb", "kunt": "kan", "kan": "kan",
    "wilt": "wil", "wil": "wil", "zult": "zal", "zal": "zal", "mag": "mag", "moet": "moet",
    "doet": "doe", "gaat": "ga", "staat": "sta", "slaat": "sla", "ziet": "zie", "zit": "zit",
    "weet": "weet", "laat": "laat", "praat": "praat", "wacht": "wacht", "zet": "zet",
    "print": "print", "eet": "eet", "let": "let", "vergeet": "vergeet", "legt": "leg",
    "zegt": "zeg", "komt": "kom", "neemt": "neem", "geeft": "geef", "blijft": "blijf",
    "schrijft": "schrijf", "houdt": "houd", "vindt": "vind", "wordt": "word", "meldt": "meld",
    "biedt": "bied", "verbiedt": "verbied", "antwoordt": "antwoord", "stuurt": "stuur",
    "vraagt": "vraag", "belt": "bel", "weigert": "weiger", "accepteert": "accepteer",
    "vertelt": "vertel", "verwijst": "verwijs", "huurt": "huur", "betaalt": "betaal",
    "maakt": "maak", "begint": "begin", "gooit": "gooi", "kiest": "kies", "leest": "lees",
    "werkt": "werk", "helpt": "help", "brengt": "breng", "denkt": "denk", "zoekt": "zoek",
    "kijkt": "kijk", "spreekt": "spreek", "bespreekt": "bespreek", "regelt": "regel",
    "overlegt": "overleg", "noteert": "noteer", "stopt": "stop", "deelt": "deel",
    "wijst": "wijs", "ontvangt": "ontvang", "koopt": "koop", "verkoopt": "verkoop",
    "behandelt": "behandel", "beoordeelt": "beoordeel", "trekt": "trek", "stapt": "stap",
    "draagt": "draag", "laadt": "laad", "haalt": "haal", "wint": "win", "verdeelt": "verdeel",
    "controleert": "controleer", "reageert": "reageer", "herinnert": "herinner",
    "waarschuwt": "waarschuw", "informeert": "informeer", "legt uit": "leg uit",
    "probeert": "probeer", "beslist": "beslis", "verandert": "verander", "schrapt": "schrap",
    "negeert": "negeer", "tekent": "teken", "leent": "leen", "zwijgt": "zwijg",
    "dient": "dien", "voert": "voer", "roept": "roep", "toont": "toon", "wacht af": "wacht af",
    "volgt": "volg", "hoort": "hoor", "past": "pas", "loopt": "loop", "zoekt uit": "zoek uit",
    "neemt op": "neem op", "vraagt na": "vraag na", "geeft door": "geef door",
}
FIRST_PERSON = {k: v for k, v in _IRREGULAR.items() if " " not in k}
_SUBJECTS = {"je", "jij", "u", "hij", "ze", "zij"}
# Words that refer back to the subject or another person: an ik-sentence would need them
# changed too ("zijn leidinggevende", "dat hij …"), which is not done by guessing.
_REFERRING = {
    "je", "jij", "jou", "jouw", "u", "uw", "hij", "hem", "zijn", "ze", "zij", "haar",
    "zich", "zichzelf", "jezelf", "hen", "hun",
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Finite verbs that close a subordinate clause ("omdat het eerlijk is"), beyond the list above.
_FINITE = set(_IRREGULAR) | set(FIRST_PERSON.values()) | {
    "geldt", "klopt", "kost", "telt", "hoort", "speelt", "verdient", "was", "had", "kon",
    "wilde", "moest", "mocht", "zou", "werd", "lijkt", "zei", "deed", "kwam", "ging", "gaf",
    "nam", "liet", "vond", "bleef", "zag", "wist", "kreeg", "stond", "voelt",
}
# Plural forms: finite in "de regels zijn duidelijk", an infinitive in "mag alleen staan".
_PLURAL = {
    "zijn", "hebben", "kunnen", "willen", "moeten", "mogen", "zullen", "worden", "gaan",
    "staan", "gelden", "kosten", "tellen", "helpen", "vragen", "zeggen", "doen", "blijven",
}
_MODALS = {
    "mag", "moet", "kan", "kun", "kunt", "wil", "wilt", "zal", "zult", "gaat", "ga", "blijft",
    "komt", "hoeft", "durft", "mocht", "moest", "kon", "wilde", "zou",
}
_NOT_VERB = {
    "niet", "goed", "recht", "eerst", "dat", "wat", "met", "echt", "licht", "plicht",
    "gebruikt", "bekend", "vast", "net", "tijd", "opdracht", "gedragscode", "uit", "mee",
}
_ARTICLES = {"de", "het", "een", "dit", "dat", "deze", "die", "mijn", "onze", "ons"}
_PRONOUNS = {
    "het", "dat", "dit", "er", "ik", "hij", "ze", "zij", "we", "wij", "men", "iemand",
    "niemand", "iedereen", "niets", "alles", "je", "jij", "u",
}
_BECAUSE = ("omdat", "want", "doordat")
_DESPITE = ("ondanks dat", "ondanks", "ook al", "hoewel", "al")


def clause(text: str) -> str:
    """One clause: trimmed, on one line, without a closing full stop."""
    return " ".join(text.split()).rstrip(".!? ")


def _lower_first(text: str) -> str:
    """"Ik geef" → "ik geef", "Alleen als" → "alleen als"; a first name ("Hamid") or an
    acronym ("AVG") stays as written."""
    first = _WORD.match(text)
    if first is None or len(text) < 2 or not (text[0].isupper() and text[1].islower()):
        return text
    word = first.group().casefold()
    if word in _SMALL or word in _PRONOUNS or word in _ARTICLES:
        return text[0].lower() + text[1:]
    if len(word) > 3 and word.endswith("en") and word not in _first_names():
        return text[0].lower() + text[1:]  # an infinitive: "Melden bij de leidinggevende"
    return text  # a name ("Hamid") or a noun kept as written


# First words that take a small letter inside the sentence. Any other capitalised first word
# is kept as typed: it may be a name ("Omdat Hamid niet alleen moet staan").
_SMALL = frozenset(
    ["ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "men", "het", "de", "een", "dit", "dat", "die", "deze", "daar", "er", "hier", "mijn", "jouw", "zijn", "haar", "ons", "onze", "hun", "niet", "geen", "niets", "nooit", "niemand", "iemand", "iets", "alles", "altijd", "eerst", "meteen", "direct", "gewoon", "toch", "wel", "ook", "dan", "zo", "als", "of", "en", "maar", "want", "omdat", "hoewel", "ondanks", "door", "bij", "met", "voor", "na", "naar", "van", "uit", "aan", "op", "in", "om", "over", "onder", "tegen", "zonder", "volgens", "samen", "alleen", "zelf", "liever", "anders", "beter", "wat", "wie", "waar", "wanneer", "hoe", "waarom", "mag", "moet", "kan", "wil", "zal", "ga", "doe", "geef", "zeg", "vraag", "bel", "meld", "neem", "laat", "help", "houd", "blijf", "weiger", "accepteer", "stuur", "leg", "misschien", "soms", "daarom", "daardoor", "dus", "helaas", "gelukkig", "eigenlijk", "natuurlijk", "zeker", "waarschijnlijk", "vaak", "nu", "straks", "later", "bovendien", "immers", "juist", "nog", "al", "toen", "vooral", "echt", "iedereen", "veel", "weinig", "elke", "iedere", "ieder", "elk", "zonder", "hierdoor", "daarbij", "verder", "ook", "vroeg", "laat", "morgen", "vandaag", "gisteren", "ooit", "misschien", "anders"]
)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from importlib.resources import files

    text = files("sessions").joinpath("data/voornamen.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _bare(word: str) -> str:
    return word.strip(",.;:!?\"'„”“()").casefold()


def first_person(option: str) -> str | None:
    """The option as an ik-clause ("Je meldt het" → "ik meld het"), or None when that is not
    safe: another person is referred to, the verb is unknown, or there is no subject."""
    text = clause(option)
    words = text.split(" ")
    if len(words) < 2:
        return None
    subject = _bare(words[0])
    if subject == "ik" and words[0].isalpha():
        # "ik meldt" typed in haste: the verb in the first person.
        typed = _bare(words[1])
        if typed in FIRST_PERSON and words[1].casefold().rstrip(",.") == typed:
            words[1] = FIRST_PERSON[typed] + words[1][len(typed):]
        return "ik " + " ".join(words[1:])
    if subject not in _SUBJECTS or words[0] != words[0].strip(",.;:"):
        return None
    verb = FIRST_PERSON.get(_bare(words[1]))
    if verb is None or _bare(words[1]) != words[1].casefold().rstrip(",."):
        return None
    out = ["ik", verb + words[1][len(_bare(words[1])):]]
    rest = words[2:]
    for index, word in enumerate(rest):
        bare = _bare(word)
        if bare in _REFERRING:
            return None
        previous = _bare(rest[index - 1]) if index else ""
        if previous == "en" and bare in FIRST_PERSON and bare != "is":
            # "… en huurt zelf een bus": the second verb has the same subject.
            out.append(FIRST_PERSON[bare] + word[len(bare):])
            continue
        out.append(word)
    return " ".join(out)


def decision_clause(option: str) -> str:
    """What comes after "Mijn besluit:": an ik-clause, or the option quoted."""
    text = clause(option)
    if not text:
        return ""
    mine = first_person(text)
    if mine is not None:
        return mine
    return f"ik kies voor „{text}”"


def _strip_lead(text: str, words: tuple[str, ...]) -> tuple[str, str, bool]:
    """Split off a leading "omdat", "want", "ook al", "hoewel" the person typed themselves.

    Returns the connective (lower case, "" if none), the rest, and whether a colon or dash
    followed it ("Omdat: niemand mag …"): then the rest is a sentence of its own, in main
    clause order, and not the clause the connective would take.
    """
    for word in words:
        found = re.match(rf"{re.escape(word)}\b\s*([:;–—-]?)[\s,]*", text, re.IGNORECASE)
        if found is None:
            continue
        body = text[found.end() :].lstrip(" ,:;–—-")
        colon = bool(found.group(1))
        if word == "al" and not colon and not (body and _is_finite(body.split(" ")[0])):
            continue  # "Al het werk …": not "ook al"
        return word, body, colon
    return "", text.lstrip(" ,:;–—-"), False


def _is_finite(word: str) -> bool:
    bare = _bare(word)
    if bare in _FINITE:
        return True
    return len(bare) > 3 and bare.endswith("t") and bare not in _NOT_VERB


def _ends_in_verb(text: str) -> bool:
    """Subordinate word order: a finite verb at the end ("omdat het eerlijk is", "… mag staan")."""
    words = text.split(" ")
    if len(words) < 2:
        return False
    if _is_finite(words[-1]):
        return True
    if _bare(words[-1]) in _PLURAL and not any(_is_finite(w) for w in words[:-1]):
        return True  # "omdat de regels duidelijk zijn"
    # "… mag staan", "… wil helpen": a finite verb before an infinitive.
    return len(words) > 2 and _bare(words[-2]) in _MODALS and _bare(words[-1]).endswith("n")


def _subordinate(text: str) -> bool:
    """The verb at the end and no main clause before a comma ("het bedrag is te klein, en …")."""
    head = text.split(",")[0]
    if head != text and _main_clause(head) is not None:
        return False
    return _ends_in_verb(text)


def _has_verb(text: str) -> bool:
    return any(_is_finite(word) or _bare(word) in _PLURAL for word in text.split(" "))


def _subject_length(words: list[str]) -> int:
    """1 when the first word can be a subject on its own (a pronoun, a first name, "AVG").

    Any other capital is not taken for a name: the first word of a sentence has one too
    ("Misschien voelt Iris zich overruled" starts with an adverb, not a subject).
    """
    first = _bare(words[0])
    letters = words[0].strip(",.;:!?\"'„”“()")
    if first in _PRONOUNS or first in _first_names():
        return 1
    if len(letters) > 1 and letters.isupper() and first not in _ARTICLES:
        return 1  # "AVG", "P&O"
    if not letters[:1].isupper() or first in _SMALL or first in _ARTICLES:
        return 0
    # Another capitalised word is a name ("Hamid moet …") unless a subject follows the
    # verb: then it was a word put first ("Gisteren zei de burgemeester …").
    after = _bare(words[2]) if len(words) > 2 else ""
    if after in _PRONOUNS or after in _ARTICLES or after in _first_names():
        return 0
    return 1


def _main_clause(text: str) -> tuple[list[str], str, list[str]] | None:
    """Subject, finite verb and the rest of a simple main clause that starts with its
    subject, or None (it starts with something else, or it is not clear)."""
    words = text.split(" ")
    first = _bare(words[0])
    sizes = [1] if _subject_length(words) == 1 else []
    if first in _ARTICLES:
        sizes.append(2)
    for size in sizes:
        verb = words[size] if len(words) > size else ""
        if (_is_finite(verb) or _bare(verb) in _PLURAL) and not verb.endswith(","):
            return words[:size], words[size], words[size + 1 :]
    return None


def _simple(rest: list[str]) -> bool:
    """No second clause in the rest (a comma, "en", "maar", "dat", …): safe to reorder."""
    joined = " ".join(rest)
    return "," not in joined and not any(
        _bare(w) in {"en", "maar", "want", "dat", "die", "omdat", "als", "of", "dus"}
        for w in rest
    )


# Words that end a main clause but go before the verb at the end of a subordinate one
# ("ik geef het door" → "omdat ik het doorgeef"): not reordered.
_PARTICLES = {
    "door", "op", "aan", "af", "uit", "mee", "toe", "in", "over", "terug", "weg", "na", "bij",
    "vast", "los", "voor", "om", "neer", "langs", "binnen", "buiten", "achter",
}
_NOT_INFINITIVE = {
    "geen", "alleen", "samen", "misschien", "even", "tegen", "open", "boven", "beneden",
    "binnen", "buiten", "eigen", "heen", "meteen", "tussen", "volgens", "zeven", "negen",
    "tien", "toen", "zeker", "gewoon", "soms", "graag",
}
_AUXILIARIES = {"heb", "hebt", "heeft", "hebben", "ben", "bent", "is", "zijn", "word", "wordt",
                "worden", "was", "waren", "had", "hadden", "werd", "werden"}


def _verb_last(verb: str, rest: list[str]) -> list[str] | None:
    """The rest of a main clause with its verb moved to the end ("het kost veel tijd" →
    "het veel tijd kost"), or None when that is not safe: a second verb form, a separable
    part, or a modal whose infinitive is not last ("niemand mag twijfelen aan mij")."""
    bare = _bare(verb)
    inner = [_bare(w) for w in rest[:-1]]
    last = _bare(rest[-1]) if rest else ""
    # A word on -en inside may be a second verb ("mag twijfelen aan"); not after an article
    # ("de kosten") and not a word that is never one ("geen", "alleen", "misschien").
    verbs = [
        w for i, w in enumerate(inner)
        if w.endswith("en") and len(w) > 3 and w not in _NOT_INFINITIVE
        and not (i and inner[i - 1] in _ARTICLES | {"geen", "veel", "weinig", "alle"})
    ]
    if last in _PARTICLES or verbs:
        return None
    if bare in _AUXILIARIES and any(len(w) > 4 and w[-1] in "dt" for w in inner):
        return None  # "ik heb het beloofd aan Jan"
    if bare in _MODALS:
        if not (rest and last.endswith("n") and len(last) > 3):
            return None
        return [*rest[:-1], bare, rest[-1]]  # "omdat ik … wil blijven"
    return [*rest, bare]


def because_sentence(text: str) -> str:
    """ "Omdat het eerlijk is." from "het is eerlijk", "omdat het eerlijk is" or "want …".

    What can't be reordered safely gets "Want", which keeps the words as written.
    """
    lead, body, colon = _strip_lead(clause(text), _BECAUSE)
    if not body:
        return ""
    if colon:
        lead = ""  # "Omdat: niemand mag …": a main clause follows
    if lead == "want":
        return f"Want {_lower_first(body)}."
    if not lead and not _has_verb(body):
        return f"Vanwege {_lower_first(body)}."
    if lead or _subordinate(body):
        return f"Omdat {_lower_first(body)}."
    parts = _main_clause(body)
    if parts is not None and _simple(parts[2]):
        subject, verb, rest = parts
        ordered = _verb_last(verb, rest)
        if ordered is not None:
            words = [_lower_first(" ".join(subject)), *ordered]
            return "Omdat " + " ".join(w for w in words if w) + "."
    words = body.split(" ")
    if parts is None and len(words) > 2 and _bare(words[0]) in _PRONOUNS \
            and not _is_finite(words[1]):
        # Typed after the label "Omdat": the subject, then the rest with the verb further on
        # ("ik mijn geheimhoudingsplicht heb als boa"): the clause "Omdat" takes as it is.
        return f"Omdat {_lower_first(body)}."
    return f"Want {_lower_first(body)}."


def despite_sentence(text: str) -> str:
    """ "Ook al kost het tijd." from "het kost tijd", "ook al kost het tijd", "hoewel …".

    "Ook al" takes the verb first, then the subject; that is only done when the clause
    plainly starts with its subject ("het kost tijd", "Iris voelt zich …"). Any other
    clause ("Misschien voelt Iris zich overruled") keeps its words as written, in a sentence
    of its own: "Misschien voelt Iris zich overruled, en dat neem ik op de koop toe."
    """
    lead, body, colon = _strip_lead(clause(text), _DESPITE)
    if not body:
        return ""
    if colon:
        lead = ""  # "Ook al: het is wat extra papierwerk": a main clause follows
    if lead == "ook al" or lead == "al":
        return f"Ook al {_lower_first(body)}."
    if lead in ("hoewel", "ondanks dat") or _subordinate(body):
        return f"Hoewel {_lower_first(body)}."
    if lead == "ondanks" or not _has_verb(body):
        return f"Ondanks {_lower_first(body)}."
    parts = _main_clause(body)
    if parts is not None and _simple(parts[2]):
        subject, verb, rest = parts
        words = [_bare(verb), _lower_first(" ".join(subject)), *rest]
        return "Ook al " + " ".join(w for w in words if w) + "."
    return f"{body[:1].upper()}{body[1:]}, en dat neem ik op de koop toe."


def decision_sentence(option: str, because: str, despite: str) -> str:
    """ "Mijn besluit: ik meld het. Omdat … Ook al …", "…" where something is still missing."""
    what = decision_clause(option) or "…"
    reason = because_sentence(because) or "Omdat …"
    sentence = f"Mijn besluit: {what if what.endswith('…') else what + '.'} {reason}"
    against = despite_sentence(despite)
    return f"{sentence} {against}" if against else sentence
