title: Wechselstube
language: de
var euro = 3500

## schalter
Sie haben {euro as EUR} oder {euro * 1000 as number} Cent; die Gebühr: {0 - 25 as EUR}.
Ein Zimmer in Bangkok: {euro * 12 as THB}. In Worten: {3 as words}.
* Weiter -> ende

## ende
ending: safety
~ euro = euro - 3500
Noch {euro as USD}.
