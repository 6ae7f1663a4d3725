"""Transliterated spellings of one name share a key; the index finds them in text."""
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.nlp.actor_ruler import ActorRuler
from sitrep.nlp.transliterations import MIN_KEY_LENGTH, TransliterationIndex, transliteration_key


def test_spellings_of_one_name_share_a_key():
    spellings = ["Saraya Awliya al-Dam", "Saraya Awliya ad-Damm", "SARAYA AWLIYA AL-DAM", "Sarāyā Awliyāʾ al-Dam",
                 "Saraya Awliyah el Dam"]
    assert len({transliteration_key(s) for s in spellings}) == 1


def test_different_names_keep_different_keys():
    assert transliteration_key("Saraya Awliya al-Dam") != transliteration_key("Saraya al-Mukhtar")
    assert transliteration_key("Jaish al-Adl") != transliteration_key("Jaish al-Islam")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzAEIOU'-", min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=5))
def test_a_key_is_its_own_key(words):
    key = transliteration_key(" ".join(words))
    assert transliteration_key(key) == key
    assert key == "" or key.isalpha() and key.islower()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="bcdfgkmnrstz", min_size=2, max_size=6), min_size=2, max_size=4),
       st.sampled_from([" ", "-", " al-", " ash-", " al "]))
def test_separators_and_the_article_do_not_change_the_key(words, joiner):
    assert transliteration_key(joiner.join(words)) == transliteration_key(" ".join(words))


def test_a_shared_key_names_neither_entry_and_a_short_one_is_not_kept():
    index = TransliterationIndex()
    index.add("Liwa al-Fatemiyoun", ("ORG", "one"))
    index.add("Liwa Fatemiyun", ("ORG", "two"))
    index.add("Al-Nour", ("ORG", "short"))
    assert index.get("Liwa el Fatemiyoun") is None
    assert len(transliteration_key("Al-Nour")) < MIN_KEY_LENGTH and index.get("Al-Nour") is None


def test_the_actor_ruler_finds_a_spelling_no_pattern_has():
    nlp = spacy.blank("en")
    ruler = ActorRuler(nlp)
    ruler.add_patterns([{"label": "ORG", "pattern": "Saraya Awliya al-Dam", "id": "awliya_dam"}])
    doc = ruler(nlp.make_doc("Fighters of Saraya Awliyah ad-Damm attacked a checkpoint."))
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Saraya Awliyah ad-Damm", "awliya_dam")]
    # a written alias still wins, and a plain sentence gets nothing
    assert [e.ent_id_ for e in ruler(nlp.make_doc("Saraya Awliya al-Dam said so.")).ents] == ["awliya_dam"]
    assert list(ruler(nlp.make_doc("The Saraya family sold its farm in Dam.")).ents) == []
