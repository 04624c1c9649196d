"""What a YAML reader's complaint means (model/yaml_problems.py matches the reader's English words)."""

ENTRIES: dict[str, dict[str, str]] = {
    "yaml.p.mapping_here": {
        "en": "a ':' (key: value) is not allowed here; a missing indentation, or text with ': ' that needs quotes?",
        "nl": "een ':' (sleutel: waarde) mag hier niet staan; inspringing vergeten, of tekst met ': ' die "
        "aanhalingstekens nodig heeft?",
    },
    "yaml.p.tab": {
        "en": "a tab character: YAML indents with spaces only",
        "nl": "een tab: YAML springt alleen met spaties in",
    },
    "yaml.p.bad_char": {
        "en": "a character that cannot start a value here (put text that starts with @, ` or % in quotes)",
        "nl": "een teken waarmee hier geen waarde kan beginnen (zet tekst die met @, ` of % begint tussen "
        "aanhalingstekens)",
    },
    "yaml.p.bad_char_named": {
        "en": "the character {char} cannot start a value here (put the text in quotes)",
        "nl": "met het teken {char} kan hier geen waarde beginnen (zet de tekst tussen aanhalingstekens)",
    },
    "yaml.p.open_list": {
        "en": "a list in [ ] is not closed: expected ',' or ']'",
        "nl": "een lijst tussen [ ] is niet gesloten: verwacht ',' of ']'",
    },
    "yaml.p.open_map": {
        "en": "a mapping in {{ }} is not closed: expected ',' or '}}'",
        "nl": "een verzameling tussen {{ }} is niet gesloten: verwacht ',' of '}}'",
    },
    "yaml.p.list_indent": {
        "en": "expected the next list entry ('- ') at this indentation",
        "nl": "verwacht hier het volgende lijstelement ('- ') op deze inspringing",
    },
    "yaml.p.map_indent": {
        "en": "expected a key at this indentation: the line is indented less or more than the ones before",
        "nl": "verwacht hier een sleutel: de regel springt minder of meer in dan de regels ervoor",
    },
    "yaml.p.no_colon": {
        "en": "expected ':' after a key",
        "nl": "verwacht ':' na een sleutel",
    },
    "yaml.p.alias": {
        "en": "an alias (*name) with no anchor (&name) before it",
        "nl": "een alias (*naam) zonder anker (&naam) ervoor",
    },
    "yaml.p.alias_named": {
        "en": "an alias (*name) with no anchor (&name) before it",
        "nl": "een alias (*naam) zonder anker (&naam) ervoor",
    },
    "yaml.p.anchor": {
        "en": "the same anchor (&name) twice",
        "nl": "hetzelfde anker (&naam) twee keer",
    },
    "yaml.p.escape": {
        "en": "an unknown escape (\\) in double quotes: use single quotes for text with a backslash",
        "nl": "een onbekende escape (\\) tussen dubbele aanhalingstekens: gebruik enkele aanhalingstekens "
        "voor tekst met een backslash",
    },
    "yaml.p.open_quote": {
        "en": "a quote is opened and never closed",
        "nl": "een aanhalingsteken wordt geopend en nooit gesloten",
    },
    "yaml.p.end": {
        "en": "the file ends in the middle of a value",
        "nl": "het bestand houdt op midden in een waarde",
    },
    "yaml.p.documents": {
        "en": "more than one document (a second '---'): a rampsim file holds one",
        "nl": "meer dan één document (een tweede '---'): een rampsim-bestand bevat er één",
    },
    "yaml.p.block_indent": {
        "en": "the indentation indicator of a block text (| or >) must be 1 to 9",
        "nl": "de inspringingsaanduiding van een tekstblok (| of >) moet 1 tot 9 zijn",
    },
    "yaml.p.control_char": {
        "en": "a control character YAML does not allow (NUL or another invisible character)",
        "nl": "een stuurteken dat YAML niet toestaat (NUL of een ander onzichtbaar teken)",
    },
    "yaml.p.unhashable": {
        "en": "a key that is a list or a mapping ([...] or {{...}} before ':'): a key must be plain text",
        "nl": "een sleutel die een lijst of verzameling is ([...] of {{...}} voor ':'): een sleutel moet gewone "
        "tekst zijn",
    },
    "yaml.p.other": {
        "en": "{problem}",
        "nl": "{problem} (melding van de YAML-lezer)",
    },
}
