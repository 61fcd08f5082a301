"""The commented starter deck that `integer-spel decks new` writes."""

from __future__ import annotations

import os
import re
from pathlib import Path

_TEMPLATE = """\
# yaml-language-server: $schema=deck.schema.json
# Een nieuw deck voor het Huizen Integer-spel.
#
# De eerste regel is voor VS Code met de YAML-extensie (van Red Hat): die kent dan elke
# sleutel en waarschuwt al tijdens het typen. Maak het schema eenmalig in deze map met:
#
#     integer-spel decks schema > deck.schema.json
#
# Zonder editor kan het ook: de regel doet dan niets.
#
# Dit bestand is YAML: elke regel is 'sleutel: waarde', en inspringen (met spaties,
# nooit met tabs) laat zien wat bij wat hoort. Tekst achter een # is uitleg en telt niet mee.
# Laat de sleutels (de Engelse woorden voor de dubbele punt) staan; verander de waarden.
# Controleer het deck na elke wijziging met:
#
#     integer-spel decks check {path}
#
# Zet het bestand daarna in de map voor eigen decks (waar die staat, zegt
# 'integer-spel config path'), of start met --decks MAP. Een deck met dezelfde id als een ingebouwd deck vervangt dat deck.

deck:
  id: {deck_id}                # kleine letters, cijfers en '-'; uniek per deck
  title: Mijn eigen deck       # hoogstens 80 tekens
  version: "1"                 # verhoog bij elke nieuwe versie, bijvoorbeeld "2026.2"
  language: nl
  description: >-
    Dilemma's voor ons eigen team. Vertel hier in een paar zinnen waar het deck over gaat.

# Zet je in een nieuwe versie de opties van een kaart in een andere volgorde, schrijf dan
# hier welke sleutel van toen welke sleutel nu is: het rapport telt de stemmen van sessies
# met de oudere versie dan mee onder de sleutels van nu. Per oudere versie en per dilemma-id
# een verwisseling (elke sleutel één keer links en één keer rechts), of 'vervangen' als de
# opties iets anders zijn gaan betekenen (dan tellen de oude stemmen niet meer mee):
#
# renamed_keys:
#   "1":
#     lunch-leverancier: {{A: B, B: A}}
#     kaartje-bij-de-bloemist: vervangen

# De thema's van het deck. Elk dilemma hoort bij één thema.
themes:
  - id: geschenken             # kleine letters, cijfers en '-'
    title: Geschenken en uitnodigingen
  - id: omgangsvormen
    title: Omgangsvormen

# De dilemma's (de kaartjes).
dilemmas:
  # Een dilemma met keuzes: 2 tot 5 opties met de sleutels A tot en met E.
  - id: lunch-leverancier      # uniek in dit deck
    theme: geschenken          # moet een thema hierboven zijn
    title: Lunch met een leverancier    # hoogstens 80 tekens
    situation: |               # de tekst van het kaartje, hoogstens 900 tekens
      Een leverancier met wie je vaak werkt, nodigt je uit voor een lunch.
      Er loopt op dit moment geen aanbesteding.
    question: Wat doe je?      # hoogstens 200 tekens
    answer:
      kind: choice
      options:                 # elke optie hoogstens 200 tekens, onder elkaar
        - key: A
          text: Ik ga mee en betaal zelf.
        - key: B
          text: Ik ga mee en laat de leverancier betalen.
        - key: C
          text: Ik zeg vriendelijk nee.
    prompts:                   # vragen voor het gesprek (mag je weglaten)
      - Maakt het uit wie er betaalt?
    variations:                # "Maar wat als…?": zo zie je waar de keuze kantelt
      - Maar wat als er volgende maand een aanbesteding begint?
    guidance: |                # wat de gedragscode zegt; pas zichtbaar als je erom vraagt
      Wees terughoudend met uitnodigingen van partijen waarmee je zakelijk te maken hebt.
      Bespreek het vooraf met je leidinggevende.
    references:                # waar het staat (mag je weglaten)
      - Gedragscode — geschenken en uitnodigingen
    audience: [team, nieuw]    # voor wie: team, nieuw, raad, leidinggevenden

  # Een dilemma met een schaal: 'points' (2 tot 10) en de woorden bij beide uitersten.
  - id: grap-in-de-app
    theme: omgangsvormen
    title: Een grap in de teamapp
    situation: |
      In de groepsapp van je team plaatst een collega een grap over een andere collega.
      Een paar mensen reageren met lachende gezichtjes.
    question: Hoe erg vind je dit?
    answer: {{kind: scale, points: 5, low: Niet erg, high: Heel erg}}
    guidance: |
      Iedereen moet zich veilig voelen op het werk, ook in de groepsapp.
      Spreek de collega aan of praat erover met de vertrouwenspersoon.
    audience: [team]

  # Een open vraag: geen stemming, alleen gesprek.
  - id: wat-is-integer
    theme: omgangsvormen
    title: Wat betekent integer voor jou?
    situation: |
      Een nieuwe collega vraagt je wat 'integer werken' in jouw werk betekent.
    question: Wat vertel je?
    answer: {{kind: open}}
    guidance: |
      Integer werken is eerlijk, zorgvuldig en betrouwbaar werken, ook als niemand meekijkt.
    audience: [nieuw]
"""


def starter_deck(path: Path) -> str:
    """The starter deck's text, with an id made from the file name."""
    deck_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "mijn-deck"
    return _TEMPLATE.format(deck_id=deck_id, path=path)


def write_starter_deck(path: Path) -> None:
    """Write the starter deck to a new file.

    Raises:
        FileExistsError: the file exists already; it is left as it is.
        StarterNameError: the file name is not valid UTF-8 (nothing is written).

    The file is created readable for the user only (0600, whatever the umask), and is
    written completely or not at all: no empty file is left after a failure.
    """
    try:
        data = starter_deck(path).encode("utf-8")
    except UnicodeEncodeError:
        raise StarterNameError("de bestandsnaam bevat tekens die geen UTF-8 zijn; kies een naam "
                               "met gewone letters, cijfers en '-'") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        fchmod = getattr(os, "fchmod", None)  # POSIX only
        if fchmod is not None:
            fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


class StarterNameError(ValueError):
    """The starter deck's file name cannot be written into it (not UTF-8)."""
