"""The model's attribute rules, applied by dictionary look-up.

en_core_web_sm's ``attribute_ruler`` maps each fine tag to its coarse part of speech
and features, and fixes a few words ("gonna", "ain't"). spaCy runs its 179 rules
through the general token Matcher, which tests every rule's predicates at every
token: a sixth of the whole parse on short news notes, as much as the parser itself.
Every rule here tests one or two tokens by their tag, lower-case form, dependency or
whitespace, so this component finds the same matches by looking each token up under
its lower-case form, tag, dependency and whitespace flag (each rule filed under what
its first token must have), and applies them in spaCy's own order (by rule, then by
position: a later rule overrides an earlier one). It is built from the loaded
model's own rules and sets the same attributes with spaCy's own setter; a rule of a
kind it cannot index makes it refuse to build, so a new model cannot be misread in
silence.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "sitrep_attribute_rules"
# the token attributes the rules test, in the order ``_values`` reads them
_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")

TokenTest = Callable[[tuple], bool]


class UnsupportedRule(ValueError):
    """An attribute rule uses a pattern this component does not implement."""


def _value_test(position: int, value: Any) -> TokenTest:
    if isinstance(value, bool):
        return lambda values: values[position] is value
    if isinstance(value, str):
        return lambda values: values[position] == value
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator == "IN":
            members = frozenset(operand)
            return lambda values: values[position] in members
        if operator == "NOT_IN":
            members = frozenset(operand)
            return lambda values: values[position] not in members
        if operator == "REGEX":
            # the Matcher searches, it does not match from the start
            pattern = re.compile(operand)
            return lambda values: pattern.search(values[position]) is not None
    raise UnsupportedRule(f"attribute rule value {value!r}")


def _token_test(spec: dict) -> TokenTest:
    tests = []
    for attribute, value in spec.items():
        if attribute not in _ATTRIBUTES:
            raise UnsupportedRule(f"attribute rule on {attribute!r}")
        tests.append(_value_test(_ATTRIBUTES.index(attribute), value))
    return lambda values: all(test(values) for test in tests)


class IndexedAttributeRules:
    """A drop-in for spaCy's AttributeRuler holding the rules of another one."""

    def __init__(self) -> None:
        # each pattern as (rule number, token tests), filed under the lower-case forms,
        # else the tags, the dependencies or the whitespace flag its first token must
        # have, if it names any
        self._by_lower: dict[str, list] = {}
        self._by_tag: dict[str, list] = {}
        self._by_dep: dict[str, list] = {}
        self._by_space: dict[bool, list] = {}
        self._anywhere: list = []
        # rule number -> (the attributes it sets, the index in the match of the token they go to)
        self._actions: dict[int, tuple[dict, int]] = {}

    def copy_rules(self, ruler) -> None:
        """Take every rule of ``ruler`` (a spaCy AttributeRuler), in its order."""
        for number, (rule, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            for pattern in rule["patterns"]:
                if not pattern or any(not isinstance(spec, dict) or "OP" in spec for spec in pattern):
                    raise UnsupportedRule(f"attribute rule pattern {pattern!r}")
                entry = (number, tuple(_token_test(spec) for spec in pattern))
                for attribute, index_of in (("LOWER", self._by_lower), ("TAG", self._by_tag), ("DEP", self._by_dep),
                                            ("IS_SPACE", self._by_space)):
                    keys = _index_keys(pattern[0].get(attribute))
                    if keys:
                        for key in keys:
                            index_of.setdefault(key, []).append(entry)
                        break
                else:
                    self._anywhere.append(entry)
            self._actions[number] = (attrs, index)

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """(rule number, start, end) of every match, in the order spaCy applies them."""
        values = _values(doc)
        found = set()
        for start, own in enumerate(values):
            for entry in (*self._by_tag.get(own[0], ()), *self._by_lower.get(own[1], ()),
                          *self._by_dep.get(own[2], ()), *self._by_space.get(own[3], ()), *self._anywhere):
                number, tests = entry
                end = start + len(tests)
                if end <= len(values) and all(test(values[start + k]) for k, test in enumerate(tests)):
                    found.add((number, start, end))
        return sorted(found)

    def __call__(self, doc):
        for number, start, end in self.matches(doc):
            attrs, index = self._actions[number]
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs)
        return doc


def _index_keys(value: Any) -> tuple:
    """The values a token must have, when a rule names them: one, or an IN list."""
    if isinstance(value, (str, bool)):
        return (value,)
    if isinstance(value, dict) and set(value) == {"IN"}:
        return tuple(value["IN"])
    return ()


def _values(doc) -> Sequence[tuple]:
    return [(tok.tag_, tok.lower_, tok.dep_, tok.is_space) for tok in doc]


@Language.factory(FACTORY)
def make_indexed_attribute_rules(nlp: Language, name: str) -> IndexedAttributeRules:
    return IndexedAttributeRules()


def index_attribute_rules(nlp: Language) -> None:
    """Replace the model's attribute ruler by the same rules, indexed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, IndexedAttributeRules):
        return
    IndexedAttributeRules().copy_rules(ruler)     # raises before the pipeline is touched
    nlp.replace_pipe("attribute_ruler", FACTORY)
    nlp.get_pipe("attribute_ruler").copy_rules(ruler)
