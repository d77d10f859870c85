//! Deterministic work accounting and the caller's optional stop signal.
//!
//! The optimiser never reads a clock. Its effort is measured in work units
//! (roughly one inner-loop step: a knapsack cell, a simplex matrix entry, a
//! search node) and capped by [`crate::SolveOptions::max_work`]. A front end
//! that wants a wall-clock limit passes a stop closure; it is polled between
//! steps, and once it returns `true` the optimiser finishes with the best
//! plan found so far (which then depends on timing, so is not deterministic).

/// Work meter shared by all solver stages.
pub(crate) struct Work<'a> {
    used: u64,
    limit: u64,
    stop: Option<&'a dyn Fn() -> bool>,
    stopped: bool,
}

impl<'a> Work<'a> {
    /// A meter allowing `limit` units.
    pub fn new(limit: u64, stop: Option<&'a dyn Fn() -> bool>) -> Self {
        Self {
            used: 0,
            limit,
            stop,
            stopped: false,
        }
    }

    /// Records `units` of work.
    pub fn charge(&mut self, units: u64) {
        self.used = self.used.saturating_add(units);
    }

    /// Whether the budget is spent or the caller asked to stop.
    pub fn exhausted(&mut self) -> bool {
        if self.stopped || self.used >= self.limit {
            return true;
        }
        if self.stop.is_some_and(|stop| stop()) {
            self.stopped = true;
        }
        self.stopped
    }

    /// Work units spent so far.
    pub fn used(&self) -> u64 {
        self.used
    }

    /// Units left before the budget is spent.
    pub fn remaining(&self) -> u64 {
        self.limit.saturating_sub(self.used)
    }
}
