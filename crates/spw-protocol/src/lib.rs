//! What the workstation and the central server say to each other: the typed webhook events of
//! design plan 5.1 ([`EventType`], with its exact dotted wire name, direction and priority) and
//! the 5.3.1 retry matrix ([`Priority`]). Pure: no I/O, serde only.

mod events;

pub use events::{Direction, EventType, Priority, UnknownEventType, UnknownPriority};
