"""Every player command: refused for each of its reasons (the text players read), then carried
out. The sample world: one venue (#2 Neon Plaza, capacity 200), one rally point, Zara on staff."""

from __future__ import annotations

import dataclasses
import json

import esper
import pytest

from game.sim.commands import (
    COMMANDS,
    AdoptTransparencyCharter,
    AssignLead,
    BuildUpgrade,
    BuyChair,
    CancelEvent,
    Command,
    DismissSculptor,
    HireSculptor,
    RecruitLead,
    ScheduleEvent,
    SetService,
    SetServicePrice,
    UniteTheTribes,
)
from game.sim.entities import event_by_number, events, floor, lead, record, venue
from game.sim.systems import events as event_system
from tests.sim.gameplay_support import VENUE, at, jump, recruit_all, world


@pytest.fixture
def sim(sample_level, balance):
    s = world(sample_level, balance)
    yield s
    s.close()


def refused(sim, command):
    reason = sim.apply(command)
    assert reason is not None, f"{command} was accepted"
    return reason


# --------------------------------------------------------------------------- recruit


def test_recruit_refusals_then_roth_joins(sim):
    assert refused(sim, RecruitLead("bob")) == (
        "there is no lead 'bob' (leads: zara, roth, milo, arian)"
    )
    assert refused(sim, RecruitLead("zara")) == "Zara Kline has already joined the studio"
    assert refused(sim, RecruitLead("roth")) == "Dr. Roth joins when trust ≥ 60 — trust is 50"
    sim.studio().trust = 60.0
    sim.studio().credits = 1000
    assert refused(sim, RecruitLead("roth")) == "Dr. Roth's fee is 1,200 cr — you have 1,000 cr"
    sim.studio().credits = 5000
    sim.messages = []
    assert sim.apply(RecruitLead("roth")) is None
    assert lead(sim, "roth").recruited and sim.studio().credits == 3800
    assert [m.text for m in sim.messages if m.kind == "lead_recruited"] == [
        "Dr. Eli Roth joins the Smile Studio (fee 1,200 cr)"
    ]


def test_milo_joins_after_the_first_counter_event(sim):
    assert refused(sim, RecruitLead("milo")) == (
        "Milo joins after your first counter-event — 0 held so far"
    )
    record(sim).events_held = 1
    assert sim.apply(RecruitLead("milo")) is None


def test_arian_joins_once_the_ar_booth_is_built(sim):
    assert refused(sim, RecruitLead("arian")) == "Arian joins once the AR booth is built"
    sim.studio().upgrades.append("ar_booth")
    assert sim.apply(RecruitLead("arian")) is None


def test_a_lead_the_level_leaves_out_cannot_join(sample_level, balance):
    sim = world(sample_level, balance, leads_available="zara,roth")
    assert refused(sim, RecruitLead("milo")) == "Milo Trevane is not in this part of the city"
    sim.close()


def test_leads_start_recruited_from_the_map(sample_level, balance):
    sim = world(sample_level, balance, leads_start="zara,milo")
    assert lead(sim, "milo").recruited and not lead(sim, "roth").recruited
    sim.close()


# --------------------------------------------------------------------------- assign


def test_assign_refusals_and_rest(sim):
    assert refused(sim, AssignLead("bob", "studio")).startswith("there is no lead 'bob'")
    assert refused(sim, AssignLead("zara", "dance")) == (
        "assignment 'dance' is not one of: studio, resting"
    )
    assert (
        refused(sim, AssignLead("roth", "studio")) == "Dr. Eli Roth has not joined the studio yet"
    )
    assert refused(sim, AssignLead("zara", "studio")) == "Zara Kline is already working the studio"
    assert sim.apply(AssignLead("zara", "resting")) is None
    assert refused(sim, AssignLead("zara", "resting")) == "Zara Kline is already resting"
    assert lead(sim, "zara").assignment == "resting"


# --------------------------------------------------------------------------- schedule


def test_schedule_refusals_in_order(sim):
    start = at(1, 14)
    assert refused(sim, ScheduleEvent("party", VENUE, start)) == (
        "there is no event type 'party' (types: showcase, counter_rally, ar_installation, "
        "ethics_forum, community_workshop, living_gallery)"
    )
    assert refused(sim, ScheduleEvent("showcase", 99, start)) == (
        "there is no venue #99 on this map"
    )
    jump(sim, at(1, 9))
    assert refused(sim, ScheduleEvent("showcase", VENUE, at(1, 8))) == (
        "that start time has passed: it is now Day 1 09:00"
    )
    assert refused(sim, ScheduleEvent("showcase", VENUE, at(1, 9, 10))) == (
        "a Showcase needs 30 minutes to set up: start at Day 1 09:30 or later"
    )
    assert refused(sim, ScheduleEvent("showcase", VENUE, at(5, 10))) == (
        "events can be booked at most 3 days ahead (until day 4)"
    )
    assert refused(sim, ScheduleEvent("showcase", VENUE, at(1, 22))) == (
        "a Showcase lasts 3 h and must end by 24:00: start by 21:00"
    )
    assert refused(sim, ScheduleEvent("community_workshop", VENUE, start, host="zara")) == (
        "Community Workshops need the workshop room: build it first"
    )


def test_schedule_refusals_for_venue_hosts_energy_and_money(sim):
    start = at(1, 14)
    assert refused(sim, ScheduleEvent("counter_rally", VENUE, start)) == (
        "Milo Trevane has not joined the studio yet"
    )
    assert refused(sim, ScheduleEvent("living_gallery", VENUE, start)) == (
        "The Living Gallery needs all four leads: Dr. Eli Roth has not joined"
    )
    assert refused(sim, ScheduleEvent("ethics_forum", VENUE, start)) == (
        "Dr. Eli Roth has not joined the studio yet"
    )
    assert refused(sim, ScheduleEvent("showcase", VENUE, start, host="roth")) == (
        "a Showcase is hosted by Zara Kline"
    )
    sim.studio().upgrades.append("workshop_room")
    assert refused(sim, ScheduleEvent("community_workshop", VENUE, start)) == (
        "say who hosts the Community Workshop (any lead who has joined)"
    )
    assert refused(sim, ScheduleEvent("community_workshop", VENUE, start, host="x")) == (
        "there is no lead 'x' (leads: zara, roth, milo, arian)"
    )
    lead(sim, "zara").energy = 20.0
    assert refused(sim, ScheduleEvent("showcase", VENUE, start)) == (
        "Zara Kline has 20 energy: a Showcase needs 30 (resting restores it)"
    )
    lead(sim, "zara").energy = 100.0
    sim.studio().credits = 100
    assert refused(sim, ScheduleEvent("showcase", VENUE, start)) == (
        "A Showcase costs 350 cr: you have 100 cr"
    )
    sim.studio().credits = 5000
    assert sim.apply(ScheduleEvent("showcase", VENUE, start)) is None
    assert refused(sim, ScheduleEvent("community_workshop", VENUE, start + 60, host="zara")) == (
        "Neon Plaza is booked for a Showcase from Day 1 14:00 to 17:00"
    )


def test_a_busy_host_and_a_small_venue_are_refused(sample_level, balance):
    sim = world(sample_level, balance)
    recruit_all(sim)
    sim.studio().credits = 50_000
    assert sim.apply(ScheduleEvent("showcase", VENUE, at(1, 14))) is None
    plaza = venue(sim, VENUE)
    plaza.capacity = 120
    assert refused(sim, ScheduleEvent("living_gallery", VENUE, at(1, 18))) == (
        "Neon Plaza holds 120: The Living Gallery needs a venue for at least 150"
    )
    plaza.capacity = 200
    sim.studio().upgrades.append("workshop_room")
    esper.create_entity(dataclasses.replace(plaza, object_id=77, name="Back Alley"))
    assert refused(sim, ScheduleEvent("community_workshop", 77, at(1, 15), host="zara")) == (
        "Zara Kline is hosting the Showcase at Neon Plaza then"
    )
    assert sim.apply(ScheduleEvent("community_workshop", 77, at(1, 15), host="milo")) is None
    sim.close()


def test_the_living_gallery_once_per_level(sample_level, balance):
    sim = world(sample_level, balance)
    recruit_all(sim)
    sim.studio().credits = 50_000
    assert sim.apply(ScheduleEvent("living_gallery", VENUE, at(1, 14))) is None
    assert refused(sim, ScheduleEvent("living_gallery", VENUE, at(2, 14))) == (
        "The Living Gallery can be held once per level, and it is already booked"
    )
    sim.close()


def test_schedule_books_the_event_pays_and_reserves_energy(sim):
    sim.messages = []
    assert sim.apply(ScheduleEvent("showcase", VENUE, at(1, 14))) is None
    ((ent, ev),) = events(sim)
    assert (ev.number, ev.kind, ev.state, ev.hosts) == (1, "showcase", "scheduled", ["zara"])
    assert (ev.start_tick, ev.end_tick) == (at(1, 14), at(1, 17))
    assert ev.capacity == 200 and ev.district == -1
    assert sim.studio().credits == 5000 - 350
    assert lead(sim, "zara").energy == 70.0
    assert [m.text for m in sim.messages if m.kind == "event_scheduled"] == [
        "Showcase booked at Neon Plaza, Day 1 14:00–17:00, hosted by Zara Kline (350 cr)"
    ]


# --------------------------------------------------------------------------- cancel


def test_cancel_refusals_and_refund(sim):
    assert refused(sim, CancelEvent(4)) == "there is no booked event #4"
    assert sim.apply(ScheduleEvent("showcase", VENUE, at(1, 14))) is None
    assert sim.apply(CancelEvent(1)) is None
    assert sim.studio().credits == 5000 - 350 + 175
    assert lead(sim, "zara").energy == 100.0
    assert refused(sim, CancelEvent(1)) == "the Showcase at Neon Plaza is already cancelled"
    assert sim.apply(ScheduleEvent("showcase", VENUE, at(1, 15))) is None
    jump(sim, at(1, 15))
    event_system.run(sim)
    assert refused(sim, CancelEvent(2)) == (
        "the Showcase at Neon Plaza has already begun: it cannot be cancelled"
    )
    assert event_by_number(sim, 2)[1].state == "active"


# --------------------------------------------------------------------------- studio purchases


def test_buy_chair_refusals(sim):
    sim.studio().credits = 100
    assert refused(sim, BuyChair()) == "A chair costs 900 cr: you have 100 cr"
    sim.studio().credits = 50_000
    assert sim.apply(BuyChair()) is None and sim.apply(BuyChair()) is None
    assert refused(sim, BuyChair()) == (
        "the studio has room for 4 chairs: build the gallery wing for more"
    )
    assert sim.apply(BuildUpgrade("gallery_wing")) is None
    assert sim.apply(BuyChair()) is None and sim.apply(BuyChair()) is None
    assert refused(sim, BuyChair()) == "the studio has no room for more than 6 chairs"
    assert len(floor(sim).chair_uid) == 6


def test_hire_and_dismiss_sculptors(sim):
    sim.studio().credits = 100
    assert refused(sim, HireSculptor()) == "Hiring a sculptor costs 250 cr: you have 100 cr"
    sim.studio().credits = 50_000
    for _ in range(7):
        assert sim.apply(HireSculptor()) is None
    assert refused(sim, HireSculptor()) == "the studio cannot employ more than 8 sculptors"
    for _ in range(8):
        assert sim.apply(DismissSculptor()) is None
    assert refused(sim, DismissSculptor()) == "there are no hired sculptors to dismiss"


def test_build_upgrade_refusals(sim):
    assert refused(sim, BuildUpgrade("pool")) == (
        "there is no upgrade 'pool' (upgrades: ar_booth, gallery_wing, workshop_room)"
    )
    sim.studio().credits = 1000
    assert (
        refused(sim, BuildUpgrade("ar_booth")) == "The AR booth costs 2,200 cr: you have 1,000 cr"
    )
    sim.studio().credits = 5000
    rep = sim.studio().reputation
    assert sim.apply(BuildUpgrade("gallery_wing")) is None
    assert sim.studio().reputation == rep + 8.0
    assert refused(sim, BuildUpgrade("gallery_wing")) == "the gallery wing is already built"


def test_set_service_refusals(sim):
    assert refused(sim, SetService("gold", True)) == (
        "there is no service 'gold' (services: bioluminescent_enamel, chrome_inlay, "
        "crystal_facets, story_smile)"
    )
    assert refused(sim, SetService("chrome_inlay", True)) == "Chrome Inlay is already offered"
    assert sim.apply(SetService("chrome_inlay", False)) is None
    assert refused(sim, SetService("chrome_inlay", False)) == "Chrome Inlay is already off"
    assert sim.apply(SetService("chrome_inlay", True)) is None
    assert sim.apply(SetService("story_smile", False)) is None
    assert refused(sim, SetService("story_smile", True)) == "Story Smile needs the AR booth"


def test_set_service_price_refusals(sim):
    assert refused(sim, SetServicePrice("gold", 10)).startswith("there is no service 'gold'")
    assert refused(sim, SetServicePrice("chrome_inlay", 79)) == (
        "Chrome Inlay's price must be between 80 cr and 320 cr"
    )
    assert refused(sim, SetServicePrice("chrome_inlay", 160)) == "Chrome Inlay already costs 160 cr"
    assert sim.apply(SetServicePrice("chrome_inlay", 200)) is None
    assert sim.studio().prices["chrome_inlay"] == 200


# --------------------------------------------------------------------------- abilities


def test_transparency_charter_refusals(sim):
    assert refused(sim, AdoptTransparencyCharter()) == (
        "the Transparency Charter needs Dr. Eli Roth: he has not joined yet"
    )
    lead(sim, "roth").recruited = True
    sim.studio().credits = 10
    assert refused(sim, AdoptTransparencyCharter()) == (
        "The Transparency Charter costs 700 cr: you have 10 cr"
    )
    sim.studio().credits = 5000
    trust = sim.studio().trust
    assert sim.apply(AdoptTransparencyCharter()) is None
    assert sim.studio().charter and sim.studio().trust == trust + 8.0
    assert (
        refused(sim, AdoptTransparencyCharter()) == "the Transparency Charter is already in force"
    )


def test_unite_the_tribes_refusals_and_effect(sim, balance):
    assert refused(sim, UniteTheTribes()) == (
        "Unite the Tribes needs Milo Trevane: he has not joined yet"
    )
    milo = lead(sim, "milo")
    milo.recruited = True
    milo.energy = 10.0
    assert refused(sim, UniteTheTribes()) == (
        "Milo Trevane has 10 energy: uniting the tribes needs 35"
    )
    milo.energy = 100.0
    sim.studio().credits = 10
    assert refused(sim, UniteTheTribes()) == "Uniting the tribes costs 600 cr: you have 10 cr"
    sim.studio().credits = 5000
    c = sim.crowd
    naturals = sorted(balance.tribes).index("naturals")
    before = float(c.opinion[: c.n][c.tribe[: c.n] == naturals].mean())
    assert sim.apply(UniteTheTribes()) is None
    after = float(c.opinion[: c.n][c.tribe[: c.n] == naturals].mean())
    assert after > before  # the least supportive tribe moved toward the city
    assert refused(sim, UniteTheTribes()) == "Milo can unite the tribes again on day 3"
    record(sim).unite_ready_day = 0
    assert sim.apply(ScheduleEvent("counter_rally", VENUE, at(1, 14))) is None
    jump(sim, at(1, 14))
    event_system.run(sim)
    assert refused(sim, UniteTheTribes()) == (
        "Milo Trevane is hosting the Counter-Rally at Neon Plaza right now"
    )


# --------------------------------------------------------------------------- plumbing


def test_every_command_round_trips_through_json():
    samples = {
        "recruit_lead": RecruitLead("roth"),
        "assign_lead": AssignLead("zara", "resting"),
        "schedule_event": ScheduleEvent("showcase", 2, 480, "zara"),
        "cancel_event": CancelEvent(1),
        "buy_chair": BuyChair(),
        "hire_sculptor": HireSculptor(),
        "dismiss_sculptor": DismissSculptor(),
        "build_upgrade": BuildUpgrade("ar_booth"),
        "set_service": SetService("chrome_inlay", False),
        "set_service_price": SetServicePrice("chrome_inlay", 200),
        "adopt_transparency_charter": AdoptTransparencyCharter(),
        "unite_the_tribes": UniteTheTribes(),
    }
    for name, cmd in samples.items():
        assert COMMANDS[name] is type(cmd)
        assert Command.from_dict(json.loads(json.dumps(cmd.to_dict()))) == cmd
    assert (
        Command.from_dict(
            {"type": "schedule_event", "kind": "showcase", "venue": 2, "start_tick": 480}
        ).host
        == ""
    )
