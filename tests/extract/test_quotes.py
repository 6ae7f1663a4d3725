def test_named_speaker_with_affiliation(code_text):
    out = code_text('"We will not leave," said Rami Abdulrahman, director of the Syrian Observatory for '
                    'Human Rights, on Monday.')
    [q] = out["quotes"]
    assert q["speaker"] == "Rami Abdulrahman" and q["anonymous"] is False
    assert q["affiliation"] == "Syrian Observatory for Human Rights"
    assert out["quotes"][0]["quote"] == "We will not leave,"


def test_anonymous_official(code_text):
    out = code_text('"The army is retreating from the north," said an official, who spoke on condition of '
                    'anonymity.')
    [q] = out["quotes"]
    assert q["anonymous"] is True


def test_scare_quotes_are_not_quotes(code_text):
    out = code_text('The commander urged "every air force" to strike the convoys.')
    assert out["quotes"] == []
