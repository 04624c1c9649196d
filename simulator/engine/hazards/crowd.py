"""``crowd``: an online call to gather (Project X, Haren 2012) and the crowd it draws.

Reach (people) grows logistically after the post: R(t) = K / (1 + exp(-r (t - t_half))), t in
hours. A share ``turnout`` of the reach at the gathering time comes, arriving evenly over the
arrival window before it, so the crowd grows linearly there. Disturbance starts when the crowd
passes what the police present can handle: its time is computed in closed form, and computed
again whenever a measure lands:

- ``ordinance`` (emergency ordinance by the mayor): turnout x factor from then on;
- ``counter_message`` (online counter-messaging, a takedown request): the reach still to grow
  after it x factor;
- ``reinforce`` (police reinforcement): capacity + the rule's ``capacity``; when the police can
  then handle the crowd, order is restored.
"""

from __future__ import annotations

import math

from ..kernel import Kernel, Peers

__all__ = ["Crowd", "logistic_reach"]


def logistic_reach(reach: float, growth_per_h: float, half_after_h: float, hours: float) -> float:
    return reach / (1 + math.exp(-growth_per_h * (hours - half_after_h)))


class Crowd:
    name = "crowd"
    PEERS = ("awareness",)  # people report the gathering

    def __init__(self, kernel: Kernel, peers: Peers, spec, target: int, cause: int):
        self.kernel, self.peers, self.spec, self.place, self.cause = kernel, peers, spec, target, cause
        self.posted = kernel.now
        self.turnout = spec.turnout
        self.capacity = float(spec.police_capacity)
        self.frozen_reach: float | None = None  # reach when counter-messaging landed
        self.frozen_at_h = 0.0
        self.growth_factor = 1.0
        self.version = 0
        self.disturbed = False
        self.site = target

    # --- the closed form ------------------------------------------------------------------------
    def _full(self, hours: float) -> float:
        spec = self.spec
        return logistic_reach(spec.reach, spec.growth_per_h, spec.half_reach_after / 60, hours)

    def reach_at(self, minutes_after_post: float) -> float:
        """Reach (people): what it was when counter-messaging last landed, plus the growth of the
        call since then times the product of the measures' factors."""
        hours = minutes_after_post / 60
        if self.frozen_reach is None or hours <= self.frozen_at_h:
            return self._full(hours)
        return self.frozen_reach + (self._full(hours) - self._full(self.frozen_at_h)) * self.growth_factor

    def expected_crowd(self) -> float:
        return self.turnout * self.reach_at(self.spec.gathering_after)

    def crowd_at(self, minutes_after_post: float) -> float:
        spec = self.spec
        start = spec.gathering_after - spec.arrival
        if minutes_after_post <= start:
            return 0.0
        share = min((minutes_after_post - start) / spec.arrival, 1.0)
        return self.expected_crowd() * share

    def disturbance_after(self) -> float | None:
        """Minutes after the post when the crowd passes the police capacity, or None."""
        spec = self.spec
        crowd = self.expected_crowd()
        if crowd <= self.capacity:
            return None
        return spec.gathering_after - spec.arrival + spec.arrival * self.capacity / crowd

    # --- the run --------------------------------------------------------------------------------
    def start(self) -> None:
        spec = self.spec
        kernel = self.kernel
        kernel.call_at(spec.gathering_after - spec.arrival, self._gathering)
        kernel.call_at(spec.gathering_after + spec.lasts, self._dispersed)
        self._plan()

    def _plan(self) -> None:
        self.version += 1
        after = self.disturbance_after()
        if after is not None and not self.disturbed:
            now_after = self.kernel.now - self.posted
            self.kernel.call_at(max(after - now_after, 0.0), self._disturbance, self.version)

    def _gathering(self) -> None:
        event = self.kernel.log(
            "crowd.gathering", self.place, self.cause, {"expected": round(self.expected_crowd())}, ref="crowd"
        )
        self.peers.awareness.report_directly(self.place, event, "crowd")

    def _disturbance(self, version: int) -> None:
        if version != self.version or self.disturbed:
            return
        self.disturbed = True
        crowd = self.crowd_at(self.kernel.now - self.posted)
        event = self.kernel.log(
            "crowd.disturbance",
            self.place,
            self.cause,
            {"crowd": round(crowd), "capacity": round(self.capacity)},
            ref="crowd",
        )
        self.kernel.states.set_effect(self.place, ("disturbance", id(self)), 0.5, event)
        self.disturbance_event = event

    def _dispersed(self) -> None:
        event = self.kernel.log("crowd.dispersed", self.place, self.cause, {}, ref="crowd")
        self.kernel.states.clear_effect(self.place, ("disturbance", id(self)), event)
        self.version += 1

    def asset_changed(self, asset: int) -> None:
        return None

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        after = self.kernel.now - self.posted
        if after >= self.spec.gathering_after + self.spec.lasts:
            return False  # over
        if action in ("ordinance", "counter_message") and after >= self.spec.gathering_after - self.spec.arrival:
            return False  # the people are on their way or there: only the police can act now
        factor = rule.factor if rule is not None else 0.7
        if action == "ordinance":
            self.turnout *= factor
        elif action == "counter_message":
            self.frozen_reach = self.reach_at(self.kernel.now - self.posted)
            self.frozen_at_h = (self.kernel.now - self.posted) / 60
            self.growth_factor *= factor
        elif action == "reinforce":
            self.capacity += rule.capacity if rule is not None else 0
        else:
            return False
        if self.disturbed and self.crowd_at(self.kernel.now - self.posted) <= self.capacity:
            self.disturbed = False  # the police can handle it now: order restored
            event = self.kernel.log(
                "crowd.controlled", self.place, cause, {"capacity": round(self.capacity)}, ref="crowd"
            )
            self.kernel.states.clear_effect(self.place, ("disturbance", id(self)), event)
        self._plan()
        return True

    def finish(self) -> None:
        return None
