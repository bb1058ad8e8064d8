"""The reporting-verb lexicon (lib/lexicons/reporting_verbs.yaml), inflected once.

The model runs without its lemmatizer (lib/text/nlp.py), so verbs are matched by surface form:
the YAML lists base forms and this module generates the regular inflections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lib import LEXICONS, read_yaml

LEXICON = LEXICONS / "reporting_verbs.yaml"
VOWELS = "aeiou"


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]  # inflected forms, lower-case
    belief: frozenset[str]
    evidence: frozenset[str]
    source_phrases: tuple[str, ...]
    post_handle_pattern: str
    role_nouns: frozenset[str]
    role_synonyms: dict[str, tuple[str, ...]]
    acts: frozenset[str] = frozenset()  # speech acts whose object or to-clause is the content
    statement_acts: frozenset[str] = frozenset()  # acts done by speaking: their contents are statements
    nouns: frozenset[str] = frozenset()  # nouns of saying, singular and plural ("claim(s) that")
    hearer_object: frozenset[str] = frozenset()  # "urged the council": the object is the hearer
    colon_labels: frozenset[str] = frozenset()  # "Correction:", "Update:": no speaker before the colon
    link_labels: frozenset[str] = frozenset()  # "READ MORE:", "WATCH:": a link's title follows
    prep_acts: dict[str, frozenset[str]] = field(default_factory=dict)  # "pointed" -> {"to"}
    role_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "head of state" -> president
    # gender cues for pronoun agreement: honorifics and first names, "male"/"female" -> words
    honorifics: dict[str, frozenset[str]] = field(default_factory=dict)
    first_names: dict[str, frozenset[str]] = field(default_factory=dict)
    directives: frozenset[str] = frozenset()  # "urged X to act": the object or to-clause is content
    organisation_nouns: frozenset[str] = frozenset()  # "the company": an organisation named before
    document_nouns: frozenset[str] = frozenset()  # "a study by X": X, the author, speaks
    issued_nouns: frozenset[str] = frozenset()  # "a statement": issued by who just spoke
    # document noun -> its kind ("suit" -> "lawsuit"): nouns of one kind refer to one document
    document_kinds: dict[str, str] = field(default_factory=dict)
    document_generic: frozenset[str] = frozenset()  # "the document": a document of any kind
    title_abbreviations: frozenset[str] = frozenset()  # "Sgt.", "Cpl.": a name follows
    # role noun -> the abbreviations of it written before a name, with and without the full stop
    # ("governor" -> "gov", "gov.")
    role_abbreviations: dict[str, frozenset[str]] = field(default_factory=dict)
    role_ranks: frozenset[str] = frozenset()  # "lt", "vice", "former": another office than the role


def _third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def _past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        return base[:-1] + "ied"
    return base + "ed"


def _gerund(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    return base + "ing"


def inflect(base: str, irregular: dict[str, list[str]]) -> set[str]:
    """The base form, its regular inflections and any irregular forms listed for it."""
    return {base, _third_person(base), _past(base), _gerund(base), *irregular.get(base, [])}


def _forms(bases: list[str], irregular: dict[str, list[str]]) -> frozenset[str]:
    return frozenset(f for b in bases for f in inflect(b.lower(), irregular))


@lru_cache(maxsize=4)
def load_cues(path: Path = LEXICON) -> CueLexicon:
    raw: dict[str, Any] = read_yaml(path)
    irregular: dict[str, list[str]] = raw.get("irregular") or {}
    return CueLexicon(
        speech=_forms(raw["speech"], irregular),
        belief=_forms(raw.get("belief") or [], irregular),
        evidence=_forms(raw.get("evidence") or [], irregular),
        source_phrases=tuple(raw.get("source_phrases") or ()),
        post_handle_pattern=str(raw.get("post_handle_pattern") or r"\(@\w+\)"),
        role_nouns=frozenset(raw.get("role_nouns") or ()),
        organisation_nouns=frozenset(raw.get("organisation_nouns") or ()),
        document_nouns=frozenset(raw.get("document_nouns") or ()),
        issued_nouns=frozenset(raw.get("issued_nouns") or ()),
        document_kinds={
            str(n).lower(): kind for kind, nouns in (raw.get("document_kinds") or {}).items() for n in nouns
        },
        document_generic=frozenset(str(w).lower() for w in raw.get("document_generic") or ()),
        title_abbreviations=frozenset(str(w).lower() for w in raw.get("title_abbreviations") or ()),
        directives=_forms(raw.get("directives") or [], irregular),
        role_synonyms={k: tuple(v) for k, v in (raw.get("role_synonyms") or {}).items()},
        role_phrases={k.lower(): tuple(v) for k, v in (raw.get("role_phrases") or {}).items()},
        role_ranks=frozenset(str(w).lower().rstrip(".") for w in raw.get("role_ranks") or ()),
        role_abbreviations={
            str(role).lower(): frozenset(f for a in short for f in (str(a).lower(), f"{str(a).lower()}."))
            for role, short in (raw.get("role_abbreviations") or {}).items()
        },
        acts=_forms(raw.get("acts") or [], irregular),
        statement_acts=_forms(raw.get("statement_acts") or [], irregular),
        hearer_object=_forms(raw.get("hearer_object") or [], irregular),
        colon_labels=frozenset(str(w).lower() for w in raw.get("colon_labels") or ()),
        link_labels=frozenset(str(w).lower() for w in raw.get("link_labels") or ()),
        prep_acts=_prep_acts(raw.get("prep_acts") or {}, irregular),
        honorifics=_word_sets(raw.get("honorifics") or {}),
        first_names=_word_sets(raw.get("first_names") or {}),
        nouns=frozenset(f for n in raw.get("nouns") or [] for f in _plural(n)),
    )


def _prep_acts(raw: dict[str, list[str]], irregular: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Every inflected form of each verb, with the prepositions that introduce its content."""
    return {f: frozenset(p) for base, p in raw.items() for f in inflect(base.lower(), irregular)}


def _plural(noun: str) -> tuple[str, str]:
    return noun.lower(), _third_person(noun.lower())


def _word_sets(raw: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


@lru_cache(maxsize=1)
def first_name_sex(name: str) -> str:
    """ "m" or "f" for a full name whose first word one gendered list of first names holds
    (lib/lexicons/reporting_verbs.yaml ``first_names``), else ""."""
    first, _, rest = name.partition(" ")
    sexes = [sex for sex, names in load_cues().first_names.items() if first.lower() in names]
    return {"male": "m", "female": "f"}.get(sexes[0], "") if len(sexes) == 1 and rest else ""


@lru_cache(maxsize=2)
def load_titles(path: str = "") -> tuple[dict[str, str], dict[str, str]]:
    """The titles lexicon (lib/lexicons/titles.yaml): title word -> office, body noun -> office."""
    data = read_yaml(Path(path) if path else LEXICONS / "titles.yaml") or {}
    words = {
        str(w).lower(): str(office) for office, ws in (data.get("titles") or {}).items() for w in ws or []
    }
    bodies = {str(n).lower(): str(office) for n, office in (data.get("bodies") or {}).items()}
    return words, bodies


def person_titles() -> frozenset[str]:
    """Words written before a person's name: titles of office (lib/lexicons/titles.yaml) and
    honorifics (lib/lexicons/reporting_verbs.yaml), lower case, without a final "."."""
    titles = read_yaml(LEXICONS / "titles.yaml") or {}
    words = {str(w) for ws in (titles.get("titles") or {}).values() for w in ws or []}
    honorifics = load_cues().honorifics
    words |= {str(w) for ws in honorifics.values() for w in ws}
    return frozenset(w.lower().rstrip(".").split()[-1] for w in words if w.strip())
