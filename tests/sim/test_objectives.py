"""The objective grammar: parsing, errors with their messages, evaluation and progress text."""

from __future__ import annotations

import pytest

from game.sim.objectives import (
    KNOWN_METRICS,
    All,
    ByDay,
    Compare,
    Either,
    ForDays,
    ObjectiveError,
    evaluate,
    parse,
    parse_level_objectives,
    progress,
)

KNOWN = ", ".join(sorted(KNOWN_METRICS))


# --------------------------------------------------------------------------- parsing


def test_parses_a_comparison():
    obj = parse("customers >= 40")
    assert obj.root == Compare("customers", ">=", 40.0, 1)
    assert obj.size == 0
    assert obj.metrics() == {"customers"}


@pytest.mark.parametrize("op", ["<", "<=", ">", ">=", "==", "!="])
def test_parses_every_operator(op):
    node = parse(f"leads {op} 2").root
    assert isinstance(node, Compare) and node.op == op and node.value == 2.0


def test_and_binds_tighter_than_or():
    root = parse("leads >= 2 or customers >= 40 and trust > 50").root
    assert isinstance(root, Either)
    assert isinstance(root.items[1], All)


def test_by_day_applies_to_the_whole_conjunction_before_it():
    root = parse("leads >= 2 and customers >= 40 by day 5").root
    assert isinstance(root, ByDay) and root.day == 5
    assert isinstance(root.inner, All) and len(root.inner.items) == 2


def test_for_days_stops_at_or():
    root = parse("credits < 0 for 2 days or traction >= 0.6 for 3 days").root
    assert isinstance(root, Either)
    a, b = root.items
    assert isinstance(a, ForDays) and a.days == 2 and isinstance(a.inner, Compare)
    assert isinstance(b, ForDays) and b.days == 3


def test_modifier_then_and_continues_the_conjunction():
    root = parse("traction < 45% for 7 days and events_held >= 3").root
    assert isinstance(root, All)
    assert isinstance(root.items[0], ForDays) and isinstance(root.items[1], Compare)


def test_parentheses_group_and_modifiers_on_a_group():
    root = parse("(support > 0.5 or trust >= 70) for 2 days").root
    assert isinstance(root, ForDays) and isinstance(root.inner, Either)


def test_percent_keywords_case_and_one_day():
    root = parse("TRACTION < 15% FOR 1 Day").root
    assert isinstance(root, ForDays) and root.days == 1
    assert root.inner == Compare("traction", "<", 0.15, 1)


def test_day_is_a_metric_and_a_keyword():
    root = parse("day >= 3 by day 4").root
    assert isinstance(root, ByDay) and root.inner == Compare("day", ">=", 3.0, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "custmers >= 40",
            f"objective 'custmers >= 40': at column 1: unknown metric 'custmers' (known: {KNOWN})",
        ),
        (
            "customers >= ",
            "objective 'customers >= ': at column 14: expected a number after 'customers >=', "
            "found the end of the text",
        ),
        (
            "customers 40",
            "objective 'customers 40': at column 11: expected a comparison "
            "(<, <=, >, >=, ==, !=) after 'customers', found '40'",
        ),
        (
            "customers >= 40 by 5",
            "objective 'customers >= 40 by 5': at column 20: expected 'day' after 'by' "
            "(as in 'by day 5'), found '5'",
        ),
        (
            "credits < 0 for 2 weeks",
            "objective 'credits < 0 for 2 weeks': at column 19: expected 'days' after 'for 2', "
            "found 'weeks'",
        ),
        (
            "credits < 0 for two days",
            "objective 'credits < 0 for two days': at column 17: expected a number of days "
            "after 'for', found 'two'",
        ),
        (
            "(leads >= 2",
            "objective '(leads >= 2': at column 12: expected ')' to close the '(' at column 1, "
            "found the end of the text",
        ),
        (
            "leads >= 2 )",
            "objective 'leads >= 2 )': at column 12: expected 'and', 'or', 'for', 'by' or the "
            "end of the objective, found ')'",
        ),
        (
            "and leads >= 2",
            "objective 'and leads >= 2': at column 1: expected a metric name or '(', found 'and'",
        ),
        (
            "traction >= 60",
            "objective 'traction >= 60': at column 13: traction is a share from 0 to 1: "
            "write 0.6 or 60%, not 60",
        ),
        (
            "leads >= 2 & trust > 1",
            "objective 'leads >= 2 & trust > 1': at column 12: unexpected character '&'",
        ),
        (
            "leads >= 2 by day 0",
            "objective 'leads >= 2 by day 0': at column 19: 0 days is out of range (1 to 10000)",
        ),
        (
            "leads >= 2 for 1.5 days",
            "objective 'leads >= 2 for 1.5 days': at column 16: expected a number of days after "
            "'for', found '1.5'",
        ),
    ],
)
def test_parse_errors_name_the_column_and_what_was_expected(text, message):
    with pytest.raises(ObjectiveError) as err:
        parse(text)
    assert str(err.value) == message


def test_empty_long_deep_and_non_text_objectives_are_refused():
    with pytest.raises(ObjectiveError, match="objective is empty"):
        parse("   ")
    with pytest.raises(ObjectiveError, match="characters long"):
        parse("leads >= 1 and " * 200 + "leads >= 1")
    with pytest.raises(ObjectiveError, match="nested deeper than 32"):
        parse("(" * 40 + "leads >= 1" + ")" * 40)
    with pytest.raises(ObjectiveError, match="must be text, got int"):
        parse(5)  # type: ignore[arg-type]


def test_objective_error_is_a_value_error():
    assert issubclass(ObjectiveError, ValueError)


def test_parse_level_objectives_collects_errors_by_key():
    pair = parse_level_objectives("leads >= 2", "credits < 0 for 2 fortnights")
    assert pair.win is not None and pair.lose is None
    assert pair.errors == [
        "lose: objective 'credits < 0 for 2 fortnights': at column 19: expected 'days' after "
        "'for 2', found 'fortnights'"
    ]
    assert parse_level_objectives(None, "").errors == []


# --------------------------------------------------------------------------- evaluation


def _check(text, values, day=1, day_end=False, state=None):
    obj = parse(text)
    st = state if state is not None else obj.new_state()
    return evaluate(obj, st, values, day, day_end), st


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("customers >= 40", 40, True),
        ("customers >= 40", 39, False),
        ("customers > 40", 41, True),
        ("customers > 40", 40, False),
        ("customers < 40", 39, True),
        ("customers < 40", 40, False),
        ("customers <= 40", 40, True),
        ("customers <= 40", 41, False),
        ("customers == 40", 40, True),
        ("customers == 40", 41, False),
        ("customers != 40", 41, True),
        ("customers != 40", 40, False),
    ],
)
def test_comparisons(text, value, expected):
    verdict, _ = _check(text, {"customers": value})
    assert verdict.met is expected and verdict.failed is False


def test_missing_metric_value_is_never_met():
    verdict, _ = _check("customers != 40", {})
    assert verdict.met is False


def test_and_or_true_and_false():
    assert _check("leads >= 2 and trust > 50", {"leads": 2, "trust": 51})[0].met
    assert not _check("leads >= 2 and trust > 50", {"leads": 2, "trust": 50})[0].met
    assert _check("leads >= 2 or trust > 50", {"leads": 1, "trust": 51})[0].met
    assert not _check("leads >= 2 or trust > 50", {"leads": 1, "trust": 50})[0].met
    assert _check("(leads >= 2 or trust > 50) and day >= 2", {"leads": 2, "trust": 0, "day": 2})[
        0
    ].met


def test_for_days_counts_day_ends_in_a_row():
    obj = parse("credits < 0 for 2 days")
    st = obj.new_state()
    neg, pos = {"credits": -5}, {"credits": 5}
    assert not evaluate(obj, st, neg, 1, day_end=False).met  # during the day: no streak yet
    assert not evaluate(obj, st, neg, 1, day_end=True).met  # one night in debt
    assert st == [1]
    assert not evaluate(obj, st, pos, 2, day_end=True).met  # back in the black: streak resets
    assert st == [0]
    assert not evaluate(obj, st, neg, 3, day_end=True).met
    assert evaluate(obj, st, neg, 4, day_end=True).met  # two nights in a row
    assert evaluate(obj, st, neg, 5, day_end=False).met  # holds between nights


def test_by_day_latches_and_fails_after_the_deadline():
    obj = parse("customers >= 40 by day 5")
    st = obj.new_state()
    v = evaluate(obj, st, {"customers": 10}, 3)
    assert (v.met, v.failed) == (False, False)
    assert evaluate(obj, st, {"customers": 40}, 5).met
    assert evaluate(obj, st, {"customers": 0}, 9).met  # latched: stays met

    st = obj.new_state()
    v = evaluate(obj, st, {"customers": 39}, 5, day_end=True)
    assert (v.met, v.failed) == (False, True)  # day 5 ended without it
    v = evaluate(obj, st, {"customers": 99}, 6)
    assert (v.met, v.failed) == (False, True)  # too late


def test_failed_propagates_through_and_but_or_needs_every_branch():
    obj = parse("customers >= 40 by day 2 or leads >= 3")
    st = obj.new_state()
    v = evaluate(obj, st, {"customers": 0, "leads": 1}, 3)
    assert (v.met, v.failed) == (False, False)
    obj = parse("customers >= 40 by day 2 and leads >= 3")
    v = evaluate(obj, obj.new_state(), {"customers": 0, "leads": 1}, 3)
    assert (v.met, v.failed) == (False, True)


def test_state_length_is_checked():
    obj = parse("leads > 1 for 2 days")
    with pytest.raises(ValueError, match="objective state has 0 slots, expected 1"):
        evaluate(obj, [], {}, 1)


# --------------------------------------------------------------------------- progress


def test_progress_text_for_a_deadline():
    obj = parse("customers >= 40 by day 5")
    p = progress(obj, obj.new_state(), {"customers": 23}, 3)
    assert p.text == "customers 23/40 · day 3 of 5"
    assert (p.met, p.failed) == (False, False)


def test_progress_text_for_streaks_shares_credits_and_groups():
    obj = parse("traction < 45% for 3 days and (credits >= 1000 or leads > 2)")
    st = [2]
    p = progress(obj, st, {"traction": 0.381, "credits": 250, "leads": 1}, 4)
    assert p.text == (
        "traction 38% (needs < 45%) · 2 of 3 days and (credits 250/1,000 cr or leads 1/>2)"
    )
    assert st == [2]  # progress never changes the state
    assert not p.met


def test_progress_of_a_grouped_deadline_and_pretty_operators():
    obj = parse("leads >= 2 and customers >= 40 by day 5")
    p = progress(obj, obj.new_state(), {"leads": 1, "customers": 12}, 2)
    assert p.text == "leads 1/2 and customers 12/40 · day 2 of 5"
    obj = parse("trust >= 70 or (momentum <= 20 and traction != 0)")
    p = progress(obj, obj.new_state(), {"trust": 55, "momentum": 30, "traction": 0.1}, 2)
    assert (
        p.text
        == "trust 55 (needs >= 70) or (momentum 30 (needs <= 20) and traction 10% (needs != 0%))"
    )


def test_progress_after_a_missed_deadline_says_it_passed():
    obj = parse("customers >= 40 by day 5")
    p = progress(obj, obj.new_state(), {"customers": 23}, 5)
    assert p.text == "customers 23/40 · day 5 of 5"
    p = progress(obj, obj.new_state(), {"customers": 23}, 6)
    assert p.text == "customers 23/40 · deadline day 5 passed"
    assert p.failed and not p.met


def test_progress_text_is_plain_for_the_ui_font():
    """No symbol the UI font (NotoSans as pygame_gui ships it) cannot draw."""
    obj = parse("trust >= 70 and momentum <= 20 and traction != 0 or leads >= 2 by day 2")
    for day in (1, 3):
        text = progress(obj, obj.new_state(), {"trust": 5, "momentum": 9, "traction": 0.1}, day)
        assert not set(text.text) & set("≥≤≠✓⚠"), text.text


def test_progress_marks_a_met_deadline_done():
    obj = parse("leads >= 2 by day 5")
    p = progress(obj, [1], {"leads": 2}, 7)
    assert p.text == "leads 2/2 · done by day 5" and p.met
