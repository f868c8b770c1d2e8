"""The studio: customers picked from the crowd, queue, chairs, payment, incidents, pricing,
pickets, bankruptcy and closing at night. Each test builds the sample world and calls the
studio's systems directly (the crowd does not run)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game.sim import crowd as cc
from game.sim.commands import BuildUpgrade, BuyChair, SetService
from game.sim.entities import director, floor, lead, record
from game.sim.objectives import KNOWN_METRICS
from game.sim.systems import accounts, studio
from game.sim.systems.metrics import sample
from tests.sim.gameplay_support import arrive, at, jump, out_and_about, world


def _with(balance, section, **values):
    return dataclasses.replace(
        balance, **{section: dataclasses.replace(getattr(balance, section), **values)}
    )


def _sent_over(sim, ticks):
    """Run the picking for `ticks` minutes, sending walkers back each minute; count the sent."""
    c = sim.crowd
    for t in range(ticks):
        jump(sim, at(1, 10) + t)
        studio.pick(sim)
        c.state[: c.n][c.state[: c.n] == cc.TO_STUDIO] = cc.AT_DAY
    return floor(sim).sent


def test_willing_citizens_who_can_pay_are_sent_to_the_studio(sample_level, balance):
    sim = world(sample_level, _with(balance, "studio", visit_rate=0.2))
    out_and_about(sim, opinion=0.9)
    jump(sim, at(1, 10))
    studio.pick(sim)
    sent = np.nonzero(sim.crowd.state[: sim.crowd.n] == cc.TO_STUDIO)[0]
    assert len(sent) == floor(sim).sent > 0
    sim.close()


def test_unwilling_or_customized_citizens_are_never_sent(sample_level, balance):
    sim = world(sample_level, _with(balance, "studio", visit_rate=1.0))
    out_and_about(sim, opinion=0.1)  # below the customer threshold
    assert _sent_over(sim, 30) == 0
    out_and_about(sim, opinion=0.9)
    sim.crowd.customized[: sim.crowd.n] = True
    assert _sent_over(sim, 30) == 0
    sim.close()


def test_the_studio_picks_nobody_before_it_opens(sample_level, balance):
    sim = world(sample_level, _with(balance, "studio", visit_rate=1.0))
    out_and_about(sim, opinion=0.9)
    jump(sim, at(1, 7))
    studio.pick(sim)
    assert floor(sim).sent == 0
    sim.close()


def test_affordability_depends_on_income_and_pricing_policy(sample_level, balance):
    sim = world(sample_level, balance)
    out_and_about(sim, opinion=0.9, income=0)  # low income: budget 140, Chrome Inlay 160
    s = sim.studio()
    assert studio.price_for(sim, s, "chrome_inlay", 0) == 160
    assert len(studio.candidates(sim, s)) == 0
    s.pricing_policy = "sliding_scale"  # 160 x 0.55 = 88 for low incomes, x 1.25 for high
    assert studio.price_for(sim, s, "chrome_inlay", 0) == 88
    assert studio.price_for(sim, s, "chrome_inlay", 2) == 200
    assert len(studio.candidates(sim, s)) == sim.crowd.n
    out_and_about(sim, opinion=0.9, income=1)  # middle income: budget 400
    s.pricing_policy = "premium"  # 160 x 1.35 = 216, 300 x 1.35 = 405
    assert studio.price_for(sim, s, "chrome_inlay", 1) == 216
    assert len(studio.candidates(sim, s)) == sim.crowd.n
    assert sim.apply(SetService("chrome_inlay", False)) is None  # only the enamel at 405 left
    assert len(studio.candidates(sim, s)) == 0
    sim.close()


def test_a_picket_lowers_the_customers_sent(sample_level, balance):
    bal = _with(balance, "studio", visit_rate=0.05)
    calm = world(sample_level, bal, seed=4)
    out_and_about(calm, opinion=0.9)
    normal = _sent_over(calm, 300)
    calm.close()
    picketed = world(sample_level, bal, seed=4)
    out_and_about(picketed, opinion=0.9)
    director(picketed).picket = True
    fewer = _sent_over(picketed, 300)
    picketed.close()
    assert normal > 50
    assert fewer < 0.6 * normal


def test_a_full_queue_turns_customers_away(sample_level, balance):
    sim = world(sample_level, balance)
    jump(sim, at(1, 10))
    arrive(sim, 10)
    rep = sim.studio().reputation
    sim.messages = []
    studio.serve(sim)
    fl = floor(sim)
    assert fl.turned_away == 4  # room for 6 in the queue
    assert len(fl.queue) == 4 and sum(u >= 0 for u in fl.chair_uid) == 2  # 2 seated at once
    assert sim.studio().reputation == pytest.approx(rep - 4 * balance.studio.turned_away_reputation)
    assert [m.text for m in sim.messages if m.kind == "turned_away"] == [
        "4 customer(s) turned away: the queue is full"
    ]
    assert np.count_nonzero(sim.crowd.state[:10] == cc.TO_HOME) == 4
    assert np.count_nonzero(sim.crowd.state[:10] == cc.IN_STUDIO) == 6
    sim.close()


def test_a_served_customer_pays_and_leaves_customized(sample_level, balance):
    sim = world(sample_level, balance)
    jump(sim, at(1, 10))
    (uid,) = arrive(sim, 1)
    credits, trust = sim.studio().credits, sim.studio().trust
    studio.serve(sim)
    fl = floor(sim)
    assert fl.chair_uid[0] == uid
    price, end = fl.chair_price[0], fl.chair_end[0]
    assert price in (160, 300)  # Chrome Inlay or Bioluminescent Enamel at middle income
    jump(sim, end)
    studio.serve(sim)
    row = int(sim.crowd.rows_of(np.array([uid]))[0])
    assert sim.crowd.customized[row]
    assert sim.crowd.state[row] == cc.TO_HOME
    assert sim.studio().credits == credits + price
    assert sim.studio().trust == pytest.approx(trust + balance.studio.trust_per_service)
    assert fl.served == 1 and fl.chair_uid[0] == -1
    sim.close()


def test_customers_are_held_by_uid_when_the_crowd_reorders(sample_level, balance):
    sim = world(sample_level, balance)
    jump(sim, at(1, 10))
    (uid,) = arrive(sim, 1)
    studio.serve(sim)
    sim.crowd.reorder(np.arange(sim.crowd.n)[::-1].copy())  # rows move, uids stay
    jump(sim, floor(sim).chair_end[0])
    studio.serve(sim)
    row = int(sim.crowd.rows_of(np.array([uid]))[0])
    assert row == sim.crowd.n - 1 and sim.crowd.customized[row]
    assert np.count_nonzero(sim.crowd.customized[: sim.crowd.n]) == 1
    sim.close()


def _enamel_only(sim):
    assert sim.apply(SetService("chrome_inlay", False)) is None


def test_an_incident_without_dr_roth_costs_trust_and_feeds_the_pure_smiles(sample_level, balance):
    bal = dataclasses.replace(
        balance,
        services={
            **balance.services,
            "bioluminescent_enamel": dataclasses.replace(
                balance.services["bioluminescent_enamel"], incident_risk=1.0
            ),
        },
    )
    sim = world(sample_level, bal)
    _enamel_only(sim)
    jump(sim, at(1, 10))
    (uid,) = arrive(sim, 1)
    studio.serve(sim)
    s, d = sim.studio(), director(sim)
    credits, trust, momentum = s.credits, s.trust, d.momentum
    jump(sim, floor(sim).chair_end[0])
    sim.messages = []
    studio.serve(sim)
    assert record(sim).incidents == 1
    assert s.credits == credits  # no charge
    assert s.trust == pytest.approx(trust - bal.studio.incident_trust)
    assert d.momentum == pytest.approx(momentum + bal.studio.incident_momentum)
    row = int(sim.crowd.rows_of(np.array([uid]))[0])
    assert not sim.crowd.customized[row]
    assert [m.text for m in sim.messages if m.kind == "incident"] == [
        "Incident: a Bioluminescent Enamel went wrong. No charge; trust −6, Pure Smiles "
        "momentum +4. Dr. Roth on staff prevents this."
    ]
    sim.close()

    sim = world(sample_level, bal)
    lead(sim, "roth").recruited = True
    _enamel_only(sim)
    jump(sim, at(1, 10))
    arrive(sim, 1)
    studio.serve(sim)
    jump(sim, floor(sim).chair_end[0])
    studio.serve(sim)
    assert record(sim).incidents == 0 and floor(sim).served == 1
    sim.close()


def test_chairs_need_hands(sample_level, balance):
    sim = world(sample_level, balance)
    assert sim.apply(BuyChair()) is None  # 3 chairs, 1 sculptor + Zara = 2 hands
    jump(sim, at(1, 10))
    arrive(sim, 5)
    studio.serve(sim)
    assert sum(u >= 0 for u in floor(sim).chair_uid) == 2
    sim.close()
    sim = world(sample_level, balance)
    lead(sim, "zara").assignment = "resting"
    jump(sim, at(1, 10))
    arrive(sim, 5)
    studio.serve(sim)
    assert sum(u >= 0 for u in floor(sim).chair_uid) == 1
    sim.close()


def test_upgrades_unlock_services(sample_level, balance):
    sim = world(sample_level, balance)
    s = sim.studio()
    assert studio.locked_reason(sim, s, "crystal_facets") == "Crystal Facets needs the gallery wing"
    assert "crystal_facets" not in studio.offered(sim, s)
    sim.studio().credits = 100_000
    assert sim.apply(BuildUpgrade("gallery_wing")) is None
    assert "crystal_facets" in studio.offered(sim, s)
    assert sim.apply(BuildUpgrade("ar_booth")) is None
    assert studio.locked_reason(sim, s, "story_smile") == "Story Smile needs Arian Verus on staff"
    lead(sim, "arian").recruited = True
    assert "story_smile" in studio.offered(sim, s)
    sim.close()


def test_night_closes_the_studio(sample_level, balance):
    sim = world(sample_level, balance)
    jump(sim, at(1, 20))
    arrive(sim, 5)
    studio.serve(sim)
    sim.crowd.state[5:8] = cc.TO_STUDIO
    credits = sim.studio().credits
    paid = sum(floor(sim).chair_price)
    jump(sim, at(1, 23, 59))
    studio.night(sim)
    fl = floor(sim)
    assert fl.queue == [] and all(u < 0 for u in fl.chair_uid)
    assert fl.served == 2 and sim.studio().credits == credits + paid
    assert np.all(sim.crowd.state[:8] == cc.TO_HOME)
    sim.close()


def test_policies_move_trust_every_night(sample_level, balance):
    sim = world(sample_level, balance)
    s = sim.studio()
    s.pricing_policy = "sliding_scale"
    trust = s.trust
    studio.night(sim)
    assert s.trust == pytest.approx(trust + balance.studio.sliding_trust_per_day)
    s.pricing_policy = "premium"
    rep = s.reputation
    studio.night(sim)
    assert s.reputation == pytest.approx(rep + balance.studio.premium_reputation_per_day)
    sim.close()


def test_bankruptcy_after_two_nights_in_debt(sample_level, balance):
    sim = world(sample_level, balance)
    sim.studio().credits = -10
    jump(sim, at(1, 23, 59))
    sim.messages = []
    accounts.run(sim)
    assert not sim.finished
    assert [m.text for m in sim.messages if m.kind == "debt_warning"] == [
        "The studio is 430 cr in debt: 1 of 2 nights toward bankruptcy"
    ]
    jump(sim, at(2, 23, 59))
    accounts.run(sim)
    assert sim.outcome.status == "lost"
    assert sim.outcome.reason == "bankrupt: the studio ended 2 days in a row below 0 credits"
    sim.close()


def test_wages_are_paid_every_night(sample_level, balance):
    sim = world(sample_level, balance)
    s = sim.studio()
    s.sculptors = 3
    credits = s.credits
    accounts.run(sim)
    assert s.credits == credits - balance.studio.daily_rent - 3 * balance.studio.sculptor_wage
    sim.close()


def test_every_known_metric_is_sampled(sample_level, balance):
    sim = world(sample_level, balance)
    values = sample(sim)
    assert set(KNOWN_METRICS) <= set(values)
    assert values["equity"] == values["equity_index"]
    sim.close()
