"""The public view: what a player (or a bot) sees, and that looking changes nothing."""

from __future__ import annotations

from game.sim.commands import RecruitLead, ScheduleEvent
from game.sim.entities import lead
from game.sim.systems import director as director_system
from game.sim.view import SimView
from tests.sim.gameplay_support import VENUE, at, only_rally, world


def test_resources_leads_and_services(sample_level, balance):
    sim = world(sample_level, balance)
    v = SimView(sim)
    r = v.resources()
    assert (r.credits, r.chairs, r.sculptors, r.staff, r.trust) == (5000, 2, 1, 2, 50.0)
    leads = {x.key: x for x in v.leads()}
    assert leads["zara"].assignment == "studio" and leads["zara"].recruit_blocker is None
    assert leads["roth"].recruit_blocker == "Dr. Roth joins when trust ≥ 60 — trust is 50"
    assert leads["roth"].fee == 1200 and leads["roth"].assignment == "not recruited"
    services = {s.key: s for s in v.services()}
    assert services["chrome_inlay"].offered and services["chrome_inlay"].price_by_band == (
        160,
        160,
        160,
    )
    assert services["story_smile"].locked == "Story Smile needs the AR booth"
    assert [u.key for u in v.upgrades()] == ["ar_booth", "gallery_wing", "workshop_room"]
    assert {t.kind for t in v.event_types()} >= {"showcase", "living_gallery"}
    sim.close()


def test_check_changes_nothing(sample_level, balance):
    sim = world(sample_level, balance)
    before = sim.state_hash()
    assert SimView(sim).check(RecruitLead("roth")) == (
        "Dr. Roth joins when trust ≥ 60 — trust is 50"
    )
    assert SimView(sim).check(ScheduleEvent("showcase", VENUE, at(1, 14))) is None
    assert sim.state_hash() == before
    sim.close()


def test_the_calendar_and_clash_warnings(sample_level, balance):
    sim = world(sample_level, balance, rally_frequency=3.0)
    director_system.run(sim)
    _, r = only_rally(sim)
    r.state = "announced"
    assert sim.apply(ScheduleEvent("showcase", VENUE, r.start_tick)) is None
    v = SimView(sim)
    entries = v.calendar()
    assert [(e.side, e.start_tick) for e in entries] == [
        ("pure_smiles", r.start_tick),
        ("studio", r.start_tick),
    ]
    assert entries[1].hosts == ("zara",) and entries[0].capacity == r.capacity
    assert [e.number for e in v.would_clash("counter_rally", VENUE, r.start_tick - 60)] == [
        r.number
    ]
    assert v.would_clash("counter_rally", VENUE, r.end_tick) == []
    leads = {x.key: x for x in v.leads()}
    assert leads["zara"].energy == 70.0
    lead(sim, "zara").hosting = 1
    assert {x.key: x for x in v.leads()}["zara"].hosting == "Showcase at Neon Plaza"
    sim.close()
