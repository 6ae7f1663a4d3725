"""The dependency distance that picks an event's time expression."""
from sitrep.extract.dating import tree_distance


def test_a_path_through_the_sentence_root_counts_its_real_arcs(parse):
    doc = parse("On Friday, fighters attacked the town and seized the airport.")
    words = {t.text: t for t in doc}
    attacked, seized, friday = words["attacked"], words["seized"], words["Friday"]
    assert attacked.head.i == attacked.i                       # the root
    assert tree_distance(friday, attacked) == 2                 # Friday <- On <- attacked
    assert tree_distance(seized, friday) == 3                   # seized -> attacked -> On -> Friday


def test_distance_is_symmetric_and_zero_to_itself(parse):
    doc = parse("Police arrested two men in Kismayo on Tuesday.")
    a, b = doc[1], doc[7]
    assert tree_distance(a, b) == tree_distance(b, a)
    assert tree_distance(a, a) == 0
