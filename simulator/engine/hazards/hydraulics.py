"""Water levels of a basin filled or emptied through an opening, exactly where possible.

Orifice flow through an open gate: Q = Cd * A * sqrt(2 g dh) (m³/s), dh the level difference (m),
in either direction. A basin of surface A_b (m²) at level h (m NAP) next to a water body at level
H (m NAP), with pumps removing Q_p (m³/s):

    dh/dt = (sign(H - h) * Cd * A * sqrt(2 g |H - h|) - Q_p) / A_b        (m/s)

With H constant and no pumping, u = H - h obeys du/dt = -k sqrt(u), k = Cd A sqrt(2 g) / A_b, so
sqrt(u(t)) = sqrt(u0) - k t / 2 until u reaches 0 (DOMAIN.md, physics notes): level and crossing
times are computed in closed form. Otherwise ``scipy.integrate.solve_ivp`` (RK45, adaptive steps)
integrates, and crossings are found on its dense output. Time here is in seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["G", "Regime", "Segment", "tide"]

G = 9.81  # m/s²
_RTOL = 1e-9
_ATOL = 1e-9
# Below this level difference (m) the orifice law is linearised: sqrt has an infinite slope at 0,
# which would make the integrator crawl near equilibrium. 0.1 mm changes no crossing that matters.
_LINEAR_BELOW_M = 1e-4


@dataclass(frozen=True)
class Regime:
    """What drives the level from a moment on: open area (m²), discharge coefficient, pumping
    (m³/s), basin surface (m²), and the upstream level H(t) (m NAP, t in seconds since the segment
    start; ``constant_upstream`` when it does not change)."""

    open_area_m2: float
    cd: float
    pumping_m3s: float
    basin_area_m2: float
    upstream: Callable[[float], float]
    constant_upstream: bool
    inflow_m3s: float = 0.0  # other inflow, e.g. rain on the catchment (m³/s)
    target_m: float = -math.inf  # pumps stop at this level (streefpeil): below it they only hold it

    def rate(self, t: float, h: float) -> float:
        """dh/dt in m/s."""
        dh = self.upstream(t) - h
        if abs(dh) < 1e-12:
            dh = 0.0  # at equilibrium: no flow (denormal differences would make the solver return NaN)
        inflow = self.inflow_m3s
        if self.open_area_m2:
            scale = self.cd * self.open_area_m2 * math.sqrt(2 * G)
            if abs(dh) >= _LINEAR_BELOW_M:
                inflow += math.copysign(scale * math.sqrt(abs(dh)), dh)
            else:
                inflow += scale * dh / math.sqrt(_LINEAR_BELOW_M)
        pumping = self.pumping_m3s if h > self.target_m else min(self.pumping_m3s, max(inflow, 0.0))
        return (inflow - pumping) / self.basin_area_m2

    @property
    def k(self) -> float:
        return self.cd * self.open_area_m2 * math.sqrt(2 * G) / self.basin_area_m2


class Segment:
    """The level from ``h0`` over ``duration_s`` seconds under one regime."""

    def __init__(self, h0: float, regime: Regime, duration_s: float):
        self.h0, self.regime, self.duration_s = h0, regime, duration_s
        # closed forms: no gate open (the level moves linearly: rain minus pumping), or a gate open
        # to a constant level with nothing else (the orifice solution)
        self.linear = regime.open_area_m2 == 0
        self.closed_form = self.linear or (
            regime.constant_upstream and regime.pumping_m3s == 0 and regime.inflow_m3s == 0
        )
        self._solution: Any = None  # scipy's OdeResult where the level is integrated numerically
        if not self.closed_form:
            from scipy.integrate import solve_ivp  # only runs with hazards need scipy (import ~0.4 s)

            self._solution = solve_ivp(
                lambda t, y: [regime.rate(t, y[0])],
                (0.0, max(duration_s, 1e-9)),
                [h0],
                # RK45, not LSODA: the pumps switch off at the target level, a jump in dh/dt. LSODA
                # could stall on it for good (steps of 4e-5 s, memory growing without bound: an
                # ensemble of sluis-havenstad hung); an explicit method rejects the step and goes on.
                # The system is not stiff (k ~ 1e-2 /s even where the orifice law is linearised).
                method="RK45",
                dense_output=True,
                rtol=_RTOL,
                atol=_ATOL,
                max_step=max(duration_s / 400, 60.0),
            )

    def level(self, t: float) -> float:
        """Level (m NAP) ``t`` seconds into the segment."""
        if self.linear:
            return self.h0 + self.regime.rate(0.0, self.h0) * t
        if self.closed_form:
            regime = self.regime
            H = regime.upstream(0.0)
            u0 = H - self.h0
            if regime.open_area_m2 == 0 or u0 == 0:
                return self.h0
            root = math.sqrt(abs(u0)) - regime.k * t / 2
            return H - math.copysign(max(root, 0.0) ** 2, u0)
        return float(self._solution.sol(min(t, self.duration_s))[0])

    def first_crossing(self, target: float, upward: bool = True, after_s: float = 0.0) -> float | None:
        """Seconds (from the segment's start) until the level first reaches ``target`` from below
        (or above) at or after ``after_s`` seconds into the segment, else None."""
        if after_s > 0:
            if not self.closed_form:
                return self._event(lambda t, y: y[0] - target, 1 if upward else -1, after_s)
            # closed forms move one way: the crossing from the start, unless it is behind us
            t = self.first_crossing(target, upward)
            return t if t is not None and t >= after_s else None
        h0 = self.h0
        if (upward and h0 >= target) or (not upward and h0 <= target):
            return 0.0 if h0 == target else None
        if self.linear:
            speed = self.regime.rate(0.0, h0)
            if speed == 0 or (speed > 0) != upward:
                return None
            t = (target - h0) / speed
            return t if t <= self.duration_s else None
        if self.closed_form:
            regime = self.regime
            H = regime.upstream(0.0)
            if regime.open_area_m2 == 0 or not (min(h0, H) <= target <= max(h0, H)) or (upward != (H > h0)):
                return None
            t = 2 * (math.sqrt(abs(H - h0)) - math.sqrt(abs(H - target))) / regime.k
            return t if t <= self.duration_s else None
        return self._event(lambda t, y: y[0] - target, 1 if upward else -1)

    def peak(self, up_to_s: float | None = None) -> tuple[float, float]:
        """(seconds, level) of the highest level in the segment (up to ``up_to_s``)."""
        limit = self.duration_s if up_to_s is None else min(up_to_s, self.duration_s)
        if self.closed_form:
            end = self.level(limit)
            return (0.0, self.h0) if self.h0 >= end else (limit, end)
        best_t, best = 0.0, self.h0
        for a, b in self._steps():
            if a >= limit:
                break
            b = min(b, limit)
            for t in (b, *self._roots(lambda x: self.regime.rate(x, self.level(x)), a, b)):
                level = self.level(t)
                if level > best:
                    best_t, best = t, level
        return best_t, best

    def _steps(self):
        ts = self._solution.t
        return zip(ts[:-1], ts[1:])

    def _event(self, function, direction: int, after_s: float = 0.0) -> float | None:
        """First time in the segment (at or after ``after_s``) where ``function(t, y)`` crosses 0
        in ``direction``."""
        from scipy.optimize import brentq

        for a, b in self._steps():
            if b <= after_s:
                continue
            a = max(a, after_s)
            fa, fb = function(a, [self.level(a)]), function(b, [self.level(b)])
            if (direction > 0 and fa < 0 <= fb) or (direction < 0 and fa > 0 >= fb):
                return brentq(lambda t: function(t, [self.level(t)]), a, b, xtol=1e-6, rtol=1e-12)
        return None

    @staticmethod
    def _roots(function, a: float, b: float) -> list[float]:
        from scipy.optimize import brentq

        fa, fb = function(a), function(b)
        if fa > 0 >= fb:
            return [brentq(function, a, b, xtol=1e-6, rtol=1e-12)]
        return []


def tide(
    mean_m: float, amplitude_m: float, period_s: float, phase_s: float, offset_s: float
) -> Callable[[float], float]:
    """Upstream level (m NAP) ``t`` seconds after ``offset_s`` (seconds since the scenario start);
    high water at ``phase_s`` after the start."""
    if amplitude_m == 0:
        return lambda t: mean_m
    omega = 2 * math.pi / period_s
    return lambda t: mean_m + amplitude_m * math.cos(omega * (offset_s + t - phase_s))
