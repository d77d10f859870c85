//! The 20 webhook events of design plan 5.1 and the retry matrix of 5.3.1.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// Which way an event travels (design plan 5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From NEXUS/MCP to SPW600e.
    Incoming,
    /// From SPW600e to NEXUS/MCP.
    Outgoing,
}

macro_rules! event_types {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $dir:ident, $prio:ident; )*) => {
        /// One of the 20 webhook events of design plan 5.1. On the wire (and in the database)
        /// it is its dotted name, e.g. `quote.approved`; any other name is refused, never
        /// mapped to a default.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventType {
            $( $(#[$doc])* $variant, )*
        }

        impl EventType {
            /// Every event, in the plan's order (1–12 incoming, 13–20 outgoing).
            pub const ALL: [EventType; 20] = [ $( EventType::$variant, )* ];

            /// The exact wire name, e.g. `quote.approved`.
            pub const fn as_str(self) -> &'static str {
                match self { $( EventType::$variant => $name, )* }
            }

            /// Which way it travels (design plan 5.1).
            pub const fn direction(self) -> Direction {
                match self { $( EventType::$variant => Direction::$dir, )* }
            }

            /// Its priority: the plan's 5.1 table, with order creation and approvals raised to
            /// Critical as the 5.3.1 matrix says.
            pub const fn priority(self) -> Priority {
                match self { $( EventType::$variant => Priority::$prio, )* }
            }
        }

        impl FromStr for EventType {
            type Err = UnknownEventType;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name => Ok(EventType::$variant), )*
                    _ => Err(UnknownEventType(s.to_owned())),
                }
            }
        }
    };
}

event_types! {
    /// 1. Quote request from sales.
    QuoteRequested = "quote.requested", Incoming, High;
    /// 2. Technical drawing request.
    DrawingRequested = "drawing.requested", Incoming, High;
    /// 3. Specification document request.
    SpecificationRequested = "specification.requested", Incoming, High;
    /// 4. Manufacturing order created (order creation: Critical per 5.3.1).
    ManufacturingOrderCreated = "manufacturing.order_created", Incoming, Critical;
    /// 5. Quote modified/updated.
    QuoteUpdated = "quote.updated", Incoming, Medium;
    /// 6. Quote approved by customer (approvals: Critical per 5.3.1).
    QuoteApproved = "quote.approved", Incoming, Critical;
    /// 7. Quote rejected by customer.
    QuoteRejected = "quote.rejected", Incoming, Medium;
    /// 8. Drawing revision needed.
    DrawingRevisionRequested = "drawing.revision_requested", Incoming, Medium;
    /// 9. New customer project.
    CustomerProjectCreated = "customer.project_created", Incoming, Medium;
    /// 10. Customer portal access.
    CustomerPortalAccessRequested = "customer.portal_access_requested", Incoming, Low;
    /// 11. Production status change.
    ManufacturingStatusUpdate = "manufacturing.status_update", Incoming, Medium;
    /// 12. Quality control checkpoint.
    ManufacturingQcCheckpoint = "manufacturing.qc_checkpoint", Incoming, High;
    /// 13. Drawings ready.
    DrawingsGenerated = "drawings.generated", Outgoing, High;
    /// 14. Specification ready.
    SpecificationGenerated = "specification.generated", Outgoing, High;
    /// 15. Quote technical package ready.
    QuoteTechnicalDataReady = "quote.technical_data_ready", Outgoing, High;
    /// 16. Validation errors.
    ValidationFailed = "validation.failed", Outgoing, Medium;
    /// 17. Drawing generation progress.
    DrawingProgressUpdate = "drawing.progress_update", Outgoing, Low;
    /// 18. Drawing revision complete.
    DrawingRevisionCompleted = "drawing.revision_completed", Outgoing, Medium;
    /// 19. Cutting list generated.
    ManufacturingCuttingListReady = "manufacturing.cutting_list_ready", Outgoing, High;
    /// 20. Portal access created.
    CustomerPortalAccessGranted = "customer.portal_access_granted", Outgoing, Low;
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<&str> for EventType {
    type Error = UnknownEventType;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = EventType;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a design plan 5.1 event name such as `quote.approved`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EventType, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Name)
    }
}

/// A name that is not one of the 20 events of design plan 5.1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown event type `{}` (not one of the 20 events of design plan 5.1)",
            self.0.escape_debug()
        )
    }
}

impl std::error::Error for UnknownEventType {}

/// Event priority and its retry policy (design plan 5.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Order creation, approvals.
    Critical,
    /// Drawing and specification generation.
    High,
    /// Status updates, revisions.
    Medium,
    /// Progress updates, logging.
    Low,
}

impl Priority {
    /// Wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    /// Attempts before an event goes to the dead-letter state (5.3.1 "Max Retries" and "DLQ
    /// Threshold").
    pub const fn max_attempts(self) -> u32 {
        match self {
            Priority::Critical => 5,
            Priority::High => 4,
            Priority::Medium => 3,
            Priority::Low => 2,
        }
    }

    /// Failures after which someone is alerted (5.3.1 "Alert After"), if ever.
    pub const fn alert_after(self) -> Option<u32> {
        match self {
            Priority::Critical | Priority::High => Some(3),
            Priority::Medium | Priority::Low => None,
        }
    }

    /// Wait before attempt `attempt + 1` after `attempt` failures (1-based), without jitter:
    /// exponential 2^n s capped at 300 s for critical and high, linear 5 s or 10 s otherwise.
    pub fn delay(self, attempt: u32) -> Duration {
        match self {
            Priority::Critical | Priority::High => {
                Duration::from_secs(2u64.saturating_pow(attempt.min(16)).min(300))
            }
            Priority::Medium => Duration::from_secs(5 * u64::from(attempt)),
            Priority::Low => Duration::from_secs(10 * u64::from(attempt)),
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = UnknownPriority;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "critical" => Ok(Priority::Critical),
            "high" => Ok(Priority::High),
            "medium" => Ok(Priority::Medium),
            "low" => Ok(Priority::Low),
            _ => Err(UnknownPriority(s.to_owned())),
        }
    }
}

/// A name that is not one of the four 5.3.1 priorities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPriority(pub String);

impl fmt::Display for UnknownPriority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown priority `{}` (critical, high, medium or low)",
            self.0.escape_debug()
        )
    }
}

impl std::error::Error for UnknownPriority {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Design plan 5.1 (names, directions, priorities) with 5.3.1's "Critical (order creation,
    /// approvals)" applied to `manufacturing.order_created` and `quote.approved`.
    const PLAN: [(&str, Direction, Priority); 20] = {
        use Direction::*;
        use Priority::*;
        [
            ("quote.requested", Incoming, High),
            ("drawing.requested", Incoming, High),
            ("specification.requested", Incoming, High),
            ("manufacturing.order_created", Incoming, Critical),
            ("quote.updated", Incoming, Medium),
            ("quote.approved", Incoming, Critical),
            ("quote.rejected", Incoming, Medium),
            ("drawing.revision_requested", Incoming, Medium),
            ("customer.project_created", Incoming, Medium),
            ("customer.portal_access_requested", Incoming, Low),
            ("manufacturing.status_update", Incoming, Medium),
            ("manufacturing.qc_checkpoint", Incoming, High),
            ("drawings.generated", Outgoing, High),
            ("specification.generated", Outgoing, High),
            ("quote.technical_data_ready", Outgoing, High),
            ("validation.failed", Outgoing, Medium),
            ("drawing.progress_update", Outgoing, Low),
            ("drawing.revision_completed", Outgoing, Medium),
            ("manufacturing.cutting_list_ready", Outgoing, High),
            ("customer.portal_access_granted", Outgoing, Low),
        ]
    };

    #[test]
    fn every_plan_event_round_trips_with_its_direction_and_priority() {
        for (i, (name, dir, prio)) in PLAN.into_iter().enumerate() {
            let e: EventType = name.parse().expect("a plan event");
            assert_eq!(e, EventType::ALL[i], "plan order");
            assert_eq!(e.as_str(), name);
            assert_eq!(e.to_string(), name);
            assert_eq!(EventType::try_from(name), Ok(e));
            assert_eq!(e.direction(), dir, "{name}");
            assert_eq!(e.priority(), prio, "{name}");
            let json = serde_json::to_string(&e).expect("serialise");
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<EventType>(&json).expect("read"), e);
        }
        let incoming = EventType::ALL
            .iter()
            .filter(|e| e.direction() == Direction::Incoming)
            .count();
        assert_eq!((incoming, EventType::ALL.len() - incoming), (12, 8));
    }

    #[test]
    fn unknown_and_misspelt_names_are_refused() {
        for bad in [
            "",
            "quote.aproved",
            "Quote.Approved",
            "quote.approved ",
            "quote_approved",
            "drawing.generated",
            "quote",
            "critical",
        ] {
            assert_eq!(
                bad.parse::<EventType>(),
                Err(UnknownEventType(bad.to_owned())),
                "{bad:?}"
            );
            assert!(serde_json::from_str::<EventType>(&format!("{bad:?}")).is_err());
        }
        assert!(serde_json::from_str::<EventType>("1").is_err());
        let msg = "quote.aproved"
            .parse::<EventType>()
            .expect_err("misspelt")
            .to_string();
        assert!(msg.contains("`quote.aproved`"), "{msg}");
    }

    #[test]
    fn retry_matrix_follows_the_plan() {
        use Priority::*;
        assert_eq!(
            [Critical, High, Medium, Low].map(Priority::max_attempts),
            [5, 4, 3, 2]
        );
        assert_eq!(
            [Critical, High, Medium, Low].map(Priority::alert_after),
            [Some(3), Some(3), None, None]
        );
        let secs = |p: Priority, n| p.delay(n).as_secs();
        assert_eq!(
            [1, 2, 3, 4, 5].map(|n| secs(Critical, n)),
            [2, 4, 8, 16, 32]
        );
        assert_eq!([1, 2, 3, 4].map(|n| secs(High, n)), [2, 4, 8, 16]);
        assert_eq!(secs(High, 12), 300);
        assert_eq!(secs(Critical, u32::MAX), 300);
        assert_eq!([1, 2, 3].map(|n| secs(Medium, n)), [5, 10, 15]);
        assert_eq!([1, 2].map(|n| secs(Low, n)), [10, 20]);
        for p in [Critical, High, Medium, Low] {
            assert_eq!(p.as_str().parse::<Priority>(), Ok(p));
            assert_eq!(
                serde_json::to_string(&p).expect("serialise"),
                format!("\"{p}\"")
            );
        }
        assert!("urgent".parse::<Priority>().is_err());
        assert!("Critical".parse::<Priority>().is_err());
    }

    proptest! {
        #[test]
        fn names_round_trip(i in 0..20usize) {
            let e = EventType::ALL[i];
            prop_assert_eq!(e.as_str().parse::<EventType>(), Ok(e));
        }

        #[test]
        fn any_other_string_is_refused(s in "\\PC*|[a-z_]{1,16}\\.[a-z_]{1,24}") {
            let known = EventType::ALL.iter().any(|e| e.as_str() == s);
            prop_assert_eq!(s.parse::<EventType>().is_ok(), known);
            if !known {
                prop_assert_eq!(s.parse::<EventType>(), Err(UnknownEventType(s.clone())));
            }
        }

        #[test]
        fn a_plan_name_changed_by_one_character_is_refused(
            i in 0..20usize, at in any::<prop::sample::Index>(), c in any::<char>()
        ) {
            let name = EventType::ALL[i].as_str();
            let mut chars: Vec<char> = name.chars().collect();
            let at = at.index(chars.len());
            prop_assume!(chars[at] != c);
            chars[at] = c;
            let s: String = chars.into_iter().collect();
            prop_assert!(s.parse::<EventType>().is_err(), "{}", s);
        }
    }
}
